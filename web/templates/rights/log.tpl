<h1>[[rights.log.title]]</h1>
<p class="lead">[[rights.log.lead]]</p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<ul><li><a href="/org/rights/find">[[rights.find.title]]</a></li><li><a href="/org/rights/retention">[[rights.retention.title]]</a></li></ul>
<h2>[[rights.log.list]]</h2>
{{#NONE}}<p>[[rights.log.none]]</p>{{/NONE}}
<table class="data-table">
  <thead><tr><th scope="col">[[rights.field.received_on]]</th><th scope="col">[[rights.field.kind]]</th><th scope="col">[[rights.field.requester]]</th><th scope="col">[[rights.log.person]]</th><th scope="col">[[rights.field.state]]</th><th scope="col">[[rights.log.due]]</th><th scope="col">[[rights.log.answer]]</th></tr></thead>
  <tbody>
  {{#REQUEST}}<tr id="request-{{ID}}">
    <td>{{RECEIVED}}</td><td>{{KIND_LABEL}}</td><td>{{REQUESTER_LABEL}}</td>
    <td>{{#PERSON}}<a href="/org/rights/clients/{{CLIENT_ID}}">[[rights.log.person_link]]{{CLIENT_ID}}</a>{{/PERSON}}</td>
    <td>{{STATE_LABEL}}</td>
    <td>{{DUE}}{{#OVERDUE}} <strong class="badge badge--warning">[[rights.log.overdue]]</strong>{{/OVERDUE}}</td>
    <td>{{#CLOSED}}{{ANSWERED}}{{/CLOSED}}{{#OPEN}}<form method="post" action="/org/rights/{{ID}}/answer" class="inline-form">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <label for="answered_on-{{ID}}">[[rights.field.answered_on]]</label>
      <input id="answered_on-{{ID}}" name="answered_on" type="date" max="{{TODAY}}" value="{{TODAY}}">
      <label for="state-{{ID}}">[[rights.field.state]]</label>
      <select id="state-{{ID}}" name="state"><option value="answered">[[rights.state.answered]]</option><option value="refused">[[rights.state.refused]]</option></select>
      <button type="submit" class="button button--secondary">[[rights.log.answer_submit]]</button>
    </form>{{/OPEN}}</td>
  </tr>{{/REQUEST}}
  </tbody>
</table>

<h2>[[rights.log.new]]</h2>
[[include:partials/error_summary]]
<form method="post" action="/org/rights" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_RECEIVED_ON}} field--error{{/ERR_RECEIVED_ON}}">
    <label for="received_on">[[rights.field.received_on]]</label>
    {{#ERR_RECEIVED_ON}}<p class="field__error" id="received_on-error">{{MESSAGE}}</p>{{/ERR_RECEIVED_ON}}
    <input id="received_on" name="received_on" type="date" max="{{TODAY}}" value="{{V_RECEIVED_ON}}"{{#ERR_RECEIVED_ON}} aria-describedby="received_on-error" aria-invalid="true"{{/ERR_RECEIVED_ON}}>
  </div>
  <div class="field{{#ERR_KIND}} field--error{{/ERR_KIND}}">
    <label for="kind">[[rights.field.kind]]</label>
    {{#ERR_KIND}}<p class="field__error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
    <select id="kind" name="kind"><option value="">[[rights.log.choose]]</option>{{#KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
  </div>
  <div class="field{{#ERR_REQUESTER}} field--error{{/ERR_REQUESTER}}">
    <label for="requester">[[rights.field.requester]]</label>
    {{#ERR_REQUESTER}}<p class="field__error" id="requester-error">{{MESSAGE}}</p>{{/ERR_REQUESTER}}
    <select id="requester" name="requester">{{#REQUESTER}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REQUESTER}}</select>
  </div>
  <div class="field{{#ERR_CLIENT_ID}} field--error{{/ERR_CLIENT_ID}}">
    <label for="client_id">[[rights.field.client_id]]</label>
    <p class="hint" id="client_id-hint">[[rights.log.client_hint]]</p>
    {{#ERR_CLIENT_ID}}<p class="field__error" id="client_id-error">{{MESSAGE}}</p>{{/ERR_CLIENT_ID}}
    <input id="client_id" name="client_id" inputmode="numeric" value="{{V_CLIENT_ID}}" aria-describedby="client_id-hint{{#ERR_CLIENT_ID}} client_id-error{{/ERR_CLIENT_ID}}"{{#ERR_CLIENT_ID}} aria-invalid="true"{{/ERR_CLIENT_ID}}>
  </div>
  <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
    <label for="note">[[rights.field.note]]</label>
    {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
    <textarea id="note" name="note" rows="3">{{V_NOTE}}</textarea>
  </div>
  <button type="submit" class="button">[[rights.log.submit]]</button>
</form>
