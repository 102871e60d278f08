<h1>[[directory.list.title]]</h1>
<p class="lead">[[directory.list.lead]]</p>
<form method="get" action="/directory" class="no-print" role="search">
  <div class="field">
    <label for="q">[[directory.list.search_label]]</label>
    <p class="hint" id="q-hint">[[directory.list.search_hint]]</p>
    <input id="q" name="q" type="search" maxlength="100" value="{{Q}}" aria-describedby="q-hint">
  </div>
  <button type="submit" class="button button--primary">[[directory.list.search]]</button>
  {{#SEARCHED}}<a href="/directory">[[directory.list.clear]]</a>{{/SEARCHED}}
</form>
{{#SEARCHED}}<p role="status">{{RESULT}}</p>{{/SEARCHED}}
{{#NONE}}<p>[[directory.list.none]]</p>{{/NONE}}
{{#SOME}}
<nav aria-labelledby="directory-jump" class="no-print">
  <h2 id="directory-jump" class="visually-hidden">[[directory.list.jump]]</h2>
  <ul class="link-list">
    {{#JUMP}}<li><a href="#category-{{CATEGORY_CODE}}">{{CATEGORY}}</a></li>{{/JUMP}}
  </ul>
</nav>
{{/SOME}}
{{#GROUP}}
<section aria-labelledby="category-{{CATEGORY_CODE}}">
  <h2 id="category-{{CATEGORY_CODE}}">{{CATEGORY}}</h2>
  <ul class="link-list">
    {{#SERVICE}}<li>
      <a href="/directory/services/{{ID}}">{{NAME}}</a>
      <p class="muted">[[directory.list.organization]]：{{ORG_NAME}}{{#PHONE}}　[[directory.list.phone]]：{{TEXT}}{{/PHONE}}{{#SCHEDULE}}　[[directory.list.schedule]]：{{TEXT}}{{/SCHEDULE}}</p>
      {{#DESCRIPTION}}<p class="pre-line">{{TEXT}}</p>{{/DESCRIPTION}}
    </li>{{/SERVICE}}
  </ul>
</section>
{{/GROUP}}
<section aria-labelledby="directory-exports" class="no-print">
  <h2 id="directory-exports">[[directory.list.exports]]</h2>
  <ul>
    <li><a href="/directory/export.csv">[[directory.list.csv]]</a></li>
    <li><a href="/directory/hsds/services">[[directory.list.hsds]]</a></li>
  </ul>
</section>
