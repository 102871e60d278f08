<p class="breadcrumb"><a href="{{CASE_PATH}}">[[forms.back_to_case]]</a> ・ <a href="{{FORMS_PATH}}">[[forms.back_to_list]]</a></p>
<h1>{{NAME}}</h1>
<p class="muted">{{#HAS_TITLE}}{{TITLE}}<br>{{/HAS_TITLE}}{{VERSION_NOTE}}</p>
{{#OLD}}<div class="notice notice--warning" role="status"><p>{{OLD_TEXT}} <a href="{{FORM_PATH}}">[[forms.view.see_latest]]</a></p></div>{{/OLD}}
{{#READONLY}}<p class="field__hint">[[forms.view.readonly]]</p>{{/READONLY}}
<p>{{STATUS}}</p>
<ul class="link-list no-print">
  <li><a href="{{PRINT_PATH}}">[[forms.print_link]]</a></li>
</ul>
{{#NOTHING}}<p class="muted">[[forms.view.answered_none]]</p>{{/NOTHING}}
[[include:forms/answers]]
[[include:forms/history]]
