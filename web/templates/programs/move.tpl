<div class="narrow">
<h1>{{#FORM}}[[daychange.move.title]]{{/FORM}}{{#CONFIRM}}[[daychange.move.confirm_title]]{{/CONFIRM}}</h1>
[[include:partials/error_summary]]
<dl class="summary-list">
  <dt>[[daychange.field.program]]</dt><dd>{{NAME}}</dd>
  <dt>{{#FORM}}[[daychange.field.when]]{{/FORM}}{{#CONFIRM}}[[daychange.move.before]]{{/CONFIRM}}</dt><dd>{{DATE}} {{TIME}}</dd>
  {{#CONFIRM}}<dt>[[daychange.move.after]]</dt><dd><strong>{{NEW_DATE}} {{NEW_TIME}}</strong></dd>{{/CONFIRM}}
  <dt>[[daychange.field.place]]</dt><dd>{{#FORM}}{{PLACE}}{{/FORM}}{{#CONFIRM}}{{NEW_PLACE}}{{/CONFIRM}}</dd>
  <dt>[[daychange.people.heading]]</dt>
  <dd>{{#NO_PEOPLE}}[[daychange.people.none]]{{/NO_PEOPLE}}{{#HAS_PEOPLE}}{{BOOKED}}<br>{{WAITING}}<br>{{BY_EMAIL}}{{#BY_PHONE}}<br><strong>{{TEXT}}</strong>{{/BY_PHONE}}{{/HAS_PEOPLE}}</dd>
  {{#HAS_MESSAGE}}<dt>[[daychange.field.message]]</dt><dd>{{MESSAGE}}</dd>{{/HAS_MESSAGE}}
</dl>
{{#FORM}}
<p>[[daychange.move.lead]]</p>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/move/confirm" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_DATE}} field--error{{/ERR_DATE}}">
    <label for="date">[[daychange.field.date]]</label>
    <p class="field__hint" id="date-hint">[[daychange.field.date_hint]]</p>
    {{#ERR_DATE}}<p class="field__error" id="date-error">{{MESSAGE}}</p>{{/ERR_DATE}}
    <input id="date" name="date" type="date" value="{{V_DATE}}" required aria-describedby="date-hint{{#ERR_DATE}} date-error{{/ERR_DATE}}"{{#ERR_DATE}} aria-invalid="true"{{/ERR_DATE}}>
  </div>
  <div class="field{{#ERR_START}} field--error{{/ERR_START}}">
    <label for="start">[[daychange.field.start]]</label>
    <p class="field__hint" id="start-hint">[[daychange.field.start_hint]]</p>
    {{#ERR_START}}<p class="field__error" id="start-error">{{MESSAGE}}</p>{{/ERR_START}}
    <input id="start" name="start" type="time" step="300" value="{{V_START}}" required class="input--short" aria-describedby="start-hint{{#ERR_START}} start-error{{/ERR_START}}"{{#ERR_START}} aria-invalid="true"{{/ERR_START}}>
  </div>
  <div class="field{{#ERR_VENUE}} field--error{{/ERR_VENUE}}">
    <label for="venue">[[daychange.field.venue]]</label>
    <p class="field__hint" id="venue-hint">[[daychange.field.venue_hint]]</p>
    {{#ERR_VENUE}}<p class="field__error" id="venue-error">{{MESSAGE}}</p>{{/ERR_VENUE}}
    <input id="venue" name="venue" type="text" maxlength="{{MAX_VENUE}}" value="{{V_VENUE}}" aria-describedby="venue-hint{{#ERR_VENUE}} venue-error{{/ERR_VENUE}}"{{#ERR_VENUE}} aria-invalid="true"{{/ERR_VENUE}}>
  </div>
  <div class="field{{#ERR_MESSAGE}} field--error{{/ERR_MESSAGE}}">
    <label for="message">[[daychange.field.message]]</label>
    <p class="field__hint" id="message-hint">[[daychange.field.message_hint]]</p>
    {{#ERR_MESSAGE}}<p class="field__error" id="message-error">{{MESSAGE}}</p>{{/ERR_MESSAGE}}
    <textarea id="message" name="message" rows="4" maxlength="{{MAX_REASON}}" aria-describedby="message-hint{{#ERR_MESSAGE}} message-error{{/ERR_MESSAGE}}"{{#ERR_MESSAGE}} aria-invalid="true"{{/ERR_MESSAGE}}>{{V_MESSAGE}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[daychange.move.check]]</button>
</form>
{{/FORM}}
{{#CONFIRM}}
<div class="notice notice--warning">
  <p>[[daychange.move.confirm_lead]]</p>
</div>
<table class="data-table">
  <caption>[[daychange.move.slots_caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[daychange.move.before]]</th>
      <th scope="col">[[daychange.move.after]]</th>
      <th scope="col">[[days.col.booked]]</th>
    </tr>
  </thead>
  <tbody>
    {{#SLOT}}<tr><td>{{OLD}}</td><th scope="row">{{NEW}}</th><td>{{BOOKED}} / {{CAPACITY}}</td></tr>{{/SLOT}}
  </tbody>
</table>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/move">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button button--primary">[[daychange.move.send]]</button>
</form>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/move/edit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button">[[daychange.edit]]</button>
</form>
{{/CONFIRM}}
<p><a href="/programs/{{ID}}?fy={{FY}}">[[daychange.back]]</a></p>
</div>
