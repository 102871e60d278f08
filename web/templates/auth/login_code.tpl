<div class="narrow">
<h1>[[login.code_title]]</h1>
[[include:partials/error_summary]]
<p>[[login.code_lead]]</p>
<form method="post" action="/login/code" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <div class="field{{#ERR_CODE}} field--error{{/ERR_CODE}}">
    <label for="code">[[login.code]]</label>
    <p class="field__hint" id="code-hint">[[login.code_hint]]</p>
    {{#ERR_CODE}}<p class="field__error" id="code-error">{{MESSAGE}}</p>{{/ERR_CODE}}
    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="64" class="input--short" aria-describedby="code-hint{{#ERR_CODE}} code-error{{/ERR_CODE}}"{{#ERR_CODE}} aria-invalid="true"{{/ERR_CODE}}>
  </div>
  <button type="submit" class="button button--primary">[[login.code_submit]]</button>
</form>
<p class="muted">[[login.code_help]]</p>
</div>
