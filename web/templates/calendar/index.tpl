<h1>[[calendar.heading]]</h1>
<p class="lead">[[calendar.lead]]</p>

<nav class="calendar-views" aria-label="[[calendar.views]]">
  <ul>
    <li>{{#MONTH_CURRENT}}<a href="{{MONTH_URL}}" aria-current="page">[[calendar.view.month]]</a>{{/MONTH_CURRENT}}{{#LIST_CURRENT}}<a href="{{THIS_MONTH_URL}}">[[calendar.view.month]]</a>{{/LIST_CURRENT}}</li>
    <li>{{#LIST_CURRENT}}<a href="{{LIST_URL}}" aria-current="page">[[calendar.view.list]]</a>{{/LIST_CURRENT}}{{#MONTH_CURRENT}}<a href="{{LIST_URL}}">[[calendar.view.list]]</a>{{/MONTH_CURRENT}}</li>
  </ul>
</nav>

<form method="get" action="/calendar" class="calendar-filters" aria-labelledby="calendar-filter-title">
  <h2 id="calendar-filter-title" class="calendar-filters__title">[[calendar.filter.title]]</h2>
  <input type="hidden" name="view" value="{{VIEW}}">
  {{#MONTH_CURRENT}}<input type="hidden" name="month" value="{{MONTH}}">{{/MONTH_CURRENT}}
  <div class="calendar-filters__fields">
    <div class="field">
      <label for="calendar-kind">[[calendar.filter.kind]]</label>
      <select id="calendar-kind" name="kind">
        <option value="">[[calendar.filter.any]]</option>
        {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="calendar-area">[[calendar.filter.area]]</label>
      <select id="calendar-area" name="area">
        <option value="">[[calendar.filter.any]]</option>
        {{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="calendar-mode">[[calendar.filter.mode]]</label>
      <select id="calendar-mode" name="mode">
        <option value="">[[calendar.filter.any]]</option>
        {{#MODE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MODE_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="calendar-audience">[[calendar.filter.audience]]</label>
      <select id="calendar-audience" name="audience">
        <option value="">[[calendar.filter.any]]</option>
        {{#AUDIENCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AUDIENCE_OPTION}}
      </select>
    </div>
  </div>
  <p class="calendar-filters__actions"><button type="submit" class="button">[[calendar.filter.apply]]</button>{{#FILTERED}} <a href="/calendar?view={{VIEW}}">[[calendar.filter.clear]]</a>{{/FILTERED}}</p>
</form>

{{#MONTH_VIEW}}
<nav class="calendar-pager" aria-label="[[calendar.month_nav]]">
  <a href="{{PREV_URL}}" rel="prev">← {{PREV_LABEL}}</a>
  <a href="{{NEXT_URL}}" rel="next">{{NEXT_LABEL}} →</a>
</nav>
{{#MONTH_EMPTY}}<p>[[calendar.none_month]]</p>{{/MONTH_EMPTY}}
<table class="calendar-month">
  <caption>{{MONTH_LABEL}}</caption>
  <thead><tr>{{#WEEKDAY}}<th scope="col" abbr="{{FULL}}">{{SHORT}}</th>{{/WEEKDAY}}</tr></thead>
  <tbody>
    {{#WEEK}}<tr>{{#DAY}}<td class="{{CLASS}}"{{#TODAY}} aria-current="date"{{/TODAY}}>{{#IN_MONTH}}<span class="calendar-month__number">{{DAY_NUMBER}}</span><span class="calendar-month__date">{{DATE_LABEL}}</span>{{#TODAY}} <span class="badge badge--info">[[calendar.today]]</span>{{/TODAY}}
      {{#ITEMS}}<ul class="calendar-month__items">{{#ITEM}}<li><a href="{{PATH}}"><span class="calendar-month__time">{{TIME}}</span> {{TITLE}}</a>{{#CANCELLED}} <span class="badge badge--warning">[[calendar.cancelled]]</span>{{/CANCELLED}}{{#BOOK}} <span class="muted">[[calendar.book]]</span>{{/BOOK}}<span class="calendar-month__kind">{{KIND}}</span></li>{{/ITEM}}</ul>{{/ITEMS}}{{/IN_MONTH}}</td>{{/DAY}}</tr>
    {{/WEEK}}
  </tbody>
</table>
{{/MONTH_VIEW}}

{{#LIST_VIEW}}
{{#LIST_EMPTY}}<p>[[calendar.none_list]]</p>{{/LIST_EMPTY}}
{{#DATE_GROUP}}<section class="calendar-list__day" aria-labelledby="calendar-day-{{DATE_ISO}}">
  <h2 id="calendar-day-{{DATE_ISO}}" class="calendar-list__date">{{DATE_LABEL}}</h2>
  <ul class="link-list link-list--cards">
    {{#ITEM}}<li>
      <h3 class="worklist__heading"><a href="{{PATH}}">{{TITLE}}</a>{{#CANCELLED}} <span class="badge badge--warning">[[calendar.cancelled]]</span>{{/CANCELLED}}</h3>
      <p><span class="badge badge--neutral">{{KIND}}</span> {{TIME}}</p>
      <p class="muted">{{ORGANIZER}}</p>
      <p>{{WHERE}}</p>
      {{#BOOK}}<p><a class="button button--primary" href="{{PATH}}">[[calendar.book_link]]<span class="visually-hidden">（{{TITLE}}）</span></a></p>{{/BOOK}}
    </li>{{/ITEM}}
  </ul>
</section>{{/DATE_GROUP}}
{{/LIST_VIEW}}

<section aria-labelledby="calendar-feed-title">
  <h2 id="calendar-feed-title">[[calendar.feed.title]]</h2>
  <p>[[calendar.feed.lead]]</p>
  <p><a href="{{ICS_URL}}">[[calendar.feed.link]]</a></p>
</section>
