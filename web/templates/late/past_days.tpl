<h1>[[late.past.title]]</h1>
<p>[[late.past.lead]]</p>
{{#NO_DAYS}}<p>[[late.past.none]]</p>{{/NO_DAYS}}
{{#HAS_DAYS}}
<div class="table-wrap">
<table class="data-table" id="past-days">
  <caption>[[late.past.caption]]</caption>
  <thead><tr><th scope="col">[[home.days.col_date]]</th><th scope="col">[[home.days.col_hours]]</th><th scope="col">[[home.days.col_program]]</th><th scope="col" class="numeric">[[late.past.col_attended]]</th><th scope="col" class="numeric">[[late.past.col_missing]]</th></tr></thead>
  <tbody>
    {{#DAY}}<tr><th scope="row"><a href="{{PATH}}">{{DATE}}</a></th><td>{{HOURS}}</td><td>{{PROGRAM}}</td><td class="numeric">{{ATTENDED}}</td><td class="numeric">{{MISSING}}</td></tr>
    {{/DAY}}
  </tbody>
</table>
</div>
{{/HAS_DAYS}}
