<p class="muted"><a href="/events">[[events.show.back]]</a></p>
<h1>{{TITLE}}</h1>
{{#CANCELLED}}<div class="notice notice--warning" role="status"><p>[[events.show.cancelled]]</p></div>{{/CANCELLED}}
[[include:events/details]]
{{#HAS_DESCRIPTION}}<h2>[[events.show.about]]</h2>
<p class="pre-line">{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
{{#OPEN}}<h2>[[events.show.register_title]]</h2>
<p>[[events.show.register_lead]]</p>
<p><a class="button button--primary" href="/events/{{EVENT_ID}}/register">[[events.show.register]]</a></p>{{/OPEN}}
{{#CLOSED}}<div class="notice"><p>[[events.show.closed]]</p></div>{{/CLOSED}}
<p class="no-print"><a href="/events/{{EVENT_ID}}/poster">[[calendar.poster.link]]</a></p>
