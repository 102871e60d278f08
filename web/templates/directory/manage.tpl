<h1>[[directory.manage.title]]</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
<p>[[directory.manage.lead]]</p>
<p><a href="/directory">[[directory.manage.public_page]]</a></p>
<h2>[[directory.manage.services]]</h2>
{{#CAN_ADD_SERVICE}}<p><a class="button button--primary" href="/directory/manage/services/new">[[directory.service.new]]</a></p>{{/CAN_ADD_SERVICE}}
{{#NO_SERVICES}}<p>[[directory.manage.no_services]]</p>{{/NO_SERVICES}}
{{#HAS_SERVICES}}
<div class="table-wrap">
<table>
  <thead><tr><th scope="col">[[directory.manage.col_name]]</th><th scope="col">[[directory.manage.col_category]]</th><th scope="col">[[directory.manage.col_organization]]</th><th scope="col">[[directory.manage.col_status]]</th><th scope="col">[[directory.manage.col_actions]]</th></tr></thead>
  <tbody>
    {{#SERVICE}}<tr{{#INACTIVE_ROW}} class="row--muted"{{/INACTIVE_ROW}}>
      <td><a href="/directory/manage/services/{{ID}}">{{NAME}}</a></td>
      <td>{{CATEGORY}}</td>
      <td>{{ORG_NAME}}</td>
      <td>{{#ACTIVE}}<span class="badge badge--success">[[directory.service.active]]</span>{{/ACTIVE}}{{#INACTIVE_ROW}}<span class="badge badge--neutral">[[directory.service.inactive_badge]]</span>{{/INACTIVE_ROW}}</td>
      <td><a href="/directory/manage/services/{{ID}}">[[directory.manage.edit]]<span class="visually-hidden">：{{NAME}}</span></a></td>
    </tr>{{/SERVICE}}
  </tbody>
</table>
</div>
{{/HAS_SERVICES}}
<h2>[[directory.manage.organizations]]</h2>
<p><a class="button button--secondary" href="/directory/manage/organizations/new">[[directory.organization.new]]</a></p>
{{#NO_ORGANIZATIONS}}<p>[[directory.manage.no_organizations]]</p>{{/NO_ORGANIZATIONS}}
{{#HAS_ORGANIZATIONS}}
<ul class="link-list">
  {{#ORGANIZATION}}<li><a href="/directory/manage/organizations/{{ID}}">{{NAME}}</a>{{#FURIGANA}} <span class="muted">{{FURIGANA}}</span>{{/FURIGANA}}</li>{{/ORGANIZATION}}
</ul>
{{/HAS_ORGANIZATIONS}}
