<p class="muted no-print"><a href="/events/manage">[[events.staff.back]]</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
{{#CANCELLED}}<div class="notice notice--warning" role="status"><p>[[events.staff.cancelled]]</p></div>{{/CANCELLED}}
[[include:events/details]]
{{#HAS_MEETING_URL}}<p>[[events.staff.meeting_url]] {{MEETING_URL}}</p>{{/HAS_MEETING_URL}}
<p class="no-print"><a href="/org/events/{{EVENT_ID}}/checkin">[[events_attendance.checkin.link]]</a>・<a href="/org/events/{{EVENT_ID}}/roster">[[events_attendance.roster.link]]</a>・<a href="/org/events/{{EVENT_ID}}/attendance">[[events_attendance.attendance.link]]</a></p>
<h2>[[events.staff.list_title]]</h2>
<p>[[events.staff.counts]] {{REGISTERED}}／[[events.staff.waiting_count]] {{WAITING_COUNT}}</p>
{{#NO_ROWS}}<p>[[events.staff.none]]</p>{{/NO_ROWS}}
<div class="table-wrap">
<table class="data-table">
  <caption>[[events.staff.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[events.done.reference]]</th>
      <th scope="col">[[events.register.name]]</th>
      <th scope="col">[[events.register.phone]]</th>
      <th scope="col">[[events.register.email]]</th>
      <th scope="col">[[events.register.municipality]]</th>
      <th scope="col">[[events.register.affiliation]]</th>
      <th scope="col">[[events.register.mode]]</th>
      <th scope="col">[[events.own.state_label]]</th>
      <th scope="col">[[events.staff.channel]]</th>
      <th scope="col" class="no-print">[[events.manage.col_actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#ROW}}<tr id="registration-{{ID}}">
      <td>{{REFERENCE}}<br><span class="muted">{{CREATED}}</span></td>
      <td>{{NAME}}<br><span class="muted">{{FURIGANA}}</span></td>
      <td>{{PHONE}}</td>
      <td>{{EMAIL}}</td>
      <td>{{MUNICIPALITY}}</td>
      <td>{{AFFILIATION}}</td>
      <td>{{MODE}}</td>
      <td>{{#OFFERED}}<strong>{{/OFFERED}}{{STATE}}{{#OFFERED}}</strong>{{/OFFERED}}</td>
      <td>{{CHANNEL}}</td>
      <td class="no-print">{{#CAN_CONFIRM}}<form method="post" action="/events/{{EVENT_ID}}/registrations/{{ID}}/confirm" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--secondary">[[events_gaps.staff.confirm]]<span class="visually-hidden">（{{REFERENCE}}）</span></button>
      </form>
      <form method="post" action="/events/{{EVENT_ID}}/registrations/{{ID}}/decline" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--link">[[events_gaps.staff.decline]]<span class="visually-hidden">（{{REFERENCE}}）</span></button>
      </form>{{/CAN_CONFIRM}}{{#CAN_CANCEL}}<form method="post" action="/events/{{EVENT_ID}}/registrations/{{ID}}/cancel" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--link">[[events.staff.cancel]]<span class="visually-hidden">（{{REFERENCE}}）</span></button>
      </form>{{/CAN_CANCEL}}</td>
    </tr>{{/ROW}}
  </tbody>
</table>
</div>
{{#CAN_ADD}}<section class="no-print" aria-labelledby="add-title">
<h2 id="add-title">[[events.staff.add_title]]</h2>
[[include:partials/error_summary]]
<p>[[events.staff.add_lead]]</p>
<form method="post" action="/events/{{EVENT_ID}}/registrations" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field">
    <legend>[[events.staff.channel]]</legend>
    {{#CHANNEL}}<div class="radio"><input type="radio" id="{{ID}}" name="channel" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CHANNEL}}
  </fieldset>
[[include:events/registrant_fields]]
  <fieldset class="field">
    <legend>[[events.staff.person_lang]]</legend>
    {{#PERSON_LANG}}<div class="radio"><input type="radio" id="{{ID}}" name="person_lang" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/PERSON_LANG}}
  </fieldset>
  <button type="submit" class="button button--primary">[[events.staff.add]]</button>
</form>
</section>{{/CAN_ADD}}
