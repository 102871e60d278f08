<p class="breadcrumb">{{#CLIENT_LINK}}<a href="{{CLIENT_PATH}}">[[consents.back_client]]</a>{{/CLIENT_LINK}}{{#CLIENT_NO_LINK}}<a href="/clients">[[clients.list.title]]</a>{{/CLIENT_NO_LINK}}</p>
<h1>[[consents.page.title]] <span class="muted">[[consents.number]]{{CONSENT_ID}}</span></h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
<p class="consent-state"><span class="badge {{STATE_CLASS}}">{{STATE}}</span></p>
{{#WITHDRAWN}}<div class="notice notice--warning"><p>[[consents.page.withdrawn_on]] {{WITHDRAWN_AT}}（{{WITHDRAWN_ORG}}）</p>{{#HAS_NOTE}}<p>[[consents.field.withdrawal_note]]：{{WITHDRAWAL_NOTE}}</p>{{/HAS_NOTE}}<p>[[consents.page.withdrawn_effect]]</p></div>{{/WITHDRAWN}}
<dl class="summary-list">
  <div><dt>[[consents.field.client]]</dt><dd>{{#CLIENT_LINK}}<a href="{{CLIENT_PATH}}">{{CLIENT_NAME}}</a>{{/CLIENT_LINK}}{{#CLIENT_NO_LINK}}{{CLIENT_NAME}}{{/CLIENT_NO_LINK}}</dd></div>
  <div><dt>[[consents.field.recorded_by]]</dt><dd>{{ORG}}</dd></div>
  <div><dt>[[consents.field.organizations]]</dt><dd><ul class="consent-parties">{{#PARTY}}<li>{{NAME}} <span class="muted">（{{KIND}}）</span></li>{{/PARTY}}</ul></dd></div>
  <div><dt>[[consents.field.items]]</dt><dd><ul class="consent-parties">{{#ITEM}}<li>{{LABEL}}</li>{{/ITEM}}</ul></dd></div>
  <div><dt>[[consents.field.purpose]]</dt><dd>{{PURPOSE_LABEL}}{{#HAS_PURPOSE_NOTE}}<br>{{PURPOSE_NOTE}}{{/HAS_PURPOSE_NOTE}}</dd></div>
  {{#EMPLOYER}}<div><dt>[[consents.field.employer]]</dt><dd>{{EMPLOYER_NAME}}{{#HAS_EMPLOYER_EMAIL}}<br>{{EMPLOYER_EMAIL}}{{/HAS_EMPLOYER_EMAIL}}</dd></div>{{/EMPLOYER}}
  <div><dt>[[consents.field.period]]</dt><dd>{{PERIOD}}</dd></div>
  <div><dt>[[consents.field.method]]</dt><dd>{{METHOD}}</dd></div>
  <div><dt>[[consents.field.recorded_at]]</dt><dd>{{RECORDED}}（{{RECORDED_BY}}）</dd></div>
</dl>
<div class="actions no-print">
  <a class="button button--secondary" href="{{PRINT_PATH}}">[[consents.page.print]]</a>
  {{#CAN_WITHDRAW}}<a class="button button--danger" href="{{WITHDRAW_PATH}}">[[consents.page.withdraw]]</a>{{/CAN_WITHDRAW}}
</div>
<p class="field__hint">[[consents.page.withdraw_hint]]</p>
