<h1>[[days.preview.title]]</h1>
<p>{{NAME}} ／ {{FY_LABEL}}</p>
<dl class="summary-list">
  {{#RULE}}<dt>[[days.preview.rule]]（{{MONTHS}}）</dt><dd>{{TEXT}}<br>[[days.preview.place]]：{{PLACE}}<br>[[days.field.slot_minutes]]：{{SLOT_TIMES}}</dd>
  {{/RULE}}
  <dt>[[days.preview.holidays]]</dt><dd>{{HOLIDAYS}}</dd>
  <dt>[[days.field.booths]]</dt><dd>{{BOOTHS}}</dd>
  <dt>[[days.field.slot_minutes]]</dt><dd>{{SLOT_MINUTES}}[[days.preview.minutes]]</dd>
</dl>
<div class="table-wrap">
<table class="data-table">
  <caption>[[days.preview.caption]]（{{DAY_COUNT}}[[days.list.count_suffix]]）</caption>
  <thead>
    <tr>
      <th scope="col">[[days.col.number]]</th>
      <th scope="col">[[days.col.date]]</th>
      <th scope="col">[[days.col.time]]</th>
      <th scope="col">[[days.preview.place]]</th>
      <th scope="col">[[days.col.note]]</th>
    </tr>
  </thead>
  <tbody>
    {{#DAY}}<tr><td>{{NUMBER}}</td><th scope="row">{{DATE}}</th><td>{{TIME}}</td><td>{{PLACE}}</td><td>{{NOTE}}</td></tr>{{/DAY}}
  </tbody>
</table>
</div>
{{#HAS_SKIPPED}}
<h2>[[days.preview.skipped]]</h2>
<ul>
  {{#SKIPPED}}<li>{{DATE}}：{{NOTE}}</li>{{/SKIPPED}}
</ul>
{{/HAS_SKIPPED}}
{{#KEPT}}
<h2>[[schedule2.preview.kept]]</h2>
<p>[[schedule2.preview.kept_lead]]</p>
<ul>
  {{#ITEM}}<li>{{DATE}} {{TIME}} {{VENUE}}（[[schedule2.preview.booked]]{{BOOKED}}）</li>{{/ITEM}}
</ul>
{{/KEPT}}
{{#REMOVED}}
<h2>[[schedule2.preview.removed]]</h2>
<p>[[schedule2.preview.removed_lead]]</p>
<ul>
  {{#ITEM}}<li>{{DATE}} {{TIME}} {{VENUE}}</li>{{/ITEM}}
</ul>
{{/REMOVED}}
<form method="post" action="/programs/{{ID}}/generate">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button button--primary">[[days.preview.submit]]</button>
</form>
<form method="post" action="/programs/{{ID}}/generate/edit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button">[[days.preview.back]]</button>
</form>
