<div class="narrow">
<h1>[[board.offer.ended_title]]</h1>
<p>[[board.offer.ended_body]]</p>
</div>
