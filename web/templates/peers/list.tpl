<h1>[[peers.list.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<p>[[peers.list.lead]]</p>
<p class="actions"><a class="button" href="/peers/new">[[peers.list.new]]</a> <a href="/salons/manage">[[salons.manage.title]]</a></p>
{{#NONE}}<p>[[peers.list.none]]</p>{{/NONE}}
<div class="table-wrap">
<table class="data-table">
  <caption>[[peers.list.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[peers.field.display_name]]</th>
      <th scope="col">[[peers.field.area]]</th>
      <th scope="col">[[peers.field.activities]]</th>
      <th scope="col">[[peers.list.col_trainings]]</th>
      <th scope="col">[[peers.field.status]]</th>
    </tr>
  </thead>
  <tbody>
    {{#PEER}}<tr>
      <td><a href="/peers/{{ID}}">{{NAME}}</a></td>
      <td>{{AREA}}</td>
      <td>{{ACTIVITIES}}</td>
      <td>{{TRAININGS}}</td>
      <td>{{STATUS}}</td>
    </tr>{{/PEER}}
  </tbody>
</table>
</div>
<h2>[[peers.list.shifts]]</h2>
{{#NO_SHIFTS}}<p>[[peers.list.no_shifts]]</p>{{/NO_SHIFTS}}
<ul>{{#SHIFT}}<li>{{WHEN}} {{KIND}} <a href="/peers/{{PEER_ID}}">{{NAME}}</a></li>{{/SHIFT}}</ul>
