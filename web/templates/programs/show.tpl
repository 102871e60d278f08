<h1>{{NAME}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
{{#HAS_DESCRIPTION}}<p>{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
<section aria-labelledby="publish-title">
  <h2 id="publish-title">[[programs.publish.title]]</h2>
  <form method="post" action="/programs/{{ID}}/publish">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    {{#PUBLISHED}}<p>[[programs.publish.is_published]] <a href="/book/{{ID}}">{{PUBLIC_URL}}</a> <a href="/book/{{ID}}/poster">[[calendar.poster.link]]</a></p>
    <p class="muted">[[programs.publish.unpublish_hint]]</p>
    <input type="hidden" name="published" value="0">
    <button type="submit" class="button button--secondary">[[programs.publish.unpublish]]</button>{{/PUBLISHED}}
    {{#UNPUBLISHED}}<p>[[programs.publish.is_unpublished]]</p>
    <input type="hidden" name="published" value="1">
    <button type="submit" class="button button--primary">[[programs.publish.publish]]</button>{{/UNPUBLISHED}}
  </form>
  <p><a href="/programs/{{ID}}/info">[[programinfo.form.link]]</a></p>
</section>
<nav aria-label="[[programs.fy.nav_label]]" class="fy-switcher">
  <a href="/programs/{{ID}}?fy={{PREV_FY}}">[[programs.fy.previous]]（{{PREV_FY_LABEL}}）</a>
  <strong>{{FY_LABEL}}</strong>
  <a href="/programs/{{ID}}?fy={{NEXT_FY}}">[[programs.fy.next]]（{{NEXT_FY_LABEL}}）</a>
</nav>
<h2>[[targets.title]]</h2>
<form method="post" action="/programs/{{ID}}/targets" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="fiscal_year" value="{{FY}}">
  <div class="field{{#ERR_CONSULTATIONS}} field--error{{/ERR_CONSULTATIONS}}">
    <label for="consultations">[[targets.field.consultations]]</label>
    {{#ERR_CONSULTATIONS}}<p class="field__error" id="consultations-error">{{MESSAGE}}</p>{{/ERR_CONSULTATIONS}}
    <input id="consultations" name="consultations" type="text" inputmode="numeric" value="{{V_CONSULTATIONS}}"{{#ERR_CONSULTATIONS}} aria-invalid="true" aria-describedby="consultations-error"{{/ERR_CONSULTATIONS}}>
  </div>
  <div class="field{{#ERR_PLACEMENTS}} field--error{{/ERR_PLACEMENTS}}">
    <label for="placements">[[targets.field.placements]]</label>
    {{#ERR_PLACEMENTS}}<p class="field__error" id="placements-error">{{MESSAGE}}</p>{{/ERR_PLACEMENTS}}
    <input id="placements" name="placements" type="text" inputmode="numeric" value="{{V_PLACEMENTS}}"{{#ERR_PLACEMENTS}} aria-invalid="true" aria-describedby="placements-error"{{/ERR_PLACEMENTS}}>
  </div>
  <div class="field{{#ERR_DAYS}} field--error{{/ERR_DAYS}}">
    <label for="days">[[targets.field.days]]</label>
    {{#ERR_DAYS}}<p class="field__error" id="days-error">{{MESSAGE}}</p>{{/ERR_DAYS}}
    <input id="days" name="days" type="text" inputmode="numeric" value="{{V_DAYS}}"{{#ERR_DAYS}} aria-invalid="true" aria-describedby="days-error"{{/ERR_DAYS}}>
  </div>
  <button type="submit" class="button button--primary">[[targets.submit]]</button>
</form>
<h2>[[days.list.title]]</h2>
<p class="actions"><a class="button" href="/programs/{{ID}}/generate?fy={{FY}}">[[days.generate.link]]</a>
  <a class="button button--secondary" href="/programs/{{ID}}/days/new">[[board.add_day.link]]</a></p>
{{#NO_DAYS}}<p>[[days.list.none]]</p>{{/NO_DAYS}}
{{#HAS_DAYS}}
<p class="no-print">[[board.program.day_link_hint]]</p>
<div class="table-wrap">
<table class="data-table">
  <caption>{{FY_LABEL}} [[days.list.caption]]（{{DAY_COUNT}}[[days.list.count_suffix]]）</caption>
  <thead>
    <tr>
      <th scope="col">[[days.col.number]]</th>
      <th scope="col">[[days.col.date]]</th>
      <th scope="col">[[days.col.time]]</th>
      <th scope="col">[[days.col.mode]]</th>
      <th scope="col">[[days.col.venue]]</th>
      <th scope="col">[[days.col.booths]]</th>
      <th scope="col">[[days.col.slots]]</th>
      <th scope="col">[[days.col.booked]]</th>
      <th scope="col">[[days.col.note]]</th>
      <th scope="col">[[days.col.status]]</th>
      <th scope="col">[[days.col.actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#DAY}}<tr>
      <td>{{NUMBER}}</td>
      <th scope="row"><a href="/programs/{{ID}}/days/{{DAY_ID}}">{{DATE}}</a></th>
      <td>{{TIME}}</td>
      <td>{{MODE}}</td>
      <td>{{VENUE}}</td>
      <td>{{BOOTHS}}</td>
      <td>{{SLOTS}}</td>
      <td>{{BOOKED}} / {{CAPACITY}}</td>
      <td>{{NOTE}}</td>
      <td>{{STATUS}}{{#CALLS}}<br><a href="/programs/{{ID}}/days/{{DAY_ID}}/calls">{{TEXT}}<span class="visually-hidden">（{{DATE}}）</span></a>{{/CALLS}}</td>
      <td>{{#CAN_MOVE}}<a href="/programs/{{ID}}/days/{{DAY_ID}}/move">[[daychange.move.link]]<span class="visually-hidden">（{{DATE}}）</span></a> {{/CAN_MOVE}}{{#CAN_CANCEL}}<a href="/programs/{{ID}}/days/{{DAY_ID}}/cancel">[[days.cancel.link]]<span class="visually-hidden">（{{DATE}}）</span></a>{{/CAN_CANCEL}}</td>
    </tr>{{/DAY}}
  </tbody>
</table>
</div>
{{/HAS_DAYS}}
<h2>[[board.program.title]]</h2>
<ul class="link-list">
  <li><a href="/programs/{{ID}}/report?fy={{FY}}">[[board.program.report_link]]（{{FY_LABEL}}）</a></li>
  <li><a href="/programs/{{ID}}/surveys/paper?fy={{FY}}">[[board.program.paper_survey_link]]</a></li>
  <li><a href="/programs/{{ID}}/import">[[late.link.import]]</a></li>
  <li><a href="/programs/{{ID}}/partners">[[partners.program_link]]</a></li>
</ul>
<p><a href="/programs">[[programs.back]]</a></p>
