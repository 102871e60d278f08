<div class="narrow">
<h1>[[survey.paper.title]]</h1>
{{#SAVED}}<div class="notice notice--success" role="status"><p>[[survey.paper.saved]]</p></div>{{/SAVED}}
[[include:partials/error_summary]]
<p class="muted">{{PROGRAM_NAME}}</p>
<p>[[survey.paper.lead]]</p>
<form method="post" action="/programs/{{PROGRAM_ID}}/surveys/paper" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_FISCAL_YEAR}} field--error{{/ERR_FISCAL_YEAR}}">
    <label for="fiscal_year">[[survey.paper.fiscal_year]]</label>
    <p class="field__hint" id="fiscal_year-hint">[[survey.paper.fiscal_year_hint]]</p>
    {{#ERR_FISCAL_YEAR}}<p class="field__error" id="fiscal_year-error">{{MESSAGE}}</p>{{/ERR_FISCAL_YEAR}}
    <input id="fiscal_year" name="fiscal_year" type="text" inputmode="numeric" class="input--short" value="{{V_FISCAL_YEAR}}" aria-describedby="fiscal_year-hint{{#ERR_FISCAL_YEAR}} fiscal_year-error{{/ERR_FISCAL_YEAR}}"{{#ERR_FISCAL_YEAR}} aria-invalid="true"{{/ERR_FISCAL_YEAR}}>
  </div>
  [[include:survey/questions]]
  <button type="submit" class="button button--primary">[[survey.paper.submit]]</button>
</form>
<p><a href="/programs/{{PROGRAM_ID}}/report?fy={{FY}}">[[survey.paper.back]]</a></p>
</div>
