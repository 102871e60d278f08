<p class="breadcrumb"><a href="{{IMPORT_PATH}}">[[late.preview.back]]</a></p>
<h1>[[late.preview.title]]</h1>
<p>{{NAME}}</p>
{{#HAS_ERRORS}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title" class="error-summary__title">[[late.preview.errors_title]]</h2>
  <p>{{ERROR_COUNT}}</p>
</div>
<div class="table-wrap">
<table class="data-table" id="import-errors">
  <caption>[[late.preview.errors_caption]]</caption>
  <thead><tr><th scope="col">[[late.preview.col.line]]</th><th scope="col">[[late.preview.col.column]]</th><th scope="col">[[late.preview.col.value]]</th><th scope="col">[[late.preview.col.problem]]</th></tr></thead>
  <tbody>
    {{#ROW_ERROR}}<tr><th scope="row">{{LINE_LABEL}}</th><td>{{COLUMN}}</td><td>{{VALUE}}</td><td>{{MESSAGE}}</td></tr>
    {{/ROW_ERROR}}
  </tbody>
</table>
</div>
<p>[[late.preview.nothing_written]]</p>
<p><a href="{{IMPORT_PATH}}" class="button">[[late.preview.again]]</a></p>
{{/HAS_ERRORS}}
<p role="status">{{SUMMARY}}</p>
{{#ALREADY}}<div class="notice notice--warning" role="status"><p>[[late.preview.already]]</p></div>{{/ALREADY}}
<div class="table-wrap">
<table class="data-table" id="import-days">
  <caption>[[late.preview.days_caption]]</caption>
  <thead><tr><th scope="col">[[report.col.date]]</th><th scope="col" class="numeric">[[report.col.staff]]</th><th scope="col" class="numeric">[[report.col.consultations]]</th><th scope="col">[[late.preview.col.state]]</th></tr></thead>
  <tbody>
    {{#DAY}}<tr><th scope="row">{{DATE}}</th><td class="numeric">{{STAFF}}</td><td class="numeric">{{CONSULTATIONS}}</td><td>{{STATE}}</td></tr>
    {{/DAY}}
  </tbody>
</table>
</div>
{{#CAN_CONFIRM}}
<p>[[late.preview.confirm_lead]]</p>
<form method="post" action="{{IMPORT_PATH}}/confirm">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="data" value="{{DATA}}">
  <button type="submit" class="button button--primary">[[late.preview.confirm]]</button>
  <a href="{{IMPORT_PATH}}">[[late.preview.cancel]]</a>
</form>
{{/CAN_CONFIRM}}
