<div class="narrow">
<h1>[[employer_links.public.heading]]</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
<p class="lead">{{LEAD}}</p>
<dl class="summary-list">
  <div><dt>[[employer_links.public.sender]]</dt><dd>{{ORG_NAME}}</dd></div>
  {{#HAS_PERSON}}<div><dt>[[employer_links.public.person]]</dt><dd>{{PERSON}}</dd></div>{{/HAS_PERSON}}
  {{#HAS_EMPLOYER}}<div><dt>[[employer_links.public.employer]]</dt><dd>{{EMPLOYER}}</dd></div>{{/HAS_EMPLOYER}}
  {{#HAS_DIAGNOSIS}}<div><dt>[[employer_links.public.diagnosis]]</dt><dd>{{DIAGNOSIS}}</dd></div>{{/HAS_DIAGNOSIS}}
  <div><dt>[[employer_links.public.expires]]</dt><dd>{{EXPIRES}}</dd></div>
</dl>
<p class="field__hint">[[employer_links.public.consent_note]]</p>
<h2>[[employer_links.public.asks]]</h2>
<ul class="link-list">
  {{#PART}}<li><a href="{{PART_PATH}}">{{PART_LABEL}}</a>{{#SUBMITTED}} <span class="badge">[[employer_links.public.submitted]]</span>{{/SUBMITTED}}</li>{{/PART}}
</ul>
{{#UPLOAD}}
<section id="upload" aria-labelledby="upload-title">
  <h2 id="upload-title">[[employer_links.upload.title]]</h2>
  <p class="field__hint">[[employer_links.upload.hint]]</p>
  <form method="post" action="{{UPLOAD_PATH}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field">
      <label for="title">[[employer_links.upload.doc_title]]</label>
      <input id="title" name="title" type="text" maxlength="100">
    </div>
    <div class="field{{#HAS_UPLOAD_ERROR}} field--error{{/HAS_UPLOAD_ERROR}}">
      <label for="file">[[employer_links.upload.file]]</label>
      <p class="field__hint" id="file-hint">[[employer_links.upload.file_hint]]</p>
      {{#HAS_UPLOAD_ERROR}}<p class="field__error" id="file-error">{{UPLOAD_ERROR}}</p>{{/HAS_UPLOAD_ERROR}}
      <input id="file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="file-hint{{#HAS_UPLOAD_ERROR}} file-error{{/HAS_UPLOAD_ERROR}}"{{#HAS_UPLOAD_ERROR}} aria-invalid="true"{{/HAS_UPLOAD_ERROR}}>
    </div>
    <button type="submit" class="button">[[employer_links.upload.submit]]</button>
  </form>
</section>
{{/UPLOAD}}
<p class="field__hint">[[employer_links.public.contact]]</p>
</div>
