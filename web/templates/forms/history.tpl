<section id="history" aria-labelledby="history-title" class="no-print">
<h2 id="history-title">[[forms.history.title]]</h2>
{{#NO_HISTORY}}<p class="muted">[[forms.history.empty]]</p>{{/NO_HISTORY}}
{{#HAS_HISTORY}}<div class="table-wrap"><table>
<thead><tr><th scope="col">[[forms.history.col_revision]]</th><th scope="col">[[forms.history.col_by]]</th><th scope="col">[[forms.history.col_at]]</th><th scope="col">[[forms.history.col_version]]</th></tr></thead>
<tbody>
{{#REVISION}}<tr><td><a href="{{REVISION_PATH}}">{{REVISION_LABEL}}</a></td><td>{{BY}}（{{ORG}}）</td><td>{{AT}}</td><td>{{FORM_VERSION}}</td></tr>
{{/REVISION}}</tbody>
</table></div>{{/HAS_HISTORY}}
</section>
