<p class="muted"><a href="/events/{{EVENT_ID}}/registrations">[[events_attendance.back_registrations]]</a></p>
<h1>[[events_attendance.checkin.heading]]</h1>
<p class="lead">{{TITLE}}<br><span class="muted">{{WHEN}}</span></p>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<div id="checkin-queue" class="notice notice--warning" role="status" hidden data-queued="[[events_attendance.checkin.queued]]" data-sent="[[events_attendance.checkin.sent]]"></div>
[[include:events/attendance_counts]]
<form method="get" action="{{BASE}}/checkin" class="checkin-search" role="search" id="checkin-search">
  <div class="field">
    <label for="q">[[events_attendance.checkin.search_label]]</label>
    <p class="hint" id="q-hint">[[events_attendance.checkin.search_hint]]</p>
    <input id="q" name="q" type="search" maxlength="100" value="{{QUERY}}" aria-describedby="q-hint" autocomplete="off">
  </div>
  <button type="submit" class="button">[[events_attendance.checkin.search]]</button>
  {{#FILTERED}}<a href="{{BASE}}/checkin">[[events_attendance.checkin.show_all]]</a>{{/FILTERED}}
</form>
{{#NO_ROWS}}<p>[[events_attendance.checkin.none]]</p>{{/NO_ROWS}}
{{#NO_MATCH}}<p>[[events_attendance.checkin.no_match]]</p>{{/NO_MATCH}}
<ul class="checkin-list">
  {{#ROW}}<li class="checkin-list__item" id="checkin-{{ID}}">
    <p class="checkin-list__name"><span>{{NAME}}</span> <span class="muted">{{FURIGANA}}</span></p>
    <p class="muted">{{REFERENCE}}・{{MODE}}・{{TYPE}}</p>
    {{#CHECKED}}<p class="checkin-list__done"><strong>[[events_attendance.checkin.checked]]</strong></p>{{/CHECKED}}
    {{#CAN_CHECK}}<form method="post" action="{{BASE}}/checkin/{{ID}}" class="checkin-form" data-offline-queue>
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <button type="submit" class="button">[[events_attendance.checkin.button]]<span class="visually-hidden">（{{NAME}}）</span></button>
    </form>{{/CAN_CHECK}}
  </li>{{/ROW}}
</ul>
{{#WALK_IN}}<section aria-labelledby="walk-in-title">
<h2 id="walk-in-title">[[events_attendance.walk_in.title]]</h2>
[[include:partials/error_summary]]
<form method="post" action="{{BASE}}/walk-in" data-offline-queue novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field">
    <legend>[[events.register.mode]]</legend>
    {{#WALK_MODE}}<div class="radio"><input type="radio" id="walk-mode-{{CODE}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="walk-mode-{{CODE}}">{{LABEL}}</label></div>{{/WALK_MODE}}
  </fieldset>
  <div class="field{{#ERR_PARTICIPANT_TYPE}} field--error{{/ERR_PARTICIPANT_TYPE}}">
    <label for="participant_type">[[events_attendance.type_label]]</label>
    {{#ERR_PARTICIPANT_TYPE}}<p class="field__error" id="participant_type-error">{{MESSAGE}}</p>{{/ERR_PARTICIPANT_TYPE}}
    <select id="participant_type" name="participant_type"{{#ERR_PARTICIPANT_TYPE}} aria-invalid="true" aria-describedby="participant_type-error"{{/ERR_PARTICIPANT_TYPE}}>
      <option value="">[[events_attendance.choose]]</option>
      {{#TYPE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE}}
    </select>
  </div>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="walk-name">[[events_attendance.walk_in.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="walk-name" name="name" type="text" maxlength="100" autocomplete="off">
  </div>
  {{#FOLLOW_UP}}<div class="checkbox"><input type="checkbox" id="walk-new" name="new_trainee" value="1"><label for="walk-new">[[events_attendance.new_trainee]]</label></div>{{/FOLLOW_UP}}
  <button type="submit" class="button button--secondary">[[events_attendance.walk_in.button]]</button>
</form>
</section>{{/WALK_IN}}
<p><a href="{{BASE}}/roster">[[events_attendance.roster.link]]</a>・<a href="{{BASE}}/attendance">[[events_attendance.attendance.link]]</a></p>
<script src="/static/js/checkin.js"></script>
