<div class="narrow">
<p class="breadcrumb"><a href="{{DAY_PATH}}">[[late.entry.back]]</a></p>
<h1>[[late.entry.title]]</h1>
<p>{{DATE}}</p>
[[include:partials/error_summary]]
<p>[[late.entry.lead]]</p>
<form method="post" action="{{DAY_PATH}}/late" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_ARRIVED_AT}} field--error{{/ERR_ARRIVED_AT}}">
    <label for="arrived_at">[[late.entry.arrived_at]]</label>
    <p class="field__hint" id="arrived_at-hint">[[late.entry.arrived_at_hint]]</p>
    {{#ERR_ARRIVED_AT}}<p class="field__error" id="arrived_at-error">{{MESSAGE}}</p>{{/ERR_ARRIVED_AT}}
    <input id="arrived_at" name="arrived_at" type="time" class="input--short" value="{{V_ARRIVED_AT}}" aria-describedby="arrived_at-hint{{#ERR_ARRIVED_AT}} arrived_at-error{{/ERR_ARRIVED_AT}}"{{#ERR_ARRIVED_AT}} aria-invalid="true"{{/ERR_ARRIVED_AT}}>
  </div>
  <fieldset class="field{{#ERR_CHANNEL}} field--error{{/ERR_CHANNEL}}">
    <legend>[[late.entry.channel]]</legend>
    {{#ERR_CHANNEL}}<p class="field__error" id="channel-error">{{MESSAGE}}</p>{{/ERR_CHANNEL}}
    {{#CHANNEL}}<div class="choice"><input type="radio" id="{{ID}}" name="channel" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CHANNEL}}
  </fieldset>
  <fieldset class="field{{#ERR_MODE}} field--error{{/ERR_MODE}}">
    <legend>[[late.entry.mode]]</legend>
    {{#ERR_MODE}}<p class="field__error" id="mode-error">{{MESSAGE}}</p>{{/ERR_MODE}}
    {{#MODE}}<div class="choice"><input type="radio" id="{{ID}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/MODE}}
  </fieldset>
  <div class="field{{#ERR_GENDER}} field--error{{/ERR_GENDER}}">
    <label for="gender">[[late.import.column.gender]]</label>
    {{#ERR_GENDER}}<p class="field__error" id="gender-error">{{MESSAGE}}</p>{{/ERR_GENDER}}
    <select id="gender" name="gender"><option value="">[[late.entry.unknown]]</option>{{#GENDER}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GENDER}}</select>
  </div>
  <div class="field{{#ERR_AGE_BAND}} field--error{{/ERR_AGE_BAND}}">
    <label for="age_band">[[late.import.column.age_band]]</label>
    {{#ERR_AGE_BAND}}<p class="field__error" id="age_band-error">{{MESSAGE}}</p>{{/ERR_AGE_BAND}}
    <select id="age_band" name="age_band"><option value="">[[late.entry.unknown]]</option>{{#AGE_BAND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGE_BAND}}</select>
  </div>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[late.import.column.municipality]]</label>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="100" value="{{V_MUNICIPALITY}}">
  </div>
  <button type="submit" class="button button--primary">[[late.entry.submit]]</button>
</form>
</div>
