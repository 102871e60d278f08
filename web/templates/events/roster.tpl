<p class="muted no-print"><a href="{{BASE}}/checkin">[[events_attendance.back_checkin]]</a></p>
<h1>[[events_attendance.roster.heading]]</h1>
<p>{{TITLE}}<br>{{WHEN}}</p>
<p class="muted no-print">[[events_attendance.roster.hint]]</p>
{{#NO_ROWS}}<p>[[events_attendance.checkin.none]]</p>{{/NO_ROWS}}
{{#GROUP}}<div class="table-wrap" role="region" aria-label="{{MODE}}" tabindex="0">
<table class="data-table reception-list">
  <caption>{{MODE}}（{{COUNT}}[[events_attendance.people]]）</caption>
  <thead>
    <tr>
      <th scope="col" class="numeric">[[events_attendance.roster.col_n]]</th>
      <th scope="col">[[events_attendance.roster.col_tick]]</th>
      <th scope="col">[[events.register.name]]</th>
      <th scope="col">[[events.done.reference]]</th>
      <th scope="col">[[events_attendance.type_label]]</th>
      <th scope="col">[[events_attendance.roster.col_note]]</th>
    </tr>
  </thead>
  <tbody>
    {{#ROW}}<tr>
      <td class="numeric">{{N}}</td>
      <td><span class="tick-box" aria-hidden="true">{{#CHECKED}}✓{{/CHECKED}}</span>{{#CHECKED}}<span class="visually-hidden">[[events_attendance.checkin.checked]]</span>{{/CHECKED}}</td>
      <th scope="row">{{NAME}}<br><span class="muted">{{FURIGANA}}</span></th>
      <td>{{REFERENCE}}</td>
      <td>{{TYPE}}</td>
      <td class="reception-list__note">{{#HAS_NOTE}}{{NOTE}}{{/HAS_NOTE}}</td>
    </tr>{{/ROW}}
  </tbody>
</table>
</div>{{/GROUP}}
