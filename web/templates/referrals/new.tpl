<p class="breadcrumb"><a href="{{CLIENT_PATH}}">[[referrals.new.back]]</a></p>
<h1>[[referrals.new.title]]</h1>
<dl class="summary-list">
  <div><dt>[[referrals.page.client]]</dt><dd>{{CLIENT_NAME}}</dd></div>
</dl>
<p>[[referrals.new.lead]]</p>
[[include:partials/error_summary]]
{{#NONE_COVERED}}<div class="notice notice--warning" role="note"><p>[[referrals.new.none_covered]]</p><p><a class="button" href="{{CONSENT_PATH}}">[[referrals.new.record_consent]]</a></p></div>{{/NONE_COVERED}}
{{#FORM}}<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_TO_ORG_ID}} field--error{{/ERR_TO_ORG_ID}}" aria-describedby="to_org_id-hint{{#ERR_TO_ORG_ID}} to_org_id-error{{/ERR_TO_ORG_ID}}">
    <legend>[[referrals.new.to_org]]</legend>
    <p class="field__hint" id="to_org_id-hint">[[referrals.new.to_org_hint]]</p>
    {{#ERR_TO_ORG_ID}}<p class="field__error" id="to_org_id-error">{{MESSAGE}}</p>{{/ERR_TO_ORG_ID}}
    {{#NO_CONSENT}}<p class="referral-consent-link"><a href="{{CONSENT_PATH}}">[[referrals.new.record_consent]]</a></p>{{/NO_CONSENT}}
    {{#NO_ORGS}}<p>[[referrals.new.no_orgs]]</p>{{/NO_ORGS}}
    {{#ORG}}<div class="radio"><input type="radio" id="{{ID}}" name="to_org_id" value="{{ORG_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{NAME}} <span class="muted">（{{KIND}}）</span> {{#COVERED}}<span class="badge badge--success">[[referrals.new.covered]]</span>{{/COVERED}}{{#NOT_COVERED}}<span class="badge badge--neutral">[[referrals.new.not_covered]]</span>{{/NOT_COVERED}}</label></div>
    {{/ORG}}
  </fieldset>
  <fieldset class="field{{#ERR_REASON}} field--error{{/ERR_REASON}}"{{#ERR_REASON}} aria-describedby="reason-error"{{/ERR_REASON}}>
    <legend>[[referrals.new.reason]]</legend>
    {{#ERR_REASON}}<p class="field__error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
    {{#REASON}}<div class="radio"><input type="radio" id="{{ID}}" name="reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/REASON}}
  </fieldset>
  <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
    <label for="note">[[referrals.new.note]]</label>
    <p class="field__hint" id="note-hint">[[referrals.new.note_hint]]</p>
    {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
    <textarea id="note" name="note" rows="6" maxlength="{{MAX_NOTE}}" aria-describedby="note-hint{{#ERR_NOTE}} note-error{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[referrals.new.submit]]</button>
</form>{{/FORM}}
