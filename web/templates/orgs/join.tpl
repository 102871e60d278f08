<h1>{{HEADING}}</h1>
<p class="lead">[[join.lead]]</p>
<dl class="summary-list">
  <div><dt>[[join.org]]</dt><dd>{{ORG_NAME}}</dd></div>
  <div><dt>[[join.role]]</dt><dd>{{ROLE}}</dd></div>
  <div><dt>[[join.profession]]</dt><dd>{{PROFESSION}}</dd></div>
  <div><dt>[[join.expires]]</dt><dd>{{EXPIRES}}</dd></div>
</dl>
<p>[[join.explain]]</p>
<form method="post" action="/join/{{TOKEN}}" class="actions">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" name="action" value="accept" class="button button--primary">[[join.accept]]</button>
  <button type="submit" name="action" value="decline" class="button button--secondary">[[join.decline]]</button>
</form>
