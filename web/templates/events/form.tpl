<h1>[[events.form.heading]]</h1>
[[include:partials/error_summary]]
<p>[[events.form.lead]]</p>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_KIND}} field--error{{/ERR_KIND}}" aria-describedby="kind-hint{{#ERR_KIND}} kind-error{{/ERR_KIND}}">
    <legend>[[events.form.kind]]</legend>
    <p class="hint" id="kind-hint">[[events.form.kind_hint]]</p>
    {{#ERR_KIND}}<p class="field__error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
    {{#KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/KIND}}
  </fieldset>
  <div class="field{{#ERR_TITLE}} field--error{{/ERR_TITLE}}">
    <label for="title">[[events.form.title_field]]</label>
    {{#ERR_TITLE}}<p class="field__error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
    <input id="title" name="title" type="text" maxlength="100" value="{{V_TITLE}}"{{#ERR_TITLE}} aria-describedby="title-error"{{/ERR_TITLE}}{{#ERR_TITLE}} aria-invalid="true"{{/ERR_TITLE}}>
  </div>
  <div class="field{{#ERR_DESCRIPTION}} field--error{{/ERR_DESCRIPTION}}">
    <label for="description">[[events.form.description]] <span class="muted">[[events.form.optional]]</span></label>
    {{#ERR_DESCRIPTION}}<p class="field__error" id="description-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}
    <textarea id="description" name="description" rows="5"{{#ERR_DESCRIPTION}} aria-describedby="description-error"{{/ERR_DESCRIPTION}}{{#ERR_DESCRIPTION}} aria-invalid="true"{{/ERR_DESCRIPTION}}>{{V_DESCRIPTION}}</textarea>
  </div>
  <div class="field{{#ERR_DATE}} field--error{{/ERR_DATE}}">
    <label for="date">[[events.form.date]]</label>
    <p class="hint" id="date-hint">[[events.form.date_hint]]</p>
    {{#ERR_DATE}}<p class="field__error" id="date-error">{{MESSAGE}}</p>{{/ERR_DATE}}
    <input id="date" name="date" type="date" value="{{V_DATE}}" aria-describedby="date-hint{{#ERR_DATE}} date-error{{/ERR_DATE}}"{{#ERR_DATE}} aria-invalid="true"{{/ERR_DATE}}>
  </div>
  <div class="field{{#ERR_START_TIME}} field--error{{/ERR_START_TIME}}">
    <label for="start_time">[[events.form.start_time]]</label>
    <p class="hint" id="start_time-hint">[[events.form.time_hint]]</p>
    {{#ERR_START_TIME}}<p class="field__error" id="start_time-error">{{MESSAGE}}</p>{{/ERR_START_TIME}}
    <input id="start_time" name="start_time" type="time" value="{{V_START_TIME}}" aria-describedby="start_time-hint{{#ERR_START_TIME}} start_time-error{{/ERR_START_TIME}}"{{#ERR_START_TIME}} aria-invalid="true"{{/ERR_START_TIME}}>
  </div>
  <div class="field{{#ERR_END_TIME}} field--error{{/ERR_END_TIME}}">
    <label for="end_time">[[events.form.end_time]]</label>
    <p class="hint" id="end_time-hint">[[events.form.time_hint]]</p>
    {{#ERR_END_TIME}}<p class="field__error" id="end_time-error">{{MESSAGE}}</p>{{/ERR_END_TIME}}
    <input id="end_time" name="end_time" type="time" value="{{V_END_TIME}}" aria-describedby="end_time-hint{{#ERR_END_TIME}} end_time-error{{/ERR_END_TIME}}"{{#ERR_END_TIME}} aria-invalid="true"{{/ERR_END_TIME}}>
  </div>
  <h2>[[events.form.section_where]]</h2>
  <div class="field{{#ERR_VENUE}} field--error{{/ERR_VENUE}}">
    <label for="venue">[[events.form.venue]]</label>
    <p class="hint" id="venue-hint">[[events.form.venue_hint]]</p>
    {{#ERR_VENUE}}<p class="field__error" id="venue-error">{{MESSAGE}}</p>{{/ERR_VENUE}}
    <input id="venue" name="venue" type="text" maxlength="200" value="{{V_VENUE}}" aria-describedby="venue-hint{{#ERR_VENUE}} venue-error{{/ERR_VENUE}}"{{#ERR_VENUE}} aria-invalid="true"{{/ERR_VENUE}}>
  </div>
  <div class="field{{#ERR_AREA}} field--error{{/ERR_AREA}}">
    <label for="area">[[calendar.form.area]] <span class="muted">[[events.form.optional]]</span></label>
    <p class="hint" id="area-hint">[[calendar.form.area_hint]]</p>
    {{#ERR_AREA}}<p class="field__error" id="area-error">{{MESSAGE}}</p>{{/ERR_AREA}}
    <input id="area" name="area" type="text" maxlength="50" value="{{V_AREA}}" aria-describedby="area-hint{{#ERR_AREA}} area-error{{/ERR_AREA}}"{{#ERR_AREA}} aria-invalid="true"{{/ERR_AREA}}>
  </div>
  <div class="field{{#ERR_ACCESS}} field--error{{/ERR_ACCESS}}">
    <label for="access">[[events.form.access]] <span class="muted">[[events.form.optional]]</span></label>
    {{#ERR_ACCESS}}<p class="field__error" id="access-error">{{MESSAGE}}</p>{{/ERR_ACCESS}}
    <textarea id="access" name="access" rows="3"{{#ERR_ACCESS}} aria-describedby="access-error"{{/ERR_ACCESS}}{{#ERR_ACCESS}} aria-invalid="true"{{/ERR_ACCESS}}>{{V_ACCESS}}</textarea>
  </div>
  <div class="field{{#ERR_VENUE_CAPACITY}} field--error{{/ERR_VENUE_CAPACITY}}">
    <label for="venue_capacity">[[events.form.venue_capacity]]</label>
    <p class="hint" id="venue_capacity-hint">[[events.form.capacity_hint]]</p>
    {{#ERR_VENUE_CAPACITY}}<p class="field__error" id="venue_capacity-error">{{MESSAGE}}</p>{{/ERR_VENUE_CAPACITY}}
    <input id="venue_capacity" name="venue_capacity" type="text" inputmode="numeric" value="{{V_VENUE_CAPACITY}}" aria-describedby="venue_capacity-hint{{#ERR_VENUE_CAPACITY}} venue_capacity-error{{/ERR_VENUE_CAPACITY}}"{{#ERR_VENUE_CAPACITY}} aria-invalid="true"{{/ERR_VENUE_CAPACITY}}>
  </div>
  <div class="field{{#ERR_ONLINE_CAPACITY}} field--error{{/ERR_ONLINE_CAPACITY}}">
    <label for="online_capacity">[[events.form.online_capacity]]</label>
    <p class="hint" id="online_capacity-hint">[[events.form.capacity_hint]]</p>
    {{#ERR_ONLINE_CAPACITY}}<p class="field__error" id="online_capacity-error">{{MESSAGE}}</p>{{/ERR_ONLINE_CAPACITY}}
    <input id="online_capacity" name="online_capacity" type="text" inputmode="numeric" value="{{V_ONLINE_CAPACITY}}" aria-describedby="online_capacity-hint{{#ERR_ONLINE_CAPACITY}} online_capacity-error{{/ERR_ONLINE_CAPACITY}}"{{#ERR_ONLINE_CAPACITY}} aria-invalid="true"{{/ERR_ONLINE_CAPACITY}}>
  </div>
  <div class="field{{#ERR_MEETING_URL}} field--error{{/ERR_MEETING_URL}}">
    <label for="meeting_url">[[events.form.meeting_url]]</label>
    <p class="hint" id="meeting_url-hint">[[events.form.meeting_url_hint]]</p>
    {{#ERR_MEETING_URL}}<p class="field__error" id="meeting_url-error">{{MESSAGE}}</p>{{/ERR_MEETING_URL}}
    <input id="meeting_url" name="meeting_url" type="url" maxlength="500" value="{{V_MEETING_URL}}" aria-describedby="meeting_url-hint{{#ERR_MEETING_URL}} meeting_url-error{{/ERR_MEETING_URL}}"{{#ERR_MEETING_URL}} aria-invalid="true"{{/ERR_MEETING_URL}}>
  </div>
[[include:events/lifecycle_fields]]
  <h2>[[events.form.section_who]]</h2>
  <fieldset class="field{{#ERR_AUDIENCES}} field--error{{/ERR_AUDIENCES}}" aria-describedby="audiences-hint{{#ERR_AUDIENCES}} audiences-error{{/ERR_AUDIENCES}}">
    <legend>[[events.form.audiences]]</legend>
    <p class="hint" id="audiences-hint">[[events.form.audiences_hint]]</p>
    {{#ERR_AUDIENCES}}<p class="field__error" id="audiences-error">{{MESSAGE}}</p>{{/ERR_AUDIENCES}}
    {{#AUDIENCE}}<div class="radio"><input type="checkbox" id="{{ID}}" name="audiences" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/AUDIENCE}}
  </fieldset>
  <div class="field{{#ERR_FEE}} field--error{{/ERR_FEE}}">
    <label for="fee">[[events.form.fee]]</label>
    <p class="hint" id="fee-hint">[[events.form.fee_hint]]</p>
    {{#ERR_FEE}}<p class="field__error" id="fee-error">{{MESSAGE}}</p>{{/ERR_FEE}}
    <input id="fee" name="fee" type="text" maxlength="100" value="{{V_FEE}}" aria-describedby="fee-hint{{#ERR_FEE}} fee-error{{/ERR_FEE}}"{{#ERR_FEE}} aria-invalid="true"{{/ERR_FEE}}>
  </div>
  <div class="field{{#ERR_CONTACT}} field--error{{/ERR_CONTACT}}">
    <label for="contact">[[events.form.contact]]</label>
    <p class="hint" id="contact-hint">[[events.form.contact_hint]]</p>
    {{#ERR_CONTACT}}<p class="field__error" id="contact-error">{{MESSAGE}}</p>{{/ERR_CONTACT}}
    <textarea id="contact" name="contact" rows="3" aria-describedby="contact-hint{{#ERR_CONTACT}} contact-error{{/ERR_CONTACT}}"{{#ERR_CONTACT}} aria-invalid="true"{{/ERR_CONTACT}}>{{V_CONTACT}}</textarea>
  </div>
  <div class="field{{#ERR_SPEAKERS}} field--error{{/ERR_SPEAKERS}}">
    <label for="speakers">[[events.form.speakers]] <span class="muted">[[events.form.optional]]</span></label>
    {{#ERR_SPEAKERS}}<p class="field__error" id="speakers-error">{{MESSAGE}}</p>{{/ERR_SPEAKERS}}
    <textarea id="speakers" name="speakers" rows="3"{{#ERR_SPEAKERS}} aria-describedby="speakers-error"{{/ERR_SPEAKERS}}{{#ERR_SPEAKERS}} aria-invalid="true"{{/ERR_SPEAKERS}}>{{V_SPEAKERS}}</textarea>
  </div>
  <div class="field{{#ERR_CO_HOSTS}} field--error{{/ERR_CO_HOSTS}}">
    <label for="co_hosts">[[events.form.co_hosts]] <span class="muted">[[events.form.optional]]</span></label>
    {{#ERR_CO_HOSTS}}<p class="field__error" id="co_hosts-error">{{MESSAGE}}</p>{{/ERR_CO_HOSTS}}
    <textarea id="co_hosts" name="co_hosts" rows="2"{{#ERR_CO_HOSTS}} aria-describedby="co_hosts-error"{{/ERR_CO_HOSTS}}{{#ERR_CO_HOSTS}} aria-invalid="true"{{/ERR_CO_HOSTS}}>{{V_CO_HOSTS}}</textarea>
  </div>
  <fieldset class="field{{#ERR_STATUS}} field--error{{/ERR_STATUS}}" aria-describedby="status-hint{{#ERR_STATUS}} status-error{{/ERR_STATUS}}">
    <legend>[[events.form.status]]</legend>
    <p class="hint" id="status-hint">[[events.form.status_hint]]</p>
    {{#ERR_STATUS}}<p class="field__error" id="status-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
    {{#STATUS}}<div class="radio"><input type="radio" id="{{ID}}" name="status" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/STATUS}}
  </fieldset>
  <button type="submit" class="button button--primary">[[events.form.submit]]</button>
  <a class="button button--secondary" href="/events/manage">[[events.form.back]]</a>
</form>
