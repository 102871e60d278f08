<div class="narrow">
<h1>[[enroll.title]]</h1>
[[include:partials/error_summary]]
<ol class="steps">
  <li>[[enroll.step_app]]</li>
  <li>[[enroll.step_scan]]
    <div class="qr">{{QR_SVG:none}}</div>
    <p>[[enroll.manual]] <code class="secret" id="totp-secret">{{SECRET}}</code></p>
  </li>
  <li>[[enroll.step_code]]</li>
</ol>
<form method="post" action="/enroll" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_CODE}} field--error{{/ERR_CODE}}">
    <label for="code">[[enroll.code]]</label>
    {{#ERR_CODE}}<p class="field__error" id="code-error">{{MESSAGE}}</p>{{/ERR_CODE}}
    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="16" class="input--short"{{#ERR_CODE}} aria-invalid="true" aria-describedby="code-error"{{/ERR_CODE}}>
  </div>
  <button type="submit" class="button button--primary">[[enroll.submit]]</button>
</form>
</div>
