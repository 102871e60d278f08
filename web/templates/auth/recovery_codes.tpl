<div class="narrow">
<h1>[[recovery.title]]</h1>
<div class="notice notice--warning" role="note"><p>[[recovery.warning]]</p></div>
<ul class="recovery-codes" aria-label="[[recovery.title]]">
  {{#CODE}}<li><code>{{VALUE}}</code></li>{{/CODE}}
</ul>
<p>[[recovery.explain]]</p>
<p><a class="button button--primary" href="{{CONTINUE_URL}}">[[recovery.continue]]</a></p>
</div>
