<div class="narrow">
<h1>[[employer_links.gone_heading]]</h1>
<p class="lead">[[employer_links.gone_lead]]</p>
<p>[[employer_links.gone_contact]]</p>
</div>
