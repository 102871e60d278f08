{{#HAS_CLIENT}}<h2>[[rights.section.client]]</h2>
<dl class="summary-list">
{{#FIELD}}  <div><dt>{{LABEL}}</dt><dd class="pre-line">{{VALUE}}</dd></div>
{{/FIELD}}</dl>{{/HAS_CLIENT}}

<h2>[[rights.section.bookings]]</h2>
{{#NO_BOOKINGS}}<p>[[rights.none]]</p>{{/NO_BOOKINGS}}
{{#BOOKING}}<dl class="summary-list">
  <div><dt>[[rights.booking.reference]]</dt><dd>{{REFERENCE}}{{#ANONYMISED}}（[[rights.anonymised]]）{{/ANONYMISED}}</dd></div>
  <div><dt>[[rights.booking.day]]</dt><dd>{{DAY}} {{PROGRAM}}（{{STATUS}}・{{CHANNEL}}）</dd></div>
  <div><dt>[[clients.field.name]]</dt><dd>{{NAME}}（{{FURIGANA}}）</dd></div>
  <div><dt>[[rights.booking.contact]]</dt><dd>{{PHONE}} {{EMAIL}}</dd></div>
  <div><dt>[[clients.field.diagnosis]]</dt><dd>{{DIAGNOSIS}}</dd></div>
  <div><dt>[[rights.booking.topics]]</dt><dd>{{TOPICS}}</dd></div>
  <div><dt>[[rights.field.notes]]</dt><dd class="pre-line">{{NOTES}}</dd></div>
</dl>{{/BOOKING}}

<h2>[[rights.section.records]]</h2>
{{#NO_RECORDS}}<p>[[rights.none]]</p>{{/NO_RECORDS}}
{{#RECORD}}<dl class="summary-list">
  <div><dt>[[rights.booking.day]]</dt><dd>{{DAY}}（{{MINUTES}}[[rights.minutes]]）</dd></div>
  <div><dt>[[rights.record.topics]]</dt><dd>{{TOPICS}}</dd></div>
  <div><dt>[[rights.record.outcome]]</dt><dd>{{OUTCOME}} {{FOLLOW_UP}}</dd></div>
  <div><dt>[[rights.record.summary]]</dt><dd class="pre-line">{{SUMMARY}}</dd></div>
  <div><dt>[[rights.record.info_given]]</dt><dd class="pre-line">{{INFO_GIVEN}}</dd></div>
</dl>{{/RECORD}}

<h2>[[rights.section.contacts]]</h2>
{{#NO_CONTACTS}}<p>[[rights.none]]</p>{{/NO_CONTACTS}}
{{#CONTACT}}<dl class="summary-list">
  <div><dt>{{DAY}}（{{CHANNEL}}）</dt><dd>{{TOPICS}}</dd></div>
  <div><dt>[[rights.record.summary]]</dt><dd class="pre-line">{{SUMMARY}}</dd></div>
</dl>{{/CONTACT}}

<h2>[[rights.section.cases]]</h2>
{{#NO_CASES}}<p>[[rights.none]]</p>{{/NO_CASES}}
{{#CASE}}<h3>[[rights.case.number]]{{ID}}（{{STATUS}}）</h3>
<dl class="summary-list">
  <div><dt>[[rights.case.opened]]</dt><dd>{{OPENED}}</dd></div>
  <div><dt>[[rights.case.outcome]]</dt><dd>{{OUTCOME}}</dd></div>
  <div><dt>[[rights.case.goals]]</dt><dd class="pre-line">{{GOALS}}</dd></div>
</dl>
<table class="data-table">
  <caption>[[rights.case.timeline]]</caption>
  <thead><tr><th scope="col">[[rights.case.entry_day]]</th><th scope="col">[[rights.case.entry_kind]]</th><th scope="col">[[rights.case.entry_body]]</th></tr></thead>
  <tbody>{{#ENTRY}}<tr><td>{{DAY}}</td><td>{{KIND}}</td><td class="pre-line">{{BODY}}</td></tr>{{/ENTRY}}</tbody>
</table>{{/CASE}}
{{#PLACEMENT}}<p>[[rights.case.placement]]: {{KIND}} {{START}}</p>{{/PLACEMENT}}

<h2>[[rights.section.documents]]</h2>
<p>[[rights.documents.lead]]</p>
{{#NO_DOCUMENTS}}<p>[[rights.none]]</p>{{/NO_DOCUMENTS}}
<ul>{{#DOCUMENT}}<li>{{TITLE}}（{{ADDED}}）{{#REMOVED}} [[rights.documents.removed]]{{/REMOVED}}</li>{{/DOCUMENT}}</ul>

<h2>[[rights.section.consents]]</h2>
{{#NO_CONSENTS}}<p>[[rights.none]]</p>{{/NO_CONSENTS}}
{{#CONSENT}}<dl class="summary-list">
  <div><dt>[[rights.consent.parties]]</dt><dd>{{PARTIES}}</dd></div>
  <div><dt>[[rights.consent.items]]</dt><dd>{{ITEMS}}</dd></div>
  <div><dt>[[rights.consent.period]]</dt><dd>{{PERIOD}}（{{METHOD}}）{{#WITHDRAWN}} [[rights.consent.withdrawn]] {{WITHDRAWN_AT}}{{/WITHDRAWN}}</dd></div>
</dl>{{/CONSENT}}

<h2>[[rights.section.provisions]]</h2>
{{#NO_PROVISIONS}}<p>[[rights.none]]</p>{{/NO_PROVISIONS}}
{{#HAS_PROVISIONS}}<table class="data-table">
  <thead><tr><th scope="col">[[rights.provision.day]]</th><th scope="col">[[rights.provision.recipient]]</th><th scope="col">[[rights.consent.items]]</th><th scope="col">[[rights.provision.channel]]</th></tr></thead>
  <tbody>{{#PROVISION}}<tr><td>{{DAY}}</td><td>{{RECIPIENT}}</td><td>{{ITEMS}}</td><td>{{CHANNEL}}</td></tr>{{/PROVISION}}</tbody>
</table>{{/HAS_PROVISIONS}}

<h2>[[rights.section.registrations]]</h2>
{{#NO_REGISTRATIONS}}<p>[[rights.none]]</p>{{/NO_REGISTRATIONS}}
{{#REGISTRATION}}<dl class="summary-list">
  <div><dt>{{DAY}} {{EVENT}}</dt><dd>{{STATUS}}・{{MODE}}</dd></div>
  <div><dt>[[clients.field.name]]</dt><dd>{{NAME}} {{PHONE}} {{EMAIL}}</dd></div>
</dl>{{/REGISTRATION}}
