<h1>[[community.report.title]]（{{FY_LABEL}}）</h1>
<p class="lead">[[community.report.lead]]</p>
<p class="no-print"><a href="/reports/community?fy={{PREV_FY}}">[[community.report.prev]]</a> ／ <a href="/reports/community?fy={{NEXT_FY}}">[[community.report.next]]</a> ／ <a href="/reports/community.csv?fy={{FY}}" download>[[community.report.csv]]</a></p>
<nav class="no-print" aria-label="[[community.report.contents]]">
  <ul>{{#TOC}}<li><a href="#{{ID}}">{{TITLE}}</a></li>{{/TOC}}</ul>
</nav>
{{#TABLE}}
<section class="report-section" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{TITLE}}</h2>
<div class="table-wrap" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">{{TITLE}}（{{FY_LABEL}}）</caption>
  <thead><tr><th scope="col">[[community.report.item]]</th>{{#COLUMN}}<th scope="col" class="numeric">{{TEXT}}</th>{{/COLUMN}}</tr></thead>
  <tbody>
    {{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td class="numeric">{{TEXT}}</td>{{/CELL}}</tr>{{/ROW}}
    {{#EMPTY}}<tr><td colspan="99">[[community.report.none]]</td></tr>{{/EMPTY}}
  </tbody>
</table>
</div>
{{#NOTE}}<p class="hint">{{TEXT}}</p>{{/NOTE}}
</section>
{{/TABLE}}
