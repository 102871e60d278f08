<div class="narrow">
<h1>[[account.password.title]]</h1>
[[include:partials/error_summary]]
<p>[[account.password.lead]]</p>
<form method="post" action="/account/password" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="text" name="username" value="{{EMAIL}}" autocomplete="username" class="visually-hidden" tabindex="-1" aria-hidden="true">
  <div class="field{{#ERR_CURRENT_PASSWORD}} field--error{{/ERR_CURRENT_PASSWORD}}">
    <label for="current_password">[[account.password.current]]</label>
    {{#ERR_CURRENT_PASSWORD}}<p class="field__error" id="current_password-error">{{MESSAGE}}</p>{{/ERR_CURRENT_PASSWORD}}
    <input id="current_password" name="current_password" type="password" autocomplete="current-password" maxlength="1024"{{#ERR_CURRENT_PASSWORD}} aria-invalid="true" aria-describedby="current_password-error"{{/ERR_CURRENT_PASSWORD}}>
  </div>
  <div class="field{{#ERR_PASSWORD}} field--error{{/ERR_PASSWORD}}">
    <label for="password">[[account.password.new]]</label>
    <p class="field__hint" id="password-hint">[[account.password.hint]]</p>
    {{#ERR_PASSWORD}}<p class="field__error" id="password-error">{{MESSAGE}}</p>{{/ERR_PASSWORD}}
    <input id="password" name="password" type="password" autocomplete="new-password" maxlength="1024" aria-describedby="password-hint{{#ERR_PASSWORD}} password-error{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}}>
  </div>
  <div class="field{{#ERR_PASSWORD_CONFIRM}} field--error{{/ERR_PASSWORD_CONFIRM}}">
    <label for="password_confirm">[[account.password.confirm]]</label>
    {{#ERR_PASSWORD_CONFIRM}}<p class="field__error" id="password_confirm-error">{{MESSAGE}}</p>{{/ERR_PASSWORD_CONFIRM}}
    <input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" maxlength="1024"{{#ERR_PASSWORD_CONFIRM}} aria-invalid="true" aria-describedby="password_confirm-error"{{/ERR_PASSWORD_CONFIRM}}>
  </div>
  <div class="notice notice--info" role="note"><p>[[account.password.sessions_end]]</p></div>
  <button type="submit" class="button button--primary">[[account.password.submit]]</button>
</form>
<p><a href="/account">[[account.back]]</a></p>
</div>
