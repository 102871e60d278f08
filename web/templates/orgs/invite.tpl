<div class="narrow">
<h1>[[members.invite.title]]</h1>
[[include:partials/error_summary]]
<p>[[members.invite.lead]]</p>
<p class="muted">[[members.invite.org]] <strong>{{ORG_NAME}}</strong> ／ [[members.invite.validity_prefix]]{{HOURS}}[[members.invite.validity_suffix]]</p>
<form method="post" action="/org/members/invite" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
[[include:orgs/invite_fields]]
  <div class="field{{#ERR_ROLE}} field--error{{/ERR_ROLE}}">
    <label for="role">[[members.field.role]]</label>
    {{#ERR_ROLE}}<p class="field__error" id="role-error">{{MESSAGE}}</p>{{/ERR_ROLE}}
    <select id="role" name="role"{{#ERR_ROLE}} aria-invalid="true" aria-describedby="role-error"{{/ERR_ROLE}}>
      <option value="">[[members.field.choose]]</option>
      {{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}
    </select>
  </div>
[[include:orgs/profession_field]]
  <button type="submit" class="button button--primary">[[members.invite.submit]]</button>
</form>
<p><a href="/org/members">[[members.back]]</a></p>
</div>
