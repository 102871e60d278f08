<h1>[[events.register.title]]</h1>
<div class="notice" role="status">
  <p><strong>{{TITLE}}</strong><br>{{WHEN}}</p>
  <p><a href="/events/{{EVENT_ID}}">[[events.register.back]]</a></p>
</div>
[[include:partials/error_summary]]
<p>[[events.register.lead]]</p>
<form method="post" action="/events/{{EVENT_ID}}/register/confirm" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
[[include:events/registrant_fields]]
  <div class="visually-hidden" aria-hidden="true">
    <label for="website">[[events.register.honeypot]]</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
  </div>
  <h2>[[events.privacy.title]]</h2>
  <div class="notice">
    <p>[[events.privacy.purpose]]</p>
    <p>[[events.privacy.who]]</p>
  </div>
  <div class="field{{#ERR_CONSENT}} field--error{{/ERR_CONSENT}}">
    {{#ERR_CONSENT}}<p class="field__error" id="consent-error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
    <div class="radio"><input type="checkbox" id="consent" name="consent" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="consent-error"{{/ERR_CONSENT}}><label for="consent">[[events.privacy.consent]]</label></div>
  </div>
  <button type="submit" class="button button--primary">[[events.register.next]]</button>
</form>
