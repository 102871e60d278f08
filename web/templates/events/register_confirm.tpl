<h1>[[events.confirm.title]]</h1>
<p class="lead">[[events.confirm.lead]]</p>
{{#FULL_NOW}}<div class="notice notice--warning"><p>[[events.confirm.full_now]]</p></div>{{/FULL_NOW}}
{{#WILL_WAIT}}<div class="notice"><p>[[events.confirm.will_wait]]</p></div>{{/WILL_WAIT}}
<dl class="summary-list">
  <div><dt>[[events.details.event]]</dt><dd>{{TITLE}}<br>{{WHEN}}</dd></div>
  {{#ANSWER}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>{{/ANSWER}}
</dl>
<form method="post" action="/events/{{EVENT_ID}}/register/submit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" name="action" value="send" class="button button--primary">[[events.confirm.send]]</button>
  <button type="submit" name="action" value="edit" class="button button--secondary">[[events.confirm.edit]]</button>
</form>
