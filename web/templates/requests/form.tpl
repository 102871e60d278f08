<h1>[[requests.form.heading]]</h1>
<p class="lead">{{ORG_NAME}}</p>
<p>[[requests.form.lead]]</p>
[[include:partials/error_summary]]
<form method="post" action="/request/{{ORG_ID}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_TOPIC}} field--error{{/ERR_TOPIC}}"{{#ERR_TOPIC}} aria-describedby="topic-error"{{/ERR_TOPIC}}>
    <legend>[[requests.form.topic]]</legend>
    {{#ERR_TOPIC}}<p class="field__error" id="topic-error">{{MESSAGE}}</p>{{/ERR_TOPIC}}
    {{#TOPIC}}<div class="radio"><input type="radio" id="{{ID}}" name="topic" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/TOPIC}}
    <p class="hint">[[requests.form.topic_hint]]</p>
  </fieldset>
  <fieldset class="field{{#ERR_REQUESTER_KIND}} field--error{{/ERR_REQUESTER_KIND}}"{{#ERR_REQUESTER_KIND}} aria-describedby="requester_kind-error"{{/ERR_REQUESTER_KIND}}>
    <legend>[[requests.form.requester_kind]]</legend>
    {{#ERR_REQUESTER_KIND}}<p class="field__error" id="requester_kind-error">{{MESSAGE}}</p>{{/ERR_REQUESTER_KIND}}
    {{#REQUESTER_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="requester_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/REQUESTER_KIND}}
  </fieldset>
  <fieldset class="field{{#ERR_CONDITION_KIND}} field--error{{/ERR_CONDITION_KIND}}"{{#ERR_CONDITION_KIND}} aria-describedby="condition_kind-error"{{/ERR_CONDITION_KIND}}>
    <legend>[[requests.form.condition_kind]]</legend>
    {{#ERR_CONDITION_KIND}}<p class="field__error" id="condition_kind-error">{{MESSAGE}}</p>{{/ERR_CONDITION_KIND}}
    {{#CONDITION_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="condition_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CONDITION_KIND}}
  </fieldset>
  <fieldset class="field{{#ERR_WISH}} field--error{{/ERR_WISH}}"{{#ERR_WISH}} aria-describedby="wish-error"{{/ERR_WISH}}>
    <legend>[[requests.form.wish]]</legend>
    {{#ERR_WISH}}<p class="field__error" id="wish-error">{{MESSAGE}}</p>{{/ERR_WISH}}
    {{#WISH}}<div class="radio"><input type="radio" id="{{ID}}" name="wish" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/WISH}}
  </fieldset>
  <div class="field{{#ERR_MESSAGE}} field--error{{/ERR_MESSAGE}}">
    <label for="message">[[requests.form.message]]</label>
    <p class="hint" id="message-hint">[[requests.form.message_hint]]</p>
    {{#ERR_MESSAGE}}<p class="field__error" id="message-error">{{MESSAGE}}</p>{{/ERR_MESSAGE}}
    <textarea id="message" name="message" rows="6" maxlength="2000" aria-describedby="message-hint{{#ERR_MESSAGE}} message-error{{/ERR_MESSAGE}}"{{#ERR_MESSAGE}} aria-invalid="true"{{/ERR_MESSAGE}}>{{V_MESSAGE}}</textarea>
  </div>
  <h2>[[requests.form.section_contact]]</h2>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[requests.form.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="60" autocomplete="name" value="{{V_NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[requests.form.furigana]]</label>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="60" value="{{V_FURIGANA}}"{{#ERR_FURIGANA}} aria-invalid="true" aria-describedby="furigana-error"{{/ERR_FURIGANA}}>
  </div>
  <p class="hint">[[requests.form.contact_hint]]</p>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[requests.form.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="254" autocomplete="email" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[requests.form.phone]]</label>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="{{V_PHONE}}"{{#ERR_PHONE}} aria-invalid="true" aria-describedby="phone-error"{{/ERR_PHONE}}>
  </div>
  <div class="visually-hidden" aria-hidden="true">
    <label for="website">[[booking.form.honeypot]]</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="">
  </div>
  <div class="notice"><p>[[requests.form.privacy]]</p></div>
  <div class="field{{#ERR_CONSENT}} field--error{{/ERR_CONSENT}}">
    {{#ERR_CONSENT}}<p class="field__error" id="consent-error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
    <div class="radio"><input type="checkbox" id="consent" name="consent" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="consent-error"{{/ERR_CONSENT}}><label for="consent">[[requests.form.consent]]</label></div>
  </div>
  <button type="submit" class="button button--primary">[[requests.form.send]]</button>
</form>
