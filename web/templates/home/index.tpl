<h1>[[home.title]]</h1>
{{#NOTICE_SWITCHED}}<div class="notice notice--success" role="status"><p>[[home.notice.switched]]</p></div>{{/NOTICE_SWITCHED}}
{{#NOTICE_JOINED}}<div class="notice notice--success" role="status"><p>[[home.notice.joined]]</p></div>{{/NOTICE_JOINED}}
{{#NOTICE_DECLINED}}<div class="notice notice--success" role="status"><p>[[home.notice.declined]]</p></div>{{/NOTICE_DECLINED}}
<p class="lead">{{GREETING}}</p>
{{#WORK}}
<section aria-labelledby="home-work-title" class="worklist">
  <h2 id="home-work-title">[[home.work.title]]</h2>
  {{#NOTHING}}<p>[[home.work.nothing]]</p>{{/NOTHING}}
  <ul class="link-list link-list--cards">
    {{#REFERRALS}}<li><a href="/referrals#incoming">{{TEXT}}</a><p class="muted">[[home.work.referrals_hint]]</p></li>{{/REFERRALS}}
    {{#REQUESTS}}<li><a href="/requests">{{TEXT}}</a>{{#OVERDUE}} <span class="badge badge--warning">[[home.work.overdue]]</span>{{/OVERDUE}}</li>{{/REQUESTS}}
    {{#RETENTION}}<li><a href="/org/retention?mine=1">{{RETENTION_TEXT}}</a></li>{{/RETENTION}}
    {{#CALLS}}<li><h3 class="worklist__heading">{{TEXT}}</h3>
      <ul>{{#CALL}}<li><a href="{{PATH}}">{{LABEL}}</a></li>{{/CALL}}</ul></li>{{/CALLS}}
    {{#TASKS}}<li><h3 class="worklist__heading">{{TEXT}}</h3>
      <ul>{{#TASK}}<li><a href="/cases/{{CASE_ID}}#tasks">{{LABEL}}</a>{{#OVERDUE}} <span class="badge badge--warning">[[home.work.overdue]]</span>{{/OVERDUE}}</li>{{/TASK}}</ul></li>{{/TASKS}}
    {{#RECORDS}}<li><h3 class="worklist__heading">{{TEXT}}</h3>
      <ul>{{#RECORD}}<li><a href="{{PATH}}">{{LABEL}}</a></li>{{/RECORD}}</ul></li>{{/RECORDS}}
  </ul>
</section>
{{/WORK}}
{{#DAYS}}
<section aria-labelledby="home-days-title">
  <h2 id="home-days-title">[[home.days.title]]</h2>
  {{#NO_DAYS}}<p>[[home.days.none]]</p>{{/NO_DAYS}}
  {{#HAS_DAYS}}<div class="table-wrap"><table class="data-table">
    <caption>{{CAPTION}}</caption>
    <thead><tr><th scope="col">[[home.days.col_date]]</th><th scope="col">[[home.days.col_hours]]</th><th scope="col">[[home.days.col_program]]</th><th scope="col">[[home.days.col_booked]]</th><th scope="col">[[home.days.col_waiting]]</th><th scope="col">[[home.days.col_roster]]</th></tr></thead>
    <tbody>
      {{#DAY}}<tr>
        <th scope="row"><a href="{{PATH}}">{{DATE}}</a>{{#TODAY}} <span class="badge badge--info">[[home.days.today]]</span>{{/TODAY}}{{#TOMORROW}} <span class="badge badge--neutral">[[home.days.tomorrow]]</span>{{/TOMORROW}}</th>
        <td>{{HOURS}}</td>
        <td>{{PROGRAM}}</td>
        <td>{{BOOKED}}</td>
        <td>{{WAITING}}</td>
        <td>{{#ON_ROSTER}}[[home.days.on_roster]]{{/ON_ROSTER}}</td>
      </tr>{{/DAY}}
    </tbody>
  </table></div>{{/HAS_DAYS}}
  <p><a href="/days/past">[[late.past.link]]</a></p>
</section>
{{/DAYS}}
{{#HAS_ORG}}
<section aria-labelledby="home-org-title">
  <h2 id="home-org-title">[[home.org.title]]</h2>
  <dl class="summary-list">
    <div><dt>[[home.org.name]]</dt><dd>{{ORG_NAME}}</dd></div>
    <div><dt>[[home.org.kind]]</dt><dd>{{ORG_KIND}}</dd></div>
    <div><dt>[[home.org.role]]</dt><dd>{{ROLE}}</dd></div>
    <div><dt>[[home.org.profession]]</dt><dd>{{PROFESSION}}</dd></div>
  </dl>
</section>
{{/HAS_ORG}}
{{#NO_ORG_CHOOSE}}<div class="notice notice--warning" role="note"><p>[[home.no_org.choose]]</p></div>{{/NO_ORG_CHOOSE}}
{{#NO_ORG_SYSTEM_ADMIN}}<div class="notice notice--info" role="note"><p>[[home.no_org.system_admin]]</p></div>{{/NO_ORG_SYSTEM_ADMIN}}
{{#NO_ORG_NONE}}<div class="notice notice--warning" role="note"><p>[[home.no_org.none]]</p></div>{{/NO_ORG_NONE}}
{{#SWITCH}}
<section aria-labelledby="home-switch-title">
  <h2 id="home-switch-title">[[home.switch.title]]</h2>
  <form method="post" action="/org/switch" class="inline-fields">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field">
      <label for="org_id">[[home.switch.label]]</label>
      <select id="org_id" name="org_id">
        {{#ORG_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORG_OPTION}}
      </select>
    </div>
    <button type="submit" class="button button--secondary">[[home.switch.submit]]</button>
  </form>
</section>
{{/SWITCH}}
<section aria-labelledby="home-links-title">
  <h2 id="home-links-title">[[home.links.title]]</h2>
  <ul class="link-list link-list--cards">
    {{#LINKS_ORG_ADMIN}}
    <li><a href="/org/members">[[home.links.members]]</a><p class="muted">[[home.links.members_hint]]</p></li>
    <li><a href="/org/audit">[[home.links.audit]]</a><p class="muted">[[home.links.audit_hint]]</p></li>
    {{/LINKS_ORG_ADMIN}}
    {{#LINKS_SYSTEM_ADMIN}}
    <li><a href="/admin/organizations">[[home.links.organizations]]</a><p class="muted">[[home.links.organizations_hint]]</p></li>
    {{/LINKS_SYSTEM_ADMIN}}
    <li><a href="/account">[[home.links.account]]</a><p class="muted">[[home.links.account_hint]]</p></li>
    <li><a href="/account/tokens">[[home.links.tokens]]</a><p class="muted">[[home.links.tokens_hint]]</p></li>
  </ul>
</section>
