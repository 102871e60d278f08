<div class="narrow">
<h1>[[survey.thanks.title]]</h1>
<p>[[survey.thanks.body]]</p>
</div>
