<h1>[[audit.title]]</h1>
<p class="lead">{{ORG_NAME}}</p>
<p class="muted">[[audit.lead]]</p>
<p class="muted">[[audit.others_lead]]</p>
<nav class="pager" aria-label="[[audit.filter_label]]"><ul>
  <li>{{#SHOWING_ALL}}<strong aria-current="page">[[audit.filter.all]]</strong>{{/SHOWING_ALL}}{{#SHOWING_OTHERS}}<a href="/org/audit">[[audit.filter.all]]</a>{{/SHOWING_OTHERS}}</li>
  <li>{{#SHOWING_OTHERS}}<strong aria-current="page">[[audit.filter.others]]</strong>{{/SHOWING_OTHERS}}{{#SHOWING_ALL}}<a href="/org/audit?others=1">[[audit.filter.others]]</a>{{/SHOWING_ALL}}</li>
</ul></nav>
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
        <td>{{ACTOR}}{{#OTHER_ORG}} <span class="badge">[[audit.other_org_badge]]</span>{{/OTHER_ORG}}</td>
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
    {{#NEWEST}}<li><a href="{{NEWEST_URL}}">[[audit.newest]]</a></li>{{/NEWEST}}
    {{#OLDER}}<li><a href="{{OLDER_URL}}" rel="next">[[audit.older]]</a></li>{{/OLDER}}
  </ul>
</nav>
{{/PAGER}}
