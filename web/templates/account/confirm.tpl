<div class="narrow">
<h1>[[account.confirm.title]]</h1>
[[include:partials/error_summary]]
<p>[[account.confirm.lead]]</p>
<form method="post" action="/account/confirm" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <input type="text" name="username" value="{{EMAIL}}" autocomplete="username" class="visually-hidden" tabindex="-1" aria-hidden="true">
  <div class="field{{#ERR_PASSWORD}} field--error{{/ERR_PASSWORD}}">
    <label for="password">[[account.confirm.password]]</label>
    {{#ERR_PASSWORD}}<p class="field__error" id="password-error">{{MESSAGE}}</p>{{/ERR_PASSWORD}}
    <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024"{{#ERR_PASSWORD}} aria-invalid="true" aria-describedby="password-error"{{/ERR_PASSWORD}}>
  </div>
  <div class="field{{#ERR_CODE}} field--error{{/ERR_CODE}}">
    <label for="code">[[account.confirm.code]]</label>
    <p class="field__hint" id="code-hint">[[account.confirm.code_hint]]</p>
    {{#ERR_CODE}}<p class="field__error" id="code-error">{{MESSAGE}}</p>{{/ERR_CODE}}
    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="64" class="input--short" aria-describedby="code-hint{{#ERR_CODE}} code-error{{/ERR_CODE}}"{{#ERR_CODE}} aria-invalid="true"{{/ERR_CODE}}>
  </div>
  <button type="submit" class="button button--primary">[[account.confirm.submit]]</button>
</form>
<p><a href="/account">[[account.back]]</a></p>
</div>
