<div class="narrow">
<h1>[[documents.shared.heading]]</h1>
<p class="lead">{{LEAD}}</p>
<dl class="summary-list">
  <div><dt>[[documents.shared.sender]]</dt><dd>{{ORG_NAME}}</dd></div>
  <div><dt>[[documents.shared.file]]</dt><dd>{{TYPE}}（{{SIZE}}）</dd></div>
  <div><dt>[[documents.shared.expires]]</dt><dd>{{EXPIRES}}</dd></div>
</dl>
<p><a class="button" href="{{FILE_PATH}}">[[documents.shared.download]]</a></p>
<p class="field__hint">[[documents.shared.note]]</p>
<p class="field__hint">[[documents.shared.contact]]</p>
</div>
