<p class="breadcrumb"><a href="/org/retention">[[placements.retention.title]]</a></p>
<h1>[[placements.months.title]]</h1>
<p class="lead">[[placements.months.lead]]</p>
[[include:partials/error_summary]]
<p>[[placements.months.current]]<strong id="current-months">{{CURRENT}}</strong></p>
<form method="post" action="/org/retention/months" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_MONTHS}} field--error{{/ERR_MONTHS}}">
    <label for="months">[[placements.months.label]]</label>
    <p class="field__hint" id="months-hint">[[placements.months.hint]]</p>
    {{#ERR_MONTHS}}<p class="field__error" id="months-error">{{MESSAGE}}</p>{{/ERR_MONTHS}}
    <input id="months" name="months" type="text" inputmode="numeric" class="input--short" value="{{V_MONTHS}}" aria-describedby="months-hint{{#ERR_MONTHS}} months-error{{/ERR_MONTHS}}"{{#ERR_MONTHS}} aria-invalid="true"{{/ERR_MONTHS}}>
  </div>
  <button type="submit" class="button">[[placements.months.submit]]</button>
</form>
