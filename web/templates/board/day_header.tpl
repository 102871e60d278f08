<p class="lead">{{HEADING}}</p>
<dl class="summary-list">
  <div><dt>[[board.page.hours]]</dt><dd>{{HOURS}}</dd></div>
  <div><dt>[[board.page.place]]</dt><dd>{{PLACE}}</dd></div>
</dl>
