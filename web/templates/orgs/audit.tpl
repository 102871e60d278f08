<h1>[[audit.title]]</h1>
<p class="lead">{{ORG_NAME}}</p>
<p class="muted">[[audit.lead]]</p>
{{#EMPTY}}<p>[[audit.empty]]</p>{{/EMPTY}}
{{#HAS_EVENTS}}
<div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
  <table class="data-table">
    <caption id="audit-caption">[[audit.caption]]</caption>
    <thead>
      <tr>
        <th scope="col">[[audit.col.time]]</th>
        <th scope="col">[[audit.col.actor]]</th>
        <th scope="col">[[audit.col.action]]</th>
        <th scope="col">[[audit.col.target]]</th>
        <th scope="col">[[audit.col.ip]]</th>
      </tr>
    </thead>
    <tbody>
      {{#EVENT}}
      <tr>
        <td class="nowrap">{{TIME}}</td>
        <td>{{ACTOR}}</td>
        <th scope="row"><span title="{{ACTION_CODE}}">{{ACTION}}</span></th>
        <td class="nowrap">{{TARGET}}</td>
        <td class="nowrap"><code>{{IP}}</code></td>
      </tr>
      {{/EVENT}}
    </tbody>
  </table>
</div>
{{/HAS_EVENTS}}
{{#PAGER}}
<nav class="pager" aria-label="[[audit.pager_label]]">
  <ul>
    {{#NEWEST}}<li><a href="/org/audit">[[audit.newest]]</a></li>{{/NEWEST}}
    {{#OLDER}}<li><a href="{{OLDER_URL}}" rel="next">[[audit.older]]</a></li>{{/OLDER}}
  </ul>
</nav>
{{/PAGER}}
