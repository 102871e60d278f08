<h1>[[members.title]]</h1>
{{#NOTICE_INVITED}}<div class="notice notice--success" role="status"><p>[[members.notice.invited]]</p></div>{{/NOTICE_INVITED}}
{{#NOTICE_UPDATED}}<div class="notice notice--success" role="status"><p>[[members.notice.updated]]</p></div>{{/NOTICE_UPDATED}}
{{#NOTICE_REVOKED}}<div class="notice notice--success" role="status"><p>[[members.notice.revoked]]</p></div>{{/NOTICE_REVOKED}}
{{#NOTICE_REMOVED}}<div class="notice notice--success" role="status"><p>[[members.notice.removed]]</p></div>{{/NOTICE_REMOVED}}
<p class="lead">{{ORG_NAME}}</p>
<p><a class="button button--primary" href="/org/members/invite">[[members.invite_link]]</a></p>
<div class="table-scroll" role="region" aria-labelledby="members-caption" tabindex="0">
  <table class="data-table">
    <caption id="members-caption">{{CAPTION}}</caption>
    <thead>
      <tr>
        <th scope="col">[[members.col.name]]</th>
        <th scope="col">[[members.col.email]]</th>
        <th scope="col">[[members.col.role]]</th>
        <th scope="col">[[members.col.profession]]</th>
        <th scope="col">[[members.col.status]]</th>
        <th scope="col">[[members.col.actions]]</th>
      </tr>
    </thead>
    <tbody>
      {{#MEMBER}}
      <tr>
        <th scope="row" class="nowrap">{{NAME}}{{#IS_SELF}} <span class="badge">[[members.you]]</span>{{/IS_SELF}}</th>
        <td class="nowrap">{{EMAIL}}</td>
        <td>{{ROLE}}</td>
        <td>{{PROFESSION}}</td>
        <td>{{STATUS}}</td>
        <td class="nowrap"><a href="/org/members/{{ID}}" aria-label="[[members.edit_link]]: {{NAME}}">[[members.edit_link]]</a> <a href="/org/members/{{ID}}/remove" aria-label="[[members.remove_link]]: {{NAME}}">[[members.remove_link]]</a></td>
      </tr>
      {{/MEMBER}}
    </tbody>
  </table>
</div>
{{#HAS_PENDING}}
<h2 id="pending-title">[[members.pending.title]]</h2>
<p>[[members.pending.lead]]</p>
<div class="table-scroll" role="region" aria-labelledby="pending-caption" tabindex="0">
  <table class="data-table">
    <caption id="pending-caption">{{PENDING_CAPTION}}</caption>
    <thead>
      <tr>
        <th scope="col">[[members.col.name]]</th>
        <th scope="col">[[members.col.email]]</th>
        <th scope="col">[[members.col.role]]</th>
        <th scope="col">[[members.col.profession]]</th>
        <th scope="col">[[members.pending.expires]]</th>
        <th scope="col">[[members.col.actions]]</th>
      </tr>
    </thead>
    <tbody>
      {{#PENDING}}
      <tr>
        <th scope="row" class="nowrap">{{NAME}} <span class="badge badge--neutral">[[members.pending.badge]]</span></th>
        <td class="nowrap">{{EMAIL}}</td>
        <td>{{ROLE}}</td>
        <td>{{PROFESSION}}</td>
        <td class="nowrap">{{EXPIRES}}</td>
        <td><form method="post" action="/org/members/invitations/{{ID}}/revoke" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}">
          <button type="submit" class="button button--link" aria-label="[[members.pending.revoke]]: {{NAME}}">[[members.pending.revoke]]</button>
        </form></td>
      </tr>
      {{/PENDING}}
    </tbody>
  </table>
</div>
{{/HAS_PENDING}}
