<p class="breadcrumb"><a href="{{DAY_PATH}}/records">[[record.day.back]]</a></p>
<h1>[[record.notes.title]]</h1>
<p class="lead">{{DATE}} {{TIME}}</p>
{{#SAVED}}<div class="notice notice--success" role="status"><p>[[record.notes.saved]]</p></div>{{/SAVED}}
[[include:partials/error_summary]]
<p>[[record.notes.lead]]</p>
<form method="post" action="{{DAY_PATH}}/notes" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_PREP}} field--error{{/ERR_PREP}}">
    <label for="prep">[[record.notes.prep]]</label>
    <p class="field__hint" id="prep-hint">[[record.notes.prep_hint]]</p>
    {{#ERR_PREP}}<p class="field__error" id="prep-error">{{MESSAGE}}</p>{{/ERR_PREP}}
    <textarea id="prep" name="prep" rows="8" maxlength="{{MAX_TEXT}}" aria-describedby="prep-hint{{#ERR_PREP}} prep-error{{/ERR_PREP}}"{{#ERR_PREP}} aria-invalid="true"{{/ERR_PREP}}>{{V_PREP}}</textarea>
  </div>
  <div class="field{{#ERR_DEBRIEF}} field--error{{/ERR_DEBRIEF}}">
    <label for="debrief">[[record.notes.debrief]]</label>
    <p class="field__hint" id="debrief-hint">[[record.notes.debrief_hint]]</p>
    {{#ERR_DEBRIEF}}<p class="field__error" id="debrief-error">{{MESSAGE}}</p>{{/ERR_DEBRIEF}}
    <textarea id="debrief" name="debrief" rows="8" maxlength="{{MAX_TEXT}}" aria-describedby="debrief-hint{{#ERR_DEBRIEF}} debrief-error{{/ERR_DEBRIEF}}"{{#ERR_DEBRIEF}} aria-invalid="true"{{/ERR_DEBRIEF}}>{{V_DEBRIEF}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[record.notes.submit]]</button>
</form>
