<p class="breadcrumb"><a href="/org/rights">[[rights.log.title]]</a></p>
<h1>[[rights.retention.title]]</h1>
<p class="lead">[[rights.retention.lead]]</p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<p id="dry-run">[[rights.retention.due_before]]<strong>{{DUE}}</strong>[[rights.retention.due_after]]</p>
[[include:partials/error_summary]]
<form method="post" action="/org/rights/retention" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_BOOKING_YEARS}} field--error{{/ERR_BOOKING_YEARS}}">
    <label for="booking_years">[[rights.retention.booking_years]]</label>
    <p class="hint" id="booking_years-hint">[[rights.retention.hint]]</p>
    {{#ERR_BOOKING_YEARS}}<p class="field__error" id="booking_years-error">{{MESSAGE}}</p>{{/ERR_BOOKING_YEARS}}
    <input id="booking_years" name="booking_years" inputmode="numeric" type="number" min="1" max="20" value="{{V_BOOKING_YEARS}}" aria-describedby="booking_years-hint{{#ERR_BOOKING_YEARS}} booking_years-error{{/ERR_BOOKING_YEARS}}"{{#ERR_BOOKING_YEARS}} aria-invalid="true"{{/ERR_BOOKING_YEARS}}>
  </div>
  <button type="submit" class="button">[[rights.retention.submit]]</button>
</form>
