<p class="muted no-print"><a href="/events/{{EVENT_ID}}/registrations">[[events_attendance.back_registrations]]</a>・<a href="{{BASE}}/checkin">[[events_attendance.checkin.link]]</a></p>
<h1>[[events_attendance.attendance.heading]]</h1>
<p class="lead">{{TITLE}}<br><span class="muted">{{WHEN}}</span></p>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
{{#LATE}}<p class="notice notice--info">[[events_attendance.attendance.late]]</p>{{/LATE}}
[[include:events/attendance_counts]]
<h2>[[events_attendance.attendance.list]]</h2>
{{#NO_ROWS}}<p>[[events_attendance.checkin.none]]</p>{{/NO_ROWS}}
<ul class="checkin-list">
  {{#ROW}}<li class="checkin-list__item" id="attendance-{{ID}}">
    <p class="checkin-list__name">{{NAME}} <span class="muted">{{FURIGANA}}</span></p>
    <p class="muted">{{REFERENCE}}・{{MODE}}・{{TYPE}}</p>
    {{#NOT_REGISTERED}}<p>{{STATE}}</p>{{/NOT_REGISTERED}}
    {{#MARK_FORM}}<form method="post" action="{{BASE}}/attendance/{{ID}}">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <fieldset class="inline-choices">
        <legend class="visually-hidden">[[events_attendance.attendance.legend]]（{{REFERENCE}}）</legend>
        {{#MARK}}<span class="radio"><input type="radio" id="mark-{{ID}}-{{SUFFIX}}" name="attendance" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="mark-{{ID}}-{{SUFFIX}}">{{LABEL}}</label></span>{{/MARK}}
      </fieldset>
      <div class="field">
        <label for="type-{{ID}}">[[events_attendance.type_label]]<span class="visually-hidden">（{{REFERENCE}}）</span></label>
        <select id="type-{{ID}}" name="participant_type">
          {{#TYPE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE}}
        </select>
      </div>
      {{#FOLLOW_UP}}<div class="checkbox"><input type="checkbox" id="new-{{ID}}" name="new_trainee" value="1"{{#CHECKED}} checked{{/CHECKED}}><label for="new-{{ID}}">[[events_attendance.new_trainee]]</label></div>{{/FOLLOW_UP}}
      <button type="submit" class="button button--secondary">[[events_attendance.attendance.save]]<span class="visually-hidden">（{{REFERENCE}}）</span></button>
    </form>{{/MARK_FORM}}
  </li>{{/ROW}}
</ul>
{{#WALK_ROW}}<p class="muted">[[events_attendance.walk_in.row]] {{REFERENCE}}・{{MODE}}・{{TYPE}} {{NAME}}</p>{{/WALK_ROW}}
{{#ADD}}<section aria-labelledby="add-title">
<h2 id="add-title">[[events_attendance.add.title]]</h2>
<p>[[events_attendance.add.lead]]</p>
[[include:partials/error_summary]]
<form method="post" action="{{BASE}}/attendance/add" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[events.register.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[events_attendance.add.furigana]]</label>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="100" value="{{V_FURIGANA}}"{{#ERR_FURIGANA}} aria-invalid="true" aria-describedby="furigana-error"{{/ERR_FURIGANA}}>
  </div>
  <div class="field{{#ERR_PARTICIPANT_TYPE}} field--error{{/ERR_PARTICIPANT_TYPE}}">
    <label for="participant_type">[[events_attendance.type_label]]</label>
    {{#ERR_PARTICIPANT_TYPE}}<p class="field__error" id="participant_type-error">{{MESSAGE}}</p>{{/ERR_PARTICIPANT_TYPE}}
    <select id="participant_type" name="participant_type"{{#ERR_PARTICIPANT_TYPE}} aria-invalid="true" aria-describedby="participant_type-error"{{/ERR_PARTICIPANT_TYPE}}>
      <option value="">[[events_attendance.choose]]</option>
      {{#TYPE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE}}
    </select>
  </div>
  <fieldset class="field{{#ERR_MODE}} field--error{{/ERR_MODE}}">
    <legend>[[events.register.mode]]</legend>
    {{#ERR_MODE}}<p class="field__error" id="mode-error">{{MESSAGE}}</p>{{/ERR_MODE}}
    {{#ADD_MODE}}<div class="radio"><input type="radio" id="add-mode-{{CODE}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="add-mode-{{CODE}}">{{LABEL}}</label></div>{{/ADD_MODE}}
  </fieldset>
  <fieldset class="field">
    <legend>[[events_attendance.attendance.legend]]</legend>
    <div class="radio"><input type="radio" id="add-attended" name="attendance" value="attended" checked><label for="add-attended">[[events_attendance.mark.attended]]</label></div>
    <div class="radio"><input type="radio" id="add-absent" name="attendance" value="absent"><label for="add-absent">[[events_attendance.mark.absent]]</label></div>
  </fieldset>
  {{#FOLLOW_UP}}<div class="checkbox"><input type="checkbox" id="add-new" name="new_trainee" value="1"><label for="add-new">[[events_attendance.new_trainee]]</label></div>{{/FOLLOW_UP}}
  <button type="submit" class="button">[[events_attendance.add.button]]</button>
</form>
</section>
<section aria-labelledby="walk-title">
<h2 id="walk-title">[[events_attendance.walk_in.title]]</h2>
<form method="post" action="{{BASE}}/walk-in" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="back" value="attendance">
  <div class="field">
    <label for="walk-type">[[events_attendance.type_label]]</label>
    <select id="walk-type" name="participant_type">
      {{#TYPE}}<option value="{{CODE}}">{{LABEL}}</option>{{/TYPE}}
    </select>
  </div>
  <fieldset class="field">
    <legend>[[events.register.mode]]</legend>
    {{#ADD_MODE}}<div class="radio"><input type="radio" id="walk-mode-{{CODE}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="walk-mode-{{CODE}}">{{LABEL}}</label></div>{{/ADD_MODE}}
  </fieldset>
  <button type="submit" class="button button--secondary">[[events_attendance.walk_in.button]]</button>
</form>
</section>{{/ADD}}
