<dl class="summary-list">
  <div><dt>[[record.header.when]]</dt><dd>{{DATE}} {{TIME}}</dd></div>
  <div><dt>[[record.header.reference]]</dt><dd>{{REFERENCE}}</dd></div>
  {{#INTAKE}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
  {{/INTAKE}}
  {{#NEEDS_CONSIDERATION}}<div><dt>[[record.header.consideration]]</dt><dd><span class="badge badge--warning">[[record.header.needs_consideration]]</span></dd></div>{{/NEEDS_CONSIDERATION}}
</dl>
