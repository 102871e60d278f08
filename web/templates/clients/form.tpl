<p class="breadcrumb"><a href="{{BACK_PATH}}">{{#NEW}}[[clients.form.back_list]]{{/NEW}}{{#EDITING}}[[clients.form.back_client]]{{/EDITING}}</a></p>
{{#NEW}}<h1>[[clients.new.title]]</h1>{{/NEW}}{{#EDITING}}<h1>[[clients.edit.title]]</h1>{{/EDITING}}
{{#FROM_BOOKING}}<div class="notice" role="status"><p>[[clients.new.from_booking]]</p></div>{{/FROM_BOOKING}}
[[include:partials/error_summary]]
{{#DUPLICATES}}
<div class="notice notice--warning" role="alert" aria-labelledby="duplicates-title" tabindex="-1">
  <h2 id="duplicates-title" class="notice__title">[[clients.duplicates.title]]</h2>
  <p>[[clients.duplicates.lead]]</p>
  <ul>
    {{#DUPLICATE}}<li><a href="{{PATH}}">{{NAME}}</a>{{#HAS_KANA}}（{{KANA}}）{{/HAS_KANA}} {{AGE}} ・ {{ORG}}{{#SHARED}} <span class="badge badge--info">[[clients.list.shared_badge]]</span>{{/SHARED}}</li>{{/DUPLICATE}}
  </ul>
  <p>[[clients.duplicates.hint]] <a href="#confirm_new">[[clients.duplicates.hint_link]]</a></p>
</div>
{{/DUPLICATES}}
<p>[[clients.form.lead]]</p>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#FROM_BOOKING}}<input type="hidden" name="booking_id" value="{{BOOKING_ID}}">{{/FROM_BOOKING}}
  {{#HAS_VERSION}}<input type="hidden" name="version" value="{{VERSION}}">{{/HAS_VERSION}}
  <h2>[[consent.item.basic]]</h2>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[clients.field.name]] <span class="muted">[[clients.form.required]]</span></label>
    <p class="field__hint" id="name-hint">[[clients.form.name_hint]]</p>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="{{MAX_NAME}}" autocomplete="off" value="{{V_NAME}}" aria-describedby="name-hint{{#ERR_NAME}} name-error{{/ERR_NAME}}"{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_KANA}} field--error{{/ERR_KANA}}">
    <label for="kana">[[clients.field.kana]] <span class="muted">[[clients.form.required]]</span></label>
    <p class="field__hint" id="kana-hint">[[clients.form.kana_hint]]</p>
    {{#ERR_KANA}}<p class="field__error" id="kana-error">{{MESSAGE}}</p>{{/ERR_KANA}}
    <input id="kana" name="kana" type="text" maxlength="{{MAX_NAME}}" autocomplete="off" value="{{V_KANA}}" aria-describedby="kana-hint{{#ERR_KANA}} kana-error{{/ERR_KANA}}"{{#ERR_KANA}} aria-invalid="true"{{/ERR_KANA}}>
  </div>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[clients.field.phone]]</label>
    <p class="field__hint" id="phone-hint">[[clients.form.phone_hint]]</p>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" class="input--short" maxlength="30" autocomplete="off" value="{{V_PHONE}}" aria-describedby="phone-hint{{#ERR_PHONE}} phone-error{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
  </div>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[clients.field.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="{{MAX_SHORT}}" autocomplete="off" spellcheck="false" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_BIRTH_YEAR}} field--error{{/ERR_BIRTH_YEAR}}">
    <label for="birth_year">[[clients.field.birth_year]]</label>
    <p class="field__hint" id="birth_year-hint">[[clients.form.birth_year_hint]]</p>
    {{#ERR_BIRTH_YEAR}}<p class="field__error" id="birth_year-error">{{MESSAGE}}</p>{{/ERR_BIRTH_YEAR}}
    <input id="birth_year" name="birth_year" type="text" inputmode="numeric" class="input--short" maxlength="8" autocomplete="off" value="{{V_BIRTH_YEAR}}" aria-describedby="birth_year-hint{{#ERR_BIRTH_YEAR}} birth_year-error{{/ERR_BIRTH_YEAR}}"{{#ERR_BIRTH_YEAR}} aria-invalid="true"{{/ERR_BIRTH_YEAR}}>
  </div>
  <div class="field{{#ERR_AGE_BAND}} field--error{{/ERR_AGE_BAND}}">
    <label for="age_band">[[clients.field.age_band]]</label>
    <p class="field__hint" id="age_band-hint">[[clients.form.age_band_hint]]</p>
    {{#ERR_AGE_BAND}}<p class="field__error" id="age_band-error">{{MESSAGE}}</p>{{/ERR_AGE_BAND}}
    <select id="age_band" name="age_band" class="input--short" aria-describedby="age_band-hint{{#ERR_AGE_BAND}} age_band-error{{/ERR_AGE_BAND}}"{{#ERR_AGE_BAND}} aria-invalid="true"{{/ERR_AGE_BAND}}>
      <option value="">[[clients.form.unknown]]</option>
      {{#AGE_BAND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGE_BAND}}
    </select>
  </div>
  <fieldset class="field{{#ERR_GENDER}} field--error{{/ERR_GENDER}}"{{#ERR_GENDER}} aria-describedby="gender-error"{{/ERR_GENDER}}>
    <legend>[[clients.field.gender]]</legend>
    {{#ERR_GENDER}}<p class="field__error" id="gender-error">{{MESSAGE}}</p>{{/ERR_GENDER}}
    {{#GENDER}}<div class="radio"><input type="radio" id="{{ID}}" name="gender" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/GENDER}}
  </fieldset>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[clients.field.municipality]]</label>
    <p class="field__hint" id="municipality-hint">[[clients.form.municipality_hint]]</p>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="50" autocomplete="off" value="{{V_MUNICIPALITY}}" aria-describedby="municipality-hint{{#ERR_MUNICIPALITY}} municipality-error{{/ERR_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>

  <h2>[[consent.item.medical]]</h2>
  <div class="field{{#ERR_DIAGNOSIS}} field--error{{/ERR_DIAGNOSIS}}">
    <label for="diagnosis">[[clients.field.diagnosis]]</label>
    <p class="field__hint" id="diagnosis-hint">[[clients.form.diagnosis_hint]]</p>
    {{#ERR_DIAGNOSIS}}<p class="field__error" id="diagnosis-error">{{MESSAGE}}</p>{{/ERR_DIAGNOSIS}}
    <input id="diagnosis" name="diagnosis" type="text" maxlength="{{MAX_SHORT}}" autocomplete="off" value="{{V_DIAGNOSIS}}" aria-describedby="diagnosis-hint{{#ERR_DIAGNOSIS}} diagnosis-error{{/ERR_DIAGNOSIS}}"{{#ERR_DIAGNOSIS}} aria-invalid="true"{{/ERR_DIAGNOSIS}}>
  </div>
  <fieldset class="field{{#ERR_TREATMENT_STATUS}} field--error{{/ERR_TREATMENT_STATUS}}"{{#ERR_TREATMENT_STATUS}} aria-describedby="treatment_status-error"{{/ERR_TREATMENT_STATUS}}>
    <legend>[[clients.field.treatment_status]]</legend>
    {{#ERR_TREATMENT_STATUS}}<p class="field__error" id="treatment_status-error">{{MESSAGE}}</p>{{/ERR_TREATMENT_STATUS}}
    {{#TREATMENT}}<div class="radio"><input type="radio" id="{{ID}}" name="treatment_status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/TREATMENT}}
  </fieldset>

  <h2>[[consent.item.work]]</h2>
  <fieldset class="field{{#ERR_WORK_STATUS}} field--error{{/ERR_WORK_STATUS}}"{{#ERR_WORK_STATUS}} aria-describedby="work_status-error"{{/ERR_WORK_STATUS}}>
    <legend>[[clients.field.work_status]]</legend>
    {{#ERR_WORK_STATUS}}<p class="field__error" id="work_status-error">{{MESSAGE}}</p>{{/ERR_WORK_STATUS}}
    {{#WORK}}<div class="radio"><input type="radio" id="{{ID}}" name="work_status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/WORK}}
  </fieldset>
  <div class="field{{#ERR_EMPLOYER}} field--error{{/ERR_EMPLOYER}}">
    <label for="employer">[[clients.field.employer]]</label>
    <p class="field__hint" id="employer-hint">[[clients.form.employer_hint]]</p>
    {{#ERR_EMPLOYER}}<p class="field__error" id="employer-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER}}
    <input id="employer" name="employer" type="text" maxlength="{{MAX_SHORT}}" autocomplete="off" value="{{V_EMPLOYER}}" aria-describedby="employer-hint{{#ERR_EMPLOYER}} employer-error{{/ERR_EMPLOYER}}"{{#ERR_EMPLOYER}} aria-invalid="true"{{/ERR_EMPLOYER}}>
  </div>

  <h2>[[clients.page.own_notes]]</h2>
  <div class="field{{#ERR_NOTES}} field--error{{/ERR_NOTES}}">
    <label for="notes">[[clients.field.notes]]</label>
    <p class="field__hint" id="notes-hint">[[clients.form.notes_hint]]</p>
    {{#ERR_NOTES}}<p class="field__error" id="notes-error">{{MESSAGE}}</p>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="5" maxlength="{{MAX_NOTES}}" aria-describedby="notes-hint{{#ERR_NOTES}} notes-error{{/ERR_NOTES}}"{{#ERR_NOTES}} aria-invalid="true"{{/ERR_NOTES}}>{{V_NOTES}}</textarea>
  </div>
  {{#DUPLICATES}}
  <fieldset class="field field--error" aria-describedby="confirm_new-hint">
    <legend>[[clients.duplicates.confirm_legend]]</legend>
    <p class="field__hint" id="confirm_new-hint">[[clients.duplicates.confirm_hint]]</p>
    <div class="radio"><input type="checkbox" id="confirm_new" name="confirm_new" value="1"><label for="confirm_new">[[clients.duplicates.confirm]]</label></div>
  </fieldset>
  {{/DUPLICATES}}
  <button type="submit" class="button">{{#NEW}}[[clients.new.submit]]{{/NEW}}{{#EDITING}}[[clients.edit.submit]]{{/EDITING}}</button>
</form>
