<p class="breadcrumb"><a href="/peers">[[peers.list.title]]</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<p>[[peers.form.lead]]</p>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_DISPLAY_NAME}} field--error{{/ERR_DISPLAY_NAME}}">
    <label for="display_name">[[peers.field.display_name]]</label>
    <p class="hint" id="display_name-hint">[[peers.form.display_name_hint]]</p>
    {{#ERR_DISPLAY_NAME}}<p class="field__error" id="display_name-error">{{MESSAGE}}</p>{{/ERR_DISPLAY_NAME}}
    <input id="display_name" name="display_name" type="text" maxlength="50" value="{{V_DISPLAY_NAME}}" aria-describedby="display_name-hint{{#ERR_DISPLAY_NAME}} display_name-error{{/ERR_DISPLAY_NAME}}"{{#ERR_DISPLAY_NAME}} aria-invalid="true"{{/ERR_DISPLAY_NAME}}>
  </div>
  <h2>[[peers.form.section_private]]</h2>
  <p class="hint">[[peers.form.private_hint]]</p>
  <div class="field{{#ERR_REAL_NAME}} field--error{{/ERR_REAL_NAME}}">
    <label for="real_name">[[peers.field.real_name]]</label>
    {{#ERR_REAL_NAME}}<p class="field__error" id="real_name-error">{{MESSAGE}}</p>{{/ERR_REAL_NAME}}
    <input id="real_name" name="real_name" type="text" maxlength="100" value="{{V_REAL_NAME}}"{{#ERR_REAL_NAME}} aria-describedby="real_name-error"{{/ERR_REAL_NAME}}{{#ERR_REAL_NAME}} aria-invalid="true"{{/ERR_REAL_NAME}}>
  </div>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[peers.field.phone]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" maxlength="30" value="{{V_PHONE}}"{{#ERR_PHONE}} aria-describedby="phone-error"{{/ERR_PHONE}}{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
  </div>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[peers.field.email]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="254" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-describedby="email-error"{{/ERR_EMAIL}}{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_ADDRESS}} field--error{{/ERR_ADDRESS}}">
    <label for="address">[[peers.field.address]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_ADDRESS}}<p class="field__error" id="address-error">{{MESSAGE}}</p>{{/ERR_ADDRESS}}
    <input id="address" name="address" type="text" maxlength="300" value="{{V_ADDRESS}}"{{#ERR_ADDRESS}} aria-describedby="address-error"{{/ERR_ADDRESS}}{{#ERR_ADDRESS}} aria-invalid="true"{{/ERR_ADDRESS}}>
  </div>
  <h2>[[peers.form.section_activity]]</h2>
  <div class="field{{#ERR_AREA}} field--error{{/ERR_AREA}}">
    <label for="area">[[peers.field.area]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_AREA}}<p class="field__error" id="area-error">{{MESSAGE}}</p>{{/ERR_AREA}}
    <input id="area" name="area" type="text" maxlength="50" value="{{V_AREA}}"{{#ERR_AREA}} aria-describedby="area-error"{{/ERR_AREA}}{{#ERR_AREA}} aria-invalid="true"{{/ERR_AREA}}>
  </div>
  <div class="field{{#ERR_CONSENT_DATE}} field--error{{/ERR_CONSENT_DATE}}">
    <label for="consent_date">[[peers.field.consent_date]]</label>
    <p class="hint" id="consent_date-hint">[[peers.form.consent_date_hint]]</p>
    {{#ERR_CONSENT_DATE}}<p class="field__error" id="consent_date-error">{{MESSAGE}}</p>{{/ERR_CONSENT_DATE}}
    <input id="consent_date" name="consent_date" type="date" maxlength="10" value="{{V_CONSENT_DATE}}" aria-describedby="consent_date-hint{{#ERR_CONSENT_DATE}} consent_date-error{{/ERR_CONSENT_DATE}}"{{#ERR_CONSENT_DATE}} aria-invalid="true"{{/ERR_CONSENT_DATE}}>
  </div>
  <fieldset class="field{{#ERR_ACTIVITIES}} field--error{{/ERR_ACTIVITIES}}">
    <legend>[[peers.field.activities]]</legend>
    {{#ERR_ACTIVITIES}}<p class="field__error" id="activities-error">{{MESSAGE}}</p>{{/ERR_ACTIVITIES}}
    {{#ACTIVITY}}<div class="checkbox"><input type="checkbox" id="{{ID}}" name="activities" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/ACTIVITY}}
  </fieldset>
  <div class="field">
    <label for="salon_id">[[peers.field.salon]] <span class="muted">[[peers.form.optional]]</span></label>
    <select id="salon_id" name="salon_id"><option value="">―</option>{{#SALON_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SALON_OPTION}}</select>
  </div>
  <fieldset class="field{{#ERR_STATUS}} field--error{{/ERR_STATUS}}">
    <legend>[[peers.field.status]]</legend>
    {{#ERR_STATUS}}<p class="field__error" id="status-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
    {{#STATUS}}<div class="radio"><input type="radio" id="{{ID}}" name="status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/STATUS}}
  </fieldset>
  <button type="submit" class="button button--primary">[[peers.form.save]]</button>
</form>
