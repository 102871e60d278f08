<p class="breadcrumb"><a href="{{CASE_PATH}}">[[cases.edit.back]]</a></p>
<h1>[[cases.history.title]]</h1>
<p>[[cases.history.lead]]</p>
{{#NO_HISTORY}}<p>[[cases.history.none]]</p>{{/NO_HISTORY}}
<ol class="timeline__list">
  {{#REVISION}}<li class="timeline__entry">
    <p class="timeline__meta">[[cases.history.version]] {{VERSION}} ・ <span class="badge">{{KIND}}</span> {{DATE}} ・ {{BY}} ・ {{AT}}</p>
    <div class="timeline__body">{{#LINE_ITEM}}<p>{{LINE}}</p>{{/LINE_ITEM}}</div>
  </li>{{/REVISION}}
</ol>
