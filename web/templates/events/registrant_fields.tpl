  <fieldset class="field{{#ERR_MODE}} field--error{{/ERR_MODE}}" aria-describedby="mode-hint{{#ERR_MODE}} mode-error{{/ERR_MODE}}">
    <legend>[[events.register.mode]]</legend>
    <p class="hint" id="mode-hint">[[events.register.mode_hint]]</p>
    {{#ERR_MODE}}<p class="field__error" id="mode-error">{{MESSAGE}}</p>{{/ERR_MODE}}
    {{#MODE}}<div class="radio"><input type="radio" id="{{ID}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}（{{PLACES}}）</label></div>{{/MODE}}
  </fieldset>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[events.register.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" autocomplete="name" value="{{V_NAME}}"{{#ERR_NAME}} aria-describedby="name-error"{{/ERR_NAME}}{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[events.register.furigana]]</label>
    <p class="hint" id="furigana-hint">[[events.register.furigana_hint]]</p>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="100" value="{{V_FURIGANA}}" aria-describedby="furigana-hint{{#ERR_FURIGANA}} furigana-error{{/ERR_FURIGANA}}"{{#ERR_FURIGANA}} aria-invalid="true"{{/ERR_FURIGANA}}>
  </div>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[events.register.phone]]</label>
    <p class="hint" id="phone-hint">[[events.register.phone_hint]]</p>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="{{V_PHONE}}" aria-describedby="phone-hint{{#ERR_PHONE}} phone-error{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
  </div>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[events.register.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="254" autocomplete="email" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-describedby="email-error"{{/ERR_EMAIL}}{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
  </div>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[events.register.municipality]]</label>
    <p class="hint" id="municipality-hint">[[events.register.municipality_hint]]</p>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="40" autocomplete="address-level2" value="{{V_MUNICIPALITY}}" aria-describedby="municipality-hint{{#ERR_MUNICIPALITY}} municipality-error{{/ERR_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>
  <fieldset class="field{{#ERR_AFFILIATION}} field--error{{/ERR_AFFILIATION}}"{{#ERR_AFFILIATION}} aria-describedby="affiliation-error"{{/ERR_AFFILIATION}}>
    <legend>[[events.register.affiliation]]</legend>
    {{#ERR_AFFILIATION}}<p class="field__error" id="affiliation-error">{{MESSAGE}}</p>{{/ERR_AFFILIATION}}
    {{#AFFILIATION}}<div class="radio"><input type="radio" id="{{ID}}" name="affiliation" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/AFFILIATION}}
  </fieldset>
  <div class="field">
    <div class="radio"><input type="checkbox" id="accept_waiting" name="accept_waiting" value="1"{{#WAITING_CHECKED}} checked{{/WAITING_CHECKED}}><label for="accept_waiting">[[events.register.accept_waiting]]</label></div>
  </div>
