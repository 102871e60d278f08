<h1>[[clients.list.title]]</h1>
<p>[[clients.list.lead]]</p>
<div class="actions">
  <a class="button" href="/clients/new">[[clients.list.new]]</a>
  {{#CAN_COORDINATE}}<a href="/provisions">[[clients.list.provisions_link]]</a>{{/CAN_COORDINATE}}
</div>
[[include:partials/error_summary]]
<form method="post" action="/clients" role="search" class="inline-fields" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_Q}} field--error{{/ERR_Q}}">
    <label for="q">[[clients.search.label]]</label>
    <p class="field__hint" id="q-hint">[[clients.search.hint]]</p>
    {{#ERR_Q}}<p class="field__error" id="q-error">{{MESSAGE}}</p>{{/ERR_Q}}
    <input id="q" name="q" type="search" value="{{QUERY}}" autocomplete="off" aria-describedby="q-hint{{#ERR_Q}} q-error{{/ERR_Q}}"{{#ERR_Q}} aria-invalid="true"{{/ERR_Q}}>
  </div>
  <button type="submit" class="button button--secondary">[[clients.search.submit]]</button>
</form>
{{#SEARCHED}}<h2 id="results">{{RESULTS_TITLE}}</h2>
<p><a href="/clients">[[clients.search.clear]]</a></p>{{/SEARCHED}}
{{#NO_MATCH}}<div class="notice"><p>[[clients.search.none]]</p><p>[[clients.search.none_hint]]</p></div>{{/NO_MATCH}}
{{#RECENT}}<h2 id="results">[[clients.list.recent]]</h2>{{/RECENT}}
{{#EMPTY_LIST}}<p>[[clients.list.empty]]</p>{{/EMPTY_LIST}}
{{#LIMITED}}<p class="muted">{{LIMIT_TEXT}}</p>{{/LIMITED}}
{{#HAS_ROWS}}
<div class="table-wrap">
<table>
  <caption class="visually-hidden">[[clients.list.caption]]</caption>
  <thead><tr>
    <th scope="col">[[clients.field.name]]</th>
    <th scope="col">[[clients.field.kana]]</th>
    <th scope="col">[[clients.field.age]]</th>
    <th scope="col">[[clients.list.col.org]]</th>
    <th scope="col">[[clients.list.col.updated]]</th>
  </tr></thead>
  <tbody>
    {{#ROW}}<tr>
      <th scope="row"><a href="{{PATH}}">{{NAME}}</a>{{#SHARED}} <span class="badge badge--info">[[clients.list.shared_badge]]</span>{{/SHARED}}</th>
      <td>{{KANA}}</td>
      <td>{{AGE}}</td>
      <td>{{ORG}}</td>
      <td>{{UPDATED}}</td>
    </tr>{{/ROW}}
  </tbody>
</table>
</div>
{{/HAS_ROWS}}
