<h1>[[employers.jobs.title]]</h1>
<p class="lead">[[employers.jobs.lead]]</p>
<form method="get" action="/jobs" class="no-print" role="search" aria-label="[[employers.jobs.search]]">
[[include:employers/filters]]
  <button type="submit" class="button button--primary">[[employers.jobs.search]]</button>
</form>
<p role="status">[[employers.list.total_prefix]]{{TOTAL}}[[employers.list.total_suffix]]</p>
{{#NONE}}<p>[[employers.jobs.none]]</p>{{/NONE}}
<ul class="link-list">
  {{#OPENING}}<li>
    <a href="/jobs/{{ID}}">{{TITLE}}</a>
    <p class="muted">{{EMPLOYER}}　{{TYPE}}　{{AREA}}　{{HOURS}}　{{WAGE}}</p>
    <p>{{#FLAGS}}<span class="tag">{{FLAG}}</span> {{/FLAGS}}</p>
  </li>{{/OPENING}}
</ul>
