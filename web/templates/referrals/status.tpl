<section id="referral-status" class="referral-status" aria-labelledby="referral-status-title" hx-get="{{REFERRAL_PATH}}/status" hx-trigger="sse:referral, sse:resync" hx-swap="outerHTML" data-announce="[[referrals.status.announce]]{{STATUS}}">
  <h2 id="referral-status-title">[[referrals.status.title]]</h2>
  <p class="referral-status__now"><span class="badge {{STATUS_CLASS}}" id="referral-status-badge">{{STATUS}}</span> <span class="muted">[[referrals.status.updated]] <time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></span></p>
  <p>{{NEXT}}</p>
  {{#HAS_FACTS}}<dl class="summary-list">
    {{#DECLINED}}<div><dt>[[referrals.status.decline_reason]]</dt><dd>{{DECLINE_REASON}}</dd></div>{{/DECLINED}}
    {{#HAS_CASE}}<div><dt>[[referrals.status.case]]</dt><dd><a href="{{CASE_PATH}}">[[referrals.status.case_link]]</a></dd></div>{{/HAS_CASE}}
    {{#HAS_RESULT}}<div><dt>[[referrals.status.result]]</dt><dd><span class="badge {{RESULT_CLASS}}">{{RESULT}}</span>{{#HAS_RESULT_REASON}} {{RESULT_REASON}}{{/HAS_RESULT_REASON}}</dd></div>{{/HAS_RESULT}}
  </dl>{{/HAS_FACTS}}

  {{#HAS_ACTIONS}}
  <div class="referral-actions no-print">
    <h3>[[referrals.actions.title]]</h3>
    {{#ACCEPT}}
    <form method="post" action="{{REFERRAL_PATH}}/accept" id="accept" class="referral-action">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <p class="field__hint">[[referrals.actions.accept_hint]]</p>
      <button type="submit" class="button button--primary">[[referrals.actions.accept]]</button>
    </form>
    {{/ACCEPT}}
    {{#START}}
    <form method="post" action="{{REFERRAL_PATH}}/start" id="start" class="referral-action">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <input type="hidden" name="version" value="{{VERSION}}">
      <p class="field__hint">[[referrals.actions.start_hint]]</p>
      <button type="submit" class="button button--primary">[[referrals.actions.start]]</button>
    </form>
    {{/START}}
    {{#DECLINE_FORM}}
    <details class="referral-action"{{#OPEN}} open{{/OPEN}}>
      <summary>[[referrals.actions.decline]]</summary>
      <form method="post" action="{{REFERRAL_PATH}}/decline" id="decline" novalidate>
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <input type="hidden" name="version" value="{{VERSION}}">
        <fieldset class="field{{#ERR_REASON}} field--error{{/ERR_REASON}}"{{#ERR_REASON}} aria-describedby="decline-reason-error"{{/ERR_REASON}}>
          <legend>[[referrals.actions.decline_reason]]</legend>
          {{#ERR_REASON}}<p class="field__error" id="decline-reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
          {{#DECLINE_REASON}}<div class="radio"><input type="radio" id="{{ID}}" name="reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
          {{/DECLINE_REASON}}
        </fieldset>
        <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
          <label for="decline-note">[[referrals.actions.decline_note]]</label>
          <p class="field__hint" id="decline-note-hint">[[referrals.actions.decline_note_hint]]</p>
          {{#ERR_NOTE}}<p class="field__error" id="decline-note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
          <textarea id="decline-note" name="note" rows="4" maxlength="{{MAX_NOTE}}" aria-describedby="decline-note-hint{{#ERR_NOTE}} decline-note-error{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
        </div>
        <button type="submit" class="button button--danger">[[referrals.actions.decline_submit]]</button>
      </form>
    </details>
    {{/DECLINE_FORM}}
    {{#COMPLETE_FORM}}
    <details class="referral-action"{{#OPEN}} open{{/OPEN}}>
      <summary>[[referrals.actions.complete]]</summary>
      <form method="post" action="{{REFERRAL_PATH}}/complete" id="complete" novalidate>
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <input type="hidden" name="version" value="{{VERSION}}">
        <fieldset class="field{{#ERR_RESULT}} field--error{{/ERR_RESULT}}"{{#ERR_RESULT}} aria-describedby="complete-result-error"{{/ERR_RESULT}}>
          <legend>[[referrals.actions.result]]</legend>
          {{#ERR_RESULT}}<p class="field__error" id="complete-result-error">{{MESSAGE}}</p>{{/ERR_RESULT}}
          {{#RESULT_CHOICE}}<div class="radio"><input type="radio" id="{{ID}}" name="result" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
          {{/RESULT_CHOICE}}
        </fieldset>
        <div class="field{{#ERR_OUTCOME}} field--error{{/ERR_OUTCOME}}">
          <label for="complete-outcome">[[referrals.actions.outcome]]</label>
          <p class="field__hint" id="complete-outcome-hint">[[referrals.actions.outcome_hint]]</p>
          {{#ERR_OUTCOME}}<p class="field__error" id="complete-outcome-error">{{MESSAGE}}</p>{{/ERR_OUTCOME}}
          <select id="complete-outcome" name="outcome" aria-describedby="complete-outcome-hint{{#ERR_OUTCOME}} complete-outcome-error{{/ERR_OUTCOME}}"><option value="">[[referrals.actions.outcome_none]]</option>{{#OUTCOME_CHOICE}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME_CHOICE}}</select>
        </div>
        <fieldset class="field{{#ERR_RESULT_REASON}} field--error{{/ERR_RESULT_REASON}}" aria-describedby="complete-result_reason-hint{{#ERR_RESULT_REASON}} complete-result_reason-error{{/ERR_RESULT_REASON}}">
          <legend>[[referrals.actions.unsuccessful_reason]]</legend>
          <p class="field__hint" id="complete-result_reason-hint">[[referrals.actions.unsuccessful_hint]]</p>
          {{#ERR_RESULT_REASON}}<p class="field__error" id="complete-result_reason-error">{{MESSAGE}}</p>{{/ERR_RESULT_REASON}}
          {{#UNSUCCESSFUL_CHOICE}}<div class="radio"><input type="radio" id="{{ID}}" name="result_reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
          {{/UNSUCCESSFUL_CHOICE}}
        </fieldset>
        <button type="submit" class="button button--primary">[[referrals.actions.complete_submit]]</button>
      </form>
    </details>
    {{/COMPLETE_FORM}}
    {{#WITHDRAW_FORM}}
    <details class="referral-action"{{#OPEN}} open{{/OPEN}}>
      <summary>[[referrals.actions.withdraw]]</summary>
      <form method="post" action="{{REFERRAL_PATH}}/withdraw" id="withdraw" novalidate>
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <input type="hidden" name="version" value="{{VERSION}}">
        <p class="field__hint">[[referrals.actions.withdraw_hint]]</p>
        <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
          <label for="withdraw-note">[[referrals.actions.withdraw_note]]</label>
          <p class="field__hint" id="withdraw-note-hint">[[referrals.actions.withdraw_note_hint]]</p>
          {{#ERR_NOTE}}<p class="field__error" id="withdraw-note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
          <textarea id="withdraw-note" name="note" rows="3" maxlength="{{MAX_NOTE}}" aria-describedby="withdraw-note-hint{{#ERR_NOTE}} withdraw-note-error{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
        </div>
        <button type="submit" class="button button--danger">[[referrals.actions.withdraw_submit]]</button>
      </form>
    </details>
    {{/WITHDRAW_FORM}}
  </div>
  {{/HAS_ACTIONS}}

  <h2 id="referral-history-title">[[referrals.history.title]] <span class="muted">（{{EVENT_COUNT}}）</span></h2>
  {{#NO_EVENTS}}<p>[[referrals.history.empty]]</p>{{/NO_EVENTS}}
  <ol class="referral-history" aria-labelledby="referral-history-title">
    {{#EVENT}}<li class="referral-history__event">
      <p class="referral-history__meta"><span class="badge {{EVENT_CLASS}}">{{EVENT_STATUS}}</span> <time datetime="{{AT_ISO}}">{{AT}}</time> ・ {{WHO}} ・ {{ORG}}</p>
      {{#HAS_REASON}}<p>{{REASON_LABEL}}{{REASON}}</p>{{/HAS_REASON}}
      {{#HAS_NOTE}}<div class="referral-history__note">{{#NOTE_LINE}}<p>{{LINE}}</p>{{/NOTE_LINE}}</div>{{/HAS_NOTE}}
    </li>
    {{/EVENT}}
  </ol>
</section>
