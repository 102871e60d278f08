<section class="checkin-counts" aria-labelledby="counts-title" aria-live="polite">
<h2 id="counts-title">[[events_attendance.counts.title]]</h2>
<p class="checkin-counts__total">[[events_attendance.counts.attended]] <strong id="attended-total">{{ATTENDED_TOTAL}}</strong>／[[events_attendance.counts.registered]] {{REGISTERED_TOTAL}}（[[events_attendance.counts.walk_ins]] {{WALK_INS}}）</p>
<div class="table-wrap" role="region" aria-labelledby="counts-caption" tabindex="0">
<table class="data-table">
  <caption id="counts-caption">[[events_attendance.counts.caption]]</caption>
  <thead><tr><th scope="col">[[events_attendance.counts.group]]</th><th scope="col" class="numeric">[[events_attendance.counts.attended]]</th><th scope="col" class="numeric">[[events_attendance.counts.registered]]</th></tr></thead>
  <tbody>
    {{#MODE_COUNT}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{ATTENDED}}</td><td class="numeric">{{REGISTERED}}</td></tr>{{/MODE_COUNT}}
    {{#TYPE_COUNT}}<tr><th scope="row">{{LABEL}}</th><td class="numeric">{{ATTENDED}}</td><td class="numeric">{{REGISTERED}}</td></tr>{{/TYPE_COUNT}}
  </tbody>
</table>
</div>
</section>
