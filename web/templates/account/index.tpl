<h1>[[account.title]]</h1>
{{#NOTICE_LANGUAGE}}<div class="notice notice--success" role="status"><p>[[account.notice.language_saved]]</p></div>{{/NOTICE_LANGUAGE}}
[[include:partials/error_summary]]
<section aria-labelledby="account-profile-title">
  <h2 id="account-profile-title">[[account.profile.title]]</h2>
  <dl class="summary-list">
    <div><dt>[[account.profile.name]]</dt><dd>{{NAME}}</dd></div>
    <div><dt>[[account.profile.email]]</dt><dd>{{EMAIL}}</dd></div>
    {{#IS_SYSTEM_ADMIN}}<div><dt>[[account.profile.system_admin]]</dt><dd>[[account.profile.system_admin_yes]]</dd></div>{{/IS_SYSTEM_ADMIN}}
  </dl>
  <p class="muted">[[account.profile.change_hint]]</p>
</section>

<section aria-labelledby="account-memberships-title">
  <h2 id="account-memberships-title">[[account.memberships.title]]</h2>
  {{#NO_MEMBERSHIPS}}<p>[[account.memberships.none]]</p>{{/NO_MEMBERSHIPS}}
  {{#HAS_MEMBERSHIPS}}
  <div class="table-scroll" role="region" aria-labelledby="account-memberships-title" tabindex="0">
    <table class="data-table">
      <caption class="visually-hidden">[[account.memberships.title]]</caption>
      <thead>
        <tr><th scope="col">[[account.memberships.org]]</th><th scope="col">[[account.memberships.role]]</th><th scope="col">[[account.memberships.profession]]</th></tr>
      </thead>
      <tbody>
        {{#MEMBERSHIP}}<tr><th scope="row">{{ORG_NAME}}{{#ACTIVE}} <span class="badge">[[account.memberships.active]]</span>{{/ACTIVE}}</th><td>{{ROLE}}</td><td>{{PROFESSION}}</td></tr>{{/MEMBERSHIP}}
      </tbody>
    </table>
  </div>
  {{/HAS_MEMBERSHIPS}}
</section>

<section aria-labelledby="account-language-title">
  <h2 id="account-language-title">[[account.language.title]]</h2>
  <form method="post" action="/account/language">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <fieldset class="field{{#ERR_LANGUAGE}} field--error{{/ERR_LANGUAGE}}"{{#ERR_LANGUAGE}} aria-describedby="language-error"{{/ERR_LANGUAGE}}>
      <legend>[[account.language.legend]]</legend>
      {{#ERR_LANGUAGE}}<p class="field__error" id="language-error">{{MESSAGE}}</p>{{/ERR_LANGUAGE}}
      <div class="radio"><input type="radio" id="language" name="language" value="ja"{{#LANG_JA}} checked{{/LANG_JA}}><label for="language" lang="ja">日本語</label></div>
      <div class="radio"><input type="radio" id="language-en" name="language" value="en"{{#LANG_EN}} checked{{/LANG_EN}}><label for="language-en" lang="en">English</label></div>
    </fieldset>
    <button type="submit" class="button button--secondary">[[account.language.submit]]</button>
  </form>
</section>

<section aria-labelledby="account-security-title">
  <h2 id="account-security-title">[[account.security.title]]</h2>
  <ul class="link-list">
    <li><a href="/account/password">[[account.security.password_link]]</a></li>
    <li><a href="/account/tokens">[[account.security.tokens_link]]</a></li>
  </ul>
  <h3>[[account.recovery.title]]</h3>
  <p>{{RECOVERY_REMAINING}}</p>
  {{#RECOVERY_FEW}}<div class="notice notice--warning" role="note"><p>[[account.recovery.few]]</p></div>{{/RECOVERY_FEW}}
  <p class="muted">[[account.recovery.explain]]</p>
  <form method="post" action="/account/recovery-codes">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <button type="submit" class="button button--secondary">[[account.recovery.submit]]</button>
  </form>
</section>
