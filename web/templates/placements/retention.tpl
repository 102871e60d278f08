<h1>[[placements.retention.title]]</h1>
<p class="lead">[[placements.retention.lead]]</p>
{{#MONTHS_SET}}<div class="notice notice--success" role="status"><p>[[placements.done.months]]</p></div>{{/MONTHS_SET}}
{{#CAN_SET_MONTHS}}<p><a href="/org/retention/months">[[placements.months.link]]</a></p>{{/CAN_SET_MONTHS}}
<p>{{#ALL}}<a href="/org/retention?mine=1">[[placements.retention.show_mine]]</a>{{/ALL}}{{#MINE}}<a href="/org/retention">[[placements.retention.show_all]]</a>{{/MINE}}</p>
<section aria-labelledby="due-title">
  <h2 id="due-title">[[placements.retention.due]]</h2>
  {{#NO_DUE}}<p>[[placements.retention.no_due]]</p>{{/NO_DUE}}
  {{#HAS_DUE}}<div class="table-wrap" role="region" tabindex="0" aria-labelledby="due-caption"><table class="data-table">
    <caption id="due-caption">[[placements.retention.due_caption]]</caption>
    <thead><tr><th scope="col">[[placements.retention.col_case]]</th><th scope="col">[[placements.check.col_months]]</th><th scope="col">[[placements.check.col_due]]</th><th scope="col">[[placements.retention.col_state]]</th><th scope="col">[[placements.retention.col_assigned]]</th></tr></thead>
    <tbody>{{#DUE_CHECK}}<tr{{#OVERDUE}} class="row--overdue"{{/OVERDUE}}>
      <th scope="row"><a href="/org/retention/{{ID}}">[[placements.retention.case_no]]{{CASE_ID}}</a></th>
      <td>{{MONTHS}}</td><td>{{DUE}}</td>
      <td>{{#OVERDUE}}<span class="badge badge--warning"><strong>{{OVERDUE_TEXT}}</strong></span>{{/OVERDUE}}{{#DUE_TODAY}}<span class="badge badge--info">[[placements.retention.due_today]]</span>{{/DUE_TODAY}}</td>
      <td>{{ASSIGNED}}</td>
    </tr>{{/DUE_CHECK}}</tbody>
  </table></div>{{/HAS_DUE}}
</section>
<section aria-labelledby="upcoming-title">
  <h2 id="upcoming-title">[[placements.retention.upcoming]]</h2>
  {{#NO_UPCOMING}}<p>[[placements.retention.no_upcoming]]</p>{{/NO_UPCOMING}}
  {{#HAS_UPCOMING}}<ul>{{#UPCOMING_CHECK}}<li><a href="/org/retention/{{ID}}">[[placements.retention.case_no]]{{CASE_ID}}</a> {{MONTHS}} — {{DUE}} ・ {{ASSIGNED}}</li>{{/UPCOMING_CHECK}}</ul>{{/HAS_UPCOMING}}
</section>
