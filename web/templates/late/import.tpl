<div class="narrow">
<p class="breadcrumb"><a href="/programs/{{ID}}">[[board.page.back_program]]</a></p>
<h1>[[late.import.title]]</h1>
<p>{{NAME}}</p>
[[include:partials/error_summary]]
<p>[[late.import.lead]]</p>
<h2>[[late.import.columns_title]]</h2>
<p>[[late.import.columns_lead]]</p>
<ol class="late-columns">
  {{#COLUMN}}<li>{{LABEL}}</li>{{/COLUMN}}
</ol>
<ul>
  <li>[[late.import.hint_day_row]]</li>
  <li>[[late.import.hint_codes]]</li>
  <li>[[late.import.hint_encoding]]</li>
  <li>[[late.import.hint_twice]]</li>
</ul>
<form method="post" action="{{IMPORT_PATH}}" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_FILE}} field--error{{/ERR_FILE}}">
    <label for="file">[[late.import.file]]</label>
    <p class="field__hint" id="file-hint">[[late.import.file_hint]]</p>
    {{#ERR_FILE}}<p class="field__error" id="file-error">{{MESSAGE}}</p>{{/ERR_FILE}}
    <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint{{#ERR_FILE}} file-error{{/ERR_FILE}}"{{#ERR_FILE}} aria-invalid="true"{{/ERR_FILE}}>
  </div>
  <button type="submit" class="button button--primary">[[late.import.submit]]</button>
</form>
</div>
