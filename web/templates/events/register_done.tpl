<div class="notice notice--success" role="status">
  {{#REGISTERED}}<h1>[[events.done.title]]</h1>{{/REGISTERED}}
  {{#WAITING}}<h1>[[events.done.waiting_title]]</h1>
  <p>{{POSITION_TEXT}}</p>{{/WAITING}}
  <p>[[events.done.reference]] <strong>{{REFERENCE}}</strong></p>
</div>
<dl class="summary-list">
  <div><dt>[[events.details.event]]</dt><dd>{{TITLE}}<br>{{WHEN}}</dd></div>
</dl>
{{#ONLINE_MEANWHILE}}<p>[[events_lifecycle.both.done]]</p>{{/ONLINE_MEANWHILE}}
{{#HAS_EMAIL}}<p>[[events.done.mail_sent]]</p>{{/HAS_EMAIL}}
<p>[[events.done.cancel]]</p>
