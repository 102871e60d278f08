<div class="narrow">
<h1>[[members.edit.title]]</h1>
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[members.col.name]]</dt><dd>{{NAME}}{{#IS_SELF}} <span class="badge">[[members.you]]</span>{{/IS_SELF}}</dd></div>
  <div><dt>[[members.col.email]]</dt><dd>{{EMAIL}}</dd></div>
  <div><dt>[[members.col.status]]</dt><dd>{{STATUS}}</dd></div>
</dl>
{{#IS_SELF}}<div class="notice notice--warning" role="note"><p>[[members.edit.self_warning]]</p></div>{{/IS_SELF}}
<form method="post" action="/org/members/{{ID}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_ROLE}} field--error{{/ERR_ROLE}}">
    <label for="role">[[members.field.role]]</label>
    {{#ERR_ROLE}}<p class="field__error" id="role-error">{{MESSAGE}}</p>{{/ERR_ROLE}}
    <select id="role" name="role"{{#ERR_ROLE}} aria-invalid="true" aria-describedby="role-error"{{/ERR_ROLE}}>
      {{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}
    </select>
  </div>
[[include:orgs/profession_field]]
  <button type="submit" class="button button--primary">[[members.edit.submit]]</button>
</form>
<p><a href="/org/members/{{ID}}/remove">[[members.remove_link]]</a></p>
<p><a href="/org/members">[[members.back]]</a></p>
</div>
