<p class="breadcrumb"><a href="{{PATH}}">[[consents.withdraw.back]]</a></p>
<h1>[[consents.withdraw.title]]</h1>
[[include:partials/error_summary]]
<div class="notice notice--warning">
  <p>[[consents.withdraw.effect]]</p>
  <p>[[consents.withdraw.effect_more]]</p>
</div>
<dl class="summary-list">
  <div><dt>[[consents.field.client]]</dt><dd>{{CLIENT_NAME}}</dd></div>
  <div><dt>[[consents.field.recorded_by]]</dt><dd>{{ORG}}</dd></div>
  <div><dt>[[consents.field.organizations]]</dt><dd>{{PARTIES}}</dd></div>
  <div><dt>[[consents.field.items]]</dt><dd>{{ITEMS}}</dd></div>
  <div><dt>[[consents.field.period]]</dt><dd>{{PERIOD}}</dd></div>
</dl>
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
    <label for="note">[[consents.field.withdrawal_note]] <span class="muted">[[consents.withdraw.optional]]</span></label>
    <p class="field__hint" id="note-hint">[[consents.withdraw.note_hint]]</p>
    {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
    <textarea id="note" name="note" rows="3" maxlength="{{MAX_NOTE}}" aria-describedby="note-hint{{#ERR_NOTE}} note-error{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
  </div>
  <div class="actions">
    <button type="submit" class="button button--danger">[[consents.withdraw.submit]]</button>
    <a href="{{PATH}}">[[consents.withdraw.cancel]]</a>
  </div>
</form>
