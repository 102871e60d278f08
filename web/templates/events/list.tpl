<h1>[[events.list.title]]</h1>
<p class="lead">[[events.list.lead]]</p>
{{#NO_EVENTS}}<p>[[events.list.none]]</p>{{/NO_EVENTS}}
<ul class="event-list">
{{#EVENT}}<li class="event-list__item">
  <h2 class="event-list__title"><a href="/events/{{ID}}">{{TITLE}}</a></h2>
  <p>{{KIND}}　{{WHEN}}</p>
  <p>{{WHERE}}</p>
  <p class="muted">[[events.details.organizer]]：{{ORGANIZER}}</p>
</li>{{/EVENT}}
</ul>
