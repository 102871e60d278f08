<h1>[[booking.form.title]]</h1>
<div class="notice" role="status">
  <p>[[booking.form.chosen]] <strong>{{WHEN}}</strong><br>{{PLACE}}</p>
  <p><a href="/book/{{PROGRAM_ID}}">[[booking.form.change_slot]]</a></p>
</div>
[[include:partials/error_summary]]
[[include:booking/public_info]]
<p>[[booking.form.lead]]</p>
<form method="post" action="/book/{{PROGRAM_ID}}/confirm" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="slot" value="{{SLOT_ID}}">
  {{#ERR_SLOT_ID}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_SLOT_ID}}

[[include:booking/intake_fields]]
  <div class="visually-hidden" aria-hidden="true">
    <label for="website">[[booking.form.honeypot]]</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
  </div>

  <h2>[[booking.privacy.title]]</h2>
  <div class="notice">
    <p>[[booking.privacy.purpose]]</p>
    <p>[[booking.privacy.who]]</p>
    <p>[[booking.privacy.retention]]</p>
  </div>
  <div class="field{{#ERR_CONSENT}} field--error{{/ERR_CONSENT}}">
    {{#ERR_CONSENT}}<p class="field__error" id="consent-error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
    <div class="radio"><input type="checkbox" id="consent" name="consent" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="consent-error"{{/ERR_CONSENT}}><label for="consent">[[booking.privacy.consent]]</label></div>
  </div>
  <button type="submit" class="button button--primary">[[booking.form.next]]</button>
</form>
