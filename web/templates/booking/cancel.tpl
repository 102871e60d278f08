<h1>[[booking.cancel.title]]</h1>
<dl class="summary-list">
  <div><dt>[[booking.done.reference]]</dt><dd>{{REFERENCE}}</dd></div>
  <div><dt>[[booking.confirm.when]]</dt><dd>{{WHEN}}<br>{{PLACE}}</dd></div>
</dl>
<p>[[booking.cancel.lead]]</p>
<form method="post" action="/book/cancel/{{TOKEN}}">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[booking.cancel.submit]]</button>
</form>
