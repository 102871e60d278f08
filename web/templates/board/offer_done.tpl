<div class="narrow">
<div class="notice notice--success" role="status">
  <h1>[[board.offer.done_title]]</h1>
</div>
{{#DETAILS}}[[include:board/offer_details]]{{/DETAILS}}
<h2>[[booking.done.next_title]]</h2>
<p>[[board.offer.done_next]]</p>
<h2>[[booking.done.cancel_title]]</h2>
<p>[[board.offer.done_cancel]]</p>
</div>
