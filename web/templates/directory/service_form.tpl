<p class="breadcrumb"><a href="/directory/manage">[[directory.manage.title]]</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_ORGANIZATION}} field--error{{/ERR_ORGANIZATION}}">
    <label for="organization">[[directory.field.organization]]</label>
    <p class="hint" id="organization-hint">[[directory.form.organization_hint]]</p>
    {{#ERR_ORGANIZATION}}<p class="field__error" id="organization-error">{{MESSAGE}}</p>{{/ERR_ORGANIZATION}}
    <select id="organization" name="organization" aria-describedby="organization-hint{{#ERR_ORGANIZATION}} organization-error{{/ERR_ORGANIZATION}}"{{#ERR_ORGANIZATION}} aria-invalid="true"{{/ERR_ORGANIZATION}}>
      <option value="">[[directory.form.choose]]</option>
      {{#ORGANIZATION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORGANIZATION}}
    </select>
  </div>
  <div class="field{{#ERR_CATEGORY}} field--error{{/ERR_CATEGORY}}">
    <label for="category">[[directory.field.category]]</label>
    {{#ERR_CATEGORY}}<p class="field__error" id="category-error">{{MESSAGE}}</p>{{/ERR_CATEGORY}}
    <select id="category" name="category"{{#ERR_CATEGORY}} aria-invalid="true" aria-describedby="category-error"{{/ERR_CATEGORY}}>
      <option value="">[[directory.form.choose]]</option>
      {{#CATEGORY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}
    </select>
  </div>
  [[include:directory/fields]]
  <button type="submit" class="button button--primary">[[directory.service.save]]</button>
</form>
{{#STATUS}}
<h2>[[directory.service.status]]</h2>
{{#ACTIVE}}
<p><span class="badge badge--success">[[directory.service.active]]</span></p>
<p>[[directory.service.deactivate_hint]]</p>
<form method="post" action="/directory/manage/services/{{ID}}/deactivate" class="inline-form">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--secondary">[[directory.service.deactivate]]</button>
</form>
{{/ACTIVE}}
{{#INACTIVE}}
<p><span class="badge badge--neutral">[[directory.service.inactive_badge]]</span></p>
<form method="post" action="/directory/manage/services/{{ID}}/reactivate" class="inline-form">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--secondary">[[directory.service.reactivate]]</button>
</form>
{{/INACTIVE}}
{{/STATUS}}
