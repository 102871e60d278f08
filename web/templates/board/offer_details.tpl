<dl class="summary-list">
  <div><dt>[[booking.done.reference]]</dt><dd>{{REFERENCE}}</dd></div>
  <div><dt>[[booking.confirm.when]]</dt><dd>{{WHEN}}<br>{{PLACE}}</dd></div>
</dl>
