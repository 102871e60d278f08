<h1>[[cases.list.title]]</h1>
<p>[[cases.list.lead]]</p>
<p>{{#SHOWING_OPEN}}<a href="/cases?all=1">[[cases.list.show_all]]</a>{{/SHOWING_OPEN}}{{#SHOWING_ALL}}<a href="/cases">[[cases.list.show_open]]</a>{{/SHOWING_ALL}}</p>
<h2>[[cases.list.own]]</h2>
{{#NO_OWN}}<p>[[cases.list.none_own]]</p>{{/NO_OWN}}
{{#HAS_OWN}}<div class="table-wrap">
<table class="data-table">
  <caption class="visually-hidden">[[cases.list.own]]</caption>
  <thead><tr>
    <th scope="col">[[cases.list.col.client]]</th>
    <th scope="col">[[cases.list.col.status]]</th>
    <th scope="col">[[cases.list.col.owner]]</th>
    <th scope="col">[[cases.list.col.tasks]]</th>
    <th scope="col">[[cases.list.col.updated]]</th>
  </tr></thead>
  <tbody>
    {{#OWN}}<tr>
      <th scope="row"><a href="{{PATH}}">{{CLIENT}}</a></th>
      <td>{{STATUS}}{{#HAS_OUTCOME}}（{{OUTCOME}}）{{/HAS_OUTCOME}}</td>
      <td>{{OWNER}}</td>
      <td>{{OPEN_TASKS}}</td>
      <td>{{UPDATED}}</td>
    </tr>{{/OWN}}
  </tbody>
</table>
</div>{{/HAS_OWN}}
<h2>[[cases.list.shared]]</h2>
<p class="field__hint">[[cases.list.shared_hint]]</p>
{{#NO_SHARED}}<p>[[cases.list.none_shared]]</p>{{/NO_SHARED}}
{{#HAS_SHARED}}<div class="table-wrap">
<table class="data-table">
  <caption class="visually-hidden">[[cases.list.shared]]</caption>
  <thead><tr>
    <th scope="col">[[cases.list.col.client]]</th>
    <th scope="col">[[cases.list.col.org]]</th>
    <th scope="col">[[cases.list.col.status]]</th>
    <th scope="col">[[cases.list.col.updated]]</th>
  </tr></thead>
  <tbody>
    {{#SHARED}}<tr>
      <th scope="row"><a href="{{PATH}}">{{CLIENT}}</a></th>
      <td>{{ORG}}</td>
      <td>{{STATUS}}{{#HAS_OUTCOME}}（{{OUTCOME}}）{{/HAS_OUTCOME}}</td>
      <td>{{UPDATED}}</td>
    </tr>{{/SHARED}}
  </tbody>
</table>
</div>{{/HAS_SHARED}}
