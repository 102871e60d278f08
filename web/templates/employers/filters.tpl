  <div class="field">
    <label for="municipality">[[employers.field.municipality]]</label>
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{MUNICIPALITY}}">
  </div>
  <div class="field">
    <label for="employment_type">[[employers.field.employment_type]]</label>
    <select id="employment_type" name="employment_type"><option value="">[[employers.list.any]]</option>{{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
  </div>
  <div class="field">
    <label for="max_hours">[[employers.filter.max_hours]]</label>
    <input id="max_hours" name="max_hours" type="text" inputmode="numeric" maxlength="2" value="{{MAX_HOURS}}">
  </div>
  <div class="choice"><input type="checkbox" id="short_hours" name="short_hours" value="1"{{#SHORT_CHECKED}} checked{{/SHORT_CHECKED}}><label for="short_hours">[[employers.field.short_hours]]</label></div>
  <div class="choice"><input type="checkbox" id="telework" name="telework" value="1"{{#TELEWORK_CHECKED}} checked{{/TELEWORK_CHECKED}}><label for="telework">[[employers.field.telework]]</label></div>
