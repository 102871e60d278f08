<p class="breadcrumb"><a href="/admin/organizations">[[orgs.back]]</a></p>
<h1>{{NAME}}</h1>
{{#NOTICE_CREATED}}<div class="notice notice--success" role="status"><p>[[orgs.notice.created]]</p></div>{{/NOTICE_CREATED}}
{{#NOTICE_INVITED}}<div class="notice notice--success" role="status"><p>[[orgs.notice.invited]]</p></div>{{/NOTICE_INVITED}}
{{#NOTICE_STATUS}}<div class="notice notice--success" role="status"><p>[[orgs.notice.status_changed]]</p></div>{{/NOTICE_STATUS}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[orgs.col.kind]]</dt><dd>{{KIND}}</dd></div>
  <div><dt>[[orgs.col.status]]</dt><dd>{{STATUS}}</dd></div>
  <div><dt>[[orgs.detail.created]]</dt><dd>{{CREATED}}</dd></div>
</dl>

<section aria-labelledby="org-members-title">
  <h2 id="org-members-title">[[orgs.detail.members_title]]</h2>
  {{#NO_MEMBERS}}<p>[[orgs.detail.no_members]]</p>{{/NO_MEMBERS}}
  {{#HAS_MEMBERS}}
  <div class="table-scroll" role="region" aria-labelledby="org-members-title" tabindex="0">
    <table class="data-table">
      <caption class="visually-hidden">[[orgs.detail.members_title]]</caption>
      <thead>
        <tr>
          <th scope="col">[[members.col.name]]</th>
          <th scope="col">[[members.col.email]]</th>
          <th scope="col">[[members.col.role]]</th>
          <th scope="col">[[members.col.profession]]</th>
          <th scope="col">[[members.col.status]]</th>
        </tr>
      </thead>
      <tbody>
        {{#MEMBER}}
        <tr>
          <th scope="row" class="nowrap">{{NAME}}</th>
          <td class="nowrap">{{EMAIL}}</td>
          <td>{{ROLE}}</td>
          <td>{{PROFESSION}}</td>
          <td>{{STATUS}}</td>
        </tr>
        {{/MEMBER}}
      </tbody>
    </table>
  </div>
  {{/HAS_MEMBERS}}
</section>

<section aria-labelledby="org-invite-title">
  <h2 id="org-invite-title">[[orgs.invite.title]]</h2>
  {{#NO_ADMIN}}<div class="notice notice--warning" role="note"><p>[[orgs.invite.no_admin]]</p></div>{{/NO_ADMIN}}
  <p>[[orgs.invite.lead]]</p>
  <p class="muted">[[members.invite.validity_prefix]]{{HOURS}}[[members.invite.validity_suffix]]</p>
  {{#IS_ACTIVE}}
  <form method="post" action="{{URL}}/invite" novalidate class="narrow">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
[[include:orgs/invite_fields]]
[[include:orgs/profession_field]]
    <button type="submit" class="button button--primary">[[orgs.invite.submit]]</button>
  </form>
  {{/IS_ACTIVE}}
  {{#IS_DISABLED}}<p>[[orgs.error.invite_disabled]]</p>{{/IS_DISABLED}}
</section>

<section aria-labelledby="org-status-title">
  <h2 id="org-status-title">[[orgs.status_form.title]]</h2>
  {{#IS_ACTIVE}}
  <p>[[orgs.status_form.disable_explain]]</p>
  <form method="post" action="{{URL}}/status">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="status" value="disabled">
    <button type="submit" class="button button--danger">[[orgs.status_form.disable]]</button>
  </form>
  {{/IS_ACTIVE}}
  {{#IS_DISABLED}}
  <p>[[orgs.status_form.enable_explain]]</p>
  <form method="post" action="{{URL}}/status">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="status" value="active">
    <button type="submit" class="button button--primary">[[orgs.status_form.enable]]</button>
  </form>
  {{/IS_DISABLED}}
</section>
