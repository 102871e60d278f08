<p class="breadcrumb"><a href="{{CLIENT_PATH}}">[[consents.back_client]]</a></p>
<h1>[[consents.new.title]]</h1>
<dl class="summary-list">
  <div><dt>[[consents.field.client]]</dt><dd>{{CLIENT_NAME}}</dd></div>
  <div><dt>[[consents.field.recorded_by]]</dt><dd>{{OWN_ORG}}</dd></div>
</dl>
<p>[[consents.new.lead]]</p>
{{#PARTNER_SCOPE}}<div class="notice" role="note"><p>{{OWNER_ORG}}[[consents.new.partner_scope]]</p></div>{{/PARTNER_SCOPE}}
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_ORGANIZATIONS}} field--error{{/ERR_ORGANIZATIONS}}" aria-describedby="organizations-hint{{#ERR_ORGANIZATIONS}} organizations-error{{/ERR_ORGANIZATIONS}}">
    <legend>[[consents.field.organizations]]</legend>
    <p class="field__hint" id="organizations-hint">[[consents.new.organizations_hint]]</p>
    {{#ERR_ORGANIZATIONS}}<p class="field__error" id="organizations-error">{{MESSAGE}}</p>{{/ERR_ORGANIZATIONS}}
    {{#NO_ORGS}}<p>[[consents.new.no_orgs]]</p>{{/NO_ORGS}}
    {{#KIND_GROUP}}<p class="consent-kind">{{KIND}}</p>
    {{#ORG}}<div class="radio"><input type="checkbox" id="{{ID}}" name="organizations" value="{{ORG_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{NAME}}<span class="visually-hidden">（{{KIND}}）</span></label></div>
    {{/ORG}}{{/KIND_GROUP}}
  </fieldset>
  <fieldset class="field{{#ERR_ITEMS}} field--error{{/ERR_ITEMS}}" aria-describedby="items-hint{{#ERR_ITEMS}} items-error{{/ERR_ITEMS}}">
    <legend>[[consents.field.items]]</legend>
    <p class="field__hint" id="items-hint">[[consents.new.items_hint]]</p>
    {{#ERR_ITEMS}}<p class="field__error" id="items-error">{{MESSAGE}}</p>{{/ERR_ITEMS}}
    {{#ITEM}}<div class="radio"><input type="checkbox" id="{{ID}}" name="items" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/ITEM}}
  </fieldset>
  <fieldset class="field{{#ERR_PURPOSE}} field--error{{/ERR_PURPOSE}}"{{#ERR_PURPOSE}} aria-describedby="purpose-error"{{/ERR_PURPOSE}}>
    <legend>[[consents.field.purpose]]</legend>
    {{#ERR_PURPOSE}}<p class="field__error" id="purpose-error">{{MESSAGE}}</p>{{/ERR_PURPOSE}}
    {{#PURPOSE}}<div class="radio"><input type="radio" id="{{ID}}" name="purpose" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/PURPOSE}}
  </fieldset>
  <div class="field{{#ERR_PURPOSE_NOTE}} field--error{{/ERR_PURPOSE_NOTE}}">
    <label for="purpose_note">[[consents.field.purpose_note]]</label>
    <p class="field__hint" id="purpose_note-hint">[[consents.new.purpose_note_hint]]</p>
    {{#ERR_PURPOSE_NOTE}}<p class="field__error" id="purpose_note-error">{{MESSAGE}}</p>{{/ERR_PURPOSE_NOTE}}
    <textarea id="purpose_note" name="purpose_note" rows="3" maxlength="{{MAX_NOTE}}" aria-describedby="purpose_note-hint{{#ERR_PURPOSE_NOTE}} purpose_note-error{{/ERR_PURPOSE_NOTE}}"{{#ERR_PURPOSE_NOTE}} aria-invalid="true"{{/ERR_PURPOSE_NOTE}}>{{V_PURPOSE_NOTE}}</textarea>
  </div>
  <fieldset class="field">
    <legend>[[consents.field.employer_group]]</legend>
    <p class="field__hint">[[consents.new.employer_hint]]</p>
    <div class="field{{#ERR_EMPLOYER}} field--error{{/ERR_EMPLOYER}}">
      <label for="employer">[[consents.field.employer]]</label>
      {{#ERR_EMPLOYER}}<p class="field__error" id="employer-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER}}
      <input id="employer" name="employer" type="text" maxlength="{{MAX_EMPLOYER}}" value="{{V_EMPLOYER}}"{{#ERR_EMPLOYER}} aria-invalid="true" aria-describedby="employer-error"{{/ERR_EMPLOYER}}>
    </div>
    <div class="field{{#ERR_EMPLOYER_EMAIL}} field--error{{/ERR_EMPLOYER_EMAIL}}">
      <label for="employer_email">[[consents.field.employer_email]]</label>
      <p class="field__hint" id="employer_email-hint">[[consents.new.employer_email_hint]]</p>
      {{#ERR_EMPLOYER_EMAIL}}<p class="field__error" id="employer_email-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER_EMAIL}}
      <input id="employer_email" name="employer_email" type="email" autocomplete="off" value="{{V_EMPLOYER_EMAIL}}" aria-describedby="employer_email-hint{{#ERR_EMPLOYER_EMAIL}} employer_email-error{{/ERR_EMPLOYER_EMAIL}}"{{#ERR_EMPLOYER_EMAIL}} aria-invalid="true"{{/ERR_EMPLOYER_EMAIL}}>
    </div>
  </fieldset>
  <fieldset class="field">
    <legend>[[consents.field.period]]</legend>
    <p class="field__hint">[[consents.new.period_hint]]</p>
    <div class="inline-fields">
      <div class="field{{#ERR_VALID_FROM}} field--error{{/ERR_VALID_FROM}}">
        <label for="valid_from">[[consents.field.valid_from]]</label>
        {{#ERR_VALID_FROM}}<p class="field__error" id="valid_from-error">{{MESSAGE}}</p>{{/ERR_VALID_FROM}}
        <input id="valid_from" name="valid_from" type="date" class="input--short" value="{{V_VALID_FROM}}"{{#ERR_VALID_FROM}} aria-invalid="true" aria-describedby="valid_from-error"{{/ERR_VALID_FROM}}>
      </div>
      <div class="field{{#ERR_VALID_UNTIL}} field--error{{/ERR_VALID_UNTIL}}">
        <label for="valid_until">[[consents.field.valid_until]]</label>
        {{#ERR_VALID_UNTIL}}<p class="field__error" id="valid_until-error">{{MESSAGE}}</p>{{/ERR_VALID_UNTIL}}
        <input id="valid_until" name="valid_until" type="date" class="input--short" value="{{V_VALID_UNTIL}}"{{#ERR_VALID_UNTIL}} aria-invalid="true" aria-describedby="valid_until-error"{{/ERR_VALID_UNTIL}}>
      </div>
    </div>
  </fieldset>
  <fieldset class="field{{#ERR_METHOD}} field--error{{/ERR_METHOD}}" aria-describedby="method-hint{{#ERR_METHOD}} method-error{{/ERR_METHOD}}">
    <legend>[[consents.field.method]]</legend>
    <p class="field__hint" id="method-hint">[[consents.new.method_hint]]</p>
    {{#ERR_METHOD}}<p class="field__error" id="method-error">{{MESSAGE}}</p>{{/ERR_METHOD}}
    {{#METHOD}}<div class="radio"><input type="radio" id="{{ID}}" name="method" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/METHOD}}
  </fieldset>
  <button type="submit" class="button">[[consents.new.submit]]</button>
</form>
