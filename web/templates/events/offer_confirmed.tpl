<h1>[[events_lifecycle.offer.confirmed_title]]</h1>
<div class="notice notice--success" role="status"><p>[[events_lifecycle.offer.confirmed_lead]]</p></div>
<p><a href="/events/registration/{{TOKEN}}">[[events.own.title]]</a></p>
