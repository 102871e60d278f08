<h1>[[events_lifecycle.online.title]]</h1>
<dl class="summary-list">
  <div><dt>[[events.done.reference]]</dt><dd>{{REFERENCE}}</dd></div>
  <div><dt>[[events.details.event]]</dt><dd><a href="/events/{{EVENT_ID}}">{{TITLE}}</a><br>{{WHEN}}</dd></div>
</dl>
{{#LINK}}<h2>[[events_lifecycle.online.link_heading]]</h2>
<p><a class="button" href="{{MEETING_URL}}" rel="noopener noreferrer">[[events_lifecycle.online.join]]</a></p>
<p class="break-all">{{MEETING_URL}}</p>
<p class="hint">[[events_lifecycle.online.personal]]</p>{{/LINK}}
{{#NOT_YET}}<div class="notice" role="status"><p>[[events_lifecycle.online.not_yet]]</p></div>{{/NOT_YET}}
{{#ENDED}}<div class="notice" role="status"><p>[[events_lifecycle.online.ended]]</p></div>{{/ENDED}}
