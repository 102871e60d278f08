<div class="narrow">
<h1>[[account.tokens.created_title]]</h1>
<div class="notice notice--warning" role="note"><p>[[account.tokens.created_warning]]</p></div>
<dl class="summary-list">
  <div><dt>[[account.tokens.col.name]]</dt><dd>{{NAME}}</dd></div>
  <div><dt>[[account.tokens.col.org]]</dt><dd>{{ORG_NAME}}</dd></div>
  <div><dt>[[api.scope.col]]</dt><dd>{{SCOPES}}</dd></div>
</dl>
<h2>[[account.tokens.created_label]]</h2>
<pre class="token-value"><code>{{TOKEN}}</code></pre>
<p class="muted">[[account.tokens.created_usage]]</p>
<p><a class="button button--primary" href="/account/tokens">[[account.tokens.created_done]]</a></p>
</div>
