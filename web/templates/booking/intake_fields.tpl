  <h2>[[booking.form.section_about]]</h2>
  <fieldset class="field">
    <legend>[[booking.form.for_family]]</legend>
    {{#FOR_FAMILY}}<div class="radio"><input type="radio" id="{{ID}}" name="for_family" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/FOR_FAMILY}}
  </fieldset>
  <div class="field{{#ERR_RELATIONSHIP}} field--error{{/ERR_RELATIONSHIP}}">
    <label for="relationship">[[booking.form.relationship]]</label>
    <p class="hint" id="relationship-hint">[[booking.form.relationship_hint]]</p>
    {{#ERR_RELATIONSHIP}}<p class="field__error" id="relationship-error">{{MESSAGE}}</p>{{/ERR_RELATIONSHIP}}
    <input id="relationship" name="relationship" type="text" maxlength="20" value="{{V_RELATIONSHIP}}" aria-describedby="relationship-hint{{#ERR_RELATIONSHIP}} relationship-error{{/ERR_RELATIONSHIP}}"{{#ERR_RELATIONSHIP}} aria-invalid="true"{{/ERR_RELATIONSHIP}}>
  </div>
  <fieldset class="field{{#ERR_GENDER}} field--error{{/ERR_GENDER}}"{{#ERR_GENDER}} aria-describedby="gender-error"{{/ERR_GENDER}}>
    <legend>[[booking.form.gender]]</legend>
    {{#ERR_GENDER}}<p class="field__error" id="gender-error">{{MESSAGE}}</p>{{/ERR_GENDER}}
    {{#GENDER}}<div class="radio"><input type="radio" id="{{ID}}" name="gender" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/GENDER}}
  </fieldset>
  <fieldset class="field{{#ERR_AGE_BAND}} field--error{{/ERR_AGE_BAND}}"{{#ERR_AGE_BAND}} aria-describedby="age_band-error"{{/ERR_AGE_BAND}}>
    <legend>[[booking.form.age_band]]</legend>
    {{#ERR_AGE_BAND}}<p class="field__error" id="age_band-error">{{MESSAGE}}</p>{{/ERR_AGE_BAND}}
    {{#AGE_BAND}}<div class="radio"><input type="radio" id="{{ID}}" name="age_band" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/AGE_BAND}}
  </fieldset>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[booking.form.municipality]]</label>
    <p class="hint" id="municipality-hint">[[booking.form.municipality_hint]]</p>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="40" autocomplete="address-level2" value="{{V_MUNICIPALITY}}" aria-describedby="municipality-hint{{#ERR_MUNICIPALITY}} municipality-error{{/ERR_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>
  <fieldset class="field{{#ERR_MUNICIPALITY_KIND}} field--error{{/ERR_MUNICIPALITY_KIND}}"{{#ERR_MUNICIPALITY_KIND}} aria-describedby="municipality_kind-error"{{/ERR_MUNICIPALITY_KIND}}>
    <legend>[[booking.form.municipality_kind]]</legend>
    {{#ERR_MUNICIPALITY_KIND}}<p class="field__error" id="municipality_kind-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY_KIND}}
    {{#MUNICIPALITY_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="municipality_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/MUNICIPALITY_KIND}}
  </fieldset>
  <fieldset class="field{{#ERR_HEARD_FROM}} field--error{{/ERR_HEARD_FROM}}"{{#ERR_HEARD_FROM}} aria-describedby="heard_from-error"{{/ERR_HEARD_FROM}}>
    <legend>[[booking.form.heard_from]]</legend>
    {{#ERR_HEARD_FROM}}<p class="field__error" id="heard_from-error">{{MESSAGE}}</p>{{/ERR_HEARD_FROM}}
    {{#HEARD_FROM}}<div class="radio"><input type="radio" id="{{ID}}" name="heard_from" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/HEARD_FROM}}
  </fieldset>

  <h2>[[booking.form.section_health]]</h2>
  <div class="field{{#ERR_DIAGNOSIS}} field--error{{/ERR_DIAGNOSIS}}">
    <label for="diagnosis">[[booking.form.diagnosis]] <span class="muted">[[booking.form.optional]]</span></label>
    {{#ERR_DIAGNOSIS}}<p class="field__error" id="diagnosis-error">{{MESSAGE}}</p>{{/ERR_DIAGNOSIS}}
    <input id="diagnosis" name="diagnosis" type="text" maxlength="200" value="{{V_DIAGNOSIS}}"{{#ERR_DIAGNOSIS}} aria-invalid="true" aria-describedby="diagnosis-error"{{/ERR_DIAGNOSIS}}>
  </div>
  <fieldset class="field{{#ERR_TREATMENT_STATUS}} field--error{{/ERR_TREATMENT_STATUS}}"{{#ERR_TREATMENT_STATUS}} aria-describedby="treatment_status-error"{{/ERR_TREATMENT_STATUS}}>
    <legend>[[booking.form.treatment_status]]</legend>
    {{#ERR_TREATMENT_STATUS}}<p class="field__error" id="treatment_status-error">{{MESSAGE}}</p>{{/ERR_TREATMENT_STATUS}}
    {{#TREATMENT_STATUS}}<div class="radio"><input type="radio" id="{{ID}}" name="treatment_status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/TREATMENT_STATUS}}
  </fieldset>
  <fieldset class="field{{#ERR_WORK_STATUS}} field--error{{/ERR_WORK_STATUS}}"{{#ERR_WORK_STATUS}} aria-describedby="work_status-error"{{/ERR_WORK_STATUS}}>
    <legend>[[booking.form.work_status]]</legend>
    {{#ERR_WORK_STATUS}}<p class="field__error" id="work_status-error">{{MESSAGE}}</p>{{/ERR_WORK_STATUS}}
    {{#WORK_STATUS}}<div class="radio"><input type="radio" id="{{ID}}" name="work_status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/WORK_STATUS}}
  </fieldset>
  <fieldset class="field{{#ERR_TOPICS}} field--error{{/ERR_TOPICS}}" aria-describedby="topics-hint{{#ERR_TOPICS}} topics-error{{/ERR_TOPICS}}">
    <legend>[[booking.form.topics]]</legend>
    <p class="hint" id="topics-hint">[[booking.form.topics_hint]]</p>
    {{#ERR_TOPICS}}<p class="field__error" id="topics-error">{{MESSAGE}}</p>{{/ERR_TOPICS}}
    {{#TOPIC}}<div class="radio"><input type="checkbox" id="{{ID}}" name="topics" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/TOPIC}}
  </fieldset>

  <h2>[[booking.form.section_contact]]</h2>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[booking.form.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" autocomplete="name" value="{{V_NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[booking.form.furigana]]</label>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="100" value="{{V_FURIGANA}}"{{#ERR_FURIGANA}} aria-invalid="true" aria-describedby="furigana-error"{{/ERR_FURIGANA}}>
  </div>
  <p class="hint">[[booking.form.contact_hint]]</p>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[booking.form.phone]]</label>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="{{V_PHONE}}"{{#ERR_PHONE}} aria-invalid="true" aria-describedby="phone-error"{{/ERR_PHONE}}>
  </div>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[booking.form.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="254" autocomplete="email" spellcheck="false" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_NOTES}} field--error{{/ERR_NOTES}}">
    <label for="notes">[[booking.form.notes]] <span class="muted">[[booking.form.optional]]</span></label>
    {{#ERR_NOTES}}<p class="field__error" id="notes-error">{{MESSAGE}}</p>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="5" maxlength="2000"{{#ERR_NOTES}} aria-invalid="true" aria-describedby="notes-error"{{/ERR_NOTES}}>{{V_NOTES}}</textarea>
  </div>
