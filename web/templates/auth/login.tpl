<div class="narrow">
<h1>[[login.title]]</h1>
{{#LOGGED_OUT}}<div class="notice notice--success" role="status"><p>[[login.logged_out]]</p></div>{{/LOGGED_OUT}}
{{#EXPIRED}}<div class="notice notice--info" role="status"><p>[[login.expired]]</p></div>{{/EXPIRED}}
{{#PASSWORD_CHANGED}}<div class="notice notice--success" role="status"><p>[[login.password_changed]]</p></div>{{/PASSWORD_CHANGED}}
[[include:partials/error_summary]]
<form method="post" action="/login" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[login.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" autocomplete="username" spellcheck="false" maxlength="254" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_PASSWORD}} field--error{{/ERR_PASSWORD}}">
    <label for="password">[[login.password]]</label>
    {{#ERR_PASSWORD}}<p class="field__error" id="password-error">{{MESSAGE}}</p>{{/ERR_PASSWORD}}
    <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024"{{#ERR_PASSWORD}} aria-invalid="true" aria-describedby="password-error"{{/ERR_PASSWORD}}>
  </div>
  <button type="submit" class="button button--primary">[[login.submit]]</button>
</form>
<p class="muted">[[login.help]]</p>
<p><a href="/directory">[[directory.link]]</a></p>
</div>
