<div class="narrow">
<p class="breadcrumb"><a href="/org/employers">[[employers.list.title]]</a></p>
<h1>[[employers.import.title]]</h1>
[[include:partials/error_summary]]
<p>[[employers.import.lead]]</p>
<h2>[[employers.import.columns_title]]</h2>
<ol>
  {{#COLUMN}}<li>{{LABEL}}</li>{{/COLUMN}}
</ol>
<ul>
  <li>[[employers.import.hint_rows]]</li>
  <li>[[employers.import.hint_codes]]</li>
  <li>[[employers.import.hint_encoding]]</li>
</ul>
<form method="post" action="/org/employers/import" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_FILE}} field--error{{/ERR_FILE}}">
    <label for="file">[[employers.import.file]]</label>
    {{#ERR_FILE}}<p class="field__error" id="file-error">{{MESSAGE}}</p>{{/ERR_FILE}}
    <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"{{#ERR_FILE}} aria-describedby="file-error" aria-invalid="true"{{/ERR_FILE}}>
  </div>
  <button type="submit" class="button button--primary">[[employers.import.submit]]</button>
</form>
</div>
