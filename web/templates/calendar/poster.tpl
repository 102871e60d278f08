<p class="breadcrumb"><a href="{{BACK}}">[[calendar.poster.back]]</a></p>
<p class="no-print">[[calendar.poster.hint]]</p>
<article class="poster" aria-labelledby="poster-title">
  <p class="poster__kind">{{KIND}}</p>
  <h1 id="poster-title" class="poster__title">{{TITLE}}</h1>
  {{#CANCELLED}}<p class="poster__cancelled">[[calendar.poster.cancelled]]</p>{{/CANCELLED}}
  {{#DESCRIPTION}}<p class="poster__lead pre-line">{{TEXT}}</p>{{/DESCRIPTION}}
  <dl class="poster__facts">
    <div><dt>[[calendar.poster.when]]</dt><dd>{{#WHEN}}<span class="poster__when">{{DATE}} {{TIME}}{{#PLACE}}　{{TEXT}}{{/PLACE}}</span>{{/WHEN}}{{#NO_DAYS}}[[calendar.poster.no_days]]{{/NO_DAYS}}</dd></div>
    {{#VENUE}}<div><dt>[[calendar.poster.venue]]</dt><dd>{{TEXT}}{{#ACCESS}}<br><span class="poster__access">{{TEXT}}</span>{{/ACCESS}}</dd></div>{{/VENUE}}
    {{#ONLINE}}<div><dt>[[calendar.poster.online]]</dt><dd>[[calendar.poster.online_text]]</dd></div>{{/ONLINE}}
    <div><dt>[[calendar.poster.audiences]]</dt><dd>{{AUDIENCES}}</dd></div>
    {{#FEE}}<div><dt>[[calendar.poster.fee]]</dt><dd>{{TEXT}}</dd></div>{{/FEE}}
    {{#SPEAKERS}}<div><dt>[[calendar.poster.speakers]]</dt><dd class="pre-line">{{TEXT}}</dd></div>{{/SPEAKERS}}
    <div><dt>[[calendar.poster.organizer]]</dt><dd>{{ORGANIZER}}{{#CO_HOSTS}}<br>[[calendar.poster.co_hosts]] {{TEXT}}{{/CO_HOSTS}}</dd></div>
    {{#CONTACT}}<div><dt>[[calendar.poster.contact]]</dt><dd class="pre-line">{{TEXT}}</dd></div>{{/CONTACT}}
  </dl>
  <div class="poster__qr">
    {{QR_SVG:none}}
    <p>{{#IS_EVENT}}[[calendar.poster.qr_event]]{{/IS_EVENT}}{{#IS_PROGRAM}}[[calendar.poster.qr_program]]{{/IS_PROGRAM}}<br><span class="poster__url">{{PAGE_URL}}</span></p>
  </div>
</article>
