<h1>[[days.generate.title]]</h1>
<p>{{NAME}} ／ {{FY_LABEL}}</p>
[[include:partials/error_summary]]
<form method="post" action="/programs/{{ID}}/generate/preview" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_FISCAL_YEAR}} field--error{{/ERR_FISCAL_YEAR}}">
    <label for="fiscal_year">[[days.field.fiscal_year]]</label>
    {{#ERR_FISCAL_YEAR}}<p class="field__error" id="fiscal_year-error">{{MESSAGE}}</p>{{/ERR_FISCAL_YEAR}}
    <input id="fiscal_year" name="fiscal_year" type="text" inputmode="numeric" maxlength="4" value="{{V_FISCAL_YEAR}}"{{#ERR_FISCAL_YEAR}} aria-invalid="true" aria-describedby="fiscal_year-error"{{/ERR_FISCAL_YEAR}}>
  </div>
  <fieldset class="field{{#ERR_FROM_MONTH}} field--error{{/ERR_FROM_MONTH}}"{{#ERR_FROM_MONTH}} aria-describedby="from_month-error"{{/ERR_FROM_MONTH}}>
    <legend>[[schedule2.field.months]]</legend>
    <p class="field__hint">[[schedule2.field.months_hint]]</p>
    {{#ERR_FROM_MONTH}}<p class="field__error" id="from_month-error">{{MESSAGE}}</p>{{/ERR_FROM_MONTH}}
    <label for="from_month">[[schedule2.field.from_month]]</label>
    <select id="from_month" name="from_month">{{#FROM_MONTH}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FROM_MONTH}}</select>
    <label for="to_month">[[schedule2.field.to_month]]</label>
    <select id="to_month" name="to_month">{{#TO_MONTH}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_MONTH}}</select>
  </fieldset>
  <fieldset class="field{{#ERR_OCCURRENCES}} field--error{{/ERR_OCCURRENCES}}"{{#ERR_OCCURRENCES}} aria-describedby="occurrences-error"{{/ERR_OCCURRENCES}}>
    <legend>[[days.field.occurrences]]</legend>
    <p class="field__hint">[[days.field.occurrences_hint]]</p>
    {{#ERR_OCCURRENCES}}<p class="field__error" id="occurrences-error">{{MESSAGE}}</p>{{/ERR_OCCURRENCES}}
    <div class="table-wrap"><table class="data-table occurrence-grid">
      <caption class="visually-hidden">[[days.field.occurrences]]</caption>
      <thead>
        <tr><td></td>{{#WEEKDAY_HEAD}}<th scope="col">{{LABEL}}</th>{{/WEEKDAY_HEAD}}</tr>
      </thead>
      <tbody>
        {{#WEEK}}<tr>
          <th scope="row" id="{{WEEK_ID}}">{{WEEK_LABEL}}</th>
          {{#CELL}}<td><input type="checkbox" id="{{CELL_ID}}" name="occurrences" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{CELL_ID}}" class="visually-hidden">{{LABEL}}</label></td>{{/CELL}}
        </tr>{{/WEEK}}
      </tbody>
    </table></div>
  </fieldset>
  <div class="field{{#ERR_START_MINUTES}} field--error{{/ERR_START_MINUTES}}">
    <label for="start_minutes">[[days.field.start]]</label>
    {{#ERR_START_MINUTES}}<p class="field__error" id="start_minutes-error">{{MESSAGE}}</p>{{/ERR_START_MINUTES}}
    <input id="start_minutes" name="start_minutes" type="time" step="300" value="{{V_START_MINUTES}}"{{#ERR_START_MINUTES}} aria-invalid="true" aria-describedby="start_minutes-error"{{/ERR_START_MINUTES}}>
  </div>
  <div class="field{{#ERR_END_MINUTES}} field--error{{/ERR_END_MINUTES}}">
    <label for="end_minutes">[[days.field.end]]</label>
    {{#ERR_END_MINUTES}}<p class="field__error" id="end_minutes-error">{{MESSAGE}}</p>{{/ERR_END_MINUTES}}
    <input id="end_minutes" name="end_minutes" type="time" step="300" value="{{V_END_MINUTES}}"{{#ERR_END_MINUTES}} aria-invalid="true" aria-describedby="end_minutes-error"{{/ERR_END_MINUTES}}>
  </div>
  <fieldset class="field">
    <legend>[[days.field.on_holiday]]</legend>
    {{#POLICY}}<div class="choice"><input type="radio" id="{{ID}}" name="on_holiday" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/POLICY}}
    <div class="choice"><input type="checkbox" id="closed_year_end" name="closed_year_end" value="1"{{#CLOSED_CHECKED}} checked{{/CLOSED_CHECKED}}><label for="closed_year_end">[[days.field.closed_year_end]]</label></div>
  </fieldset>
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
    <input id="booths" name="booths" type="text" inputmode="numeric" value="{{V_BOOTHS}}"{{#ERR_BOOTHS}} aria-invalid="true" aria-describedby="booths-error"{{/ERR_BOOTHS}}>
  </div>
  <div class="field{{#ERR_SLOT_MINUTES}} field--error{{/ERR_SLOT_MINUTES}}">
    <label for="slot_minutes">[[days.field.slot_minutes]]</label>
    <p class="field__hint" id="slot_minutes-hint">[[days.field.slot_minutes_hint]]</p>
    {{#ERR_SLOT_MINUTES}}<p class="field__error" id="slot_minutes-error">{{MESSAGE}}</p>{{/ERR_SLOT_MINUTES}}
    <input id="slot_minutes" name="slot_minutes" type="text" inputmode="numeric" value="{{V_SLOT_MINUTES}}" aria-describedby="slot_minutes-hint{{#ERR_SLOT_MINUTES}} slot_minutes-error{{/ERR_SLOT_MINUTES}}"{{#ERR_SLOT_MINUTES}} aria-invalid="true"{{/ERR_SLOT_MINUTES}}>
  </div>
  <div class="field{{#ERR_PREP_MINUTES}} field--error{{/ERR_PREP_MINUTES}}">
    <label for="prep_minutes">[[days.field.prep_minutes]]</label>
    {{#ERR_PREP_MINUTES}}<p class="field__error" id="prep_minutes-error">{{MESSAGE}}</p>{{/ERR_PREP_MINUTES}}
    <input id="prep_minutes" name="prep_minutes" type="text" inputmode="numeric" value="{{V_PREP_MINUTES}}"{{#ERR_PREP_MINUTES}} aria-invalid="true" aria-describedby="prep_minutes-error"{{/ERR_PREP_MINUTES}}>
  </div>
  <div class="field">
    <label for="debrief_minutes">[[days.field.debrief_minutes]]</label>
    <input id="debrief_minutes" name="debrief_minutes" type="text" inputmode="numeric" value="{{V_DEBRIEF_MINUTES}}">
  </div>
  <fieldset class="field">
    <legend>[[schedule2.field.second_rule]]</legend>
    <p class="field__hint">[[schedule2.field.second_rule_hint]]</p>
    <div class="field{{#ERR_P2_FROM_MONTH}} field--error{{/ERR_P2_FROM_MONTH}}">
      {{#ERR_P2_FROM_MONTH}}<p class="field__error" id="p2_from_month-error">{{MESSAGE}}</p>{{/ERR_P2_FROM_MONTH}}
      <label for="p2_from_month">[[schedule2.field.p2_from_month]]</label>
      <select id="p2_from_month" name="p2_from_month"{{#ERR_P2_FROM_MONTH}} aria-invalid="true" aria-describedby="p2_from_month-error"{{/ERR_P2_FROM_MONTH}}>{{#P2_FROM_MONTH}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/P2_FROM_MONTH}}</select>
      <label for="p2_to_month">[[schedule2.field.p2_to_month]]</label>
      <select id="p2_to_month" name="p2_to_month">{{#P2_TO_MONTH}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/P2_TO_MONTH}}</select>
    </div>
    <div class="field{{#ERR_P2_OCCURRENCES}} field--error{{/ERR_P2_OCCURRENCES}}">
      {{#ERR_P2_OCCURRENCES}}<p class="field__error" id="p2_occurrences-error">{{MESSAGE}}</p>{{/ERR_P2_OCCURRENCES}}
      <div class="table-wrap"><table class="data-table occurrence-grid">
        <caption>[[schedule2.field.second_occurrences]]</caption>
        <thead>
          <tr><td></td>{{#WEEKDAY_HEAD}}<th scope="col">{{LABEL}}</th>{{/WEEKDAY_HEAD}}</tr>
        </thead>
        <tbody>
          {{#WEEK2}}<tr>
            <th scope="row" id="{{WEEK_ID}}">{{WEEK_LABEL}}</th>
            {{#CELL}}<td><input type="checkbox" id="{{CELL_ID}}" name="p2_occurrences" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{CELL_ID}}" class="visually-hidden">{{LABEL}}</label></td>{{/CELL}}
          </tr>{{/WEEK2}}
        </tbody>
      </table></div>
    </div>
    <div class="field{{#ERR_P2_START_MINUTES}} field--error{{/ERR_P2_START_MINUTES}}">
      <label for="p2_start_minutes">[[schedule2.field.p2_start]]</label>
      {{#ERR_P2_START_MINUTES}}<p class="field__error" id="p2_start_minutes-error">{{MESSAGE}}</p>{{/ERR_P2_START_MINUTES}}
      <input id="p2_start_minutes" name="p2_start_minutes" type="time" step="300" value="{{V_P2_START_MINUTES}}"{{#ERR_P2_START_MINUTES}} aria-invalid="true" aria-describedby="p2_start_minutes-error"{{/ERR_P2_START_MINUTES}}>
    </div>
    <div class="field{{#ERR_P2_END_MINUTES}} field--error{{/ERR_P2_END_MINUTES}}">
      <label for="p2_end_minutes">[[schedule2.field.p2_end]]</label>
      {{#ERR_P2_END_MINUTES}}<p class="field__error" id="p2_end_minutes-error">{{MESSAGE}}</p>{{/ERR_P2_END_MINUTES}}
      <input id="p2_end_minutes" name="p2_end_minutes" type="time" step="300" value="{{V_P2_END_MINUTES}}"{{#ERR_P2_END_MINUTES}} aria-invalid="true" aria-describedby="p2_end_minutes-error"{{/ERR_P2_END_MINUTES}}>
    </div>
    <div class="field{{#ERR_P2_VENUE}} field--error{{/ERR_P2_VENUE}}">
      <label for="p2_venue">[[schedule2.field.p2_venue]]</label>
      {{#ERR_P2_VENUE}}<p class="field__error" id="p2_venue-error">{{MESSAGE}}</p>{{/ERR_P2_VENUE}}
      <input id="p2_venue" name="p2_venue" type="text" maxlength="200" value="{{V_P2_VENUE}}"{{#ERR_P2_VENUE}} aria-invalid="true" aria-describedby="p2_venue-error"{{/ERR_P2_VENUE}}>
    </div>
  </fieldset>
  <button type="submit" class="button button--primary">[[days.generate.preview]]</button>
</form>
<p><a href="/programs/{{ID}}?fy={{FY}}">[[days.generate.back]]</a></p>
