<div class="narrow">
<h1>[[survey.title]]</h1>
[[include:partials/error_summary]]
<p>[[survey.lead]]</p>
<p class="muted">[[survey.program]]{{PROGRAM_NAME}}</p>
<div class="notice"><p>[[survey.anonymous]]</p></div>
<form method="post" action="/survey/{{TOKEN}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  [[include:survey/questions]]
  <div class="visually-hidden" aria-hidden="true">
    <label for="website">[[survey.honeypot]]</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
  </div>
  <button type="submit" class="button button--primary">[[survey.submit]]</button>
</form>
</div>
