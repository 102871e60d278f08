<div class="narrow">
<p class="breadcrumb"><a href="/programs/{{ID}}">[[board.page.back_program]]</a></p>
<h1>[[board.add_day.title]]</h1>
<p>{{NAME}}</p>
[[include:partials/error_summary]]
<p>[[board.add_day.lead]]</p>
<form method="post" action="/programs/{{ID}}/days/new" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_DATE}} field--error{{/ERR_DATE}}">
    <label for="date">[[board.add_day.date]]</label>
    <p class="field__hint" id="date-hint">[[board.add_day.date_hint]]</p>
    {{#ERR_DATE}}<p class="field__error" id="date-error">{{MESSAGE}}</p>{{/ERR_DATE}}
    <input id="date" name="date" type="date" class="input--short" value="{{V_DATE}}" aria-describedby="date-hint{{#ERR_DATE}} date-error{{/ERR_DATE}}"{{#ERR_DATE}} aria-invalid="true"{{/ERR_DATE}}>
  </div>
  <div class="field{{#ERR_START_MINUTES}} field--error{{/ERR_START_MINUTES}}">
    <label for="start_minutes">[[days.field.start]]</label>
    {{#ERR_START_MINUTES}}<p class="field__error" id="start_minutes-error">{{MESSAGE}}</p>{{/ERR_START_MINUTES}}
    <input id="start_minutes" name="start_minutes" type="time" step="300" class="input--short" value="{{V_START_MINUTES}}"{{#ERR_START_MINUTES}} aria-invalid="true" aria-describedby="start_minutes-error"{{/ERR_START_MINUTES}}>
  </div>
  <div class="field">
    <label for="end_minutes">[[days.field.end]]</label>
    <input id="end_minutes" name="end_minutes" type="time" step="300" class="input--short" value="{{V_END_MINUTES}}">
  </div>
  <fieldset class="field{{#ERR_MODE}} field--error{{/ERR_MODE}}"{{#ERR_MODE}} aria-describedby="mode-error"{{/ERR_MODE}}>
    <legend>[[days.field.mode]]</legend>
    {{#ERR_MODE}}<p class="field__error" id="mode-error">{{MESSAGE}}</p>{{/ERR_MODE}}
    {{#MODE}}<div class="choice"><input type="radio" id="{{ID}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/MODE}}
  </fieldset>
  <div class="field{{#ERR_VENUE}} field--error{{/ERR_VENUE}}">
    <label for="venue">[[days.field.venue]]</label>
    {{#ERR_VENUE}}<p class="field__error" id="venue-error">{{MESSAGE}}</p>{{/ERR_VENUE}}
    <input id="venue" name="venue" type="text" maxlength="200" value="{{V_VENUE}}"{{#ERR_VENUE}} aria-invalid="true" aria-describedby="venue-error"{{/ERR_VENUE}}>
  </div>
  <div class="field{{#ERR_MEETING_URL}} field--error{{/ERR_MEETING_URL}}">
    <label for="meeting_url">[[days.field.meeting_url]]</label>
    <p class="field__hint" id="meeting_url-hint">[[days.field.meeting_url_hint]]</p>
    {{#ERR_MEETING_URL}}<p class="field__error" id="meeting_url-error">{{MESSAGE}}</p>{{/ERR_MEETING_URL}}
    <input id="meeting_url" name="meeting_url" type="url" value="{{V_MEETING_URL}}" aria-describedby="meeting_url-hint{{#ERR_MEETING_URL}} meeting_url-error{{/ERR_MEETING_URL}}"{{#ERR_MEETING_URL}} aria-invalid="true"{{/ERR_MEETING_URL}}>
  </div>
  <div class="field{{#ERR_BOOTHS}} field--error{{/ERR_BOOTHS}}">
    <label for="booths">[[days.field.booths]]</label>
    {{#ERR_BOOTHS}}<p class="field__error" id="booths-error">{{MESSAGE}}</p>{{/ERR_BOOTHS}}
    <input id="booths" name="booths" type="text" inputmode="numeric" class="input--short" value="{{V_BOOTHS}}"{{#ERR_BOOTHS}} aria-invalid="true" aria-describedby="booths-error"{{/ERR_BOOTHS}}>
  </div>
  <div class="field{{#ERR_SLOT_MINUTES}} field--error{{/ERR_SLOT_MINUTES}}">
    <label for="slot_minutes">[[days.field.slot_minutes]]</label>
    <p class="field__hint" id="slot_minutes-hint">[[days.field.slot_minutes_hint]]</p>
    {{#ERR_SLOT_MINUTES}}<p class="field__error" id="slot_minutes-error">{{MESSAGE}}</p>{{/ERR_SLOT_MINUTES}}
    <input id="slot_minutes" name="slot_minutes" type="text" inputmode="numeric" class="input--short" value="{{V_SLOT_MINUTES}}" aria-describedby="slot_minutes-hint{{#ERR_SLOT_MINUTES}} slot_minutes-error{{/ERR_SLOT_MINUTES}}"{{#ERR_SLOT_MINUTES}} aria-invalid="true"{{/ERR_SLOT_MINUTES}}>
  </div>
  <div class="field{{#ERR_PREP_MINUTES}} field--error{{/ERR_PREP_MINUTES}}">
    <label for="prep_minutes">[[days.field.prep_minutes]]</label>
    {{#ERR_PREP_MINUTES}}<p class="field__error" id="prep_minutes-error">{{MESSAGE}}</p>{{/ERR_PREP_MINUTES}}
    <input id="prep_minutes" name="prep_minutes" type="text" inputmode="numeric" class="input--short" value="{{V_PREP_MINUTES}}"{{#ERR_PREP_MINUTES}} aria-invalid="true" aria-describedby="prep_minutes-error"{{/ERR_PREP_MINUTES}}>
  </div>
  <div class="field">
    <label for="debrief_minutes">[[days.field.debrief_minutes]]</label>
    <input id="debrief_minutes" name="debrief_minutes" type="text" inputmode="numeric" class="input--short" value="{{V_DEBRIEF_MINUTES}}">
  </div>
  <button type="submit" class="button button--primary">[[board.add_day.submit]]</button>
</form>
</div>
