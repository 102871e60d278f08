<p class="breadcrumb"><a href="{{CASE_PATH}}">[[forms.back_to_case]]</a> ・ <a href="{{FORMS_PATH}}">[[forms.back_to_list]]</a></p>
<h1>{{NAME}}</h1>
<p class="muted">{{#HAS_TITLE}}{{TITLE}}<br>{{/HAS_TITLE}}{{VERSION_NOTE}}</p>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
{{#CONFLICT}}<div class="notice notice--warning" role="alert"><p>{{CONFLICT_TEXT}} <a href="{{LATEST_PATH}}">[[forms.edit.see_latest]]</a></p></div>{{/CONFLICT}}
[[include:partials/error_summary]]
<p>{{STATUS}}</p>
<ul class="link-list no-print">
  <li><a href="{{PRINT_PATH}}">[[forms.print_link]]</a></li>
  <li><a href="{{PRINT_PATH}}?calendar=seireki">[[forms.print_link_seireki]]</a></li>
</ul>
{{#PREFILLED}}<div class="notice" role="status"><p>[[forms.edit.prefilled]]</p></div>{{/PREFILLED}}
{{#HAS_ESTIMATED}}<p class="field__hint">[[forms.edit.estimated_legend]]</p>{{/HAS_ESTIMATED}}
<form method="post" action="{{ACTION}}" novalidate class="form-edit">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="expected_revision" value="{{EXPECTED}}">
  {{#SECTION}}
  <section id="section-{{SECTION_KEY}}" aria-labelledby="section-{{SECTION_KEY}}-title">
  <h2 id="section-{{SECTION_KEY}}-title">{{SECTION_LABEL}}</h2>
  {{#HAS_SECTION_HINT}}<p class="field__hint">{{SECTION_HINT}}</p>{{/HAS_SECTION_HINT}}
  {{#FIELD}}[[include:forms/field]]{{/FIELD}}
  </section>
  {{/SECTION}}
  <button type="submit" class="button">[[forms.edit.submit]]</button>
</form>
[[include:forms/history]]
