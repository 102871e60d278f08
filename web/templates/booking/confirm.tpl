<h1>[[booking.confirm.title]]</h1>
<p class="lead">[[booking.confirm.lead]]</p>
<dl class="summary-list">
  <div><dt>[[booking.confirm.when]]</dt><dd>{{WHEN}}<br>{{PLACE}}</dd></div>
  {{#ANSWER}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>{{/ANSWER}}
</dl>
<form method="post" action="/book/{{PROGRAM_ID}}/submit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" name="action" value="send" class="button button--primary">[[booking.confirm.send]]</button>
  <button type="submit" name="action" value="edit" class="button button--secondary">[[booking.confirm.edit]]</button>
</form>
