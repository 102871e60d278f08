<div class="notice notice--success" role="status">
  <h1>[[booking.done.title]]</h1>
  <p>[[booking.done.reference]] <strong>{{REFERENCE}}</strong></p>
</div>
<h2>[[booking.done.next_title]]</h2>
{{#HAS_EMAIL}}<p>[[booking.done.mail_sent]]</p>{{/HAS_EMAIL}}
<p>[[booking.done.next]]</p>
<h2>[[booking.done.cancel_title]]</h2>
{{#HAS_EMAIL}}<p>[[booking.done.cancel_mail]]</p>{{/HAS_EMAIL}}
{{#NO_EMAIL}}<p>[[booking.done.cancel_phone]]</p>{{/NO_EMAIL}}
