<div class="narrow">
<h1>[[board.offer.offer_title]]</h1>
<p>[[board.offer.offer_lead]]</p>
[[include:board/offer_details]]
<p><strong>{{UNTIL}}</strong></p>
<form method="post" action="/book/offer/{{TOKEN}}">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--primary">[[board.offer.offer_submit]]</button>
</form>
</div>
