<p class="muted"><a href="/org/events/trainings">[[events_attendance.report.heading]]</a></p>
<h1>[[events_attendance.types.title]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<p>[[events_attendance.types.lead]]</p>
<div class="table-wrap" role="region" aria-labelledby="types-caption" tabindex="0">
<table class="data-table">
  <caption id="types-caption">[[events_attendance.types.caption]]</caption>
  <thead><tr><th scope="col">[[events_attendance.type_label]]</th><th scope="col">[[events_attendance.types.kind]]</th></tr></thead>
  <tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{KIND}}</td></tr>{{/ROW}}</tbody>
</table>
</div>
<h2>[[events_attendance.types.add]]</h2>
[[include:partials/error_summary]]
<form method="post" action="/org/events/participant-types" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_LABEL_JA}} field--error{{/ERR_LABEL_JA}}">
    <label for="label_ja">[[events_attendance.types.label_ja]]</label>
    {{#ERR_LABEL_JA}}<p class="field__error" id="label_ja-error">{{MESSAGE}}</p>{{/ERR_LABEL_JA}}
    <input id="label_ja" name="label_ja" type="text" maxlength="40" value="{{V_LABEL_JA}}"{{#ERR_LABEL_JA}} aria-invalid="true" aria-describedby="label_ja-error"{{/ERR_LABEL_JA}}>
  </div>
  <div class="field{{#ERR_LABEL_EN}} field--error{{/ERR_LABEL_EN}}">
    <label for="label_en">[[events_attendance.types.label_en]]</label>
    {{#ERR_LABEL_EN}}<p class="field__error" id="label_en-error">{{MESSAGE}}</p>{{/ERR_LABEL_EN}}
    <input id="label_en" name="label_en" type="text" maxlength="40" lang="en" value="{{V_LABEL_EN}}"{{#ERR_LABEL_EN}} aria-invalid="true" aria-describedby="label_en-error"{{/ERR_LABEL_EN}}>
  </div>
  <button type="submit" class="button">[[events_attendance.types.button]]</button>
</form>
