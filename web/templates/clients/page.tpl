<p class="breadcrumb"><a href="/clients">[[clients.list.title]]</a></p>
<h1>{{NAME}}{{#HAS_KANA}} <span class="muted">（{{KANA}}）</span>{{/HAS_KANA}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
<dl class="summary-list">
  <div><dt>[[clients.page.org]]</dt><dd>{{ORG}}{{#OWNER}} <span class="badge badge--neutral">[[clients.page.own_org]]</span>{{/OWNER}}{{#PARTNER}} <span class="badge badge--info">[[clients.list.shared_badge]]</span>{{/PARTNER}}</dd></div>
  <div><dt>[[clients.page.created]]</dt><dd>{{CREATED}}</dd></div>
  <div><dt>[[clients.page.updated]]</dt><dd>{{UPDATED}}</dd></div>
</dl>
{{#PARTNER}}
<section class="notice" aria-labelledby="shared-title">
  <h2 id="shared-title" class="notice__title">[[clients.page.shared_title]]</h2>
  <p>[[clients.page.shared_lead]]</p>
  <ul>
    {{#SHARED_ITEM}}<li>{{LABEL}}：{{#IS_SHARED}}<strong>[[clients.page.item_shared]]</strong>{{/IS_SHARED}}{{#NOT_SHARED}}[[clients.page.item_not_shared]]{{/NOT_SHARED}}</li>{{/SHARED_ITEM}}
  </ul>
  <p>[[clients.page.shared_rest]]</p>
</section>
{{/PARTNER}}

<div class="actions no-print">
  {{#CAN_EDIT}}<a class="button button--secondary" href="{{CLIENT_PATH}}/edit">[[clients.page.edit]]</a>{{/CAN_EDIT}}
  <a class="button button--secondary" href="{{CLIENT_PATH}}/consents/new">[[clients.page.record_consent]]</a>
  <a class="button button--secondary" href="{{CLIENT_PATH}}/referrals/new">[[clients.page.refer]]</a>
  {{#CAN_OPEN_CASE}}<form method="post" action="{{CLIENT_PATH}}/cases">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <button type="submit" class="button button--secondary">[[clients.page.open_case]]</button>
  </form>{{/CAN_OPEN_CASE}}
  {{#HAS_OPEN_CASE}}<a href="{{OPEN_CASE_PATH}}">[[clients.page.open_case_exists]]</a>{{/HAS_OPEN_CASE}}
</div>

{{#GROUP}}
<h2>{{TITLE}}</h2>
<dl class="summary-list">
  {{#FIELD}}<div><dt>{{LABEL}}</dt><dd>{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}{{#NO_VALUE}}<span class="muted">[[clients.page.no_value]]</span>{{/NO_VALUE}}</dd></div>
  {{/FIELD}}
</dl>
{{/GROUP}}

<h2 id="consents">[[clients.page.consents]]</h2>
<p class="field__hint">[[clients.page.consents_hint]]</p>
{{#NO_CONSENTS}}<p>[[clients.page.no_consents]]</p>{{/NO_CONSENTS}}
{{#HAS_CONSENTS}}<div class="table-wrap">
<table>
  <caption class="visually-hidden">[[clients.page.consents]]</caption>
  <thead><tr>
    <th scope="col">[[consents.col.number]]</th>
    <th scope="col">[[consents.col.state]]</th>
    <th scope="col">[[consents.col.parties]]</th>
    <th scope="col">[[consents.col.items]]</th>
    <th scope="col">[[consents.col.purpose]]</th>
    <th scope="col">[[consents.col.period]]</th>
    <th scope="col">[[consents.col.method]]</th>
  </tr></thead>
  <tbody>
    {{#CONSENT}}<tr>
      <th scope="row" class="nowrap"><a href="{{PATH}}">[[consents.number]]{{CONSENT_ID}}</a></th>
      <td><span class="badge {{STATE_CLASS}}">{{STATE}}</span></td>
      <td>{{PARTIES}}<br><span class="muted">[[consents.recorded_by_org]]{{ORG}}</span></td>
      <td>{{ITEMS}}</td>
      <td>{{PURPOSE}}</td>
      <td>{{PERIOD}}</td>
      <td>{{METHOD}}</td>
    </tr>{{/CONSENT}}
  </tbody>
</table>
</div>{{/HAS_CONSENTS}}

<h2 id="referrals">[[clients.page.referrals]]</h2>
{{#NO_REFERRALS}}<p>[[clients.page.no_referrals]]</p>{{/NO_REFERRALS}}
{{#HAS_REFERRALS}}<div class="table-wrap">
<table>
  <caption class="visually-hidden">[[clients.page.referrals]]</caption>
  <thead><tr>
    <th scope="col">[[clients.page.col.direction]]</th>
    <th scope="col">[[clients.page.col.other_org]]</th>
    <th scope="col">[[clients.page.col.reason]]</th>
    <th scope="col">[[clients.page.col.status]]</th>
    <th scope="col">[[clients.page.col.sent]]</th>
  </tr></thead>
  <tbody>
    {{#REFERRAL}}<tr>
      <th scope="row"><a href="{{PATH}}">{{DIRECTION}}</a></th>
      <td>{{OTHER_ORG}}</td>
      <td>{{REASON}}</td>
      <td>{{STATUS}}</td>
      <td>{{SENT}}</td>
    </tr>{{/REFERRAL}}
  </tbody>
</table>
</div>{{/HAS_REFERRALS}}

<h2 id="cases">[[clients.page.cases]]</h2>
{{#NO_CASES}}<p>[[clients.page.no_cases]]</p>{{/NO_CASES}}
{{#HAS_CASES}}<div class="table-wrap">
<table>
  <caption class="visually-hidden">[[clients.page.cases]]</caption>
  <thead><tr>
    <th scope="col">[[clients.page.col.case_org]]</th>
    <th scope="col">[[clients.page.col.status]]</th>
    <th scope="col">[[clients.page.col.owner]]</th>
    <th scope="col">[[clients.page.col.updated]]</th>
  </tr></thead>
  <tbody>
    {{#CASE}}<tr>
      <th scope="row"><a href="{{PATH}}">{{ORG}}</a></th>
      <td>{{STATUS}}{{#HAS_OUTCOME}}（{{OUTCOME}}）{{/HAS_OUTCOME}}</td>
      <td>{{OWNER}}</td>
      <td>{{UPDATED}}</td>
    </tr>{{/CASE}}
  </tbody>
</table>
</div>{{/HAS_CASES}}
