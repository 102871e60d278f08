<p class="breadcrumb"><a href="/cases">[[cases.list.title]]</a></p>
<h1>{{CLIENT_NAME}}{{#HAS_KANA}} <span class="muted">（{{CLIENT_KANA}}）</span>{{/HAS_KANA}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[cases.page.org]]</dt><dd>{{ORG_NAME}}</dd></div>
  {{#FROM_REFERRAL}}<div><dt>[[cases.page.referral]]</dt><dd><a href="{{REFERRAL_PATH}}">{{REFERRING_ORG}}</a></dd></div>{{/FROM_REFERRAL}}
  <div><dt>[[cases.page.status]]</dt><dd><strong id="case-status">{{STATUS}}</strong></dd></div>
  <div><dt>[[cases.page.employer_status]]</dt><dd>{{EMPLOYER_STATUS}}</dd></div>
  <div><dt>[[cases.page.agency_status]]</dt><dd>{{AGENCY_STATUS}}</dd></div>
  {{#CLOSED}}<div><dt>[[cases.page.outcome]]</dt><dd><strong>{{OUTCOME}}</strong>（{{OUTCOME_ON}}）</dd></div>{{/CLOSED}}
  <div><dt>[[cases.page.owner]]</dt><dd>{{OWNER}}</dd></div>
  <div><dt>[[cases.page.staff]]</dt><dd>{{#STAFF}}{{NAME}}{{#STAFF_separator}}、{{/STAFF_separator}}{{/STAFF}}</dd></div>
  <div><dt>[[cases.page.opened]]</dt><dd>{{OPENED}}</dd></div>
  <div><dt>[[cases.page.goals]]</dt><dd>{{#NO_GOALS}}<span class="muted">[[cases.page.no_goals]]</span>{{/NO_GOALS}}{{#GOAL_LINE}}<p>{{LINE}}</p>{{/GOAL_LINE}}</dd></div>
</dl>
{{#HAS_CLIENT_LINK}}<p><a href="{{CLIENT_PATH}}">[[cases.page.client_link]]</a></p>{{/HAS_CLIENT_LINK}}
<p><a href="{{CASE_PATH}}/forms">[[forms.case_link]]</a></p>
<p><a href="{{CASE_PATH}}/documents">[[documents.case_link]]</a></p>
<section aria-labelledby="employment-title">
  <h2 id="employment-title">[[placements.case.title]]</h2>
  <p>[[placements.case.section_lead]]</p>
  <ul>
    <li><a href="{{CASE_PATH}}/applications">[[placements.case.link]]</a></li>
    {{#RUNS_CASE}}<li><a href="{{CASE_PATH}}/openings">[[employers.fit.title]]</a></li>
    <li><a href="{{CASE_PATH}}/employer-links">[[employer_links.case.heading]]</a></li>
    <li><a href="/org/contacts/new?case={{CASE_ID}}">[[contacts.case_link]]</a></li>{{/RUNS_CASE}}
  </ul>
</section>

<div class="case-live" hx-ext="sse" sse-connect="{{CASE_PATH}}/events?seen={{LIVE_MARK}}">
[[include:cases/timeline]]
</div>
<p class="field__hint no-print" id="live-hint">[[cases.page.live_hint]]</p>
<p id="live-announcer" class="visually-hidden" role="status" aria-live="polite"></p>

<section id="entry" aria-labelledby="entry-title" class="no-print">
  <h2 id="entry-title">{{#KIND_CHOICE}}[[cases.entry.title]]{{/KIND_CHOICE}}{{#PARTNER}}[[cases.entry.title_comment]]{{/PARTNER}}</h2>
  {{#PARTNER}}<p class="field__hint">[[cases.entry.partner_hint]]</p>{{/PARTNER}}
  <form method="post" action="{{CASE_PATH}}/entries" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    {{#PARTNER}}<input type="hidden" name="kind" value="comment">{{/PARTNER}}
    {{#KIND_CHOICE}}
    <div class="field{{#ERR_KIND}} field--error{{/ERR_KIND}}">
      <label for="kind">[[cases.entry.kind]]</label>
      {{#ERR_KIND}}<p class="field__error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
      <select id="kind" name="kind">{{#KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
    </div>
    {{/KIND_CHOICE}}
    <div class="field{{#ERR_OCCURRED_ON}} field--error{{/ERR_OCCURRED_ON}}">
      <label for="occurred_on">[[cases.entry.occurred_on]]</label>
      <p class="field__hint" id="occurred_on-hint">[[cases.entry.occurred_on_hint]]</p>
      {{#ERR_OCCURRED_ON}}<p class="field__error" id="occurred_on-error">{{MESSAGE}}</p>{{/ERR_OCCURRED_ON}}
      <input id="occurred_on" name="occurred_on" type="date" class="input--short" value="{{V_OCCURRED_ON}}" aria-describedby="occurred_on-hint{{#ERR_OCCURRED_ON}} occurred_on-error{{/ERR_OCCURRED_ON}}"{{#ERR_OCCURRED_ON}} aria-invalid="true"{{/ERR_OCCURRED_ON}}>
    </div>
    <div class="field{{#ERR_BODY}} field--error{{/ERR_BODY}}">
      <label for="body">[[cases.entry.body]]</label>
      <p class="field__hint" id="body-hint">[[cases.entry.body_hint]]</p>
      {{#ERR_BODY}}<p class="field__error" id="body-error">{{MESSAGE}}</p>{{/ERR_BODY}}
      <textarea id="body" name="body" rows="5" maxlength="{{MAX_BODY}}" aria-describedby="body-hint{{#ERR_BODY}} body-error{{/ERR_BODY}}"{{#ERR_BODY}} aria-invalid="true"{{/ERR_BODY}}>{{V_BODY}}</textarea>
    </div>
    <fieldset class="field">
      <legend>[[cases.entry.mentions]]</legend>
      <p class="field__hint">[[cases.entry.mentions_hint]]</p>
      {{#MENTION_CHOICE}}<div class="radio"><input type="checkbox" id="mention-{{USER_ID}}" name="mentions" value="{{USER_ID}}"><label for="mention-{{USER_ID}}">{{NAME}}</label></div>
      {{/MENTION_CHOICE}}
    </fieldset>
    <button type="submit" class="button button--primary">[[cases.entry.submit]]</button>
  </form>
</section>

{{#RUNS_CASE}}
<section id="tasks" aria-labelledby="tasks-title" class="no-print">
  <h2 id="tasks-title">[[cases.tasks.title]]</h2>
  <ul class="task-list">
    {{#OPEN_TASK}}<li>{{#DUE_NOW}}<span class="badge badge--warning">[[cases.tasks.due_now]]</span> {{/DUE_NOW}}<strong>{{TITLE}}</strong> — [[cases.tasks.due]] {{DUE}} ・ {{OWNER}}
      <form method="post" action="{{CASE_PATH}}/tasks/{{TASK_ID}}/done" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--secondary">[[cases.tasks.done]]<span class="visually-hidden">（{{TITLE}}）</span></button>
      </form></li>
    {{/OPEN_TASK}}
    {{#DONE_TASK}}<li class="muted"><s>{{TITLE}}</s> — [[cases.tasks.completed]]</li>{{/DONE_TASK}}
  </ul>
  <form method="post" action="{{CASE_PATH}}/tasks" id="task" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field{{#ERR_TITLE}} field--error{{/ERR_TITLE}}">
      <label for="title">[[cases.tasks.new_title]]</label>
      {{#ERR_TITLE}}<p class="field__error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input id="title" name="title" type="text" maxlength="200" value="{{V_TITLE}}"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_DUE_ON}} field--error{{/ERR_DUE_ON}}">
      <label for="due_on">[[cases.tasks.due_on]]</label>
      {{#ERR_DUE_ON}}<p class="field__error" id="due_on-error">{{MESSAGE}}</p>{{/ERR_DUE_ON}}
      <input id="due_on" name="due_on" type="date" class="input--short" value="{{V_DUE_ON}}"{{#ERR_DUE_ON}} aria-invalid="true" aria-describedby="due_on-error"{{/ERR_DUE_ON}}>
    </div>
    <div class="field{{#ERR_OWNER_USER_ID}} field--error{{/ERR_OWNER_USER_ID}}">
      <label for="owner_user_id">[[cases.tasks.owner]]</label>
      {{#ERR_OWNER_USER_ID}}<p class="field__error" id="owner_user_id-error">{{MESSAGE}}</p>{{/ERR_OWNER_USER_ID}}
      <select id="owner_user_id" name="owner_user_id">{{#OWNER_CHOICE}}<option value="{{USER_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OWNER_CHOICE}}</select>
    </div>
    <button type="submit" class="button button--secondary">[[cases.tasks.add]]</button>
  </form>
</section>

<section id="status" aria-labelledby="status-title" class="no-print">
  <h2 id="status-title">[[cases.status.title]]</h2>
  <form method="post" action="{{CASE_PATH}}/status" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div class="field{{#ERR_STATUS}} field--error{{/ERR_STATUS}}">
      <label for="status-select">[[cases.page.status]]</label>
      {{#ERR_STATUS}}<p class="field__error" id="status-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
      <select id="status-select" name="status">{{#STATUS_CHOICE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_CHOICE}}</select>
    </div>
    <div class="field">
      <label for="employer_status">[[cases.page.employer_status]]</label>
      <select id="employer_status" name="employer_status">{{#EMPLOYER_CHOICE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/EMPLOYER_CHOICE}}</select>
    </div>
    <div class="field">
      <label for="agency_status">[[cases.page.agency_status]]</label>
      <select id="agency_status" name="agency_status">{{#AGENCY_CHOICE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY_CHOICE}}</select>
    </div>
    <div class="field{{#ERR_GOALS}} field--error{{/ERR_GOALS}}">
      <label for="goals">[[cases.page.goals]]</label>
      {{#ERR_GOALS}}<p class="field__error" id="goals-error">{{MESSAGE}}</p>{{/ERR_GOALS}}
      <textarea id="goals" name="goals" rows="3" maxlength="{{MAX_BODY}}">{{V_GOALS}}</textarea>
    </div>
    <button type="submit" class="button button--secondary">[[cases.status.submit]]</button>
  </form>
  <h3>[[cases.staff.title]]</h3>
  <form method="post" action="{{CASE_PATH}}/staff" id="staff">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <fieldset class="field"><legend>[[cases.staff.legend]]</legend>
      {{#STAFF_CHOICE}}<div class="radio"><input type="checkbox" id="staff-{{USER_ID}}" name="staff" value="{{USER_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="staff-{{USER_ID}}">{{NAME}}</label></div>
      {{/STAFF_CHOICE}}
    </fieldset>
    <button type="submit" class="button button--secondary">[[cases.staff.submit]]</button>
  </form>
  {{#CAN_CLOSE}}
  <h3 id="close">[[cases.close.title]]</h3>
  <p class="field__hint">[[cases.close.hint]]</p>
  <form method="post" action="{{CASE_PATH}}/close" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div class="field{{#ERR_OUTCOME}} field--error{{/ERR_OUTCOME}}">
      <label for="outcome">[[cases.page.outcome]]</label>
      {{#ERR_OUTCOME}}<p class="field__error" id="outcome-error">{{MESSAGE}}</p>{{/ERR_OUTCOME}}
      <select id="outcome" name="outcome"><option value="">[[cases.close.choose]]</option>{{#OUTCOME_CHOICE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME_CHOICE}}</select>
    </div>
    <div class="field{{#ERR_OUTCOME_ON}} field--error{{/ERR_OUTCOME_ON}}">
      <label for="outcome_on">[[cases.close.outcome_on]]</label>
      {{#ERR_OUTCOME_ON}}<p class="field__error" id="outcome_on-error">{{MESSAGE}}</p>{{/ERR_OUTCOME_ON}}
      <input id="outcome_on" name="outcome_on" type="date" class="input--short" value="{{V_OUTCOME_ON}}">
    </div>
    <button type="submit" class="button button--warning">[[cases.close.submit]]</button>
  </form>
  {{/CAN_CLOSE}}
</section>
{{/RUNS_CASE}}
<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
<script src="/static/vendor/htmx.min.js"></script>
<script src="/static/vendor/htmx-sse.min.js"></script>
<script src="/static/js/live.js"></script>
