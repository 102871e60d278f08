{{#ERROR_SUMMARY}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
  <h2 id="error-summary-title" class="error-summary__title">[[form.error_summary_title]]</h2>
  <ul class="error-summary__list">
    {{#ERROR_ITEM}}<li>{{#HAS_FIELD}}<a href="#{{FIELD}}">{{MESSAGE}}</a>{{/HAS_FIELD}}{{#NO_FIELD}}{{MESSAGE}}{{/NO_FIELD}}</li>{{/ERROR_ITEM}}
  </ul>
</div>
{{/ERROR_SUMMARY}}
