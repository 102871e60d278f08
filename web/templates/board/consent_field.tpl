  <h2>[[booking.privacy.title]]</h2>
  <details>
    <summary>[[board.book.privacy]]</summary>
    <p>[[booking.privacy.purpose]]</p>
    <p>[[booking.privacy.who]]</p>
    <p>[[booking.privacy.retention]]</p>
  </details>
  <div class="field{{#ERR_CONSENT}} field--error{{/ERR_CONSENT}}">
    {{#ERR_CONSENT}}<p class="field__error" id="consent-error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
    <div class="radio"><input type="checkbox" id="consent" name="consent" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="consent-error"{{/ERR_CONSENT}}><label for="consent">[[board.book.consent]]</label></div>
  </div>
