<div class="narrow">
<h1>[[invitation.title]]</h1>
[[include:partials/error_summary]]
<p>[[invitation.lead]]</p>
<dl class="summary-list">
  <div><dt>[[invitation.organization]]</dt><dd>{{ORG_NAME}}</dd></div>
  <div><dt>[[invitation.name]]</dt><dd>{{DISPLAY_NAME}}</dd></div>
  <div><dt>[[invitation.email]]</dt><dd>{{EMAIL}}</dd></div>
</dl>
<form method="post" action="/invitation/{{TOKEN}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="text" name="username" value="{{EMAIL}}" autocomplete="username" class="visually-hidden" tabindex="-1" aria-hidden="true">
  <div class="field{{#ERR_PASSWORD}} field--error{{/ERR_PASSWORD}}">
    <label for="password">[[invitation.password]]</label>
    <p class="field__hint" id="password-hint">[[invitation.password_hint]]</p>
    {{#ERR_PASSWORD}}<p class="field__error" id="password-error">{{MESSAGE}}</p>{{/ERR_PASSWORD}}
    <input id="password" name="password" type="password" autocomplete="new-password" maxlength="1024" aria-describedby="password-hint{{#ERR_PASSWORD}} password-error{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}}>
  </div>
  <div class="field{{#ERR_PASSWORD_CONFIRM}} field--error{{/ERR_PASSWORD_CONFIRM}}">
    <label for="password_confirm">[[invitation.password_confirm]]</label>
    {{#ERR_PASSWORD_CONFIRM}}<p class="field__error" id="password_confirm-error">{{MESSAGE}}</p>{{/ERR_PASSWORD_CONFIRM}}
    <input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" maxlength="1024"{{#ERR_PASSWORD_CONFIRM}} aria-invalid="true" aria-describedby="password_confirm-error"{{/ERR_PASSWORD_CONFIRM}}>
  </div>
  <button type="submit" class="button button--primary">[[invitation.submit]]</button>
</form>
</div>
