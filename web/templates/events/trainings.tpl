<h1>[[events_attendance.report.heading]]</h1>
<form method="get" action="/org/events/trainings" class="no-print inline-filter">
  <div class="field">
    <label for="from">[[events_attendance.report.from]]</label>
    <input id="from" name="from" type="date" value="{{FROM}}">
  </div>
  <div class="field">
    <label for="to">[[events_attendance.report.to]]</label>
    <input id="to" name="to" type="date" value="{{TO}}">
  </div>
  <button type="submit" class="button button--secondary">[[events_attendance.report.show]]</button>
</form>
<p>{{RANGE}}</p>
<div class="table-wrap" role="region" aria-labelledby="table6-caption" tabindex="0">
<table class="data-table" id="table6">
  <caption id="table6-caption">[[events_attendance.report.table6]]</caption>
  <thead>
    <tr>
      <th scope="col" rowspan="2">[[events_attendance.report.col_date]]</th>
      <th scope="col" rowspan="2">[[events_attendance.report.col_kind]]</th>
      <th scope="colgroup" colspan="3">[[events_attendance.report.col_participants]]</th>
    </tr>
    <tr>
      <th scope="col" class="numeric">[[events_attendance.report.col_peer]]</th>
      <th scope="col" class="numeric">[[events_attendance.report.col_medical]]</th>
      <th scope="col" class="numeric">[[events_attendance.report.col_government]]</th>
    </tr>
  </thead>
  <tbody>
    {{#T6}}<tr><th scope="row">{{DATE}}{{#ONLINE}}＊{{/ONLINE}}<br><span class="muted">{{WAREKI}}</span></th><td>{{KIND}}{{#NEW_TRAINEES}}＊＊{{/NEW_TRAINEES}}</td>{{#CELL}}<td class="numeric">{{N}}</td>{{/CELL}}</tr>{{/T6}}
    {{#T6_EMPTY}}<tr><td colspan="5">[[events_attendance.report.none]]</td></tr>{{/T6_EMPTY}}
  </tbody>
</table>
</div>
{{#ONLINE_NOTE}}<p class="muted">＊{{DATE}}[[events_attendance.report.online_note]]</p>{{/ONLINE_NOTE}}
{{#NEW_NOTE}}<p class="muted">＊＊[[events_attendance.report.new_note]]</p>{{/NEW_NOTE}}
<div class="table-wrap" role="region" aria-labelledby="table7-caption" tabindex="0">
<table class="data-table" id="table7">
  <caption id="table7-caption">[[events_attendance.report.table7]]</caption>
  <thead>
    <tr><th scope="col">[[events_attendance.report.col_date]]</th><th scope="col" class="numeric">[[events_attendance.report.col_count]]</th></tr>
  </thead>
  <tbody>
    {{#T7}}<tr><th scope="row">{{DATE}}<br><span class="muted">{{WAREKI}}</span></th><td class="numeric">{{N}}</td></tr>{{/T7}}
    {{#T7_EMPTY}}<tr><td colspan="2">[[events_attendance.report.none]]</td></tr>{{/T7_EMPTY}}
  </tbody>
</table>
</div>
<p class="no-print"><a href="/org/events/participant-types">[[events_attendance.types.link]]</a></p>
