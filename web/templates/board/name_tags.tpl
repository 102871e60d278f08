<p class="breadcrumb"><a href="{{DAY_PATH}}">[[print.back]]</a></p>
<h1 class="no-print">[[print.tags.heading]]</h1>
<div class="no-print">
[[include:board/day_header]]
<p>[[print.tags.lead]]</p>
</div>
{{#NO_TAGS}}<p>[[print.tags.none]]</p>{{/NO_TAGS}}
{{#HAS_TAGS}}
<ul class="name-tags" aria-label="[[print.tags.heading]]">
  {{#TAG}}<li class="name-tag"><span class="name-tag__title">[[print.tags.tag_title]]</span> <span class="name-tag__profession">{{PROFESSION}}</span></li>
  {{/TAG}}
</ul>
{{/HAS_TAGS}}
