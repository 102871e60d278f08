<h1>{{PROGRAM_NAME}} [[report.title]]</h1>
<p class="lead">{{FY_LABEL}}</p>
<nav aria-label="[[report.fy.nav_label]]" class="fy-switcher no-print">
  <a href="/programs/{{ID}}/report?fy={{PREV_FY}}">[[report.fy.previous]]（{{PREV_FY_LABEL}}）</a>
  <strong>{{FY_LABEL}}</strong>
  <a href="/programs/{{ID}}/report?fy={{NEXT_FY}}">[[report.fy.next]]（{{NEXT_FY_LABEL}}）</a>
</nav>
<p>[[report.lead]] <span class="no-print">[[report.print_hint]]</span></p>
{{#MISSING}}<div class="notice notice--warning" role="status"><p>{{TEXT}}</p></div>{{/MISSING}}

<p class="report-summary">{{SUMMARY}}</p>
<h2>[[report.days.title]]</h2>
{{#NO_DAYS}}<p>[[report.days.none]]</p>{{/NO_DAYS}}
{{#HAS_DAYS}}
<figure class="report-chart">{{DAYS_CHART:none}}</figure>
<div class="table-wrap">
<table class="data-table" id="report-days-table">
  <caption>{{FY_LABEL}} [[report.days.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[report.col.number]]</th>
      <th scope="col">[[report.col.date]]</th>
      <th scope="col" class="numeric">[[report.col.staff]]</th>
      <th scope="col" class="numeric">[[report.col.consultations]]</th>
      <th scope="col">[[report.col.status]]</th>
    </tr>
  </thead>
  <tbody>
    {{#DAY}}<tr><td>{{NUMBER}}</td><th scope="row">{{DATE}}</th><td class="numeric">{{STAFF}}</td><td class="numeric">{{CONSULTATIONS}}</td><td>{{STATUS}}</td></tr>
    {{/DAY}}
  </tbody>
  <tfoot>
    <tr><th scope="row" colspan="3">[[report.days.total]]</th><td class="numeric">{{TOTAL_CONSULTATIONS}}</td><td></td></tr>
  </tfoot>
</table>
</div>
{{/HAS_DAYS}}

<h2>[[report.totals.title]]</h2>
{{#NO_TARGET}}<p>[[report.no_target]]</p>{{/NO_TARGET}}
{{#PROGRESS}}<figure class="report-chart">{{CHART:none}}</figure>
{{/PROGRESS}}
<div class="table-wrap">
<table class="data-table" id="report-totals-table">
  <caption>[[report.totals.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[report.col.item]]</th>
      <th scope="col" class="numeric">[[report.col.actual]]</th>
      <th scope="col" class="numeric">[[report.col.target]]</th>
      <th scope="col" class="numeric">[[report.col.rate]]</th>
    </tr>
  </thead>
  <tbody>
    {{#TOTAL}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{ACTUAL}}</td><td class="numeric">{{TARGET}}</td><td class="numeric">{{RATE}}</td></tr>
    {{/TOTAL}}
  </tbody>
</table>
</div>
<div class="table-wrap">
<table class="data-table" id="report-rates-table">
  <caption>[[report.rates.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[report.col.item]]</th>
      <th scope="col" class="numeric">[[report.col.part]]</th>
      <th scope="col" class="numeric">[[report.col.whole]]</th>
      <th scope="col" class="numeric">[[report.col.rate_value]]</th>
    </tr>
  </thead>
  <tbody>
    {{#RATE}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{PART}}</td><td class="numeric">{{WHOLE}}</td><td class="numeric">{{VALUE}}</td></tr>
    {{/RATE}}
  </tbody>
</table>
</div>
[[include:reports/field_counts]]
[[include:reports/record_resources]]

{{#DIST}}
<h2>{{TITLE}}</h2>
{{#HAS_CHART}}<figure class="report-chart">{{CHART:none}}</figure>{{/HAS_CHART}}
<div class="table-wrap">
<table class="data-table" id="{{TABLE_ID}}">
  <caption>{{CAPTION}}</caption>
  <thead>
    <tr>
      <th scope="col">[[report.col.label]]</th>
      <th scope="col" class="numeric">[[report.col.count]]</th>
      {{#HAS_SHARE}}<th scope="col" class="numeric">[[report.col.share]]</th>{{/HAS_SHARE}}
    </tr>
  </thead>
  <tbody>
    {{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{COUNT}}</td>{{#SHARE}}<td class="numeric">{{VALUE}}</td>{{/SHARE}}</tr>
    {{/ROW}}
  </tbody>
</table>
</div>
{{/DIST}}

<section id="survey-results">
<h2>[[report.survey.title]]</h2>
<p class="no-print"><a href="/programs/{{ID}}/surveys/paper?fy={{FY}}">[[report.survey.paper_link]]</a></p>
{{#NO_SURVEY}}<p>[[report.survey.none]]</p>{{/NO_SURVEY}}
{{#HAS_SURVEY}}
<p>{{SURVEY_RESPONSES}}<br>{{SURVEY_AVERAGE}}</p>
{{#QUESTION}}
<div class="table-wrap">
<table class="data-table">
  <caption>{{CAPTION}}</caption>
  <thead>
    <tr><th scope="col">[[report.col.answer]]</th><th scope="col" class="numeric">[[report.col.count]]</th></tr>
  </thead>
  <tbody>
    {{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{COUNT}}</td></tr>
    {{/ROW}}
  </tbody>
</table>
</div>
{{/QUESTION}}
<h3>[[report.survey.comments]]</h3>
<p class="muted">[[report.survey.comments_note]]</p>
{{#NO_COMMENTS}}<p>[[report.survey.no_comments]]</p>{{/NO_COMMENTS}}
{{#HAS_COMMENTS}}<ul class="report-comments">
  {{#COMMENT}}<li>{{TEXT}}</li>
  {{/COMMENT}}
</ul>{{/HAS_COMMENTS}}
{{/HAS_SURVEY}}
</section>

<section class="no-print">
<h2>[[report.exports.title]]</h2>
<ul class="link-list">
  <li><a href="/programs/{{ID}}/report.csv?fy={{FY}}" download>[[report.exports.csv]]</a></li>
  <li><a href="/programs/{{ID}}/report.xlsx?fy={{FY}}" download>[[report.exports.xlsx]]</a></li>
</ul>
<p class="muted">[[report.exports.note]]</p>
</section>
<p class="no-print"><a href="/programs/{{ID}}?fy={{FY}}">[[report.back]]</a></p>
