<h1>[[events.own.title]]</h1>
{{#CANCELLED}}<div class="notice notice--warning" role="status"><p>[[events.show.cancelled]]</p></div>{{/CANCELLED}}
<dl class="summary-list">
  <div><dt>[[events.done.reference]]</dt><dd>{{REFERENCE}}</dd></div>
  <div><dt>[[events.details.event]]</dt><dd><a href="/events/{{EVENT_ID}}">{{TITLE}}</a><br>{{WHEN}}</dd></div>
  <div><dt>[[events.register.mode]]</dt><dd>{{MODE_LABEL}}</dd></div>
  <div><dt>[[events.own.state_label]]</dt><dd>{{STATE}}</dd></div>
</dl>
{{#TICKET}}<section class="ticket" aria-labelledby="ticket-title">
<h2 id="ticket-title">[[events.own.ticket_title]]</h2>
<p>[[events.own.ticket_lead]]</p>
<div class="ticket__qr">{{QR:none}}</div>
<p class="ticket__reference">{{REFERENCE}}</p>
</section>{{/TICKET}}
{{#CAN_CONFIRM}}<h2>[[events_lifecycle.offer.confirm_title]]</h2>
<p>[[events_lifecycle.offer.confirm_lead]]</p>
<form method="post" action="/events/registration/{{TOKEN}}/confirm">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button">[[events_lifecycle.offer.confirm]]</button>
</form>{{/CAN_CONFIRM}}
{{#CAN_CANCEL}}<h2>[[events.own.cancel_title]]</h2>
<p>[[events.own.cancel_lead]]</p>
<form method="post" action="/events/registration/{{TOKEN}}/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[events.own.cancel]]</button>
</form>{{/CAN_CANCEL}}
