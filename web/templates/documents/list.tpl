<p class="breadcrumb"><a href="{{CASE_PATH}}">[[documents.back_case]]</a></p>
<h1>[[documents.page.title]] <span class="muted">{{CLIENT_NAME}}</span></h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
{{#SUMMARY}}[[include:partials/error_summary]]{{/SUMMARY}}
{{#CREATED}}
<div class="notice notice--success" role="status">
  <h2 class="notice__title">[[documents.created.title]]</h2>
  <p>[[documents.created.sent]]</p>
  <p><label for="share-url">[[documents.created.url]]</label><br>
    <input id="share-url" type="text" readonly class="token-value" value="{{URL}}"></p>
  <p>[[documents.created.expires]]{{EXPIRES}}</p>
  <p class="field__hint">[[documents.created.hint]]</p>
</div>
{{/CREATED}}
<p class="lead">[[documents.page.lead]]</p>
{{#PARTNER}}<p class="field__hint">[[documents.page.partner_hint]]</p>{{/PARTNER}}
{{#CANNOT_SHARE}}<p class="field__hint">[[documents.share.no_consent_hint]]</p>{{/CANNOT_SHARE}}
<dl class="summary-list">
  <div><dt>[[documents.page.org]]</dt><dd>{{ORG_NAME}}</dd></div>
</dl>

<section id="documents" aria-labelledby="documents-title">
  <h2 id="documents-title">[[documents.list.title]]</h2>
  {{#NO_DOCUMENTS}}<p>[[documents.list.empty]]</p>{{/NO_DOCUMENTS}}
  {{#DOCUMENT}}
  <article id="document-{{DOC_ID}}" aria-labelledby="document-{{DOC_ID}}-title">
    <h3 id="document-{{DOC_ID}}-title">{{TITLE}}</h3>
    <dl class="summary-list">
      <div><dt>[[documents.list.file]]</dt><dd>{{FILENAME}}（{{TYPE}}、{{SIZE}}）</dd></div>
      <div><dt>[[documents.list.uploaded]]</dt><dd>{{UPLOADED_AT}}（{{UPLOADED_BY}}・{{UPLOADED_ORG}}）</dd></div>
    </dl>
    <div class="actions">
      <a class="button button--secondary" href="{{DOC_PATH}}">[[documents.list.download]]<span class="visually-hidden">（{{TITLE}}）</span></a>
      {{#RUNS_CASE}}
      <form method="post" action="{{DOC_PATH}}/remove" class="inline-form no-print">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--danger button--small">[[documents.list.remove]]<span class="visually-hidden">（{{TITLE}}）</span></button>
      </form>
      {{/RUNS_CASE}}
    </div>
    {{#RUNS_CASE}}
    <p class="field__hint">[[documents.list.remove_hint]]</p>
    {{#SHARE_FORM}}
    <h4>[[documents.share.title]]</h4>
    <details class="no-print"{{#OPEN}} open{{/OPEN}}>
      <summary>[[documents.share.open]]<span class="visually-hidden">（{{TITLE}}）</span></summary>
      <form method="post" action="{{DOC_PATH}}/share" id="share{{SUFFIX}}" novalidate>
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <p class="field__hint">[[documents.share.hint]]</p>
        {{#ERR_SHARE}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_SHARE}}
        <fieldset class="field{{#ERR_CONSENT_ID}} field--error{{/ERR_CONSENT_ID}}">
          <legend>[[documents.share.consent]]</legend>
          <p class="field__hint">[[documents.share.consent_hint]]</p>
          {{#ERR_CONSENT_ID}}<p class="field__error" id="consent_id{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_CONSENT_ID}}
          {{#SHARE_CONSENT}}<div class="radio"><input type="radio" id="consent_id{{SUFFIX}}-{{CONSENT_ID}}" name="consent_id" value="{{CONSENT_ID}}"{{#SELECTED}} checked{{/SELECTED}}><label for="consent_id{{SUFFIX}}-{{CONSENT_ID}}">{{EMPLOYER}}{{#HAS_EMAIL}}（{{EMPLOYER_EMAIL}}）{{/HAS_EMAIL}} <span class="muted">[[documents.consent.number]]{{CONSENT_ID}}</span></label></div>
          {{/SHARE_CONSENT}}
        </fieldset>
        <div class="field{{#ERR_RECIPIENT_NAME}} field--error{{/ERR_RECIPIENT_NAME}}">
          <label for="recipient_name{{SUFFIX}}">[[documents.share.recipient_name]]</label>
          {{#ERR_RECIPIENT_NAME}}<p class="field__error" id="recipient_name{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_RECIPIENT_NAME}}
          <input id="recipient_name{{SUFFIX}}" name="recipient_name" type="text" maxlength="100" autocomplete="off" value="{{V_RECIPIENT_NAME}}"{{#ERR_RECIPIENT_NAME}} aria-invalid="true" aria-describedby="recipient_name{{SUFFIX}}-error"{{/ERR_RECIPIENT_NAME}}>
        </div>
        <div class="field{{#ERR_RECIPIENT_EMAIL}} field--error{{/ERR_RECIPIENT_EMAIL}}">
          <label for="recipient_email{{SUFFIX}}">[[documents.share.recipient_email]]</label>
          {{#ERR_RECIPIENT_EMAIL}}<p class="field__error" id="recipient_email{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_RECIPIENT_EMAIL}}
          <input id="recipient_email{{SUFFIX}}" name="recipient_email" type="email" maxlength="254" autocomplete="off" spellcheck="false" value="{{V_RECIPIENT_EMAIL}}"{{#ERR_RECIPIENT_EMAIL}} aria-invalid="true" aria-describedby="recipient_email{{SUFFIX}}-error"{{/ERR_RECIPIENT_EMAIL}}>
        </div>
        <div class="field{{#ERR_DAYS}} field--error{{/ERR_DAYS}}">
          <label for="days{{SUFFIX}}">[[documents.share.days]]</label>
          <p class="field__hint" id="days{{SUFFIX}}-hint">[[documents.share.days_hint]]</p>
          {{#ERR_DAYS}}<p class="field__error" id="days{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_DAYS}}
          <input id="days{{SUFFIX}}" name="days" type="number" min="1" max="{{MAX_DAYS}}" inputmode="numeric" class="input--short" value="{{V_DAYS}}" aria-describedby="days{{SUFFIX}}-hint{{#ERR_DAYS}} days{{SUFFIX}}-error{{/ERR_DAYS}}"{{#ERR_DAYS}} aria-invalid="true"{{/ERR_DAYS}}>
        </div>
        <div class="field{{#ERR_MAX_DOWNLOADS}} field--error{{/ERR_MAX_DOWNLOADS}}">
          <label for="max_downloads{{SUFFIX}}">[[documents.share.max_downloads]]</label>
          <p class="field__hint" id="max_downloads{{SUFFIX}}-hint">[[documents.share.max_downloads_hint]]</p>
          {{#ERR_MAX_DOWNLOADS}}<p class="field__error" id="max_downloads{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_MAX_DOWNLOADS}}
          <input id="max_downloads{{SUFFIX}}" name="max_downloads" type="number" min="1" max="{{MAX_DOWNLOADS_LIMIT}}" inputmode="numeric" class="input--short" value="{{V_MAX_DOWNLOADS}}" aria-describedby="max_downloads{{SUFFIX}}-hint{{#ERR_MAX_DOWNLOADS}} max_downloads{{SUFFIX}}-error{{/ERR_MAX_DOWNLOADS}}"{{#ERR_MAX_DOWNLOADS}} aria-invalid="true"{{/ERR_MAX_DOWNLOADS}}>
        </div>
        <div class="field{{#ERR_RECIPIENT_CONFIRMED}} field--error{{/ERR_RECIPIENT_CONFIRMED}}">
          {{#ERR_RECIPIENT_CONFIRMED}}<p class="field__error" id="recipient_confirmed{{SUFFIX}}-error">{{MESSAGE}}</p>{{/ERR_RECIPIENT_CONFIRMED}}
          <div class="radio"><input type="checkbox" id="recipient_confirmed{{SUFFIX}}" name="recipient_confirmed" value="1"{{#CONFIRMED}} checked{{/CONFIRMED}}{{#ERR_RECIPIENT_CONFIRMED}} aria-invalid="true" aria-describedby="recipient_confirmed{{SUFFIX}}-error"{{/ERR_RECIPIENT_CONFIRMED}}><label for="recipient_confirmed{{SUFFIX}}">[[documents.share.confirm_recipient]]</label></div>
        </div>
        <button type="submit" class="button">[[documents.share.submit]]</button>
      </form>
    </details>
    {{/SHARE_FORM}}
    <h4>[[documents.links.title]]</h4>
    {{#NO_LINKS}}<p class="muted">[[documents.links.none]]</p>{{/NO_LINKS}}
    {{#LINK}}
    <div class="share-link">
      <p><strong>{{RECIPIENT}}</strong> <span class="badge">{{STATE}}</span></p>
      <p class="field__hint">[[documents.links.created]]{{CREATED}}（{{CREATED_BY}}）・[[documents.links.expires]]{{EXPIRES}}・{{DOWNLOADS}}</p>
      <p class="field__hint">[[documents.links.employer]]{{EMPLOYER}}</p>
      {{#CAN_REVOKE}}
      <form method="post" action="{{ACTION}}" class="inline-form no-print">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--danger button--small">[[documents.links.revoke]]<span class="visually-hidden">（{{RECIPIENT}}）</span></button>
      </form>
      {{/CAN_REVOKE}}
      {{#NO_ACCESS}}<p class="muted">[[documents.links.no_access]]</p>{{/NO_ACCESS}}
      {{#HAS_ACCESS}}
      <div class="table-wrap">
      <table class="data-table">
        <caption>[[documents.links.accesses]]</caption>
        <thead><tr><th scope="col">[[documents.links.at]]</th><th scope="col">[[documents.links.outcome]]</th></tr></thead>
        <tbody>
          {{#ACCESS}}<tr><td>{{AT}}</td><td>{{OUTCOME}}{{#HAS_IP}} <span class="muted">{{IP}}</span>{{/HAS_IP}}</td></tr>{{/ACCESS}}
        </tbody>
      </table>
      </div>
      {{/HAS_ACCESS}}
    </div>
    {{/LINK}}
    {{/RUNS_CASE}}
  </article>
  {{/DOCUMENT}}
</section>

{{#CAN_UPLOAD}}
<section id="upload" aria-labelledby="upload-title" class="no-print">
  <h2 id="upload-title">[[documents.upload.title]]</h2>
  <form method="post" action="{{DOCUMENTS_PATH}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field{{#ERR_TITLE}} field--error{{/ERR_TITLE}}">
      <label for="title">[[documents.upload.doc_title]]</label>
      <p class="field__hint" id="title-hint">[[documents.upload.title_hint]]</p>
      {{#ERR_TITLE}}<p class="field__error" id="title-error">{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input id="title" name="title" type="text" maxlength="{{MAX_TITLE}}" value="{{V_TITLE}}" aria-describedby="title-hint{{#ERR_TITLE}} title-error{{/ERR_TITLE}}"{{#ERR_TITLE}} aria-invalid="true"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_FILE}} field--error{{/ERR_FILE}}">
      <label for="file">[[documents.upload.file]]</label>
      <p class="field__hint" id="file-hint">[[documents.upload.file_hint]]</p>
      {{#ERR_FILE}}<p class="field__error" id="file-error">{{MESSAGE}}</p>{{/ERR_FILE}}
      <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-describedby="file-hint{{#ERR_FILE}} file-error{{/ERR_FILE}}"{{#ERR_FILE}} aria-invalid="true"{{/ERR_FILE}}>
    </div>
    <button type="submit" class="button">[[documents.upload.submit]]</button>
  </form>
</section>
{{/CAN_UPLOAD}}

<section id="consent-forms" aria-labelledby="consent-forms-title" class="no-print">
  <h2 id="consent-forms-title">[[documents.consent.title]]</h2>
  <p class="field__hint">[[documents.consent.hint]]</p>
  {{#NO_CONSENTS}}<p class="muted">[[documents.consent.none]]</p>{{/NO_CONSENTS}}
  {{#CONSENT_FORM}}
  <article id="consent-{{CONSENT_ID}}" aria-labelledby="consent-{{CONSENT_ID}}-title">
    <h3 id="consent-{{CONSENT_ID}}-title"><a href="{{CONSENT_PATH}}">[[documents.consent.number]]{{CONSENT_ID}}</a> <span class="badge">{{STATE}}</span></h3>
    <p>[[documents.consent.recorded_by]]{{RECORDED_BY}}　[[documents.consent.period]]{{PERIOD}}</p>
    {{#HAS_FORM}}<p>[[documents.consent.attached]]{{ATTACHED}}{{#CAN_DOWNLOAD}}　<a href="{{FORM_PATH}}">[[documents.consent.download]]<span class="visually-hidden">（[[documents.consent.number]]{{CONSENT_ID}}）</span></a>{{/CAN_DOWNLOAD}}</p>{{/HAS_FORM}}
    {{#NO_FORM}}<p class="muted">[[documents.consent.no_form]]</p>{{/NO_FORM}}
    {{#HAS_REPLACED}}<p class="field__hint">{{REPLACED}}</p>{{/HAS_REPLACED}}
    {{#ATTACH_REFUSED}}{{#ERR_CONSENT_FILE}}<p class="field__error">{{MESSAGE}}</p>{{/ERR_CONSENT_FILE}}{{/ATTACH_REFUSED}}
    {{#CAN_ATTACH}}<form method="post" action="{{CONSENT_PATH}}/form" enctype="multipart/form-data" novalidate>
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <input type="hidden" name="case" value="{{CASE_ID}}">
      <div class="field{{#ERR_CONSENT_FILE}} field--error{{/ERR_CONSENT_FILE}}">
        <label for="{{FILE_ID}}">[[documents.consent.file]]<span class="visually-hidden">（[[documents.consent.number]]{{CONSENT_ID}}）</span></label>
        <p class="field__hint" id="{{FILE_ID}}-hint">[[documents.upload.file_hint]]</p>
        {{#ERR_CONSENT_FILE}}<p class="field__error" id="{{FILE_ID}}-error">{{MESSAGE}}</p>{{/ERR_CONSENT_FILE}}
        <input id="{{FILE_ID}}" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-describedby="{{FILE_ID}}-hint{{#ERR_CONSENT_FILE}} {{FILE_ID}}-error{{/ERR_CONSENT_FILE}}"{{#ERR_CONSENT_FILE}} aria-invalid="true"{{/ERR_CONSENT_FILE}}>
      </div>
      <button type="submit" class="button button--secondary">[[documents.consent.submit]]</button>
    </form>{{/CAN_ATTACH}}
  </article>
  {{/CONSENT_FORM}}
</section>
