<p class="breadcrumb"><a href="/org/contacts">[[contacts.list.title]]</a></p>
<h1>[[contacts.form.title]]</h1>
<p class="lead">[[contacts.form.lead]]</p>
[[include:partials/error_summary]]
<form method="post" action="/org/contacts/new" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#CASE}}<input type="hidden" name="case_id" value="{{ID}}"><p>[[contacts.form.on_case]] <a href="/cases/{{ID}}">[[contacts.case]] #{{ID}}</a></p>{{/CASE}}
  <fieldset class="field{{#ERR_REQUESTER_KIND}} field--error{{/ERR_REQUESTER_KIND}}">
    <legend>[[contacts.field.requester_kind]]</legend>
    {{#ERR_REQUESTER_KIND}}<p class="field__error" id="requester_kind-error">{{MESSAGE}}</p>{{/ERR_REQUESTER_KIND}}
    {{#REQUESTER}}<div class="radio"><input type="radio" id="{{ID}}" name="requester_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/REQUESTER}}
  </fieldset>
  <fieldset class="field{{#ERR_CHANNEL}} field--error{{/ERR_CHANNEL}}">
    <legend>[[contacts.field.channel]]</legend>
    {{#ERR_CHANNEL}}<p class="field__error" id="channel-error">{{MESSAGE}}</p>{{/ERR_CHANNEL}}
    {{#CHANNEL}}<div class="radio"><input type="radio" id="{{ID}}" name="channel" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CHANNEL}}
  </fieldset>
  <div class="field{{#ERR_CONTACTED_ON}} field--error{{/ERR_CONTACTED_ON}}">
    <label for="contacted_on">[[contacts.field.contacted_on]]</label>
    <p class="hint" id="contacted_on-hint">[[contacts.form.date_hint]]</p>
    {{#ERR_CONTACTED_ON}}<p class="field__error" id="contacted_on-error">{{MESSAGE}}</p>{{/ERR_CONTACTED_ON}}
    <input id="contacted_on" name="contacted_on" type="date" max="{{TODAY}}" value="{{V_CONTACTED_ON}}" aria-describedby="contacted_on-hint{{#ERR_CONTACTED_ON}} contacted_on-error{{/ERR_CONTACTED_ON}}"{{#ERR_CONTACTED_ON}} aria-invalid="true"{{/ERR_CONTACTED_ON}}>
  </div>
  <div class="field{{#ERR_MINUTES}} field--error{{/ERR_MINUTES}}">
    <label for="minutes">[[contacts.field.minutes]]</label>
    {{#ERR_MINUTES}}<p class="field__error" id="minutes-error">{{MESSAGE}}</p>{{/ERR_MINUTES}}
    <input id="minutes" name="minutes" type="number" inputmode="numeric" min="1" max="600" value="{{V_MINUTES}}"{{#ERR_MINUTES}} aria-describedby="minutes-error" aria-invalid="true"{{/ERR_MINUTES}}>
  </div>
  <fieldset class="field{{#ERR_TOPICS}} field--error{{/ERR_TOPICS}}">
    <legend>[[contacts.field.topics]]</legend>
    {{#ERR_TOPICS}}<p class="field__error" id="topics-error">{{MESSAGE}}</p>{{/ERR_TOPICS}}
    {{#TOPIC}}<div class="radio"><input type="checkbox" id="{{ID}}" name="topics" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/TOPIC}}
  </fieldset>
  {{#PROGRAMS}}<div class="field{{#ERR_PROGRAM_ID}} field--error{{/ERR_PROGRAM_ID}}">
    <label for="program_id">[[contacts.field.program]]</label>
    {{#ERR_PROGRAM_ID}}<p class="field__error" id="program_id-error">{{MESSAGE}}</p>{{/ERR_PROGRAM_ID}}
    <select id="program_id" name="program_id"><option value="">[[contacts.form.no_program]]</option>{{#PROGRAM}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PROGRAM}}</select>
  </div>{{/PROGRAMS}}
  <fieldset class="field">
    <legend>[[contacts.form.employer_section]]</legend>
    <p class="hint">[[contacts.form.employer_hint]]</p>
    <div class="field{{#ERR_EMPLOYER_ID}} field--error{{/ERR_EMPLOYER_ID}}">
      <label for="employer_id">[[contacts.field.employer]]</label>
      {{#ERR_EMPLOYER_ID}}<p class="field__error" id="employer_id-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER_ID}}
      <select id="employer_id" name="employer_id"><option value="">[[contacts.form.employer_none]]</option>{{#EMPLOYER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/EMPLOYER}}</select>
    </div>
    <div class="field{{#ERR_EMPLOYER_NAME}} field--error{{/ERR_EMPLOYER_NAME}}">
      <label for="employer_name">[[contacts.field.employer_name]]</label>
      {{#ERR_EMPLOYER_NAME}}<p class="field__error" id="employer_name-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER_NAME}}
      <input id="employer_name" name="employer_name" type="text" maxlength="100" value="{{V_EMPLOYER_NAME}}"{{#ERR_EMPLOYER_NAME}} aria-describedby="employer_name-error" aria-invalid="true"{{/ERR_EMPLOYER_NAME}}>
    </div>
    <div class="radio{{#ERR_EMPLOYEE_CONSENTED}} field--error{{/ERR_EMPLOYEE_CONSENTED}}">
      {{#ERR_EMPLOYEE_CONSENTED}}<p class="field__error" id="employee_consented-error">{{MESSAGE}}</p>{{/ERR_EMPLOYEE_CONSENTED}}
      <input type="checkbox" id="employee_consented" name="employee_consented" value="1"{{#CONSENTED}} checked{{/CONSENTED}}><label for="employee_consented">[[contacts.field.employee_consented]]</label>
    </div>
  </fieldset>
  <div class="field{{#ERR_SUMMARY}} field--error{{/ERR_SUMMARY}}">
    <label for="summary">[[contacts.field.summary]]</label>
    <p class="hint" id="summary-hint">[[contacts.form.summary_hint]]</p>
    {{#ERR_SUMMARY}}<p class="field__error" id="summary-error">{{MESSAGE}}</p>{{/ERR_SUMMARY}}
    <textarea id="summary" name="summary" rows="6" aria-describedby="summary-hint{{#ERR_SUMMARY}} summary-error{{/ERR_SUMMARY}}">{{V_SUMMARY}}</textarea>
  </div>
  <button type="submit">[[contacts.form.save]]</button>
</form>
