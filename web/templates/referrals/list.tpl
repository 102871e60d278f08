<h1>[[referrals.list.title]]</h1>
<p>[[referrals.list.lead]]</p>
{{#HAS_AWAITING}}<div class="notice notice--warning" role="status"><p><a href="#incoming">{{AWAITING_TEXT}}</a></p></div>{{/HAS_AWAITING}}
<nav class="referral-tabs" aria-label="[[referrals.list.sections]]">
  <ul>
    <li><a href="#incoming">[[referrals.list.incoming]]（{{INCOMING_TOTAL}}）</a></li>
    <li><a href="#outgoing">[[referrals.list.outgoing]]（{{OUTGOING_TOTAL}}）</a></li>
  </ul>
</nav>
<div class="table-wrap">
<table class="data-table referral-counts">
  <caption>[[referrals.list.counts]]</caption>
  <thead><tr>
    <th scope="col">[[referrals.list.col.status]]</th>
    <th scope="col" class="numeric">[[referrals.list.incoming]]</th>
    <th scope="col" class="numeric">[[referrals.list.outgoing]]</th>
  </tr></thead>
  <tbody>
    {{#COUNT}}<tr>
      <th scope="row"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span>{{#CURRENT}} <span class="muted">[[referrals.list.current]]</span>{{/CURRENT}}</th>
      <td class="numeric">{{#IN_LINK}}<a href="{{FILTER_PATH}}#incoming">{{IN}}</a>{{/IN_LINK}}{{#IN_ZERO}}{{IN}}{{/IN_ZERO}}</td>
      <td class="numeric">{{#OUT_LINK}}<a href="{{FILTER_PATH}}#outgoing">{{OUT}}</a>{{/OUT_LINK}}{{#OUT_ZERO}}{{OUT}}{{/OUT_ZERO}}</td>
    </tr>{{/COUNT}}
  </tbody>
</table>
</div>
{{#FILTERED}}<p class="notice" role="status">{{FILTER_TEXT}} <a href="/referrals">[[referrals.list.show_all]]</a></p>{{/FILTERED}}

<section id="incoming" aria-labelledby="incoming-title">
  <h2 id="incoming-title">[[referrals.list.incoming]]</h2>
  <p class="field__hint">[[referrals.list.incoming_hint]]</p>
  {{#NO_INCOMING}}<p>[[referrals.list.empty_incoming]]</p>{{/NO_INCOMING}}
  {{#HAS_INCOMING}}
  <div class="table-wrap">
  <table class="data-table">
    <caption class="visually-hidden">[[referrals.list.incoming]]</caption>
    <thead><tr>
      <th scope="col">[[referrals.list.col.client]]</th>
      <th scope="col">[[referrals.list.col.from_org]]</th>
      <th scope="col">[[referrals.list.col.reason]]</th>
      <th scope="col">[[referrals.list.col.status]]</th>
      <th scope="col">[[referrals.list.col.updated]]</th>
    </tr></thead>
    <tbody>
      {{#INCOMING}}<tr{{#AWAITING}} class="referral-row--awaiting"{{/AWAITING}}>
        <th scope="row"><a href="{{PATH}}">{{CLIENT}}</a></th>
        <td>{{ORG}}</td>
        <td>{{REASON}}</td>
        <td><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span>{{#HAS_RESULT}} {{RESULT}}{{/HAS_RESULT}}{{#AWAITING}} <strong class="referral-awaiting">[[referrals.list.awaiting_badge]]</strong>{{/AWAITING}}</td>
        <td><time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></td>
      </tr>{{/INCOMING}}
    </tbody>
  </table>
  </div>
  {{/HAS_INCOMING}}
</section>

<section id="outgoing" aria-labelledby="outgoing-title">
  <h2 id="outgoing-title">[[referrals.list.outgoing]]</h2>
  <p class="field__hint">[[referrals.list.outgoing_hint]] <a href="/clients">[[referrals.list.to_clients]]</a></p>
  {{#NO_OUTGOING}}<p>[[referrals.list.empty_outgoing]]</p>{{/NO_OUTGOING}}
  {{#HAS_OUTGOING}}
  <div class="table-wrap">
  <table class="data-table">
    <caption class="visually-hidden">[[referrals.list.outgoing]]</caption>
    <thead><tr>
      <th scope="col">[[referrals.list.col.client]]</th>
      <th scope="col">[[referrals.list.col.to_org]]</th>
      <th scope="col">[[referrals.list.col.reason]]</th>
      <th scope="col">[[referrals.list.col.status]]</th>
      <th scope="col">[[referrals.list.col.updated]]</th>
    </tr></thead>
    <tbody>
      {{#OUTGOING}}<tr>
        <th scope="row"><a href="{{PATH}}">{{CLIENT}}</a></th>
        <td>{{ORG}}</td>
        <td>{{REASON}}</td>
        <td><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span>{{#HAS_RESULT}} {{RESULT}}{{/HAS_RESULT}}</td>
        <td><time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></td>
      </tr>{{/OUTGOING}}
    </tbody>
  </table>
  </div>
  {{/HAS_OUTGOING}}
</section>
