<h1>[[account.tokens.title]]</h1>
{{#NOTICE_REVOKED}}<div class="notice notice--success" role="status"><p>[[account.tokens.notice.revoked]]</p></div>{{/NOTICE_REVOKED}}
[[include:partials/error_summary]]
<p class="lead">[[account.tokens.lead]]</p>

<section aria-labelledby="tokens-list-title">
  <h2 id="tokens-list-title">[[account.tokens.list_title]]</h2>
  {{#EMPTY}}<p>[[account.tokens.empty]]</p>{{/EMPTY}}
  {{#HAS_TOKENS}}
  <div class="table-scroll" role="region" aria-labelledby="tokens-list-title" tabindex="0">
    <table class="data-table">
      <caption class="visually-hidden">[[account.tokens.list_title]]</caption>
      <thead>
        <tr>
          <th scope="col">[[account.tokens.col.name]]</th>
          <th scope="col">[[account.tokens.col.prefix]]</th>
          <th scope="col">[[account.tokens.col.org]]</th>
          <th scope="col">[[api.scope.col]]</th>
          <th scope="col">[[account.tokens.col.created]]</th>
          <th scope="col">[[account.tokens.col.expires]]</th>
          <th scope="col">[[account.tokens.col.last_used]]</th>
          <th scope="col">[[account.tokens.col.status]]</th>
          <th scope="col">[[account.tokens.col.actions]]</th>
        </tr>
      </thead>
      <tbody>
        {{#TOKEN}}
        <tr>
          <th scope="row">{{NAME}}</th>
          <td><code>{{PREFIX}}…</code></td>
          <td>{{ORG_NAME}}</td>
          <td>{{SCOPES}}</td>
          <td>{{CREATED}}</td>
          <td>{{EXPIRES}}</td>
          <td>{{LAST_USED}}</td>
          <td>{{STATUS}}</td>
          <td>{{#CAN_REVOKE}}<form method="post" action="/account/tokens/{{ID}}/revoke" class="inline-form">
            <input type="hidden" name="csrf_token" value="{{CSRF}}">
            <button type="submit" class="button button--danger button--small" aria-label="[[account.tokens.revoke]]: {{NAME}}">[[account.tokens.revoke]]</button>
          </form>{{/CAN_REVOKE}}</td>
        </tr>
        {{/TOKEN}}
      </tbody>
    </table>
  </div>
  {{/HAS_TOKENS}}
</section>

<section aria-labelledby="tokens-create-title">
  <h2 id="tokens-create-title">[[account.tokens.create_title]]</h2>
  {{#NO_ORG}}<div class="notice notice--warning" role="note"><p>[[account.tokens.no_org]]</p></div>{{/NO_ORG}}
  {{#CAN_CREATE}}
  <p>[[account.tokens.create_for]] <strong>{{ORG_NAME}}</strong></p>
  <form method="post" action="/account/tokens" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
      <label for="name">[[account.tokens.name]]</label>
      <p class="field__hint" id="name-hint">[[account.tokens.name_hint]]</p>
      {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
      <input id="name" name="name" type="text" maxlength="80" value="{{V_NAME}}" aria-describedby="name-hint{{#ERR_NAME}} name-error{{/ERR_NAME}}"{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
    </div>
    <div class="field{{#ERR_VALID_DAYS}} field--error{{/ERR_VALID_DAYS}}">
      <label for="valid_days">[[account.tokens.valid_days]]</label>
      <p class="field__hint" id="valid_days-hint">[[account.tokens.valid_days_hint]]</p>
      {{#ERR_VALID_DAYS}}<p class="field__error" id="valid_days-error">{{MESSAGE}}</p>{{/ERR_VALID_DAYS}}
      <input id="valid_days" name="valid_days" type="text" inputmode="numeric" maxlength="4" class="input--short" value="{{V_VALID_DAYS}}" aria-describedby="valid_days-hint{{#ERR_VALID_DAYS}} valid_days-error{{/ERR_VALID_DAYS}}"{{#ERR_VALID_DAYS}} aria-invalid="true"{{/ERR_VALID_DAYS}}>
    </div>
    <fieldset class="field{{#ERR_SCOPES}} field--error{{/ERR_SCOPES}}" aria-describedby="scopes-hint{{#ERR_SCOPES}} scopes-error{{/ERR_SCOPES}}">
      <legend>[[api.scope.title]]</legend>
      <p class="field__hint" id="scopes-hint">[[api.scope.hint]]</p>
      {{#ERR_SCOPES}}<p class="field__error" id="scopes-error">{{MESSAGE}}</p>{{/ERR_SCOPES}}
      {{#SCOPE}}
      <fieldset class="field" aria-describedby="{{FIELD}}-hint">
        <legend>{{LABEL}}</legend>
        <p class="field__hint" id="{{FIELD}}-hint">{{HINT}}</p>
        {{#OPTION}}<div class="radio"><input type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{TEXT}}</label></div>{{/OPTION}}
      </fieldset>
      {{/SCOPE}}
    </fieldset>
    <button type="submit" class="button button--primary">[[account.tokens.create_submit]]</button>
  </form>
  {{/CAN_CREATE}}
</section>
<p><a href="/account">[[account.back]]</a></p>
