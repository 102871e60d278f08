<h1>[[requests.queue.title]]</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
[[include:partials/error_summary]]
<p>{{SUMMARY}}</p>
<nav aria-label="[[requests.queue.filter]]"><ul class="inline-list">{{#TOPIC_FILTER}}<li>{{#CURRENT}}<strong aria-current="page">{{LABEL}}</strong>{{/CURRENT}}{{#NOT_CURRENT}}<a href="{{HREF}}">{{LABEL}}</a>{{/NOT_CURRENT}}</li>{{/TOPIC_FILTER}}</ul></nav>
{{#EMPTY}}<p>[[requests.queue.empty]]</p>{{/EMPTY}}
{{#HAS_REQUESTS}}
<div class="table-wrap">
<table class="data-table">
  <caption>[[requests.queue.caption]]</caption>
  <thead><tr>
    <th scope="col">[[requests.col.reference]]</th>
    <th scope="col">[[requests.col.received]]</th>
    <th scope="col">[[requests.col.due]]</th>
    <th scope="col">[[requests.col.requester]]</th>
    <th scope="col">[[requests.col.wish]]</th>
    <th scope="col">[[requests.col.meeting]]</th>
    <th scope="col">[[requests.col.status]]</th>
  </tr></thead>
  <tbody>
    {{#REQUEST}}<tr>
      <th scope="row"><a href="/requests/{{ID}}">{{REFERENCE}}</a></th>
      <td>{{RECEIVED}}</td>
      <td>{{DUE}}{{#OVERDUE}} <span class="badge badge--warning">[[requests.overdue]]</span>{{/OVERDUE}}</td>
      <td>{{REQUESTER}}（{{CONDITION}}）</td>
      <td>{{WISH}}{{#NEW_SALON}}<br><span class="badge badge--info">{{TOPIC}}</span>{{/NEW_SALON}}</td>
      <td>{{#MEETING}}[[requests.meeting.short]] {{WHEN}}<br><span class="muted">{{MODE}}{{PLACE}}</span>{{/MEETING}}</td>
      <td>{{STATUS}}{{#TO_CASE}}<br><a href="/cases/{{CASE_ID}}">[[requests.to_case.short]]</a>{{/TO_CASE}}{{#REPLIED}}<br><span class="muted">{{AT}}</span>{{#IN_TIME}} <span class="badge badge--info">[[requests.in_time]]</span>{{/IN_TIME}}{{/REPLIED}}</td>
    </tr>{{/REQUEST}}
  </tbody>
</table>
</div>
{{/HAS_REQUESTS}}
{{#FIGURES}}
<h2>[[requests.figures.title]]（{{FY_LABEL}}）</h2>
<p class="no-print"><a href="/requests?fy={{PREV_FY}}">[[requests.figures.prev]]</a> ／ <a href="/requests?fy={{NEXT_FY}}">[[requests.figures.next]]</a></p>
<div class="table-wrap">
<table class="data-table">
  <caption>[[requests.figures.caption]]</caption>
  <tbody>
    <tr><th scope="row">[[requests.figures.received]]</th><td class="numeric">{{RECEIVED}}</td></tr>
    <tr><th scope="row">[[requests.figures.replied]]</th><td class="numeric">{{REPLIED}}</td></tr>
    <tr><th scope="row">[[requests.figures.in_time]]</th><td class="numeric">{{IN_TIME}}（{{IN_TIME_RATE}}）</td></tr>
    <tr><th scope="row">[[requests.figures.closed]]</th><td class="numeric">{{CLOSED}}</td></tr>
    <tr><th scope="row">[[requests.figures.open]]</th><td class="numeric">{{OPEN}}</td></tr>
    {{#BY_TOPIC}}<tr><th scope="row">[[requests.figures.by_topic]]：{{LABEL}}</th><td class="numeric">{{COUNT}}</td></tr>{{/BY_TOPIC}}
    <tr><th scope="row">[[requests.figures.to_case]]</th><td class="numeric">{{TO_CASE}}</td></tr>
    {{#BY_REQUESTER}}<tr><th scope="row">[[requests.figures.by_requester]]：{{LABEL}}</th><td class="numeric">{{COUNT}}</td></tr>{{/BY_REQUESTER}}
  </tbody>
</table>
</div>
{{/FIGURES}}
{{#INTAKE}}
<h2>[[requests.intake.title]]</h2>
<form method="post" action="/requests/intake" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field"><div class="radio"><input type="checkbox" id="enabled" name="enabled" value="1"{{#ENABLED}} checked{{/ENABLED}}><label for="enabled">[[requests.intake.enabled]]</label></div>
  <p class="hint">[[requests.intake.public_url]] <span class="nowrap">{{PUBLIC_URL}}</span></p></div>
  <div class="field{{#ERR_CLOSES_AT}} field--error{{/ERR_CLOSES_AT}}">
    <label for="closes_at">[[requests.intake.closes_at]]</label>
    <p class="hint" id="closes_at-hint">[[requests.intake.closes_at_hint]]</p>
    {{#ERR_CLOSES_AT}}<p class="field__error" id="closes_at-error">{{MESSAGE}}</p>{{/ERR_CLOSES_AT}}
    <input id="closes_at" name="closes_at" type="time" class="input--short" value="{{CLOSES_AT}}" aria-describedby="closes_at-hint{{#ERR_CLOSES_AT}} closes_at-error{{/ERR_CLOSES_AT}}"{{#ERR_CLOSES_AT}} aria-invalid="true"{{/ERR_CLOSES_AT}}>
  </div>
  <button type="submit" class="button button--secondary">[[requests.intake.save]]</button>
</form>
{{/INTAKE}}
