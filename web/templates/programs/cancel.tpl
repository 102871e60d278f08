<div class="narrow">
<h1>{{#CONFIRM}}[[daychange.cancel.confirm_title]]{{/CONFIRM}}{{#FORM_EMPTY}}[[daychange.cancel.title]]{{/FORM_EMPTY}}{{#FORM_PEOPLE}}[[daychange.cancel.title]]{{/FORM_PEOPLE}}</h1>
[[include:partials/error_summary]]
<dl class="summary-list">
  <dt>[[daychange.field.program]]</dt><dd>{{NAME}}</dd>
  <dt>[[daychange.field.when]]</dt><dd>{{DATE}} {{TIME}}</dd>
  <dt>[[daychange.field.place]]</dt><dd>{{PLACE}}</dd>
  <dt>[[daychange.people.heading]]</dt>
  <dd>{{#NO_PEOPLE}}[[daychange.people.none]]{{/NO_PEOPLE}}{{#HAS_PEOPLE}}{{BOOKED}}<br>{{WAITING}}<br>{{BY_EMAIL}}{{#BY_PHONE}}<br><strong>{{TEXT}}</strong>{{/BY_PHONE}}{{/HAS_PEOPLE}}</dd>
</dl>
{{#FORM_EMPTY}}
<p>{{#NOT_PAST}}[[daychange.cancel.lead_empty]]{{/NOT_PAST}}{{#PAST}}[[daychange.cancel.lead_past]]{{/PAST}}</p>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[daychange.cancel.submit]]</button>
</form>
{{/FORM_EMPTY}}
{{#FORM_PEOPLE}}
<p>[[daychange.cancel.lead_people]]</p>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/cancel/confirm" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_REASON}} field--error{{/ERR_REASON}}">
    <label for="reason">[[daychange.field.reason]]</label>
    <p class="field__hint" id="reason-hint">[[daychange.field.reason_hint]]</p>
    {{#ERR_REASON}}<p class="field__error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
    <textarea id="reason" name="reason" rows="4" maxlength="{{MAX_REASON}}" required aria-describedby="reason-hint{{#ERR_REASON}} reason-error{{/ERR_REASON}}"{{#ERR_REASON}} aria-invalid="true"{{/ERR_REASON}}>{{V_REASON}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[daychange.cancel.check]]</button>
</form>
{{/FORM_PEOPLE}}
{{#CONFIRM}}
<div class="notice notice--warning">
  <p>[[daychange.cancel.confirm_lead]]</p>
</div>
<dl class="summary-list">
  <dt>[[daychange.field.reason]]</dt><dd>{{REASON}}</dd>
  <dt>[[daychange.cancel.what_happens]]</dt><dd>[[daychange.cancel.what_happens_text]]</dd>
</dl>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button button--danger">[[daychange.cancel.send]]</button>
</form>
<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/cancel/edit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <button type="submit" class="button">[[daychange.edit]]</button>
</form>
{{/CONFIRM}}
<p><a href="/programs/{{ID}}?fy={{FY}}">[[daychange.back]]</a></p>
</div>
