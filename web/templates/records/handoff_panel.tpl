{{#HANDOFF}}<section class="no-print" aria-labelledby="handoff-title">
  <h2 id="handoff-title">[[phoneday.handoff.panel_title]]</h2>
  {{#HANDOFF_DONE}}<div class="notice notice--success" role="status"><p>[[phoneday.handoff.done]]</p></div>{{/HANDOFF_DONE}}
  {{#HANDOFF_PENDING}}<p>[[phoneday.handoff.pending]]</p>
  {{#START_LINK}}<p><a class="button" href="{{PATH}}">[[phoneday.handoff.start_link]]</a></p>{{/START_LINK}}
  {{#ASK_COORDINATOR}}<p class="muted">[[phoneday.handoff.ask_coordinator]]</p>{{/ASK_COORDINATOR}}{{/HANDOFF_PENDING}}
  {{#HANDOFF_STARTED}}<dl class="summary-list">
    <div><dt>[[phoneday.handoff.centre]]</dt><dd>{{CENTRE}}</dd></div>
    <div><dt>[[phoneday.handoff.started_at]]</dt><dd>{{WHEN}}</dd></div>
    <div><dt>[[phoneday.handoff.referral_status]]</dt><dd>{{STATUS}}</dd></div>
  </dl>
  {{#REFERRAL_LINK}}<p><a href="{{PATH}}">[[phoneday.handoff.referral_link]]</a></p>{{/REFERRAL_LINK}}{{/HANDOFF_STARTED}}
</section>{{/HANDOFF}}
