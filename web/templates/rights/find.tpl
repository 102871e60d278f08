<p class="breadcrumb"><a href="/org/rights">[[rights.log.title]]</a></p>
<h1>[[rights.find.title]]</h1>
<p class="lead">[[rights.find.lead]]</p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
[[include:partials/error_summary]]
<form method="post" action="/org/rights/find" novalidate class="no-print">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[clients.field.phone]]</label>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" autocomplete="off" value="{{V_PHONE}}"{{#ERR_PHONE}} aria-describedby="phone-error" aria-invalid="true"{{/ERR_PHONE}}>
  </div>
  <div class="field">
    <label for="email">[[clients.field.email]]</label>
    <input id="email" name="email" type="email" autocomplete="off" value="{{V_EMAIL}}">
  </div>
  <button type="submit" class="button">[[rights.find.submit]]</button>
</form>
{{#RESULTS}}
<h2>[[rights.find.results]]</h2>
<dl class="summary-list">
  <div><dt>[[rights.person.holder]]</dt><dd>{{ORG}}</dd></div>
  <div><dt>[[rights.person.made_at]]</dt><dd>{{MADE_AT}}</dd></div>
</dl>
<p class="no-print">[[rights.person.print]]</p>
[[include:rights/disclosure_body]]
{{#CAN_ERASE}}<form method="post" action="/org/rights/find/erase" class="no-print">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="phone" value="{{V_PHONE}}">
  <input type="hidden" name="email" value="{{V_EMAIL}}">
  <div class="checkbox"><input type="checkbox" id="confirm" name="confirm" value="1"><label for="confirm">[[rights.person.erase_confirm]]</label></div>
  <button type="submit" class="button button--warning">[[rights.find.erase]]</button>
</form>{{/CAN_ERASE}}
{{/RESULTS}}
