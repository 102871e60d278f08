<p class="breadcrumb"><a href="/directory">[[directory.service.back]]</a></p>
<h1>{{NAME}}</h1>
{{#FURIGANA}}<p class="muted">{{TEXT}}</p>{{/FURIGANA}}
<dl class="summary-list">
  <dt>[[directory.service.category]]</dt><dd>{{CATEGORY}}</dd>
  <dt>[[directory.service.organization]]</dt><dd>{{ORG_NAME}}</dd>
  {{#DESCRIPTION}}<dt>[[directory.service.description]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/DESCRIPTION}}
  {{#ELIGIBILITY}}<dt>[[directory.service.eligibility]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/ELIGIBILITY}}
  {{#FEES}}<dt>[[directory.service.fees]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/FEES}}
  {{#APPLICATION}}<dt>[[directory.service.application]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/APPLICATION}}
  {{#SCHEDULE}}<dt>[[directory.service.schedule]]</dt><dd>{{TEXT}}</dd>{{/SCHEDULE}}
  {{#PHONE}}<dt>[[directory.service.phone]]</dt><dd><a href="tel:{{TEL}}">{{TEXT}}</a></dd>{{/PHONE}}
  {{#EMAIL}}<dt>[[directory.service.email]]</dt><dd><a href="mailto:{{TEXT}}">{{TEXT}}</a></dd>{{/EMAIL}}
  {{#URL}}<dt>[[directory.service.url]]</dt><dd><a href="{{TEXT}}" rel="noopener">{{TEXT}}</a></dd>{{/URL}}
  {{#ADDRESS}}<dt>[[directory.service.address]]</dt><dd>{{TEXT}}</dd>{{/ADDRESS}}
  {{#ACCESS}}<dt>[[directory.service.access]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/ACCESS}}
</dl>
<h2>[[directory.service.about_organization]]</h2>
<dl class="summary-list">
  <dt>[[directory.field.name]]</dt><dd>{{ORG_NAME}}{{#ORG_FURIGANA}}（{{TEXT}}）{{/ORG_FURIGANA}}</dd>
  {{#ORG_DESCRIPTION}}<dt>[[directory.service.description]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/ORG_DESCRIPTION}}
  {{#ORG_WEBSITE}}<dt>[[directory.service.url]]</dt><dd><a href="{{TEXT}}" rel="noopener">{{TEXT}}</a></dd>{{/ORG_WEBSITE}}
  {{#ORG_EMAIL}}<dt>[[directory.service.email]]</dt><dd><a href="mailto:{{TEXT}}">{{TEXT}}</a></dd>{{/ORG_EMAIL}}
</dl>
