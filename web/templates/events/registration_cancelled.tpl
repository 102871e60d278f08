<div class="notice notice--success" role="status">
  <h1>[[events.own.cancelled_title]]</h1>
  <p>[[events.own.cancelled_lead]]</p>
</div>
<p><a href="/events">[[events.show.back]]</a></p>
