<h1>[[events.full_page.title]]</h1>
<div class="notice notice--warning" role="status">
  <p>[[events.full_page.lead]]（{{MODE_LABEL}}）</p>
</div>
<dl class="summary-list">
  <div><dt>[[events.details.event]]</dt><dd>{{TITLE}}<br>{{WHEN}}</dd></div>
</dl>
<h2>[[events.full_page.wait_title]]</h2>
<p>[[events.full_page.wait_lead]]</p>
<form method="post" action="/events/{{EVENT_ID}}/register/submit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <input type="hidden" name="mode" value="{{MODE}}">
  <input type="hidden" name="accept_waiting" value="1">
  <button type="submit" name="action" value="send" class="button button--primary">[[events.full_page.wait]]</button>
</form>
{{#OTHER}}<h2>[[events.full_page.other_title]]</h2>
<form method="post" action="/events/{{EVENT_ID}}/register/submit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <input type="hidden" name="mode" value="{{OTHER_MODE}}">
  <button type="submit" name="action" value="send" class="button button--secondary">[[events.full_page.other]]（{{OTHER_LABEL}}）</button>
</form>
{{#BOTH}}<h2>[[events_lifecycle.both.title]]</h2>
<p>[[events_lifecycle.both.lead]]</p>
<form method="post" action="/events/{{EVENT_ID}}/register/submit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <input type="hidden" name="mode" value="venue">
  <input type="hidden" name="accept_waiting" value="1">
  <input type="hidden" name="also_online" value="1">
  <button type="submit" name="action" value="send" class="button button--secondary">[[events_lifecycle.both.button]]</button>
</form>{{/BOTH}}{{/OTHER}}
<p><a href="/events/{{EVENT_ID}}">[[events.register.back]]</a></p>
