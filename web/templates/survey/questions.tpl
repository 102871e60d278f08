<fieldset class="field{{#ERR_SATISFACTION}} field--error{{/ERR_SATISFACTION}}"{{#ERR_SATISFACTION}} aria-describedby="satisfaction-error"{{/ERR_SATISFACTION}}>
  <legend>[[survey.q.satisfaction]] <span class="muted">[[survey.required]]</span></legend>
  {{#ERR_SATISFACTION}}<p class="field__error" id="satisfaction-error">{{MESSAGE}}</p>{{/ERR_SATISFACTION}}
  {{#SATISFACTION}}<div class="radio"><input type="radio" id="{{ID}}" name="satisfaction" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/SATISFACTION}}
</fieldset>
<fieldset class="field{{#ERR_HELPFULNESS}} field--error{{/ERR_HELPFULNESS}}"{{#ERR_HELPFULNESS}} aria-describedby="helpfulness-error"{{/ERR_HELPFULNESS}}>
  <legend>[[survey.q.helpfulness]] <span class="muted">[[survey.optional]]</span></legend>
  {{#ERR_HELPFULNESS}}<p class="field__error" id="helpfulness-error">{{MESSAGE}}</p>{{/ERR_HELPFULNESS}}
  {{#HELPFULNESS}}<div class="radio"><input type="radio" id="{{ID}}" name="helpfulness" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/HELPFULNESS}}
</fieldset>
<fieldset class="field{{#ERR_OUTLOOK}} field--error{{/ERR_OUTLOOK}}"{{#ERR_OUTLOOK}} aria-describedby="outlook-error"{{/ERR_OUTLOOK}}>
  <legend>[[survey.q.outlook]] <span class="muted">[[survey.optional]]</span></legend>
  {{#ERR_OUTLOOK}}<p class="field__error" id="outlook-error">{{MESSAGE}}</p>{{/ERR_OUTLOOK}}
  {{#OUTLOOK}}<div class="radio"><input type="radio" id="{{ID}}" name="outlook" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/OUTLOOK}}
</fieldset>
<fieldset class="field{{#ERR_USE_AGAIN}} field--error{{/ERR_USE_AGAIN}}"{{#ERR_USE_AGAIN}} aria-describedby="use_again-error"{{/ERR_USE_AGAIN}}>
  <legend>[[survey.q.use_again]] <span class="muted">[[survey.optional]]</span></legend>
  {{#ERR_USE_AGAIN}}<p class="field__error" id="use_again-error">{{MESSAGE}}</p>{{/ERR_USE_AGAIN}}
  {{#USE_AGAIN}}<div class="radio"><input type="radio" id="{{ID}}" name="use_again" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/USE_AGAIN}}
</fieldset>
<fieldset class="field{{#ERR_HEARD_FROM}} field--error{{/ERR_HEARD_FROM}}"{{#ERR_HEARD_FROM}} aria-describedby="heard_from-error"{{/ERR_HEARD_FROM}}>
  <legend>[[survey.q.heard_from]] <span class="muted">[[survey.optional]]</span></legend>
  {{#ERR_HEARD_FROM}}<p class="field__error" id="heard_from-error">{{MESSAGE}}</p>{{/ERR_HEARD_FROM}}
  {{#HEARD_FROM}}<div class="radio"><input type="radio" id="{{ID}}" name="heard_from" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/HEARD_FROM}}
</fieldset>
<div class="field{{#ERR_COMMENT}} field--error{{/ERR_COMMENT}}">
  <label for="comment">[[survey.q.comment]] <span class="muted">[[survey.optional]]</span></label>
  <p class="field__hint" id="comment-hint">[[survey.q.comment_hint]]</p>
  {{#ERR_COMMENT}}<p class="field__error" id="comment-error">{{MESSAGE}}</p>{{/ERR_COMMENT}}
  <textarea id="comment" name="comment" rows="5" maxlength="1000" aria-describedby="comment-hint{{#ERR_COMMENT}} comment-error{{/ERR_COMMENT}}"{{#ERR_COMMENT}} aria-invalid="true"{{/ERR_COMMENT}}>{{V_COMMENT}}</textarea>
</div>
