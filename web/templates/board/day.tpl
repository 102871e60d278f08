{{#COORDINATOR}}<p class="breadcrumb"><a href="/programs/{{ID}}?fy={{FY}}">[[board.page.back_program]]</a></p>{{/COORDINATOR}}
<h1>{{HEADING}}</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p>{{#REF}}<p>[[board.done.reference]] <strong>{{REFERENCE}}</strong><br>[[board.done.tell_reference]]</p>{{/REF}}</div>{{/DONE}}
[[include:partials/error_summary]]
{{#CLOSED}}<div class="notice notice--warning"><p>[[board.page.closed]]</p></div>{{/CLOSED}}
<dl class="summary-list">
  <div><dt>[[board.page.hours]]</dt><dd>{{HOURS}}</dd></div>
  <div><dt>[[board.page.place]]</dt><dd>{{PLACE}}</dd></div>
  {{#MEETING_URL}}<div><dt>[[board.page.meeting_url]]</dt><dd>{{URL}}</dd></div>{{/MEETING_URL}}
  <div><dt>[[board.page.booths]]</dt><dd>{{BOOTHS}}</dd></div>
  <div><dt>[[board.page.day_status]]</dt><dd>{{DAY_STATUS}}</dd></div>
</dl>
<nav class="actions" aria-label="[[board.page.links_label]]">
  {{#CAN_BOOK}}<a class="button" href="{{DAY_PATH}}/book">[[board.page.book_link]]</a>
  <a class="button button--secondary" href="{{DAY_PATH}}/waiting">[[board.page.waiting_link]]</a>{{/CAN_BOOK}}
  {{#CAN_LATE}}<a class="button button--secondary" href="{{DAY_PATH}}/late">[[late.link.entry]]</a>{{/CAN_LATE}}
  {{#COORDINATOR}}<a class="button button--secondary" href="{{DAY_PATH}}/roster">[[board.page.roster_link]]</a>{{/COORDINATOR}}
  <a href="{{DAY_PATH}}/records">[[board.page.records_link]]</a>
  <a href="{{DAY_PATH}}/notes">[[board.page.notes_link]]</a>
  <a href="{{DAY_PATH}}/reception">[[print.reception.link]]</a>
  {{#COORDINATOR}}<a href="{{DAY_PATH}}/name-tags">[[print.tags.link]]</a>{{/COORDINATOR}}
</nav>
<p class="muted no-print">[[board.page.print_hint]]</p>

<div class="table-wrap">
<table class="data-table">
  <caption>[[board.count.title]]</caption>
  <thead>
    <tr>
      <th scope="col">[[board.count.booked]]</th>
      <th scope="col">[[board.count.attended]]</th>
      <th scope="col">[[board.count.no_show]]</th>
      <th scope="col">[[board.count.cancelled]]</th>
      <th scope="col">[[board.count.free]]</th>
      <th scope="col">[[board.count.waiting]]</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td class="numeric">{{COUNT_BOOKED}}</td>
      <td class="numeric">{{COUNT_ATTENDED}}</td>
      <td class="numeric">{{COUNT_NO_SHOW}}</td>
      <td class="numeric">{{COUNT_CANCELLED}}</td>
      <td class="numeric">{{COUNT_FREE}}</td>
      <td class="numeric">{{COUNT_WAITING}}</td>
    </tr>
  </tbody>
</table>
</div>
{{#CALL_COUNTS}}<p>[[phoneday.count.unreachable]]：{{COUNT_UNREACHABLE}}</p>{{/CALL_COUNTS}}

<h2>[[board.roster.title]]</h2>
{{#ROSTER_EMPTY}}<p>[[board.roster.none]]</p>{{/ROSTER_EMPTY}}
{{#ROSTER_LIST}}<ul>
  {{#ROSTER}}<li>{{LABEL}}</li>{{/ROSTER}}
</ul>{{/ROSTER_LIST}}

<h2>[[board.slots.title]]</h2>
{{#NO_SLOTS}}<p>[[board.slots.none]]</p>{{/NO_SLOTS}}
{{#HAS_SLOTS}}
<div class="table-wrap">
<table class="data-table">
  <caption>{{SLOTS_CAPTION}}</caption>
  <thead>
    <tr>
      <th scope="col">[[board.slots.col_time]]</th>
      <th scope="col">[[board.slots.col_reference]]</th>
      <th scope="col">[[board.slots.col_status]]</th>
      <th scope="col">[[board.slots.col_channel]]</th>
      {{#COORDINATOR}}<th scope="col">[[board.slots.col_person]]</th>{{/COORDINATOR}}
      <th scope="col">[[board.slots.col_intake]]</th>
      <th scope="col">[[board.slots.col_arrival]]</th>
      <th scope="col">[[board.slots.col_assignment]]</th>
      <th scope="col" class="no-print">[[board.slots.col_actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#LINE}}{{#FREE}}<tr>
      <td class="nowrap">{{TIME}}</td>
      <td colspan="{{SPAN}}"><span class="badge badge--neutral">{{TEXT}}</span></td>
    </tr>{{/FREE}}{{#BOOKING}}<tr id="booking-{{BOOKING_ID}}"{{#MUTED}} class="row--muted"{{/MUTED}}>
      <td class="nowrap">{{TIME}}</td>
      <th scope="row" class="nowrap">{{REFERENCE}}</th>
      <td><span class="badge {{BADGE}}">{{STATUS}}</span></td>
      <td>{{CHANNEL}}</td>
[[include:board/person_cell]]
[[include:board/intake_cell]]
      <td>{{ARRIVED}}{{#CALLS}}<span class="muted">{{TEXT}}</span>{{/CALLS}}</td>
      <td>{{BOOTH}}<br>{{COUNSELORS}}</td>
      <td class="no-print">
[[include:board/row_actions]]
      </td>
    </tr>{{/BOOKING}}{{/LINE}}
  </tbody>
</table>
</div>
{{/HAS_SLOTS}}

<h2>[[board.waiting.title]]</h2>
{{#NO_WAITING}}<p>[[board.waiting.none]]</p>{{/NO_WAITING}}
{{#HAS_WAITING}}
<div class="table-wrap">
<table class="data-table">
  <caption>{{WAITING_CAPTION}}</caption>
  <thead>
    <tr>
      <th scope="col">[[board.slots.col_reference]]</th>
      <th scope="col">[[board.waiting.col_registered]]</th>
      <th scope="col">[[board.slots.col_status]]</th>
      <th scope="col">[[board.slots.col_channel]]</th>
      {{#COORDINATOR}}<th scope="col">[[board.slots.col_person]]</th>{{/COORDINATOR}}
      <th scope="col">[[board.slots.col_intake]]</th>
      {{#COORDINATOR}}<th scope="col" class="no-print">[[board.slots.col_actions]]</th>{{/COORDINATOR}}
    </tr>
  </thead>
  <tbody>
    {{#WAITING}}<tr id="booking-{{BOOKING_ID}}">
      <th scope="row" class="nowrap">{{REFERENCE}}</th>
      <td>{{CREATED}}</td>
      <td><span class="badge {{BADGE}}">{{STATUS}}</span>{{#OFFERED}}<br>{{TEXT}}{{/OFFERED}}</td>
      <td>{{CHANNEL}}</td>
[[include:board/person_cell]]
[[include:board/intake_cell]]
      {{#ACTIONS_CELL}}<td class="no-print">
[[include:board/row_actions]]
      </td>{{/ACTIONS_CELL}}
    </tr>{{/WAITING}}
  </tbody>
</table>
</div>
{{/HAS_WAITING}}

[[include:board/guided_list]]
