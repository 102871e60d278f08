<h1>[[record.day.title]]</h1>
<p class="lead">{{DATE}} {{TIME}}</p>
{{#SAVED}}<div class="notice notice--success" role="status"><p>[[record.day.saved]]</p></div>{{/SAVED}}
{{#MISSING}}<div class="notice notice--warning" role="alert"><p><strong>{{TEXT}}</strong></p></div>{{/MISSING}}
{{#ALL_WRITTEN}}<div class="notice notice--success"><p>[[record.day.all_written]]</p></div>{{/ALL_WRITTEN}}
{{#NONE}}<p>[[record.day.none]]</p>{{/NONE}}
{{#HAS_ROWS}}
<div class="table-wrap">
<table class="data-table">
  <caption>{{CAPTION}}</caption>
  <thead>
    <tr>
      <th scope="col">[[record.day.col.time]]</th>
      <th scope="col">[[record.day.col.reference]]</th>
      <th scope="col">[[record.day.col.professions]]</th>
      <th scope="col">[[record.day.col.status]]</th>
      <th scope="col">[[record.day.col.actions]]</th>
    </tr>
  </thead>
  <tbody>
    {{#ROW}}<tr>
      <td>{{TIME}}</td>
      <th scope="row">{{REFERENCE}}</th>
      <td>{{PROFESSIONS}}</td>
      <td>{{#WRITTEN}}<span class="badge badge--success">[[record.day.written]]</span>{{/WRITTEN}}{{#NOT_WRITTEN}}<span class="badge badge--warning">[[record.day.not_written]]</span>{{/NOT_WRITTEN}}</td>
      <td>{{#NOT_WRITTEN}}<a href="{{RECORD_PATH}}">[[record.day.write]]<span class="visually-hidden">（{{REFERENCE}}）</span></a>{{/NOT_WRITTEN}}{{#WRITTEN}}<a href="{{RECORD_PATH}}/view">[[record.day.view]]<span class="visually-hidden">（{{REFERENCE}}）</span></a> ・ <a href="{{RECORD_PATH}}">[[record.day.edit]]<span class="visually-hidden">（{{REFERENCE}}）</span></a>{{/WRITTEN}}</td>
    </tr>
    {{/ROW}}
  </tbody>
</table>
</div>
{{/HAS_ROWS}}
<h2>[[record.notes.title]]</h2>
<p><a href="{{DAY_PATH}}/notes">[[record.day.notes_link]]</a></p>
