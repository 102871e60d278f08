<h1>[[days.preview.title]]</h1>
<p>{{NAME}} ／ {{FY_LABEL}}</p>
<dl class="summary-list">
  <dt>[[days.preview.rule]]</dt><dd>{{RULE}}</dd>
  <dt>[[days.preview.holidays]]</dt><dd>{{HOLIDAYS}}</dd>
  <dt>[[days.preview.place]]</dt><dd>{{PLACE}}</dd>
  <dt>[[days.field.booths]]</dt><dd>{{BOOTHS}}</dd>
  <dt>[[days.field.slot_minutes]]</dt><dd>{{SLOT_MINUTES}}[[days.preview.minutes]]（{{SLOT_TIMES}}）</dd>
</dl>
<table class="data-table">
  <caption>[[days.preview.caption]]（{{DAY_COUNT}}[[days.list.count_suffix]]）</caption>
  <thead>
    <tr>
      <th scope="col">[[days.col.number]]</th>
      <th scope="col">[[days.col.date]]</th>
      <th scope="col">[[days.col.time]]</th>
      <th scope="col">[[days.col.note]]</th>
    </tr>
  </thead>
  <tbody>
    {{#DAY}}<tr><td>{{NUMBER}}</td><th scope="row">{{DATE}}</th><td>{{TIME}}</td><td>{{NOTE}}</td></tr>{{/DAY}}
  </tbody>
</table>
{{#HAS_SKIPPED}}
<h2>[[days.preview.skipped]]</h2>
<ul>
  {{#SKIPPED}}<li>{{DATE}}：{{NOTE}}</li>{{/SKIPPED}}
</ul>
{{/HAS_SKIPPED}}
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
