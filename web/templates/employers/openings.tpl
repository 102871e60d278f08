<h1>[[employers.openings.title]]</h1>
<p class="actions"><a href="/org/employers">[[employers.list.title]]</a></p>
<form method="get" action="/org/openings" class="no-print" role="search" aria-label="[[employers.list.search]]">
  <div class="field">
    <label for="state">[[employers.openings.state]]</label>
    <select id="state" name="state">{{#STATE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE}}</select>
  </div>
  <div class="field">
    <label for="municipality">[[employers.field.municipality]]</label>
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{MUNICIPALITY}}">
  </div>
  <div class="field">
    <label for="employment_type">[[employers.field.employment_type]]</label>
    <select id="employment_type" name="employment_type"><option value="">[[employers.list.any]]</option>{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
  </div>
  <div class="field">
    <label for="valid_on">[[employers.openings.valid_on]]</label>
    <input id="valid_on" name="valid_on" type="date" value="{{VALID_ON}}">
  </div>
  <div class="choice"><input type="checkbox" id="short_hours" name="short_hours" value="1"{{#SHORT_CHECKED}} checked{{/SHORT_CHECKED}}><label for="short_hours">[[employers.field.short_hours]]</label></div>
  <div class="choice"><input type="checkbox" id="telework" name="telework" value="1"{{#TELEWORK_CHECKED}} checked{{/TELEWORK_CHECKED}}><label for="telework">[[employers.field.telework]]</label></div>
  <button type="submit" class="button button--primary">[[employers.list.search]]</button>
</form>
<p role="status">[[employers.list.total_prefix]]{{TOTAL}}[[employers.list.total_suffix]]</p>
{{#NONE}}<p>[[employers.openings.none]]</p>{{/NONE}}
<div class="table-wrap" role="region" aria-labelledby="openings-caption" tabindex="0">
<table class="data-table">
  <caption id="openings-caption">[[employers.openings.caption]]</caption>
  <thead><tr>
    <th scope="col">[[employers.field.title]]</th>
    <th scope="col">[[employers.opening.employer]]</th>
    <th scope="col">[[employers.field.employment_type]]</th>
    <th scope="col">[[employers.field.municipality]]</th>
    <th scope="col">[[employers.opening.hours]]</th>
    <th scope="col">[[employers.field.valid_until]]</th>
    <th scope="col">[[employers.openings.state]]</th>
  </tr></thead>
  <tbody>
    {{#OPENING}}<tr>
      <td><a href="/org/openings/{{ID}}">{{TITLE}}</a></td>
      <td>{{EMPLOYER}}</td>
      <td>{{TYPE}}</td>
      <td>{{AREA}}</td>
      <td>{{HOURS}}</td>
      <td>{{#HAS_VALID}}{{VALID_UNTIL}}{{/HAS_VALID}}</td>
      <td>{{STATE}}{{#PUBLISHED}}<br><span class="muted">[[employers.opening.published]]</span>{{/PUBLISHED}}</td>
    </tr>{{/OPENING}}
  </tbody>
</table>
</div>
