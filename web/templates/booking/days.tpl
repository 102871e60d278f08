<h1>[[booking.title]]</h1>
<p class="no-print"><a href="/book/{{PROGRAM_ID}}/poster">[[calendar.poster.link]]</a></p>
{{#FULL}}<div class="notice notice--error" role="alert"><p>[[booking.full]]</p></div>{{/FULL}}
{{#NO_DAYS}}<p>[[booking.no_days]]</p>{{/NO_DAYS}}
{{#HAS_DAYS}}
<p class="lead">[[booking.days.lead]]</p>
<form method="get" action="/book/{{PROGRAM_ID}}/form">
  {{#DAY}}
  <fieldset class="field">
    <legend>{{DATE}}<br><span class="muted">{{HOURS}} {{PLACE}}</span></legend>
    {{#DAY_FULL}}<p>[[booking.days.day_full]]</p>{{/DAY_FULL}}
    {{#SLOT}}
    {{#FREE}}<div class="radio"><input type="radio" id="slot-{{SLOT_ID}}" name="slot" value="{{SLOT_ID}}"><label for="slot-{{SLOT_ID}}">{{TIME}}</label></div>{{/FREE}}
    {{#TAKEN}}<p class="muted">{{TIME}} <span class="badge">[[booking.days.taken]]</span></p>{{/TAKEN}}
    {{/SLOT}}
  </fieldset>
  {{/DAY}}
  <button type="submit" class="button button--primary">[[booking.days.next]]</button>
</form>
{{/HAS_DAYS}}
<p class="muted">[[booking.days.phone_help]]</p>
[[include:booking/public_info]]
