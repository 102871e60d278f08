<section id="timeline" class="timeline" aria-labelledby="timeline-title" hx-get="{{CASE_PATH}}/timeline?shown={{SHOWN}}" hx-trigger="sse:timeline, sse:resync" hx-swap="outerHTML" data-announce="[[cases.timeline.announce]]">
  <h2 id="timeline-title">[[cases.timeline.title]] <span class="muted">（{{ENTRY_COUNT}}）</span></h2>
  {{#NO_ENTRIES}}<p>[[cases.timeline.empty]]</p>{{/NO_ENTRIES}}
  <ol class="timeline__list">
    {{ENTRIES:none}}
  </ol>
  {{#MORE}}<p class="timeline__more no-print"><a href="{{CASE_PATH}}?shown={{NEXT_SHOWN}}#entry-{{LAST_ID}}" hx-get="{{CASE_PATH}}/timeline?shown={{NEXT_SHOWN}}" hx-target="#timeline" hx-swap="outerHTML">{{OLDER}}</a></p>{{/MORE}}
</section>
