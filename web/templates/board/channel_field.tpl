  <fieldset class="field{{#ERR_CHANNEL}} field--error{{/ERR_CHANNEL}}" aria-describedby="channel-hint{{#ERR_CHANNEL}} channel-error{{/ERR_CHANNEL}}">
    <legend>[[board.book.channel]]</legend>
    <p class="field__hint" id="channel-hint">[[board.book.channel_hint]]</p>
    {{#ERR_CHANNEL}}<p class="field__error" id="channel-error">{{MESSAGE}}</p>{{/ERR_CHANNEL}}
    {{#CHANNEL}}<div class="radio"><input type="radio" id="{{ID}}" name="channel" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CHANNEL}}
  </fieldset>
  <fieldset class="field" aria-describedby="person_lang-hint">
    <legend>[[staffbook.person_lang.legend]]</legend>
    <p class="field__hint" id="person_lang-hint">[[staffbook.person_lang.hint]]</p>
    {{#PERSON_LANG}}<div class="radio"><input type="radio" id="{{ID}}" name="person_lang" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/PERSON_LANG}}
  </fieldset>
