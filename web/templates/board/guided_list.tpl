{{#GUIDED_SECTION}}<h2 id="guided">[[phoneday.guided.heading]]</h2>
<p>{{GUIDED_COUNT}}</p>
{{#HAS_GUIDED}}<ul>{{#GUIDED}}<li>{{TIME}} {{WINDOW}}</li>{{/GUIDED}}</ul>{{/HAS_GUIDED}}
{{#CAN_GUIDE}}<p class="no-print"><a class="button button--secondary" href="{{DAY_PATH}}/guided">[[phoneday.guided.link]]</a></p>{{/CAN_GUIDE}}{{/GUIDED_SECTION}}
