{{#SECTION}}
<h2>{{SECTION_LABEL}}</h2>
<dl class="summary-list">
{{#ITEM}}<div id="answer-{{KEY}}"><dt>{{LABEL}}</dt><dd>{{#EMPTY}}<span class="muted">[[forms.view.empty]]</span>{{/EMPTY}}{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}
{{#TABLE}}<div class="table-wrap"><table><thead><tr>{{#HEAD}}<th scope="col">{{HEAD_LABEL}}</th>{{/HEAD}}</tr></thead><tbody>{{#ROW}}<tr>{{#CELL}}<td>{{#CELL_LINE}}{{TEXT}}{{#CELL_LINE_separator}}<br>{{/CELL_LINE_separator}}{{/CELL_LINE}}</td>{{/CELL}}</tr>{{/ROW}}</tbody></table></div>{{/TABLE}}</dd></div>
{{/ITEM}}
</dl>
{{/SECTION}}
