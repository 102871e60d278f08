<p class="breadcrumb"><a href="/org/employers/import">[[employers.import.title]]</a></p>
<h1>[[employers.import.preview_title]]</h1>
{{#HAS_ERRORS}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title" class="error-summary__title">[[employers.import.errors_title]]</h2>
  <p>{{ERROR_COUNT}}</p>
</div>
<div class="table-wrap" role="region" aria-labelledby="import-errors-caption" tabindex="0">
<table class="data-table">
  <caption id="import-errors-caption">[[employers.import.errors_caption]]</caption>
  <thead><tr><th scope="col">[[employers.import.col_line]]</th><th scope="col">[[employers.import.col_column]]</th><th scope="col">[[employers.import.col_value]]</th><th scope="col">[[employers.import.col_problem]]</th></tr></thead>
  <tbody>
    {{#ROW_ERROR}}<tr><th scope="row">{{LINE}}</th><td>{{COLUMN}}</td><td>{{VALUE}}</td><td>{{MESSAGE}}</td></tr>
    {{/ROW_ERROR}}
  </tbody>
</table>
</div>
<p>[[employers.import.nothing_written]]</p>
<p><a href="/org/employers/import" class="button">[[employers.import.again]]</a></p>
{{/HAS_ERRORS}}
<p role="status">{{SUMMARY}}</p>
{{#CAN_CONFIRM}}
<form method="post" action="/org/employers/import/confirm">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="data" value="{{DATA}}">
  <button type="submit" class="button button--primary">[[employers.import.confirm]]</button>
  <a href="/org/employers/import">[[employers.import.cancel]]</a>
</form>
{{/CAN_CONFIRM}}
