<div class="table-wrap">
<table class="data-table" id="report-field-counts-table">
  <caption>[[phoneday.report.caption]]</caption>
  <thead>
    <tr><th scope="col">[[report.col.item]]</th><th scope="col" class="numeric">[[report.col.actual]]</th></tr>
  </thead>
  <tbody>
    <tr><th scope="row">[[phoneday.report.handoffs_made]]</th><td class="numeric">{{HANDOFFS_MADE}}</td></tr>
    <tr><th scope="row">[[phoneday.report.handoffs_accepted]]</th><td class="numeric">{{HANDOFFS_ACCEPTED}}</td></tr>
    <tr><th scope="row">[[phoneday.report.guided_elsewhere]]</th><td class="numeric">{{GUIDED_ELSEWHERE}}</td></tr>
  </tbody>
</table>
</div>
