<p class="breadcrumb"><a href="{{CASE_PATH}}">[[employer_links.case.back]]</a></p>
<h1>[[employer_links.case.heading]]</h1>
{{#REVOKED}}<div class="notice notice--success" role="status"><p>[[employer_links.case.revoked]]</p></div>{{/REVOKED}}
[[include:partials/error_summary]]
{{#CREATED}}
<div class="notice notice--success" role="status">
  <h2 class="notice__title">[[employer_links.created.title]]</h2>
  <p><label for="link-url">[[employer_links.created.url]]</label><br>
    <input id="link-url" type="text" readonly class="token-value" value="{{URL}}"></p>
  <p>[[employer_links.created.expires]]{{EXPIRES}}</p>
  <p class="field__hint">[[employer_links.created.hint]]</p>
</div>
{{/CREATED}}
<p class="lead">[[employer_links.case.lead]]</p>

<section id="new-link" aria-labelledby="new-link-title" class="no-print">
  <h2 id="new-link-title">[[employer_links.new.title]]</h2>
  {{#NO_CONSENT}}<p class="field__hint">[[employer_links.new.no_consent]]</p>{{/NO_CONSENT}}
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <fieldset class="field" id="consent_id">
      <legend>[[employer_links.new.consent]]</legend>
      <p class="field__hint">[[employer_links.new.consent_hint]]</p>
      {{#ERR_CONSENT}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
      {{#CONSENT}}<div class="radio"><input type="radio" id="consent-{{CONSENT_ID}}" name="consent_id" value="{{CONSENT_ID}}"{{#SELECTED}} checked{{/SELECTED}}><label for="consent-{{CONSENT_ID}}">{{WHO}}（{{PURPOSE}}）<span class="muted">[[employer_links.new.items]]{{ITEMS}}</span></label></div>
      {{/CONSENT}}
    </fieldset>
    <fieldset class="field" id="recipient_kind">
      <legend>[[employer_links.new.kind]]</legend>
      <div class="radio"><input type="radio" id="kind-employer" name="recipient_kind" value="employer"{{#KIND_EMPLOYER}} checked{{/KIND_EMPLOYER}}><label for="kind-employer">[[employer_links.kind.employer]]</label></div>
      <div class="radio"><input type="radio" id="kind-doctor" name="recipient_kind" value="doctor"{{#KIND_DOCTOR}} checked{{/KIND_DOCTOR}}><label for="kind-doctor">[[employer_links.kind.doctor]]</label></div>
    </fieldset>
    <fieldset class="field" id="asks">
      <legend>[[employer_links.new.asks]]</legend>
      <p class="field__hint">[[employer_links.new.asks_hint]]</p>
      {{#ERR_ASKS}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_ASKS}}
      {{#PART}}<div class="radio"><input type="checkbox" id="asks-{{PART}}" name="asks" value="{{PART}}"{{#CHECKED}} checked{{/CHECKED}}><label for="asks-{{PART}}">{{PART_LABEL}}</label></div>
      {{/PART}}
    </fieldset>
    <div class="field">
      <label for="recipient_name">[[employer_links.new.recipient_name]]</label>
      {{#ERR_NAME}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_NAME}}
      <input id="recipient_name" name="recipient_name" type="text" maxlength="100" value="{{RECIPIENT_NAME}}" autocomplete="off">
    </div>
    <fieldset class="field" id="delivery">
      <legend>[[employer_links.new.delivery]]</legend>
      <div class="radio"><input type="radio" id="delivery-mail" name="delivery" value="mail"{{#DELIVERY_MAIL}} checked{{/DELIVERY_MAIL}}><label for="delivery-mail">[[employer_links.new.delivery_mail]]</label></div>
      <div class="radio"><input type="radio" id="delivery-print" name="delivery" value="print"{{#DELIVERY_PRINT}} checked{{/DELIVERY_PRINT}}><label for="delivery-print">[[employer_links.new.delivery_print]]</label></div>
    </fieldset>
    <div class="field">
      <label for="recipient_email">[[employer_links.new.recipient_email]]</label>
      <p class="field__hint" id="recipient_email-hint">[[employer_links.new.recipient_email_hint]]</p>
      {{#ERR_EMAIL}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input id="recipient_email" name="recipient_email" type="email" value="{{RECIPIENT_EMAIL}}" autocomplete="off" aria-describedby="recipient_email-hint">
    </div>
    <div class="field">
      <label for="days">[[employer_links.new.days]]</label>
      <p class="field__hint" id="days-hint">[[employer_links.new.days_hint]]</p>
      {{#ERR_OTHER}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_OTHER}}
      <input id="days" name="days" type="text" inputmode="numeric" value="{{DAYS}}" aria-describedby="days-hint" class="input--short">
    </div>
    <button type="submit" class="button">[[employer_links.new.submit]]</button>
  </form>
</section>

<section id="links" aria-labelledby="links-title">
  <h2 id="links-title">[[employer_links.list.title]]</h2>
  {{#NO_LINKS}}<p>[[employer_links.list.empty]]</p>{{/NO_LINKS}}
  {{#LINK}}
  <article class="share-link" id="link-{{LINK_ID}}" aria-labelledby="link-{{LINK_ID}}-title">
    <h3 id="link-{{LINK_ID}}-title">{{RECIPIENT}} <span class="badge">{{STATE}}</span></h3>
    <p class="field__hint">{{KIND}}・{{ASKS}}</p>
    <p class="field__hint">[[employer_links.list.created]]{{CREATED_AT}}（{{CREATED_BY}}）・[[employer_links.list.expires]]{{EXPIRES}}</p>
    {{#CAN_REVOKE}}
    <form method="post" action="{{REVOKE_PATH}}" class="inline-form no-print">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <button type="submit" class="button button--danger button--small">[[employer_links.list.revoke]]<span class="visually-hidden">（{{RECIPIENT}}）</span></button>
    </form>
    {{/CAN_REVOKE}}
    <h4>[[employer_links.list.accesses]]</h4>
    {{#NO_ACCESS}}<p class="muted">[[employer_links.list.no_access]]</p>{{/NO_ACCESS}}
    <ul class="plain-list">{{#ACCESS}}<li>{{AT}}：{{OUTCOME}}</li>{{/ACCESS}}</ul>
  </article>
  {{/LINK}}
</section>
