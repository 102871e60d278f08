<p class="breadcrumb"><a href="{{DAY_PATH}}/records">[[record.day.back]]</a></p>
<h1>[[record.view.heading]]</h1>
<p class="muted no-print">[[record.view.print_hint]]</p>
<h2>[[record.header.title]]</h2>
[[include:records/header]]
<h2>[[record.form.section_content]]</h2>
<dl class="summary-list">
  {{#FIELD}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
  {{/FIELD}}
</dl>
<h3>[[record.field.summary]]</h3>
<p>{{#SUMMARY_LINE}}{{LINE}}{{#SUMMARY_LINE_separator}}<br>{{/SUMMARY_LINE_separator}}{{/SUMMARY_LINE}}{{#NO_SUMMARY}}[[record.view.none]]{{/NO_SUMMARY}}</p>
<h3>[[record.field.info_given]]</h3>
<p>{{#INFO_LINE}}{{LINE}}{{#INFO_LINE_separator}}<br>{{/INFO_LINE_separator}}{{/INFO_LINE}}{{#NO_INFO_GIVEN}}[[record.view.none]]{{/NO_INFO_GIVEN}}</p>
<p class="muted">{{META}}</p>
[[include:records/handoff_panel]]
<p class="actions"><a href="{{RECORD_PATH}}">[[record.day.edit]]</a></p>
