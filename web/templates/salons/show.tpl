<p class="breadcrumb no-print"><a href="/salons">[[salons.show.back]]</a></p>
<h1>{{NAME}}</h1>
{{#FURIGANA}}<p class="muted">{{TEXT}}</p>{{/FURIGANA}}
{{#NOT_ACTIVE}}<p class="notice" role="status">[[salons.show.not_active]]</p>{{/NOT_ACTIVE}}
<dl class="summary-list">
  <dt>[[salons.field.schedule]]</dt><dd>{{SCHEDULE}}<br><span class="muted">{{HOLIDAYS}}</span></dd>
  <dt>[[salons.field.venue]]</dt><dd>{{VENUE}}</dd>
  {{#ACCESS}}<dt>[[salons.field.access]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/ACCESS}}
  <dt>[[salons.field.municipality]]</dt><dd>{{AREA}}</dd>
  <dt>[[salons.field.host]]</dt><dd>{{HOST}}</dd>
  {{#CARETAKERS}}<dt>[[salons.field.caretaker_roles]]</dt><dd>{{TEXT}}</dd>{{/CARETAKERS}}
  {{#AUDIENCE}}<dt>[[salons.field.audience]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/AUDIENCE}}
  {{#NETWORK}}<dt>[[salons.field.network]]</dt><dd>{{TEXT}}</dd>{{/NETWORK}}
  {{#CONTACT}}<dt>[[salons.field.contact]]</dt><dd class="pre-line">{{TEXT}}</dd>{{/CONTACT}}
  {{#PEERS}}<dt>[[salons.show.peers]]</dt><dd>{{PEER_NAMES}}</dd>{{/PEERS}}
  <dt>[[salons.show.registration]]</dt><dd>{{#REGISTRATION}}[[salons.show.registration_needed]]{{/REGISTRATION}}{{#NO_REGISTRATION}}[[salons.show.no_registration]]{{/NO_REGISTRATION}}</dd>
</dl>
<h2>[[salons.show.next_meetings]]</h2>
{{#NO_MEETINGS}}<p>[[salons.show.no_meetings]]</p>{{/NO_MEETINGS}}
<ul class="link-list">
  {{#MEETING}}<li><a href="/events/{{EVENT_ID}}">{{WHEN}}</a></li>{{/MEETING}}
</ul>
<p class="no-print"><a href="/salons/{{ID}}/calendar.ics">[[salons.show.feed]]</a><br><span class="hint">[[salons.show.feed_hint]]</span></p>
