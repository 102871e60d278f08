<h1>[[salons.manage.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<p class="actions"><a class="button" href="/salons/new">[[salons.manage.new]]</a> <a href="/peers">[[salons.manage.peers]]</a></p>
{{#NONE}}<p>[[salons.manage.none]]</p>{{/NONE}}
<div class="table-wrap">
<table class="data-table">
  <caption>[[salons.manage.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[salons.field.name]]</th>
      <th scope="col">[[salons.field.municipality]]</th>
      <th scope="col">[[salons.field.schedule]]</th>
      <th scope="col">[[salons.field.status]]</th>
      <th scope="col">[[salons.manage.col_actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#SALON}}<tr>
      <td>{{NAME}}</td>
      <td>{{AREA}}</td>
      <td>{{SCHEDULE}}</td>
      <td>{{STATUS}}</td>
      <td><a href="/salons/{{ID}}/edit">[[salons.manage.edit]]<span class="visually-hidden">（{{NAME}}）</span></a>{{#PUBLIC_LINK}}<br><a href="/salons/{{ID}}">[[salons.manage.public_page]]<span class="visually-hidden">（{{NAME}}）</span></a>{{/PUBLIC_LINK}}</td>
    </tr>{{/SALON}}
  </tbody>
</table>
</div>
