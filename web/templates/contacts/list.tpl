<h1>[[contacts.list.title]]（{{MONTH_LABEL}}）</h1>
<p class="lead">[[contacts.list.lead]]</p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<p class="no-print"><a class="button" href="/org/contacts/new">[[contacts.list.new]]</a> <a class="button button--secondary" href="/org/contacts/new?kind=employer">[[contacts.list.new_employer]]</a></p>
<form method="get" action="/org/contacts" class="no-print filter-form">
  <div class="inline-fields">
    <label for="month">[[contacts.list.month]]</label>
    <input id="month" name="month" type="month" value="{{MONTH}}">
    <label for="channel">[[contacts.field.channel]]</label>
    <select id="channel" name="channel"><option value="">[[contacts.list.all_channels]]</option>{{#CHANNEL_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL_OPTION}}</select>
    <button type="submit">[[contacts.list.show]]</button>
  </div>
</form>
<p>[[contacts.list.count]] {{COUNT}} ／ [[contacts.list.total_minutes]] {{TOTAL_MINUTES}}</p>
<div class="table-wrap" role="region" aria-labelledby="contacts-caption" tabindex="0">
<table class="data-table">
  <caption id="contacts-caption">[[contacts.list.title]]（{{MONTH_LABEL}}）</caption>
  <thead><tr><th scope="col">[[contacts.field.contacted_on]]</th><th scope="col">[[contacts.field.channel]]</th><th scope="col">[[contacts.field.requester_kind]]</th><th scope="col">[[contacts.field.topics]]</th><th scope="col" class="numeric">[[contacts.field.minutes]]</th><th scope="col">[[contacts.list.about]]</th></tr></thead>
  <tbody>
    {{#CONTACT}}<tr><td><a href="/org/contacts/{{ID}}">{{DATE}}</a>{{#LATE}} <span class="badge badge--warning">[[contacts.late]]</span>{{/LATE}}</td><td>{{CHANNEL}}</td><td>{{REQUESTER}}</td><td>{{TOPICS}}</td><td class="numeric">{{MINUTES}}</td><td>{{#CASE}}<a href="/cases/{{CASE_ID}}">[[contacts.case]] #{{CASE_ID}}</a>{{/CASE}}{{#EMPLOYER}} {{NAME}}{{/EMPLOYER}}</td></tr>{{/CONTACT}}
    {{#NONE}}<tr><td colspan="6">[[contacts.list.none]]</td></tr>{{/NONE}}
  </tbody>
</table>
</div>
