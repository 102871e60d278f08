<h1>[[portal.heading]]</h1>
<p class="lead">[[portal.lead]]</p>

<section aria-labelledby="portal-programs-title">
  <h2 id="portal-programs-title">[[portal.programs.title]]</h2>
  <p>[[portal.programs.lead]]</p>
  {{#NO_PROGRAMS}}<p>[[portal.programs.none]]</p>{{/NO_PROGRAMS}}
  <ul class="link-list link-list--cards">
    {{#PROGRAM}}<li>
      <h3 class="worklist__heading">{{NAME}}</h3>
      <p class="muted">[[portal.programs.host]]：{{HOST}}</p>
      {{#DESCRIPTION}}<p>{{TEXT}}</p>{{/DESCRIPTION}}
      {{#HAS_DAYS}}<p>[[portal.programs.next_days]]</p>
      <ul>{{#DAY}}<li>{{WHEN}}（{{PLACE}}） <span class="badge badge--neutral">{{FREE}}</span></li>{{/DAY}}</ul>{{/HAS_DAYS}}
      {{#NO_DAYS}}<p>[[portal.programs.no_days]]</p>{{/NO_DAYS}}
      <p><a class="button button--primary" href="/book/{{ID}}">[[portal.programs.book]]<span class="visually-hidden">（{{NAME}}）</span></a></p>
      {{#OFFICE_PHONE}}<p>[[portal.programs.by_phone]] <span class="nowrap">{{TEXT}}</span> {{HOURS}}</p>{{/OFFICE_PHONE}}
    </li>{{/PROGRAM}}
  </ul>
</section>

{{#REQUESTS}}
<section aria-labelledby="portal-requests-title">
  <h2 id="portal-requests-title">[[portal.requests.title]]</h2>
  <p>[[portal.requests.lead]]</p>
  <ul class="link-list">
    {{#DESK}}<li>{{NAME}}：<a href="/request/{{ORG_ID}}">[[portal.requests.link]]<span class="visually-hidden">（{{NAME}}）</span></a></li>{{/DESK}}
  </ul>
</section>
{{/REQUESTS}}

<section aria-labelledby="portal-events-title">
  <h2 id="portal-events-title">[[portal.events.title]]</h2>
  <p>[[portal.events.lead]]</p>
  <p><a href="/events">[[portal.events.link]]</a></p>
  <p>[[calendar.portal_lead]] <a href="/calendar">[[calendar.portal_link]]</a></p>
</section>

<section aria-labelledby="portal-salons-title">
  <h2 id="portal-salons-title">[[salons.portal.title]]</h2>
  <p>[[salons.portal.lead]]</p>
  <p><a href="/salons">[[salons.portal.link]]</a></p>
</section>

<section aria-labelledby="portal-jobs-title">
  <h2 id="portal-jobs-title">[[employers.portal.title]]</h2>
  <p>[[employers.portal.lead]]</p>
  <p><a href="/jobs">[[employers.portal.link]]</a></p>
</section>

<section aria-labelledby="portal-directory-title">
  <h2 id="portal-directory-title">[[portal.directory.title]]</h2>
  <p>[[portal.directory.lead]]</p>
  <p><a href="/directory">[[portal.directory.link]]</a></p>
</section>

<section aria-labelledby="portal-staff-title">
  <h2 id="portal-staff-title">[[portal.staff.title]]</h2>
  <p><a href="/login">[[portal.staff.login]]</a></p>
</section>
