<p class="breadcrumb"><a href="/cases/{{CASE_ID}}">[[employers.fit.back]]</a></p>
<h1>[[employers.fit.title]]</h1>
<p class="lead">[[employers.fit.lead]]</p>
{{#HAS_PERSON_AREA}}<p>[[employers.fit.person_area]]{{PERSON_AREA}}</p>{{/HAS_PERSON_AREA}}
<form method="get" action="/cases/{{CASE_ID}}/openings" class="no-print" role="search" aria-label="[[employers.jobs.search]]">
  <input type="hidden" name="search" value="1">
[[include:employers/filters]]
  <button type="submit" class="button button--primary">[[employers.jobs.search]]</button>
</form>
<p role="status">[[employers.list.total_prefix]]{{TOTAL}}[[employers.list.total_suffix]]</p>
{{#NONE}}<p>[[employers.fit.none]]</p>{{/NONE}}
<ul class="link-list">
  {{#OPENING}}<li>
    <a href="/org/openings/{{ID}}">{{TITLE}}</a>
    <p class="muted">{{EMPLOYER}}　{{TYPE}}　{{AREA}}　{{HOURS}}　{{WAGE}}</p>
    <p>{{#FLAGS}}<span class="tag">{{FLAG}}</span> {{/FLAGS}}</p>
    <p>[[employers.field.practices]]: {{PRACTICES}}</p>
    <p><a class="button" href="/cases/{{CASE_ID}}/applications/new?opening={{ID}}">[[employers.fit.apply]]<span class="visually-hidden">（{{TITLE}}）</span></a></p>
  </li>{{/OPENING}}
</ul>
