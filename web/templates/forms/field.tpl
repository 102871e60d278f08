<div class="field{{#HAS_ERROR}} field--error{{/HAS_ERROR}}" id="field-{{KEY}}">
{{#LABELLED}}<label for="{{FOR_ID}}">{{LABEL}}{{#REQUIRED}} <span class="badge badge--neutral">[[forms.required]]</span>{{/REQUIRED}}{{#ESTIMATED}} <span class="muted">[[forms.estimated_mark]]</span>{{/ESTIMATED}}</label>
{{#HAS_HINT}}<p class="field__hint" id="{{HINT_ID}}">{{HINT}}</p>{{/HAS_HINT}}
{{#ERROR}}<p class="field__error" id="{{ERR_ID}}">{{MESSAGE}}</p>{{/ERROR}}
{{#CONTROL}}[[include:forms/control]]{{/CONTROL}}
{{/LABELLED}}
{{#GROUPED}}<fieldset>
<legend>{{LABEL}}{{#REQUIRED}} <span class="badge badge--neutral">[[forms.required]]</span>{{/REQUIRED}}{{#ESTIMATED}} <span class="muted">[[forms.estimated_mark]]</span>{{/ESTIMATED}}</legend>
{{#HAS_HINT}}<p class="field__hint" id="{{HINT_ID}}">{{HINT}}</p>{{/HAS_HINT}}
{{#ERROR}}<p class="field__error" id="{{ERR_ID}}">{{MESSAGE}}</p>{{/ERROR}}
{{#CONTROL}}[[include:forms/control]]{{/CONTROL}}
{{#RANGE}}<div class="inline-fields">{{#END}}<div class="field"><label for="{{FOR_ID}}">{{END_LABEL}}</label>{{#CONTROL}}[[include:forms/control]]{{/CONTROL}}</div>{{/END}}</div>{{/RANGE}}
{{#TABLE}}<p class="field__hint">[[forms.rows.hint]]</p>
<div class="table-wrap"><table class="form-rows">
<thead><tr><th scope="col">[[forms.rows.number]]</th>{{#HEAD}}<th scope="col">{{HEAD_LABEL}}{{#HEAD_REQUIRED}} <span class="badge badge--neutral">[[forms.required]]</span>{{/HEAD_REQUIRED}}{{#HEAD_ESTIMATED}} <span class="muted">[[forms.estimated_mark]]</span>{{/HEAD_ESTIMATED}}{{#HAS_HEAD_HINT}}<br><span class="field__hint">{{HEAD_HINT}}</span>{{/HAS_HEAD_HINT}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{N}}</th>{{#CELL}}<td>{{#CELL_ERROR}}<p class="field__error" id="{{ERR_ID}}">{{MESSAGE}}</p>{{/CELL_ERROR}}{{#CONTROL}}[[include:forms/control]]{{/CONTROL}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table></div>
{{/TABLE}}
</fieldset>{{/GROUPED}}
</div>
