<div class="narrow">
<p class="breadcrumb"><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
<h1>[[board.cancel.title]]</h1>
<dl class="summary-list">
  <div><dt>[[board.slots.col_reference]]</dt><dd>{{REFERENCE}}</dd></div>
  <div><dt>[[board.cancel.when]]</dt><dd>{{WHEN}}</dd></div>
  <div><dt>[[board.cancel.name]]</dt><dd>{{NAME}}</dd></div>
  <div><dt>[[board.cancel.status]]</dt><dd>{{STATUS}}</dd></div>
</dl>
<p>[[board.cancel.lead]]</p>
<form method="post" action="{{BOOKING_PATH}}/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[board.cancel.submit]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
</form>
<p><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
</div>
