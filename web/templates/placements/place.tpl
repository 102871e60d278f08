<p class="breadcrumb"><a href="{{CASE_PATH}}/applications">[[placements.case.title]]</a></p>
<h1>[[placements.place.title]]</h1>
[[include:partials/error_summary]]
<form method="post" action="{{CASE_PATH}}/placements/new" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#FROM_APPLICATION}}
  <input type="hidden" name="application_id" value="{{APPLICATION_ID}}">
  <input type="hidden" name="application_version" value="{{APPLICATION_VERSION}}">
  <dl class="summary-list">
    <div><dt>[[placements.field.employer_name]]</dt><dd>{{EMPLOYER}}{{#HAS_OPENING}} — {{OPENING}}{{/HAS_OPENING}}</dd></div>
    <div><dt>[[placements.field.status]]</dt><dd>{{STATUS}}</dd></div>
  </dl>
  {{/FROM_APPLICATION}}
  {{#DIRECT}}
  <fieldset class="field{{#ERR_KIND}} field--error{{/ERR_KIND}}">
    <legend>[[placements.field.kind]]</legend>
    {{#ERR_KIND}}<p class="field__error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
    {{#KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/KIND}}
  </fieldset>
  <div class="field{{#ERR_EMPLOYER_NAME}} field--error{{/ERR_EMPLOYER_NAME}}">
    <label for="employer_name">[[placements.place.current_employer]]</label>
    {{#ERR_EMPLOYER_NAME}}<p class="field__error" id="employer_name-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER_NAME}}
    <input id="employer_name" name="employer_name" type="text" maxlength="200" value="{{V_EMPLOYER_NAME}}"{{#ERR_EMPLOYER_NAME}} aria-invalid="true"{{/ERR_EMPLOYER_NAME}}>
  </div>
  {{/DIRECT}}
  <div class="field{{#ERR_JOB_TITLE}} field--error{{/ERR_JOB_TITLE}}">
    <label for="job_title">[[placements.field.job_title]]</label>
    {{#ERR_JOB_TITLE}}<p class="field__error" id="job_title-error">{{MESSAGE}}</p>{{/ERR_JOB_TITLE}}
    <input id="job_title" name="job_title" type="text" maxlength="200" value="{{V_JOB_TITLE}}">
  </div>
  <div class="field{{#ERR_DECIDED_ON}} field--error{{/ERR_DECIDED_ON}}">
    <label for="decided_on">[[placements.field.decided_on]]</label>
    <p class="field__hint" id="decided_on-hint">[[placements.step.happened_on_hint]]</p>
    {{#ERR_DECIDED_ON}}<p class="field__error" id="decided_on-error">{{MESSAGE}}</p>{{/ERR_DECIDED_ON}}
    <input id="decided_on" name="decided_on" type="date" class="input--short" value="{{V_DECIDED_ON}}" aria-describedby="decided_on-hint"{{#ERR_DECIDED_ON}} aria-invalid="true"{{/ERR_DECIDED_ON}}>
  </div>
  <div class="field{{#ERR_START_ON}} field--error{{/ERR_START_ON}}">
    <label for="start_on">[[placements.field.start_on]]</label>
    <p class="field__hint" id="start_on-hint">[[placements.place.start_hint]]</p>
    {{#ERR_START_ON}}<p class="field__error" id="start_on-error">{{MESSAGE}}</p>{{/ERR_START_ON}}
    <input id="start_on" name="start_on" type="date" class="input--short" value="{{V_START_ON}}" aria-describedby="start_on-hint"{{#ERR_START_ON}} aria-invalid="true"{{/ERR_START_ON}}>
  </div>
  <div class="field{{#ERR_EMPLOYMENT_TYPE}} field--error{{/ERR_EMPLOYMENT_TYPE}}">
    <label for="employment_type">[[placements.field.employment_type]]</label>
    {{#ERR_EMPLOYMENT_TYPE}}<p class="field__error" id="employment_type-error">{{MESSAGE}}</p>{{/ERR_EMPLOYMENT_TYPE}}
    <select id="employment_type" name="employment_type"><option value="">[[placements.place.choose]]</option>{{#EMPLOYMENT_TYPE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/EMPLOYMENT_TYPE}}</select>
  </div>
  <div class="field{{#ERR_WEEKLY_HOURS}} field--error{{/ERR_WEEKLY_HOURS}}">
    <label for="weekly_hours">[[placements.field.weekly_hours]]</label>
    <p class="field__hint" id="weekly_hours-hint">[[placements.place.hours_hint]]</p>
    {{#ERR_WEEKLY_HOURS}}<p class="field__error" id="weekly_hours-error">{{MESSAGE}}</p>{{/ERR_WEEKLY_HOURS}}
    <input id="weekly_hours" name="weekly_hours" type="text" inputmode="numeric" class="input--short" value="{{V_WEEKLY_HOURS}}" aria-describedby="weekly_hours-hint">
  </div>
  <fieldset class="field{{#ERR_DISCLOSURE}} field--error{{/ERR_DISCLOSURE}}" aria-describedby="disclosure-hint">
    <legend>[[placements.field.disclosure]]</legend>
    <div class="field__hint" id="disclosure-hint"><p>[[placements.disclosure.hint_choice]]</p></div>
    {{#ERR_DISCLOSURE}}<p class="field__error" id="disclosure-error">{{MESSAGE}}</p>{{/ERR_DISCLOSURE}}
    {{#DISCLOSURE}}<div class="radio"><input type="radio" id="{{ID}}" name="disclosure" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/DISCLOSURE}}
  </fieldset>
  <div class="field{{#ERR_ACCOMMODATIONS}} field--error{{/ERR_ACCOMMODATIONS}}">
    <label for="accommodations">[[placements.field.accommodations]]</label>
    <p class="field__hint" id="accommodations-hint">[[placements.place.accommodations_hint]]</p>
    {{#ERR_ACCOMMODATIONS}}<p class="field__error" id="accommodations-error">{{MESSAGE}}</p>{{/ERR_ACCOMMODATIONS}}
    <textarea id="accommodations" name="accommodations" rows="4" maxlength="{{MAX_NOTE}}" aria-describedby="accommodations-hint">{{V_ACCOMMODATIONS}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[placements.place.submit]]</button>
</form>
