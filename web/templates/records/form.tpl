<p class="breadcrumb"><a href="{{DAY_PATH}}/records">[[record.day.back]]</a></p>
{{#NEW}}<h1>[[record.form.title_new]]</h1>{{/NEW}}{{#EDITING}}<h1>[[record.form.title_edit]]</h1>{{/EDITING}}
[[include:partials/error_summary]]
<h2>[[record.header.title]]</h2>
[[include:records/header]]
{{#META}}<p class="muted">{{TEXT}}</p>{{/META}}
<form method="post" action="{{RECORD_PATH}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <h2>[[record.form.section_content]]</h2>
  <fieldset class="field{{#ERR_PROFESSIONS}} field--error{{/ERR_PROFESSIONS}}" aria-describedby="professions-hint{{#ERR_PROFESSIONS}} professions-error{{/ERR_PROFESSIONS}}">
    <legend>[[record.field.professions]]</legend>
    <p class="field__hint" id="professions-hint">[[record.form.professions_hint]]</p>
    {{#ERR_PROFESSIONS}}<p class="field__error" id="professions-error">{{MESSAGE}}</p>{{/ERR_PROFESSIONS}}
    {{#PROFESSION}}<div class="radio"><input type="checkbox" id="{{ID}}" name="professions" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/PROFESSION}}
  </fieldset>
  <fieldset class="field{{#ERR_TOPICS}} field--error{{/ERR_TOPICS}}" aria-describedby="topics-hint{{#ERR_TOPICS}} topics-error{{/ERR_TOPICS}}">
    <legend>[[record.field.topics]]</legend>
    <p class="field__hint" id="topics-hint">[[record.form.topics_hint]]</p>
    {{#ERR_TOPICS}}<p class="field__error" id="topics-error">{{MESSAGE}}</p>{{/ERR_TOPICS}}
    {{#TOPIC}}<div class="radio"><input type="checkbox" id="{{ID}}" name="topics" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/TOPIC}}
  </fieldset>
  <div class="field{{#ERR_SUMMARY}} field--error{{/ERR_SUMMARY}}">
    <label for="summary">[[record.field.summary]]</label>
    <p class="field__hint" id="summary-hint">[[record.form.summary_hint]]</p>
    {{#ERR_SUMMARY}}<p class="field__error" id="summary-error">{{MESSAGE}}</p>{{/ERR_SUMMARY}}
    <textarea id="summary" name="summary" rows="8" maxlength="{{MAX_TEXT}}" aria-describedby="summary-hint{{#ERR_SUMMARY}} summary-error{{/ERR_SUMMARY}}"{{#ERR_SUMMARY}} aria-invalid="true"{{/ERR_SUMMARY}}>{{V_SUMMARY}}</textarea>
  </div>
  <h2>[[record.form.section_support]]</h2>
  <div class="field{{#ERR_INFO_GIVEN}} field--error{{/ERR_INFO_GIVEN}}">
    <label for="info_given">[[record.field.info_given]]</label>
    <p class="field__hint" id="info_given-hint">[[record.form.info_given_hint]]</p>
    {{#ERR_INFO_GIVEN}}<p class="field__error" id="info_given-error">{{MESSAGE}}</p>{{/ERR_INFO_GIVEN}}
    <textarea id="info_given" name="info_given" rows="5" maxlength="{{MAX_TEXT}}" aria-describedby="info_given-hint{{#ERR_INFO_GIVEN}} info_given-error{{/ERR_INFO_GIVEN}}"{{#ERR_INFO_GIVEN}} aria-invalid="true"{{/ERR_INFO_GIVEN}}>{{V_INFO_GIVEN}}</textarea>
  </div>
  {{#HAS_REFERRED}}
  <fieldset class="field{{#ERR_REFERRED_TO}} field--error{{/ERR_REFERRED_TO}}" aria-describedby="referred_to-hint{{#ERR_REFERRED_TO}} referred_to-error{{/ERR_REFERRED_TO}}">
    <legend>[[record.field.referred_to]]</legend>
    <p class="field__hint" id="referred_to-hint">[[record.form.referred_to_hint]]</p>
    {{#ERR_REFERRED_TO}}<p class="field__error" id="referred_to-error">{{MESSAGE}}</p>{{/ERR_REFERRED_TO}}
    {{#REFERRED}}<div class="radio"><input type="checkbox" id="{{ID}}" name="referred_to" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/REFERRED}}
  </fieldset>
  {{/HAS_REFERRED}}
  <fieldset class="field{{#ERR_RESOURCES}} field--error{{/ERR_RESOURCES}}" aria-describedby="resources-hint{{#ERR_RESOURCES}} resources-error{{/ERR_RESOURCES}}">
    <legend>[[record_resources.field]]</legend>
    <p class="field__hint" id="resources-hint">[[record_resources.hint]]</p>
    {{#ERR_RESOURCES}}<p class="field__error" id="resources-error">{{MESSAGE}}</p>{{/ERR_RESOURCES}}
    {{#NO_RESOURCES}}<p>[[record_resources.empty]]</p>{{/NO_RESOURCES}}
    {{#RESOURCE_GROUP}}<fieldset class="field"><legend>{{LABEL}}</legend>
      {{#RESOURCE}}<div class="radio"><input type="checkbox" id="{{ID}}" name="resources" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
      {{/RESOURCE}}
    </fieldset>{{/RESOURCE_GROUP}}
  </fieldset>
  <fieldset class="field{{#ERR_OUTCOME}} field--error{{/ERR_OUTCOME}}"{{#ERR_OUTCOME}} aria-describedby="outcome-error"{{/ERR_OUTCOME}}>
    <legend>[[record.field.outcome]]</legend>
    {{#ERR_OUTCOME}}<p class="field__error" id="outcome-error">{{MESSAGE}}</p>{{/ERR_OUTCOME}}
    {{#OUTCOME}}<div class="radio"><input type="radio" id="{{ID}}" name="outcome" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/OUTCOME}}
  </fieldset>
  <fieldset class="field{{#ERR_FOLLOW_UP}} field--error{{/ERR_FOLLOW_UP}}"{{#ERR_FOLLOW_UP}} aria-describedby="follow_up-error"{{/ERR_FOLLOW_UP}}>
    <legend>[[record.field.follow_up]]</legend>
    {{#ERR_FOLLOW_UP}}<p class="field__error" id="follow_up-error">{{MESSAGE}}</p>{{/ERR_FOLLOW_UP}}
    {{#FOLLOW_UP}}<div class="radio"><input type="radio" id="{{ID}}" name="follow_up" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/FOLLOW_UP}}
  </fieldset>
[[include:records/handoff_wish]]
  <div class="field{{#ERR_MINUTES}} field--error{{/ERR_MINUTES}}">
    <label for="minutes">[[record.field.minutes]]</label>
    <p class="field__hint" id="minutes-hint">[[record.form.minutes_hint]]</p>
    {{#ERR_MINUTES}}<p class="field__error" id="minutes-error">{{MESSAGE}}</p>{{/ERR_MINUTES}}
    <input id="minutes" name="minutes" type="text" inputmode="numeric" class="input--short" value="{{V_MINUTES}}" aria-describedby="minutes-hint{{#ERR_MINUTES}} minutes-error{{/ERR_MINUTES}}"{{#ERR_MINUTES}} aria-invalid="true"{{/ERR_MINUTES}}>
  </div>
  <button type="submit" class="button button--primary">[[record.form.submit]]</button>
</form>
