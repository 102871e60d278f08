<dl class="summary-list">
  <dt>[[employers.opening.employer]]</dt><dd>{{EMPLOYER}}</dd>
  <dt>[[employers.field.employment_type]]</dt><dd>{{TYPE}}</dd>
  <dt>[[employers.field.duties]]</dt><dd class="pre-wrap">{{DUTIES}}</dd>
  <dt>[[employers.field.municipality]]</dt><dd>{{AREA}}</dd>
  <dt>[[employers.field.work_place]]</dt><dd>{{WORK_PLACE}}</dd>
  <dt>[[employers.opening.hours]]</dt><dd>{{HOURS}}<br>{{HOURS_NOTE}}</dd>
  <dt>[[employers.opening.wage]]</dt><dd>{{WAGE}}</dd>
  <dt>[[employers.opening.flags]]</dt><dd>{{#FLAGS}}<span class="tag">{{FLAG}}</span> {{/FLAGS}}</dd>
  <dt>[[employers.field.practices]]</dt><dd>{{PRACTICES}}</dd>
  <dt>[[employers.field.valid_until]]</dt><dd>{{#HAS_VALID}}{{VALID_UNTIL}}{{/HAS_VALID}}</dd>
</dl>
