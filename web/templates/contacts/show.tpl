<p class="breadcrumb"><a href="/org/contacts?month={{MONTH}}">[[contacts.list.title]]</a></p>
<h1>[[contacts.show.title]]</h1>
<dl class="summary-list">
  <dt>[[contacts.field.contacted_on]]</dt><dd>{{DATE}}{{#LATE}} <span class="badge badge--warning">[[contacts.late]]</span>{{/LATE}}</dd>
  <dt>[[contacts.field.channel]]</dt><dd>{{CHANNEL}}</dd>
  <dt>[[contacts.field.requester_kind]]</dt><dd>{{REQUESTER}}</dd>
  {{#EMPLOYER}}<dt>[[contacts.field.employer]]</dt><dd>{{NAME}}（{{CONSENT}}）</dd>{{/EMPLOYER}}
  {{#PROGRAM}}<dt>[[contacts.field.program]]</dt><dd>{{PROGRAM_NAME}}</dd>{{/PROGRAM}}
  {{#CASE}}<dt>[[contacts.case]]</dt><dd><a href="/cases/{{CASE_ID}}">#{{CASE_ID}}</a></dd>{{/CASE}}
  <dt>[[contacts.field.minutes]]</dt><dd>{{MINUTES}}</dd>
  <dt>[[contacts.field.topics]]</dt><dd><ul>{{#TOPIC}}<li>{{LABEL}}</li>{{/TOPIC}}</ul></dd>
  <dt>[[contacts.field.summary]]</dt><dd class="pre-line">{{SUMMARY}}</dd>
  <dt>[[contacts.show.recorded]]</dt><dd>{{RECORDED_BY}} {{RECORDED_AT}}</dd>
</dl>
