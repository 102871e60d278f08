  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[members.field.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" autocomplete="off" spellcheck="false" maxlength="254" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_DISPLAY_NAME}} field--error{{/ERR_DISPLAY_NAME}}">
    <label for="display_name">[[members.field.display_name]]</label>
    <p class="field__hint" id="display_name-hint">[[members.field.display_name_hint]]</p>
    {{#ERR_DISPLAY_NAME}}<p class="field__error" id="display_name-error">{{MESSAGE}}</p>{{/ERR_DISPLAY_NAME}}
    <input id="display_name" name="display_name" type="text" autocomplete="off" maxlength="100" value="{{V_DISPLAY_NAME}}" aria-describedby="display_name-hint{{#ERR_DISPLAY_NAME}} display_name-error{{/ERR_DISPLAY_NAME}}"{{#ERR_DISPLAY_NAME}} aria-invalid="true"{{/ERR_DISPLAY_NAME}}>
  </div>
