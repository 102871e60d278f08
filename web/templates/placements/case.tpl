<p class="breadcrumb"><a href="{{CASE_PATH}}">[[placements.case.back]]</a></p>
<h1>[[placements.case.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
{{#CAN_RECORD}}<ul class="link-list">
  <li><a href="{{CASE_PATH}}/applications/new">[[placements.case.new_application]]</a></li>
  <li><a href="{{CASE_PATH}}/placements/new?kind=return_to_work">[[placements.case.new_return]]</a></li>
  <li><a href="{{CASE_PATH}}/placements/new?kind=kept_job">[[placements.case.new_kept]]</a></li>
</ul>{{/CAN_RECORD}}

<section aria-labelledby="applications-title">
  <h2 id="applications-title">[[placements.case.applications]]</h2>
  {{#NO_APPLICATIONS}}<p>[[placements.case.no_applications]]</p>{{/NO_APPLICATIONS}}
  {{#APPLICATION}}
  <article class="card" id="application-{{ID}}" aria-labelledby="application-{{ID}}-title">
    <h3 id="application-{{ID}}-title">{{EMPLOYER}}{{#HAS_OPENING}} — {{OPENING}}{{/HAS_OPENING}}</h3>
    <dl class="summary-list">
      <div><dt>[[placements.field.status]]</dt><dd><strong class="application-status" data-status="{{STATUS_CODE}}">{{STATUS}}</strong></dd></div>
      <div><dt>[[placements.field.applied_on]]</dt><dd>{{APPLIED_ON}}</dd></div>
      <div><dt>[[placements.field.disclosure]]</dt><dd>{{DISCLOSURE}}</dd></div>
      {{#APP_NOTES}}<div><dt>[[placements.field.notes]]</dt><dd>{{#NOTE_LINE}}<p>{{LINE}}</p>{{/NOTE_LINE}}</dd></div>{{/APP_NOTES}}
    </dl>
    <ol class="step-list">
      {{#STEP}}<li><strong>{{STATUS}}</strong> {{DATE}} ・ {{BY}}{{#LATE}} <span class="badge badge--neutral">[[placements.step.late]]</span>{{/LATE}}{{#STEP_NOTE}}<br>{{LINE}}{{/STEP_NOTE}}</li>{{/STEP}}
    </ol>
    {{#STEP_FORM}}
    <form method="post" action="{{CASE_PATH}}/applications/{{ID}}/steps" novalidate class="no-print">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <div class="field{{#ERR_STATUS}} field--error{{/ERR_STATUS}}">
        <label for="status-{{ID}}">[[placements.step.next]]</label>
        {{#ERR_STATUS}}<p class="field__error" id="status-{{ID}}-error">{{MESSAGE}}</p>{{/ERR_STATUS}}
        <select id="status-{{ID}}" name="status">{{#NEXT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEXT}}</select>
      </div>
      <div class="field{{#ERR_HAPPENED_ON}} field--error{{/ERR_HAPPENED_ON}}">
        <label for="happened_on-{{ID}}">[[placements.step.happened_on]]</label>
        <p class="field__hint" id="happened_on-{{ID}}-hint">[[placements.step.happened_on_hint]]</p>
        {{#ERR_HAPPENED_ON}}<p class="field__error" id="happened_on-{{ID}}-error">{{MESSAGE}}</p>{{/ERR_HAPPENED_ON}}
        <input id="happened_on-{{ID}}" name="happened_on" type="date" class="input--short" value="{{V_HAPPENED_ON}}" aria-describedby="happened_on-{{ID}}-hint"{{#ERR_HAPPENED_ON}} aria-invalid="true"{{/ERR_HAPPENED_ON}}>
      </div>
      <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
        <label for="note-{{ID}}">[[placements.step.note]]</label>
        {{#ERR_NOTE}}<p class="field__error" id="note-{{ID}}-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
        <textarea id="note-{{ID}}" name="note" rows="2">{{V_NOTE}}</textarea>
      </div>
      <button type="submit" class="button button--primary">[[placements.step.submit]]</button>
    </form>
    {{#CAN_PLACE}}<p><a class="button button--secondary" href="{{PLACE_PATH}}">[[placements.step.place]]</a></p>{{/CAN_PLACE}}
    {{/STEP_FORM}}
  </article>
  {{/APPLICATION}}
</section>

<section aria-labelledby="placements-title">
  <h2 id="placements-title">[[placements.case.placements]]</h2>
  {{#NO_PLACEMENTS}}<p>[[placements.case.no_placements]]</p>{{/NO_PLACEMENTS}}
  {{#PLACEMENT}}
  <article class="card" id="placement-{{ID}}" aria-labelledby="placement-{{ID}}-title">
    <h3 id="placement-{{ID}}-title">{{KIND}}：{{EMPLOYER}}</h3>
    <dl class="summary-list">
      {{#HAS_JOB}}<div><dt>[[placements.field.job_title]]</dt><dd>{{JOB_TITLE}}</dd></div>{{/HAS_JOB}}
      <div><dt>[[placements.field.start_on]]</dt><dd>{{START_ON}}{{#LATE}} <span class="badge badge--neutral">[[placements.step.late]]</span>{{/LATE}}</dd></div>
      <div><dt>[[placements.field.employment_type]]</dt><dd>{{EMPLOYMENT_TYPE}}</dd></div>
      <div><dt>[[placements.field.weekly_hours]]</dt><dd>{{#HAS_HOURS}}{{WEEKLY_HOURS}}[[placements.field.hours_unit]]{{/HAS_HOURS}}{{#NO_HOURS}}[[placements.field.not_known]]{{/NO_HOURS}}</dd></div>
      <div><dt>[[placements.field.disclosure]]</dt><dd>{{DISCLOSURE}}</dd></div>
      <div><dt>[[placements.field.accommodations]]</dt><dd>{{#ACCOMMODATION_LINE}}<p>{{LINE}}</p>{{/ACCOMMODATION_LINE}}{{#NO_ACCOMMODATIONS}}[[placements.field.none]]{{/NO_ACCOMMODATIONS}}</dd></div>
    </dl>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="placement-{{ID}}-checks"><table class="data-table">
      <caption id="placement-{{ID}}-checks">[[placements.check.caption]]</caption>
      <thead><tr><th scope="col">[[placements.check.col_months]]</th><th scope="col">[[placements.check.col_due]]</th><th scope="col">[[placements.check.col_answer]]</th></tr></thead>
      <tbody>{{#CHECK}}<tr>
        <th scope="row">{{#LINKED}}<a href="{{PATH}}">{{MONTHS}}</a>{{/LINKED}}{{#UNLINKED}}{{MONTHS}}{{/UNLINKED}}</th>
        <td>{{DUE}}</td>
        <td>{{#ANSWERED}}{{ANSWER}}（{{ANSWERED_ON}}）{{/ANSWERED}}{{#OPEN}}[[placements.check.open]]{{#OVERDUE}} <span class="badge badge--warning">{{OVERDUE_TEXT}}</span>{{/OVERDUE}}{{/OPEN}}</td>
      </tr>{{/CHECK}}</tbody>
    </table></div>
  </article>
  {{/PLACEMENT}}
</section>
