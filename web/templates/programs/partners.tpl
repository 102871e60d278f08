<div class="narrow">
<p class="breadcrumb"><a href="/programs/{{ID}}">{{NAME}}</a></p>
<h1>[[partners.page.heading]]</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
[[include:partials/error_summary]]
<p>[[partners.page.lead]]</p>

<h2>[[partners.list.title]]</h2>
{{#NO_PARTNERS}}<p>[[partners.list.none]]</p>{{/NO_PARTNERS}}
{{#HAS_PARTNERS}}
<ul class="link-list">
  {{#PARTNER}}<li>{{ORG_NAME}}（{{ORG_KIND}}）
    <form method="post" action="/programs/{{ID}}/partners/{{ORG_ID}}/remove" class="inline-form">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <button type="submit" class="button button--link">[[partners.list.remove]]<span class="visually-hidden">（{{ORG_NAME}}）</span></button>
    </form>
  </li>{{/PARTNER}}
</ul>
<p class="muted">[[partners.list.remove_hint]]</p>
{{/HAS_PARTNERS}}

{{#CAN_ADD}}
<form method="post" action="/programs/{{ID}}/partners" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_ORGANIZATION}} field--error{{/ERR_ORGANIZATION}}">
    <label for="organization">[[partners.add.label]]</label>
    <p class="field__hint" id="organization-hint">[[partners.add.hint]]</p>
    {{#ERR_ORGANIZATION}}<p class="field__error" id="organization-error">{{MESSAGE}}</p>{{/ERR_ORGANIZATION}}
    <select id="organization" name="organization" aria-describedby="organization-hint{{#ERR_ORGANIZATION}} organization-error{{/ERR_ORGANIZATION}}"{{#ERR_ORGANIZATION}} aria-invalid="true"{{/ERR_ORGANIZATION}}>
      <option value="">[[partners.add.choose]]</option>
      {{#CANDIDATE}}<option value="{{ORG_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CANDIDATE}}
    </select>
  </div>
  <button type="submit" class="button button--primary">[[partners.add.submit]]</button>
</form>
{{/CAN_ADD}}

<h2>[[pledge.settings.title]]</h2>
<p>[[pledge.settings.lead]]</p>
<form method="post" action="/programs/{{ID}}/pledge" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_PLEDGE_TEXT}} field--error{{/ERR_PLEDGE_TEXT}}">
    <label for="pledge_text">[[pledge.settings.label]]</label>
    <p class="field__hint" id="pledge_text-hint">[[pledge.settings.hint]]</p>
    {{#ERR_PLEDGE_TEXT}}<p class="field__error" id="pledge_text-error">{{MESSAGE}}</p>{{/ERR_PLEDGE_TEXT}}
    <textarea id="pledge_text" name="pledge_text" rows="8" maxlength="4000" aria-describedby="pledge_text-hint{{#ERR_PLEDGE_TEXT}} pledge_text-error{{/ERR_PLEDGE_TEXT}}"{{#ERR_PLEDGE_TEXT}} aria-invalid="true"{{/ERR_PLEDGE_TEXT}}>{{PLEDGE_TEXT}}</textarea>
  </div>
  <details>
    <summary>[[pledge.settings.default_title]]</summary>
    <p class="pre-line">{{DEFAULT_PLEDGE}}</p>
  </details>
  <button type="submit" class="button button--primary">[[pledge.settings.submit]]</button>
</form>
</div>
