{{#FIELD}}
<div class="field{{#ERROR}} field--error{{/ERROR}}">
  <label for="{{NAME}}">{{LABEL}}{{#OPTIONAL}}[[directory.form.optional]]{{/OPTIONAL}}</label>
  {{#HINT}}<p class="hint" id="{{NAME}}-hint">{{TEXT}}</p>{{/HINT}}
  {{#ERROR}}<p class="field__error" id="{{NAME}}-error">{{MESSAGE}}</p>{{/ERROR}}
  {{#INPUT}}<input id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" maxlength="{{MAX}}" value="{{VALUE}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/INPUT}}
  {{#AREA}}<textarea id="{{NAME}}" name="{{NAME}}" rows="3"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>{{/AREA}}
</div>
{{/FIELD}}
