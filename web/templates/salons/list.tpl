<h1>[[salons.list.title]]</h1>
<p class="lead">[[salons.list.lead]]</p>
<form method="get" action="/salons" class="no-print" role="search">
  <div class="field">
    <label for="q">[[salons.list.search_label]]</label>
    <p class="hint" id="q-hint">[[salons.list.search_hint]]</p>
    <input id="q" name="q" type="search" maxlength="100" value="{{Q}}" aria-describedby="q-hint">
  </div>
  <div class="field">
    <label for="area">[[salons.list.area]]</label>
    <select id="area" name="area">
      <option value="">[[salons.list.any]]</option>
      {{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/AREA_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="network">[[salons.list.network]]</label>
    <select id="network" name="network">
      <option value="">[[salons.list.any]]</option>
      {{#NETWORK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/NETWORK_OPTION}}
    </select>
  </div>
  <button type="submit" class="button button--primary">[[salons.list.search]]</button>
  {{#SEARCHED}}<a href="/salons">[[salons.list.clear]]</a>{{/SEARCHED}}
</form>
{{#SEARCHED}}<p role="status">{{RESULT}}</p>{{/SEARCHED}}
{{#NONE}}<p>[[salons.list.none]]</p>{{/NONE}}
{{#SOME}}
<ul class="link-list">
  {{#SALON}}<li>
    <a href="/salons/{{ID}}">{{NAME}}</a>
    <p class="muted">{{AREA}}　{{SCHEDULE}}　{{VENUE}}{{#NOT_ACTIVE}}　（{{STATUS}}）{{/NOT_ACTIVE}}</p>
  </li>{{/SALON}}
</ul>
{{/SOME}}
<p class="no-print"><a href="/events">[[salons.list.calendar]]</a></p>
