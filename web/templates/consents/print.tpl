<article class="consent-form">
<p class="no-print">[[consents.print.screen_note]] <a href="{{CONSENT_PAGE}}">[[consents.print.back]]</a></p>
{{#IS_WITHDRAWN}}<div class="notice notice--warning"><p>[[consents.print.withdrawn]]</p></div>{{/IS_WITHDRAWN}}
<p class="consent-form__number">[[consents.number]]{{CONSENT_ID}}</p>
<h1 class="consent-form__title">[[consents.print.heading]]</h1>
<p class="consent-form__to">{{ORG}} [[consents.print.to_suffix]]</p>
<p>{{LEAD}}</p>
<p class="consent-form__center">[[consents.print.ki]]</p>
<table class="consent-form__table">
  <tbody>
    <tr><th scope="row">[[consents.print.row_name]]</th><td>{{#HAS_NAME}}{{CLIENT_NAME}}{{/HAS_NAME}}{{#NO_NAME}}<span class="consent-form__line"></span>{{/NO_NAME}}</td></tr>
    <tr><th scope="row">[[consents.print.row_provider]]</th><td>{{ORG}}</td></tr>
    <tr><th scope="row">[[consents.print.row_recipients]]</th><td><ul class="consent-form__list">{{#PARTY}}<li>{{NAME}}（{{KIND}}）</li>{{/PARTY}}</ul></td></tr>
    <tr><th scope="row">[[consents.print.row_items]]</th><td><ul class="consent-form__list">{{#ITEM}}<li>{{LABEL}}</li>{{/ITEM}}</ul></td></tr>
    <tr><th scope="row">[[consents.print.row_purpose]]</th><td>{{PURPOSE}}</td></tr>
    {{#EMPLOYER}}<tr><th scope="row">[[consents.field.employer]]</th><td>{{EMPLOYER_NAME}}{{#HAS_EMPLOYER_EMAIL}}（{{EMPLOYER_EMAIL}}）{{/HAS_EMPLOYER_EMAIL}}</td></tr>{{/EMPLOYER}}
    <tr><th scope="row">[[consents.print.row_period]]</th><td>{{PERIOD}}</td></tr>
  </tbody>
</table>
<h2 class="consent-form__subtitle">[[consents.print.rights_title]]</h2>
<ul class="consent-form__rights">
  <li>[[consents.print.rights_voluntary]]</li>
  <li>[[consents.print.rights_withdraw]]</li>
  <li>{{WITHDRAW_HOW}}</li>
  <li>[[consents.print.rights_effect]]</li>
  <li>[[consents.print.rights_record]]</li>
</ul>
<p>[[consents.print.agree]]</p>
<div class="consent-form__sign">
  <p>[[consents.print.date_label]]<span class="consent-form__date">[[consents.print.date_blank]]</span></p>
  <p>[[consents.print.signature]]<span class="consent-form__line"></span></p>
  <p>[[consents.print.proxy]]<span class="consent-form__line"></span></p>
  <p>[[consents.print.relationship]]<span class="consent-form__line consent-form__line--short"></span></p>
</div>
<div class="consent-form__sign consent-form__staff">
  <p>[[consents.print.staff_title]]</p>
  <p>[[consents.print.staff_org]]<span class="consent-form__value">{{ORG}}</span></p>
  <p>[[consents.print.staff_signature]]<span class="consent-form__line"></span></p>
  <p>[[consents.print.date_label]]<span class="consent-form__date">[[consents.print.date_blank]]</span></p>
</div>
</article>
