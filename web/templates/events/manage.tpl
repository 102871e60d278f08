<h1>[[events.manage.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
{{#CAN_ORGANISE}}<p class="actions"><a class="button" href="/events/new">[[events.manage.new]]</a></p>{{/CAN_ORGANISE}}
<p class="no-print"><a href="/org/events/trainings">[[events_attendance.report.heading]]</a></p>
{{#NO_EVENTS}}<p>[[events.manage.none]]</p>{{/NO_EVENTS}}
<div class="table-wrap">
<table class="data-table">
  <caption>[[events.manage.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[events.manage.col_when]]</th>
      <th scope="col">[[events.manage.col_title]]</th>
      <th scope="col">[[events.manage.col_kind]]</th>
      <th scope="col">[[events.manage.col_status]]</th>
      <th scope="col">[[events.manage.col_places]]</th>
      <th scope="col">[[events.manage.col_actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#EVENT}}<tr>
      <td>{{WHEN}}</td>
      <td>{{TITLE}}{{#STAFF_ONLY}}<br><strong>[[events.manage.staff_only]]</strong>{{/STAFF_ONLY}}</td>
      <td>{{KIND}}</td>
      <td>{{STATUS}}</td>
      <td>{{PLACES}}</td>
      <td><a href="/events/{{ID}}/registrations">[[events.manage.registrations]]<span class="visually-hidden">（{{TITLE}}）</span></a>{{#CAN_EDIT}}<br><a href="/events/{{ID}}/edit">[[events.manage.edit]]<span class="visually-hidden">（{{TITLE}}）</span></a>{{/CAN_EDIT}}{{#PUBLIC_LINK}}<br><a href="/events/{{ID}}">[[events.manage.public_page]]<span class="visually-hidden">（{{TITLE}}）</span></a><br><a href="/events/{{ID}}/poster">[[calendar.poster.link]]<span class="visually-hidden">（{{TITLE}}）</span></a>{{/PUBLIC_LINK}}</td>
    </tr>{{/EVENT}}
  </tbody>
</table>
</div>
