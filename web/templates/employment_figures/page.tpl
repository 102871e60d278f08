<h1>[[employment_figures.title]]（{{LABEL}}）</h1>
<p class="lead">[[employment_figures.lead]]</p>
<form method="get" action="/reports/employment" class="no-print filter-form">
  <div class="inline-fields">
    <label for="year">[[employment_figures.year]]</label>
    <input id="year" name="year" type="number" inputmode="numeric" min="2000" max="2100" value="{{FY}}">
    <label for="program">[[employment_figures.program]]</label>
    <select id="program" name="program"><option value="">[[employment_figures.all_programs]]</option>{{#PROGRAM}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PROGRAM}}</select>
    <button type="submit">[[employment_figures.show]]</button>
  </div>
</form>
<p class="no-print"><a href="/reports/employment?year={{PREV_FY}}{{PROGRAM_QUERY}}">[[employment_figures.prev]]</a> ／ <a href="/reports/employment?year={{NEXT_FY}}{{PROGRAM_QUERY}}">[[employment_figures.next]]</a> ／ <a href="/reports/employment.csv?year={{FY}}{{PROGRAM_QUERY}}" download>[[employment_figures.csv]]</a> ／ <a href="/reports/employment.xlsx?year={{FY}}{{PROGRAM_QUERY}}" download>[[employment_figures.xlsx]]</a></p>
<section class="report-section" aria-labelledby="charts-title">
<h2 id="charts-title">[[employment_figures.charts]]</h2>
{{#CHART}}<figure class="report-chart">{{SVG:none}}</figure>{{/CHART}}
</section>
{{#TABLE}}
<section class="report-section" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{TITLE}}</h2>
<div class="table-wrap" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="data-table">
  <caption class="visually-hidden">{{TITLE}}（{{LABEL}}）</caption>
  <thead><tr><th scope="col">[[employment_figures.col.item]]</th>{{#COLUMN}}<th scope="col" class="numeric">{{TEXT}}</th>{{/COLUMN}}</tr></thead>
  <tbody>
    {{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td class="numeric">{{TEXT}}</td>{{/CELL}}</tr>{{/ROW}}
  </tbody>
</table>
</div>
{{#NOTE}}<p class="hint">{{TEXT}}</p>{{/NOTE}}
</section>
{{/TABLE}}
