<p class="breadcrumb"><a href="{{CASE_PATH}}/applications">[[placements.case.title]]</a></p>
<h1>[[placements.apply.title]]</h1>
[[include:partials/error_summary]]
<form method="post" action="{{CASE_PATH}}/applications/new" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_OPENING_ID}} field--error{{/ERR_OPENING_ID}}">
    <label for="opening_id">[[placements.field.opening]]</label>
    <p class="field__hint" id="opening_id-hint">[[placements.apply.opening_hint]]</p>
    {{#ERR_OPENING_ID}}<p class="field__error" id="opening_id-error">{{MESSAGE}}</p>{{/ERR_OPENING_ID}}
    <select id="opening_id" name="opening_id" aria-describedby="opening_id-hint"><option value="">[[placements.apply.no_opening]]</option>{{#OPENING}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPENING}}</select>
  </div>
  <div class="field{{#ERR_EMPLOYER_NAME}} field--error{{/ERR_EMPLOYER_NAME}}">
    <label for="employer_name">[[placements.field.employer_name]]</label>
    <p class="field__hint" id="employer_name-hint">[[placements.apply.employer_hint]]</p>
    {{#ERR_EMPLOYER_NAME}}<p class="field__error" id="employer_name-error">{{MESSAGE}}</p>{{/ERR_EMPLOYER_NAME}}
    <input id="employer_name" name="employer_name" type="text" maxlength="200" value="{{V_EMPLOYER_NAME}}" aria-describedby="employer_name-hint"{{#ERR_EMPLOYER_NAME}} aria-invalid="true"{{/ERR_EMPLOYER_NAME}}>
  </div>
  <div class="field{{#ERR_APPLIED_ON}} field--error{{/ERR_APPLIED_ON}}">
    <label for="applied_on">[[placements.field.applied_on]]</label>
    <p class="field__hint" id="applied_on-hint">[[placements.step.happened_on_hint]]</p>
    {{#ERR_APPLIED_ON}}<p class="field__error" id="applied_on-error">{{MESSAGE}}</p>{{/ERR_APPLIED_ON}}
    <input id="applied_on" name="applied_on" type="date" class="input--short" value="{{V_APPLIED_ON}}" aria-describedby="applied_on-hint"{{#ERR_APPLIED_ON}} aria-invalid="true"{{/ERR_APPLIED_ON}}>
  </div>
  <fieldset class="field{{#ERR_DISCLOSURE}} field--error{{/ERR_DISCLOSURE}}" aria-describedby="disclosure-hint">
    <legend>[[placements.field.disclosure]]</legend>
    <div class="field__hint" id="disclosure-hint"><p>[[placements.disclosure.hint_choice]]</p><p>[[placements.disclosure.hint_change]]</p></div>
    {{#ERR_DISCLOSURE}}<p class="field__error" id="disclosure-error">{{MESSAGE}}</p>{{/ERR_DISCLOSURE}}
    {{#DISCLOSURE}}<div class="radio"><input type="radio" id="{{ID}}" name="disclosure" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/DISCLOSURE}}
  </fieldset>
  <div class="field{{#ERR_NOTES}} field--error{{/ERR_NOTES}}">
    <label for="notes">[[placements.field.notes]]</label>
    <p class="field__hint" id="notes-hint">[[placements.apply.notes_hint]]</p>
    {{#ERR_NOTES}}<p class="field__error" id="notes-error">{{MESSAGE}}</p>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="4" maxlength="{{MAX_NOTE}}" aria-describedby="notes-hint">{{V_NOTES}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[placements.apply.submit]]</button>
</form>
