<div class="narrow">
<h1>[[members.remove.title]]</h1>
[[include:partials/error_summary]]
<p class="lead">[[members.remove.question]]</p>
<dl class="summary-list">
  <div><dt>[[members.col.name]]</dt><dd>{{NAME}}{{#IS_SELF}} <span class="badge">[[members.you]]</span>{{/IS_SELF}}</dd></div>
  <div><dt>[[members.col.email]]</dt><dd>{{EMAIL}}</dd></div>
  <div><dt>[[members.col.role]]</dt><dd>{{ROLE}}</dd></div>
  <div><dt>[[members.col.profession]]</dt><dd>{{PROFESSION}}</dd></div>
</dl>
<p>[[members.remove.explain]]</p>
{{#IS_SELF}}<div class="notice notice--warning" role="note"><p>[[members.remove.self_warning]]</p></div>{{/IS_SELF}}
<form method="post" action="/org/members/{{ID}}/remove">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--danger">[[members.remove.submit]]</button>
</form>
<p><a href="/org/members">[[members.remove.cancel]]</a></p>
</div>
