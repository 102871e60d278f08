<h1>[[programinfo.form.title]]</h1>
<p>{{NAME}}</p>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<p>[[programinfo.form.lead]]</p>
<p>[[programinfo.form.current]] {{CURRENT}}</p>
<form method="post" action="/programs/{{ID}}/info" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_OFFICE_PHONE}} field--error{{/ERR_OFFICE_PHONE}}">
    <label for="office_phone">[[programinfo.form.office_phone]]</label>
    {{#ERR_OFFICE_PHONE}}<p class="field__error" id="office_phone-error">{{MESSAGE}}</p>{{/ERR_OFFICE_PHONE}}
    <input id="office_phone" name="office_phone" type="tel" maxlength="20" value="{{V_OFFICE_PHONE}}"{{#ERR_OFFICE_PHONE}} aria-invalid="true" aria-describedby="office_phone-error"{{/ERR_OFFICE_PHONE}}>
  </div>
  <div class="field{{#ERR_OFFICE_EMAIL}} field--error{{/ERR_OFFICE_EMAIL}}">
    <label for="office_email">[[programinfo.form.office_email]]</label>
    {{#ERR_OFFICE_EMAIL}}<p class="field__error" id="office_email-error">{{MESSAGE}}</p>{{/ERR_OFFICE_EMAIL}}
    <input id="office_email" name="office_email" type="email" maxlength="200" value="{{V_OFFICE_EMAIL}}"{{#ERR_OFFICE_EMAIL}} aria-invalid="true" aria-describedby="office_email-error"{{/ERR_OFFICE_EMAIL}}>
  </div>
  <div class="field{{#ERR_OFFICE_HOURS}} field--error{{/ERR_OFFICE_HOURS}}">
    <label for="office_hours">[[programinfo.form.office_hours]]</label>
    <p class="hint" id="office_hours-hint">[[programinfo.form.office_hours_hint]]</p>
    {{#ERR_OFFICE_HOURS}}<p class="field__error" id="office_hours-error">{{MESSAGE}}</p>{{/ERR_OFFICE_HOURS}}
    <input id="office_hours" name="office_hours" type="text" maxlength="100" value="{{V_OFFICE_HOURS}}" aria-describedby="office_hours-hint{{#ERR_OFFICE_HOURS}} office_hours-error{{/ERR_OFFICE_HOURS}}"{{#ERR_OFFICE_HOURS}} aria-invalid="true"{{/ERR_OFFICE_HOURS}}>
  </div>
  <div class="field{{#ERR_ELIGIBILITY}} field--error{{/ERR_ELIGIBILITY}}">
    <label for="eligibility">[[programinfo.form.eligibility]]</label>
    <p class="hint" id="eligibility-hint">[[programinfo.form.eligibility_hint]]</p>
    {{#ERR_ELIGIBILITY}}<p class="field__error" id="eligibility-error">{{MESSAGE}}</p>{{/ERR_ELIGIBILITY}}
    <textarea id="eligibility" name="eligibility" rows="2" aria-describedby="eligibility-hint{{#ERR_ELIGIBILITY}} eligibility-error{{/ERR_ELIGIBILITY}}"{{#ERR_ELIGIBILITY}} aria-invalid="true"{{/ERR_ELIGIBILITY}}>{{V_ELIGIBILITY}}</textarea>
  </div>
  <div class="field{{#ERR_WHAT_TO_BRING}} field--error{{/ERR_WHAT_TO_BRING}}">
    <label for="what_to_bring">[[programinfo.form.what_to_bring]]</label>
    {{#ERR_WHAT_TO_BRING}}<p class="field__error" id="what_to_bring-error">{{MESSAGE}}</p>{{/ERR_WHAT_TO_BRING}}
    <textarea id="what_to_bring" name="what_to_bring" rows="2"{{#ERR_WHAT_TO_BRING}} aria-invalid="true" aria-describedby="what_to_bring-error"{{/ERR_WHAT_TO_BRING}}>{{V_WHAT_TO_BRING}}</textarea>
  </div>
  <div class="field{{#ERR_ACCESS}} field--error{{/ERR_ACCESS}}">
    <label for="access">[[programinfo.form.access]]</label>
    {{#ERR_ACCESS}}<p class="field__error" id="access-error">{{MESSAGE}}</p>{{/ERR_ACCESS}}
    <textarea id="access" name="access" rows="3"{{#ERR_ACCESS}} aria-invalid="true" aria-describedby="access-error"{{/ERR_ACCESS}}>{{V_ACCESS}}</textarea>
  </div>
  <fieldset class="field{{#ERR_DEADLINE}} field--error{{/ERR_DEADLINE}}">
    <legend>[[programinfo.form.deadline]]</legend>
    {{#ERR_DEADLINE}}<p class="field__error" id="deadline-error">{{MESSAGE}}</p>{{/ERR_DEADLINE}}
    {{#DEADLINE}}<div class="radio"><input type="radio" id="{{ID}}" name="deadline" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{#HOURS}}<div class="field{{#ERR_DEADLINE_HOURS}} field--error{{/ERR_DEADLINE_HOURS}}">{{#ERR_DEADLINE_HOURS}}<p class="field__error" id="deadline_hours-error">{{MESSAGE}}</p>{{/ERR_DEADLINE_HOURS}}<input id="deadline_hours" name="deadline_hours" type="text" inputmode="numeric" size="4" value="{{V_DEADLINE_HOURS}}" aria-label="[[programinfo.form.deadline_hours]]"{{#ERR_DEADLINE_HOURS}} aria-invalid="true" aria-describedby="deadline_hours-error"{{/ERR_DEADLINE_HOURS}}> [[programinfo.form.deadline_hours]]</div>{{/HOURS}}
    {{#HOUR}}<div class="field{{#ERR_DEADLINE_HOUR}} field--error{{/ERR_DEADLINE_HOUR}}">{{#ERR_DEADLINE_HOUR}}<p class="field__error" id="deadline_hour-error">{{MESSAGE}}</p>{{/ERR_DEADLINE_HOUR}}<input id="deadline_hour" name="deadline_hour" type="text" inputmode="numeric" size="3" value="{{V_DEADLINE_HOUR}}" aria-label="[[programinfo.form.deadline_hour]]"{{#ERR_DEADLINE_HOUR}} aria-invalid="true" aria-describedby="deadline_hour-error"{{/ERR_DEADLINE_HOUR}}> [[programinfo.form.deadline_hour]]</div>{{/HOUR}}
    {{/DEADLINE}}
  </fieldset>
  <button type="submit" class="button button--primary">[[programinfo.form.save]]</button>
</form>
<p><a href="/programs/{{ID}}">[[programinfo.form.back]]</a></p>
