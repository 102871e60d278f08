<p class="breadcrumb"><a href="{{BACK_PATH}}">[[employer_links.form.back]]</a></p>
<h1>{{NAME}}</h1>
{{#HAS_TITLE}}<p class="muted">{{TITLE}}</p>{{/HAS_TITLE}}
[[include:partials/error_summary]]
{{#FROM_DRAFT}}<div class="notice" role="status"><p>[[employer_links.form.from_draft]]</p></div>{{/FROM_DRAFT}}
<dl class="summary-list">
  <div><dt>[[employer_links.public.sender]]</dt><dd>{{ORG_NAME}}</dd></div>
  {{#HAS_PERSON}}<div><dt>[[employer_links.public.person]]</dt><dd>{{PERSON}}</dd></div>{{/HAS_PERSON}}
  <div><dt>[[employer_links.public.expires]]</dt><dd>{{EXPIRES}}</dd></div>
</dl>
<p class="field__hint">[[employer_links.form.hint]]</p>
<form method="post" action="{{ACTION}}" novalidate class="form-edit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  {{#SECTION}}
  <section id="section-{{SECTION_KEY}}" aria-labelledby="section-{{SECTION_KEY}}-title">
  <h2 id="section-{{SECTION_KEY}}-title">{{SECTION_LABEL}}</h2>
  {{#HAS_SECTION_HINT}}<p class="field__hint">{{SECTION_HINT}}</p>{{/HAS_SECTION_HINT}}
  {{#FIELD}}[[include:forms/field]]{{/FIELD}}
  </section>
  {{/SECTION}}
  <div class="actions">
    <button type="submit" name="action" value="submit" class="button">[[employer_links.form.submit]]</button>
    <button type="submit" name="action" value="draft" class="button button--secondary">[[employer_links.form.draft]]</button>
  </div>
</form>
