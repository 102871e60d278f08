<div class="narrow">
<h1>[[documents.shared.gone_heading]]</h1>
<p class="lead">[[documents.shared.gone_lead]]</p>
<p>[[documents.shared.gone_contact]]</p>
</div>
