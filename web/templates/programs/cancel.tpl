<div class="narrow">
<h1>[[days.cancel.title]]</h1>
<p>{{NAME}}</p>
<p><strong>{{DATE}} {{TIME}}</strong></p>
<p>[[days.cancel.lead]]</p>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[days.cancel.submit]]</button>
</form>
<p><a href="/programs/{{ID}}?fy={{FY}}">[[days.generate.back]]</a></p>
</div>
