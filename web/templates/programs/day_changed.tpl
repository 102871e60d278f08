<h1>{{#CANCELLED}}[[daychange.done.cancelled_title]]{{/CANCELLED}}{{#MOVED}}[[daychange.done.moved_title]]{{/MOVED}}</h1>
<div class="notice notice--success" role="status">
  <p>{{EMAILED}}</p>
  <p>{{STAFF}}</p>
</div>
<dl class="summary-list">
  <dt>[[daychange.field.program]]</dt><dd>{{NAME}}</dd>
  {{#CANCELLED}}<dt>[[daychange.done.cancelled_day]]</dt><dd>{{DATE}} {{TIME}}</dd>{{/CANCELLED}}
  {{#MOVED}}<dt>[[daychange.move.before]]</dt><dd>{{OLD_DATE}} {{OLD_TIME}}</dd>
  <dt>[[daychange.move.after]]</dt><dd>{{DATE}} {{TIME}}</dd>{{/MOVED}}
</dl>
{{#HAS_CALLS}}
<h2>[[daychange.calls.title]]</h2>
<div class="notice notice--warning">
  <p>[[daychange.calls.lead]]</p>
</div>
<div class="table-wrap">
<table class="data-table">
  <caption>[[daychange.calls.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[daychange.calls.reference]]</th>
      <th scope="col">[[daychange.calls.time]]</th>
      <th scope="col">[[daychange.calls.status]]</th>
      <th scope="col">[[daychange.calls.name]]</th>
      <th scope="col">[[daychange.calls.furigana]]</th>
      <th scope="col">[[daychange.calls.phone]]</th>
    </tr>
  </thead>
  <tbody>
    {{#CALL}}<tr><th scope="row">{{REFERENCE}}</th><td>{{TIME}}</td><td>{{STATUS}}</td><td>{{PERSON_NAME}}</td><td>{{FURIGANA}}</td><td class="nowrap">{{PHONE}}</td></tr>{{/CALL}}
  </tbody>
</table>
</div>
<p>[[daychange.calls.after]] <a href="/programs/{{ID}}/days/{{DAY_ID}}/calls">[[daychange.calls.open_list]]</a></p>
{{/HAS_CALLS}}
<p><a href="/programs/{{ID}}?fy={{FY}}">[[daychange.back]]</a></p>
