<dl class="summary-list">
  <div><dt>[[events.details.kind]]</dt><dd>{{KIND}}</dd></div>
  <div><dt>[[events.details.when]]</dt><dd>{{WHEN}}</dd></div>
  {{#HAS_VENUE}}<div><dt>[[events.details.venue]]</dt><dd>{{VENUE}}{{#HAS_ACCESS}}<br><span class="muted">[[events.details.access]]</span> {{ACCESS}}{{/HAS_ACCESS}}</dd></div>{{/HAS_VENUE}}
  {{#HAS_ONLINE}}<div><dt>[[events.details.online]]</dt><dd>[[events.details.online_text]]</dd></div>{{/HAS_ONLINE}}
  {{#PLACES}}<div><dt>[[events.details.places]]（{{MODE}}）</dt><dd>{{TEXT}}</dd></div>{{/PLACES}}
  <div><dt>[[events.details.audiences]]</dt><dd>{{AUDIENCES}}</dd></div>
  {{#HAS_FEE}}<div><dt>[[events.details.fee]]</dt><dd>{{FEE}}</dd></div>{{/HAS_FEE}}
  {{#HAS_PEERS}}<div><dt>[[events.details.peers]]</dt><dd>{{PEER_NAMES}}</dd></div>{{/HAS_PEERS}}
  {{#HAS_SPEAKERS}}<div><dt>[[events.details.speakers]]</dt><dd class="pre-line">{{SPEAKERS}}</dd></div>{{/HAS_SPEAKERS}}
  <div><dt>[[events.details.organizer]]</dt><dd>{{ORGANIZER}}</dd></div>
  {{#HAS_CO_HOSTS}}<div><dt>[[events.details.co_hosts]]</dt><dd>{{CO_HOSTS}}</dd></div>{{/HAS_CO_HOSTS}}
  {{#HAS_CONTACT}}<div><dt>[[events.details.contact]]</dt><dd class="pre-line">{{CONTACT}}</dd></div>{{/HAS_CONTACT}}
</dl>
