<p class="breadcrumb"><a href="/org/employers/{{EMPLOYER_ID}}">{{EMPLOYER}}</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{V_VERSION}}">
  <div class="field{{#ERR_TITLE}} field--error{{/ERR_TITLE}}">
    <label for="title">[[employers.field.title]]</label>
    {{#ERR_TITLE}}<p class="field__error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
    <input id="title" name="title" type="text" maxlength="100" value="{{V_TITLE}}"{{#ERR_TITLE}} aria-describedby="title-error" aria-invalid="true"{{/ERR_TITLE}}>
  </div>
  <fieldset class="field{{#ERR_EMPLOYMENT_TYPE}} field--error{{/ERR_EMPLOYMENT_TYPE}}">
    <legend>[[employers.field.employment_type]]</legend>
    {{#ERR_EMPLOYMENT_TYPE}}<p class="field__error" id="employment_type-error">{{MESSAGE}}</p>{{/ERR_EMPLOYMENT_TYPE}}
    {{#EMPLOYMENT_TYPE}}<div class="radio"><input type="radio" id="{{ID}}" name="employment_type" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/EMPLOYMENT_TYPE}}
  </fieldset>
  <div class="field{{#ERR_DUTIES}} field--error{{/ERR_DUTIES}}">
    <label for="duties">[[employers.field.duties]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_DUTIES}}<p class="field__error" id="duties-error">{{MESSAGE}}</p>{{/ERR_DUTIES}}
    <textarea id="duties" name="duties" rows="4"{{#ERR_DUTIES}} aria-describedby="duties-error" aria-invalid="true"{{/ERR_DUTIES}}>{{V_DUTIES}}</textarea>
  </div>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[employers.field.municipality]]</label>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{V_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-describedby="municipality-error" aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>
  <div class="field{{#ERR_WORK_PLACE}} field--error{{/ERR_WORK_PLACE}}">
    <label for="work_place">[[employers.field.work_place]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_WORK_PLACE}}<p class="field__error" id="work_place-error">{{MESSAGE}}</p>{{/ERR_WORK_PLACE}}
    <input id="work_place" name="work_place" type="text" maxlength="200" value="{{V_WORK_PLACE}}"{{#ERR_WORK_PLACE}} aria-describedby="work_place-error" aria-invalid="true"{{/ERR_WORK_PLACE}}>
  </div>
  <h2>[[employers.opening_form.section_hours]]</h2>
  <div class="field{{#ERR_START_TIME}} field--error{{/ERR_START_TIME}}">
    <label for="start_time">[[employers.field.start_time]] <span class="muted">[[employers.form.optional]]</span></label>
    <p class="hint" id="start_time-hint">[[employers.opening_form.start_time_hint]]</p>
    {{#ERR_START_TIME}}<p class="field__error" id="start_time-error">{{MESSAGE}}</p>{{/ERR_START_TIME}}
    <input id="start_time" name="start_time" type="text" maxlength="5" value="{{V_START_TIME}}" inputmode="numeric" aria-describedby="start_time-hint{{#ERR_START_TIME}} start_time-error{{/ERR_START_TIME}}"{{#ERR_START_TIME}} aria-invalid="true"{{/ERR_START_TIME}}>
  </div>
  <div class="field{{#ERR_END_TIME}} field--error{{/ERR_END_TIME}}">
    <label for="end_time">[[employers.field.end_time]] <span class="muted">[[employers.form.optional]]</span></label>
    <p class="hint" id="end_time-hint">[[employers.opening_form.end_time_hint]]</p>
    {{#ERR_END_TIME}}<p class="field__error" id="end_time-error">{{MESSAGE}}</p>{{/ERR_END_TIME}}
    <input id="end_time" name="end_time" type="text" maxlength="5" value="{{V_END_TIME}}" inputmode="numeric" aria-describedby="end_time-hint{{#ERR_END_TIME}} end_time-error{{/ERR_END_TIME}}"{{#ERR_END_TIME}} aria-invalid="true"{{/ERR_END_TIME}}>
  </div>
  <div class="field{{#ERR_WEEKLY_DAYS}} field--error{{/ERR_WEEKLY_DAYS}}">
    <label for="weekly_days">[[employers.field.weekly_days]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_WEEKLY_DAYS}}<p class="field__error" id="weekly_days-error">{{MESSAGE}}</p>{{/ERR_WEEKLY_DAYS}}
    <input id="weekly_days" name="weekly_days" type="text" maxlength="1" value="{{V_WEEKLY_DAYS}}" inputmode="numeric"{{#ERR_WEEKLY_DAYS}} aria-describedby="weekly_days-error" aria-invalid="true"{{/ERR_WEEKLY_DAYS}}>
  </div>
  <div class="field{{#ERR_WEEKLY_HOURS}} field--error{{/ERR_WEEKLY_HOURS}}">
    <label for="weekly_hours">[[employers.field.weekly_hours]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_WEEKLY_HOURS}}<p class="field__error" id="weekly_hours-error">{{MESSAGE}}</p>{{/ERR_WEEKLY_HOURS}}
    <input id="weekly_hours" name="weekly_hours" type="text" maxlength="2" value="{{V_WEEKLY_HOURS}}" inputmode="numeric"{{#ERR_WEEKLY_HOURS}} aria-describedby="weekly_hours-error" aria-invalid="true"{{/ERR_WEEKLY_HOURS}}>
  </div>
  <div class="field{{#ERR_HOURS_NOTE}} field--error{{/ERR_HOURS_NOTE}}">
    <label for="hours_note">[[employers.field.hours_note]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_HOURS_NOTE}}<p class="field__error" id="hours_note-error">{{MESSAGE}}</p>{{/ERR_HOURS_NOTE}}
    <input id="hours_note" name="hours_note" type="text" maxlength="500" value="{{V_HOURS_NOTE}}"{{#ERR_HOURS_NOTE}} aria-describedby="hours_note-error" aria-invalid="true"{{/ERR_HOURS_NOTE}}>
  </div>
  <fieldset class="field">
    <legend>[[employers.opening_form.flags]]</legend>
    <div class="choice"><input type="checkbox" id="short_hours" name="short_hours" value="1"{{#SHORT_HOURS_CHECKED}} checked{{/SHORT_HOURS_CHECKED}}><label for="short_hours">[[employers.field.short_hours]]</label></div>
    <div class="choice"><input type="checkbox" id="staggered_hours" name="staggered_hours" value="1"{{#STAGGERED_HOURS_CHECKED}} checked{{/STAGGERED_HOURS_CHECKED}}><label for="staggered_hours">[[employers.field.staggered_hours]]</label></div>
    <div class="choice"><input type="checkbox" id="telework" name="telework" value="1"{{#TELEWORK_CHECKED}} checked{{/TELEWORK_CHECKED}}><label for="telework">[[employers.field.telework]]</label></div>
    <div class="choice"><input type="checkbox" id="hospital_leave" name="hospital_leave" value="1"{{#HOSPITAL_LEAVE_CHECKED}} checked{{/HOSPITAL_LEAVE_CHECKED}}><label for="hospital_leave">[[employers.field.hospital_leave]]</label></div>
  </fieldset>
  <h2>[[employers.opening_form.section_wage]]</h2>
  <fieldset class="field{{#ERR_WAGE_KIND}} field--error{{/ERR_WAGE_KIND}}">
    <legend>[[employers.field.wage_kind]]</legend>
    {{#ERR_WAGE_KIND}}<p class="field__error" id="wage_kind-error">{{MESSAGE}}</p>{{/ERR_WAGE_KIND}}
    {{#WAGE_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="wage_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/WAGE_KIND}}
  </fieldset>
  <div class="field{{#ERR_WAGE_MIN}} field--error{{/ERR_WAGE_MIN}}">
    <label for="wage_min">[[employers.field.wage_min]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_WAGE_MIN}}<p class="field__error" id="wage_min-error">{{MESSAGE}}</p>{{/ERR_WAGE_MIN}}
    <input id="wage_min" name="wage_min" type="text" maxlength="9" value="{{V_WAGE_MIN}}" inputmode="numeric"{{#ERR_WAGE_MIN}} aria-describedby="wage_min-error" aria-invalid="true"{{/ERR_WAGE_MIN}}>
  </div>
  <div class="field{{#ERR_WAGE_MAX}} field--error{{/ERR_WAGE_MAX}}">
    <label for="wage_max">[[employers.field.wage_max]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_WAGE_MAX}}<p class="field__error" id="wage_max-error">{{MESSAGE}}</p>{{/ERR_WAGE_MAX}}
    <input id="wage_max" name="wage_max" type="text" maxlength="9" value="{{V_WAGE_MAX}}" inputmode="numeric"{{#ERR_WAGE_MAX}} aria-describedby="wage_max-error" aria-invalid="true"{{/ERR_WAGE_MAX}}>
  </div>
  <h2>[[employers.opening_form.section_offer]]</h2>
  <div class="field{{#ERR_VALID_UNTIL}} field--error{{/ERR_VALID_UNTIL}}">
    <label for="valid_until">[[employers.field.valid_until]] <span class="muted">[[employers.form.optional]]</span></label>
    <p class="hint" id="valid_until-hint">[[employers.opening_form.valid_until_hint]]</p>
    {{#ERR_VALID_UNTIL}}<p class="field__error" id="valid_until-error">{{MESSAGE}}</p>{{/ERR_VALID_UNTIL}}
    <input id="valid_until" name="valid_until" type="date" maxlength="10" value="{{V_VALID_UNTIL}}" aria-describedby="valid_until-hint{{#ERR_VALID_UNTIL}} valid_until-error{{/ERR_VALID_UNTIL}}"{{#ERR_VALID_UNTIL}} aria-invalid="true"{{/ERR_VALID_UNTIL}}>
  </div>
  {{#HAS_WAREKI}}<p class="hint">[[employers.opening_form.valid_wareki]]{{VALID_WAREKI}}</p>{{/HAS_WAREKI}}
  <div class="field">
    <div class="choice"><input type="checkbox" id="published" name="published" value="1"{{#PUBLISHED_CHECKED}} checked{{/PUBLISHED_CHECKED}}><label for="published">[[employers.field.published]]</label></div>
    <p class="hint">[[employers.opening_form.published_hint]]</p>
  </div>
  <button type="submit" class="button button--primary">[[employers.form.save]]</button>
</form>
