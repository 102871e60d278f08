<h1>[[employers.list.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<p class="actions"><a class="button" href="/org/employers/new">[[employers.list.new]]</a> <a href="/org/employers/import">[[employers.import.title]]</a> <a href="/org/openings">[[employers.openings.title]]</a></p>
<form method="get" action="/org/employers" class="no-print" role="search" aria-label="[[employers.list.search_label]]">
  <div class="field">
    <label for="q">[[employers.list.search_label]]</label>
    <p class="hint" id="q-hint">[[employers.list.search_hint]]</p>
    <input id="q" name="q" type="search" maxlength="100" value="{{Q}}" aria-describedby="q-hint">
  </div>
  <div class="field">
    <label for="industry">[[employers.field.industry]]</label>
    <select id="industry" name="industry"><option value="">[[employers.list.any]]</option>{{#INDUSTRY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}} {{LABEL}}</option>{{/INDUSTRY}}</select>
  </div>
  <div class="field">
    <label for="municipality">[[employers.field.municipality]]</label>
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{MUNICIPALITY}}">
  </div>
  <div class="field">
    <label for="practice">[[employers.field.practices]]</label>
    <select id="practice" name="practice"><option value="">[[employers.list.any]]</option>{{#PRACTICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRACTICE}}</select>
  </div>
  <div class="choice"><input type="checkbox" id="archived" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}><label for="archived">[[employers.list.archived]]</label></div>
  <button type="submit" class="button button--primary">[[employers.list.search]]</button>
</form>
<p role="status">[[employers.list.total_prefix]]{{TOTAL}}[[employers.list.total_suffix]]</p>
{{#NONE}}<p>[[employers.list.none]]</p>{{/NONE}}
<div class="table-wrap" role="region" aria-labelledby="employers-caption" tabindex="0">
<table class="data-table">
  <caption id="employers-caption">[[employers.list.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[employers.field.name]]</th>
      <th scope="col">[[employers.field.industry]]</th>
      <th scope="col">[[employers.field.size_band]]</th>
      <th scope="col">[[employers.field.municipality]]</th>
      <th scope="col">[[employers.field.practices]]</th>
      <th scope="col">[[employers.list.col_openings]]</th>
    </tr>
  </thead>
  <tbody>
    {{#EMPLOYER}}<tr>
      <td><a href="/org/employers/{{ID}}">{{NAME}}</a>{{#PARTNER}}<br><span class="muted">[[employers.list.kept_by]]{{KEEPER}}</span>{{/PARTNER}}</td>
      <td>{{INDUSTRY}}</td>
      <td>{{SIZE}}</td>
      <td>{{AREA}}</td>
      <td>{{PRACTICES}}</td>
      <td>{{OPENINGS}}</td>
    </tr>{{/EMPLOYER}}
  </tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="[[employers.list.pages]]"><p>{{#PREV}}<a href="{{PREV_URL}}" rel="prev">[[employers.list.prev]]</a> {{/PREV}}{{PAGE}} / {{PAGES}}{{#NEXT}} <a href="{{NEXT_URL}}" rel="next">[[employers.list.next]]</a>{{/NEXT}}</p></nav>{{/PAGER}}
