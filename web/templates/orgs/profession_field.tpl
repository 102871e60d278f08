  <div class="field{{#ERR_PROFESSION}} field--error{{/ERR_PROFESSION}}">
    <label for="profession">[[members.field.profession]]</label>
    {{#ERR_PROFESSION}}<p class="field__error" id="profession-error">{{MESSAGE}}</p>{{/ERR_PROFESSION}}
    <select id="profession" name="profession"{{#ERR_PROFESSION}} aria-invalid="true" aria-describedby="profession-error"{{/ERR_PROFESSION}}>
      <option value="">[[members.field.choose]]</option>
      {{#PROFESSION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROFESSION_OPTION}}
    </select>
  </div>
