  <fieldset class="field" aria-describedby="handoff_wished-hint">
    <legend>[[phoneday.handoff.wish_question]]</legend>
    <p class="field__hint" id="handoff_wished-hint">[[phoneday.handoff.wish_hint]]</p>
    <div class="radio"><input type="radio" id="handoff_wished" name="handoff_wished" value="1"{{#HANDOFF_WISHED}} checked{{/HANDOFF_WISHED}}><label for="handoff_wished">[[phoneday.handoff.wish_yes]]</label></div>
    <div class="radio"><input type="radio" id="handoff_wished-no" name="handoff_wished" value="0"{{#HANDOFF_NOT_WISHED}} checked{{/HANDOFF_NOT_WISHED}}><label for="handoff_wished-no">[[phoneday.handoff.wish_no]]</label></div>
  </fieldset>
