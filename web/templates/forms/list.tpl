<p class="breadcrumb"><a href="{{CASE_PATH}}">[[forms.back_to_case]]</a></p>
<h1>[[forms.list.title]]</h1>
<p class="lead">[[forms.list.lead]]</p>
{{#PARTNER}}<p class="field__hint">[[forms.list.partner_hint]]</p>{{/PARTNER}}
<div class="table-wrap"><table>
<thead><tr><th scope="col">[[forms.list.col_form]]</th><th scope="col">[[forms.list.col_revision]]</th><th scope="col">[[forms.list.col_updated]]</th><th scope="col">[[forms.list.col_actions]]</th></tr></thead>
<tbody>
{{#FORM}}<tr>
<td><a href="{{PATH}}">{{FORM_NAME}}</a><br><span class="muted">{{FORM_TITLE}}</span></td>
<td>{{#SAVED}}{{REVISION_LABEL}}{{/SAVED}}{{#NOT_SAVED}}<span class="muted">[[forms.not_saved]]</span>{{/NOT_SAVED}}</td>
<td>{{#SAVED}}{{AT}}<br>{{BY}}{{/SAVED}}</td>
<td><a href="{{PATH}}">{{#WRITE}}[[forms.list.write]]{{/WRITE}}{{#EDIT}}[[forms.list.open]]{{/EDIT}}{{#OPEN}}[[forms.list.open]]{{/OPEN}}<span class="visually-hidden">（{{FORM_NAME}}）</span></a> ・ <a href="{{PRINT_PATH}}">[[forms.list.print]]<span class="visually-hidden">（{{FORM_NAME}}）</span></a></td>
</tr>
{{/FORM}}</tbody>
</table></div>
