<p class="breadcrumb"><a href="/salons/manage">[[salons.manage.title]]</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[salons.field.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}"{{#ERR_NAME}} aria-describedby="name-error"{{/ERR_NAME}}{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[salons.field.furigana]] <span class="muted">[[salons.form.optional]]</span></label>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="100" value="{{V_FURIGANA}}"{{#ERR_FURIGANA}} aria-describedby="furigana-error"{{/ERR_FURIGANA}}{{#ERR_FURIGANA}} aria-invalid="true"{{/ERR_FURIGANA}}>
  </div>
  <fieldset class="field{{#ERR_HOST_KIND}} field--error{{/ERR_HOST_KIND}}">
    <legend>[[salons.field.host_kind]]</legend>
    {{#ERR_HOST_KIND}}<p class="field__error" id="host_kind-error">{{MESSAGE}}</p>{{/ERR_HOST_KIND}}
    {{#HOST_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="host_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/HOST_KIND}}
  </fieldset>
  <div class="field{{#ERR_HOST_NAME}} field--error{{/ERR_HOST_NAME}}">
    <label for="host_name">[[salons.field.host_name]]</label>
    <p class="hint" id="host_name-hint">[[salons.form.host_name_hint]]</p>
    {{#ERR_HOST_NAME}}<p class="field__error" id="host_name-error">{{MESSAGE}}</p>{{/ERR_HOST_NAME}}
    <input id="host_name" name="host_name" type="text" maxlength="100" value="{{V_HOST_NAME}}" aria-describedby="host_name-hint{{#ERR_HOST_NAME}} host_name-error{{/ERR_HOST_NAME}}"{{#ERR_HOST_NAME}} aria-invalid="true"{{/ERR_HOST_NAME}}>
  </div>
  <div class="field{{#ERR_CARETAKER_ROLES}} field--error{{/ERR_CARETAKER_ROLES}}">
    <label for="caretaker_roles">[[salons.field.caretaker_roles]] <span class="muted">[[salons.form.optional]]</span></label>
    <p class="hint" id="caretaker_roles-hint">[[salons.form.caretaker_roles_hint]]</p>
    {{#ERR_CARETAKER_ROLES}}<p class="field__error" id="caretaker_roles-error">{{MESSAGE}}</p>{{/ERR_CARETAKER_ROLES}}
    <input id="caretaker_roles" name="caretaker_roles" type="text" maxlength="200" value="{{V_CARETAKER_ROLES}}" aria-describedby="caretaker_roles-hint{{#ERR_CARETAKER_ROLES}} caretaker_roles-error{{/ERR_CARETAKER_ROLES}}"{{#ERR_CARETAKER_ROLES}} aria-invalid="true"{{/ERR_CARETAKER_ROLES}}>
  </div>
  <h2>[[salons.form.section_schedule]]</h2>
  <fieldset class="field{{#ERR_OCCURRENCE}} field--error{{/ERR_OCCURRENCE}}">
    <legend>[[salons.field.occurrence]]</legend>
    <p class="hint">[[salons.form.occurrence_hint]]</p>
    {{#ERR_OCCURRENCE}}<p class="field__error" id="occurrence-error">{{MESSAGE}}</p>{{/ERR_OCCURRENCE}}
    {{#OCCURRENCE}}<div class="inline-fields">
      <label for="{{NTH_ID}}">[[salons.form.nth]]{{N}}{{#OPTIONAL}} <span class="muted">[[salons.form.optional]]</span>{{/OPTIONAL}}</label>
      <select id="{{NTH_ID}}" name="occ{{N}}_nth"><option value="">―</option>{{#NTH}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NTH}}</select>
      <label for="occ{{N}}_weekday">[[salons.form.weekday]]{{N}}</label>
      <select id="occ{{N}}_weekday" name="occ{{N}}_weekday"><option value="">―</option>{{#WEEKDAY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/WEEKDAY}}</select>
    </div>{{/OCCURRENCE}}
  </fieldset>
  <div class="field{{#ERR_START_TIME}} field--error{{/ERR_START_TIME}}">
    <label for="start_time">[[salons.field.start_time]]</label>
    {{#ERR_START_TIME}}<p class="field__error" id="start_time-error">{{MESSAGE}}</p>{{/ERR_START_TIME}}
    <input id="start_time" name="start_time" type="time" maxlength="5" value="{{V_START_TIME}}"{{#ERR_START_TIME}} aria-describedby="start_time-error"{{/ERR_START_TIME}}{{#ERR_START_TIME}} aria-invalid="true"{{/ERR_START_TIME}}>
  </div>
  <div class="field{{#ERR_END_TIME}} field--error{{/ERR_END_TIME}}">
    <label for="end_time">[[salons.field.end_time]]</label>
    {{#ERR_END_TIME}}<p class="field__error" id="end_time-error">{{MESSAGE}}</p>{{/ERR_END_TIME}}
    <input id="end_time" name="end_time" type="time" maxlength="5" value="{{V_END_TIME}}"{{#ERR_END_TIME}} aria-describedby="end_time-error"{{/ERR_END_TIME}}{{#ERR_END_TIME}} aria-invalid="true"{{/ERR_END_TIME}}>
  </div>
  <fieldset class="field{{#ERR_ON_HOLIDAY}} field--error{{/ERR_ON_HOLIDAY}}">
    <legend>[[salons.field.on_holiday]]</legend>
    {{#ERR_ON_HOLIDAY}}<p class="field__error" id="on_holiday-error">{{MESSAGE}}</p>{{/ERR_ON_HOLIDAY}}
    {{#HOLIDAY}}<div class="radio"><input type="radio" id="{{ID}}" name="on_holiday" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/HOLIDAY}}
  </fieldset>
  <h2>[[salons.form.section_place]]</h2>
  <div class="field{{#ERR_VENUE}} field--error{{/ERR_VENUE}}">
    <label for="venue">[[salons.field.venue]]</label>
    {{#ERR_VENUE}}<p class="field__error" id="venue-error">{{MESSAGE}}</p>{{/ERR_VENUE}}
    <input id="venue" name="venue" type="text" maxlength="200" value="{{V_VENUE}}"{{#ERR_VENUE}} aria-describedby="venue-error"{{/ERR_VENUE}}{{#ERR_VENUE}} aria-invalid="true"{{/ERR_VENUE}}>
  </div>
  <div class="field{{#ERR_ACCESS}} field--error{{/ERR_ACCESS}}">
    <label for="access">[[salons.field.access]] <span class="muted">[[salons.form.optional]]</span></label>
    {{#ERR_ACCESS}}<p class="field__error" id="access-error">{{MESSAGE}}</p>{{/ERR_ACCESS}}
    <textarea id="access" name="access" rows="3"{{#ERR_ACCESS}} aria-describedby="access-error"{{/ERR_ACCESS}}{{#ERR_ACCESS}} aria-invalid="true"{{/ERR_ACCESS}}>{{V_ACCESS}}</textarea>
  </div>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[salons.field.municipality]]</label>
    <p class="hint" id="municipality-hint">[[salons.form.municipality_hint]]</p>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{V_MUNICIPALITY}}" aria-describedby="municipality-hint{{#ERR_MUNICIPALITY}} municipality-error{{/ERR_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>
  <div class="field{{#ERR_AUDIENCE}} field--error{{/ERR_AUDIENCE}}">
    <label for="audience">[[salons.field.audience]] <span class="muted">[[salons.form.optional]]</span></label>
    {{#ERR_AUDIENCE}}<p class="field__error" id="audience-error">{{MESSAGE}}</p>{{/ERR_AUDIENCE}}
    <textarea id="audience" name="audience" rows="3"{{#ERR_AUDIENCE}} aria-describedby="audience-error"{{/ERR_AUDIENCE}}{{#ERR_AUDIENCE}} aria-invalid="true"{{/ERR_AUDIENCE}}>{{V_AUDIENCE}}</textarea>
  </div>
  <div class="field{{#ERR_NETWORK}} field--error{{/ERR_NETWORK}}">
    <label for="network">[[salons.field.network]] <span class="muted">[[salons.form.optional]]</span></label>
    <p class="hint" id="network-hint">[[salons.form.network_hint]]</p>
    {{#ERR_NETWORK}}<p class="field__error" id="network-error">{{MESSAGE}}</p>{{/ERR_NETWORK}}
    <input id="network" name="network" type="text" maxlength="100" value="{{V_NETWORK}}" aria-describedby="network-hint{{#ERR_NETWORK}} network-error{{/ERR_NETWORK}}"{{#ERR_NETWORK}} aria-invalid="true"{{/ERR_NETWORK}}>
  </div>
  <div class="field{{#ERR_CONTACT}} field--error{{/ERR_CONTACT}}">
    <label for="contact">[[salons.field.contact]]</label>
    <p class="hint" id="contact-hint">[[salons.form.contact_hint]]</p>
    {{#ERR_CONTACT}}<p class="field__error" id="contact-error">{{MESSAGE}}</p>{{/ERR_CONTACT}}
    <textarea id="contact" name="contact" rows="3" aria-describedby="contact-hint{{#ERR_CONTACT}} contact-error{{/ERR_CONTACT}}"{{#ERR_CONTACT}} aria-invalid="true"{{/ERR_CONTACT}}>{{V_CONTACT}}</textarea>
  </div>
  <div class="field{{#ERR_CAPACITY}} field--error{{/ERR_CAPACITY}}">
    <label for="capacity">[[salons.field.capacity]]</label>
    <p class="hint" id="capacity-hint">[[salons.form.capacity_hint]]</p>
    {{#ERR_CAPACITY}}<p class="field__error" id="capacity-error">{{MESSAGE}}</p>{{/ERR_CAPACITY}}
    <input id="capacity" name="capacity" type="text" inputmode="numeric" maxlength="4" value="{{V_CAPACITY}}" aria-describedby="capacity-hint{{#ERR_CAPACITY}} capacity-error{{/ERR_CAPACITY}}"{{#ERR_CAPACITY}} aria-invalid="true"{{/ERR_CAPACITY}}>
  </div>
  <fieldset class="field{{#ERR_STATUS}} field--error{{/ERR_STATUS}}">
    <legend>[[salons.field.status]]</legend>
    {{#ERR_STATUS}}<p class="field__error" id="status-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
    {{#STATUS}}<div class="radio"><input type="radio" id="{{ID}}" name="status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/STATUS}}
  </fieldset>
  <button type="submit" class="button button--primary">[[salons.form.save]]</button>
</form>
