<p class="breadcrumb"><a href="/clients">[[clients.list.title]]</a></p>
<h1>[[provisions.title]]</h1>
<p>[[provisions.lead]]</p>
[[include:partials/error_summary]]
<form method="get" action="/provisions" class="inline-fields" novalidate>
  <div class="field{{#ERR_FROM}} field--error{{/ERR_FROM}}">
    <label for="from">[[provisions.from]]</label>
    {{#ERR_FROM}}<p class="field__error" id="from-error">{{MESSAGE}}</p>{{/ERR_FROM}}
    <input id="from" name="from" type="date" class="input--short" value="{{V_FROM}}"{{#ERR_FROM}} aria-invalid="true" aria-describedby="from-error"{{/ERR_FROM}}>
  </div>
  <div class="field{{#ERR_TO}} field--error{{/ERR_TO}}">
    <label for="to">[[provisions.to]]</label>
    {{#ERR_TO}}<p class="field__error" id="to-error">{{MESSAGE}}</p>{{/ERR_TO}}
    <input id="to" name="to" type="date" class="input--short" value="{{V_TO}}"{{#ERR_TO}} aria-invalid="true" aria-describedby="to-error"{{/ERR_TO}}>
  </div>
  <button type="submit" class="button button--secondary">[[provisions.filter]]</button>
</form>
{{#HAS_ROWS}}<p class="actions no-print"><a class="button button--secondary" href="{{CSV_PATH}}" download>[[provisions.csv]]</a></p>{{/HAS_ROWS}}
{{#EMPTY}}<p>[[provisions.empty]]</p>{{/EMPTY}}
{{#LIMITED}}<p class="muted">{{LIMIT_TEXT}}</p>{{/LIMITED}}
{{#HAS_ROWS}}
<div class="table-wrap">
<table>
  <caption>{{PERIOD}}（{{COUNT}}[[provisions.count_suffix]]）</caption>
  <thead><tr>
    <th scope="col">[[provisions.col.at]]</th>
    <th scope="col">[[provisions.col.recipient]]</th>
    <th scope="col">[[provisions.col.client]]</th>
    <th scope="col">[[provisions.col.items]]</th>
    <th scope="col">[[provisions.col.channel]]</th>
    <th scope="col">[[provisions.col.consent]]</th>
  </tr></thead>
  <tbody>
    {{#ROW}}<tr>
      <td class="nowrap">{{AT}}</td>
      <td>{{RECIPIENT}}</td>
      <td>{{#CLIENT_LINK}}<a href="{{CLIENT_PATH}}">{{CLIENT}}</a>{{/CLIENT_LINK}}{{#CLIENT_NO_LINK}}{{CLIENT}}{{/CLIENT_NO_LINK}}</td>
      <td>{{ITEMS}}</td>
      <td>{{CHANNEL}}</td>
      <td class="nowrap"><a href="{{CONSENT_PATH}}">[[consents.number]]{{CONSENT_ID}}</a></td>
    </tr>{{/ROW}}
  </tbody>
</table>
</div>
{{/HAS_ROWS}}
