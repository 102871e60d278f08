{{#RESOURCE_COUNTS}}
<h2>[[record_resources.report.title]]</h2>
<div class="table-wrap">
<table class="data-table" id="report-resource-categories-table">
  <caption>[[record_resources.report.by_category]]</caption>
  <thead>
    <tr><th scope="col">[[record_resources.report.category]]</th><th scope="col" class="numeric">[[record_resources.report.records]]</th></tr>
  </thead>
  <tbody>
    {{#BY_CATEGORY}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{COUNT}}</td></tr>
    {{/BY_CATEGORY}}
  </tbody>
</table>
</div>
{{#NO_ENTRIES}}<p>[[record_resources.report.none]]</p>{{/NO_ENTRIES}}
<div class="table-wrap">
<table class="data-table" id="report-resource-entries-table">
  <caption>[[record_resources.report.by_entry]]</caption>
  <thead>
    <tr><th scope="col">[[record_resources.report.entry]]</th><th scope="col">[[record_resources.report.category]]</th><th scope="col" class="numeric">[[record_resources.report.records]]</th></tr>
  </thead>
  <tbody>
    {{#BY_ENTRY}}<tr><th scope="row">{{LABEL}}</th><td>{{CATEGORY}}</td><td class="numeric">{{COUNT}}</td></tr>
    {{/BY_ENTRY}}
  </tbody>
</table>
</div>
{{/RESOURCE_COUNTS}}
