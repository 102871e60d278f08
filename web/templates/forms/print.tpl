<article class="mhlw-form">
<div class="no-print">
<p>[[forms.print.screen_note]] <a href="{{BACK_PATH}}">[[forms.print.back]]</a></p>
<p>[[forms.print.calendar]] {{#IS_WAREKI}}<strong>[[forms.print.wareki]]</strong> ・ <a href="{{SEIREKI_PATH}}">[[forms.print.seireki]]</a>{{/IS_WAREKI}}{{#IS_SEIREKI}}<a href="{{WAREKI_PATH}}">[[forms.print.wareki]]</a> ・ <strong>[[forms.print.seireki]]</strong>{{/IS_SEIREKI}}</p>
</div>
{{#HAS_BASIS}}<p class="mhlw-form__basis">{{BASIS}}</p>{{/HAS_BASIS}}
<h1 class="mhlw-form__title">{{TITLE}}</h1>
{{#HAS_ADDRESSEE}}<p class="mhlw-form__addressee">{{ADDRESSEE}}</p>{{/HAS_ADDRESSEE}}
{{#SECTION}}
<table class="mhlw-form__table">
<caption class="mhlw-form__section">{{SECTION_LABEL}}</caption>
<tbody>
{{#ITEM}}<tr><th scope="row">{{LABEL}}</th><td>{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}{{#BLANK}}<span class="mhlw-form__blank"></span>{{/BLANK}}
{{#TABLE}}<table class="mhlw-form__rows"><thead><tr>{{#HEAD}}<th scope="col">{{HEAD_LABEL}}</th>{{/HEAD}}</tr></thead><tbody>{{#ROW}}<tr>{{#CELL}}<td>{{#CELL_LINE}}{{TEXT}}{{#CELL_LINE_separator}}<br>{{/CELL_LINE_separator}}{{/CELL_LINE}}</td>{{/CELL}}</tr>{{/ROW}}</tbody></table>{{/TABLE}}</td></tr>
{{/ITEM}}
</tbody>
</table>
{{/SECTION}}
<div class="mhlw-form__signatures">
{{#SIGNATURE}}<div class="mhlw-form__sign">
{{#HAS_STATEMENT}}<p>{{STATEMENT}}</p>{{/HAS_STATEMENT}}
<p>{{#WITH_DATE}}<span class="mhlw-form__date">{{BLANK_DATE}}</span>{{/WITH_DATE}}<span class="mhlw-form__sign-label">（{{SIGN_LABEL}}）</span><span class="mhlw-form__line">{{#HAS_VALUE}}{{SIGN_VALUE}}{{/HAS_VALUE}}</span></p>
</div>
{{/SIGNATURE}}
</div>
{{#HAS_NOTES}}<p class="mhlw-form__notes">{{NOTES}}</p>{{/HAS_NOTES}}
<p class="mhlw-form__footer">{{FOOTER}}</p>
</article>
