<p class="breadcrumb"><a href="{{RECORD_PATH}}">[[phoneday.handoff.back]]</a></p>
<h1>[[phoneday.handoff.title]]</h1>
[[include:partials/error_summary]]
<p>[[phoneday.handoff.lead]]</p>
{{#NO_CENTRE}}<div class="notice notice--warning"><p>[[phoneday.handoff.no_centre]]</p></div>{{/NO_CENTRE}}
{{#HAS_CENTRE}}<form method="post" action="{{HANDOFF_PATH}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_TO_ORG_ID}} field--error{{/ERR_TO_ORG_ID}}">
    <label for="to_org_id">[[phoneday.handoff.centre]]</label>
    {{#ERR_TO_ORG_ID}}<p class="field__error" id="to_org_id-error">{{MESSAGE}}</p>{{/ERR_TO_ORG_ID}}
    <select id="to_org_id" name="to_org_id"{{#ERR_TO_ORG_ID}} aria-describedby="to_org_id-error" aria-invalid="true"{{/ERR_TO_ORG_ID}}>
      <option value="">[[phoneday.handoff.choose_centre]]</option>
      {{#CENTRE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CENTRE}}
    </select>
  </div>
  <fieldset class="field{{#ERR_ITEMS}} field--error{{/ERR_ITEMS}}" aria-describedby="items-hint{{#ERR_ITEMS}} items-error{{/ERR_ITEMS}}">
    <legend>[[phoneday.handoff.items]]</legend>
    <p class="field__hint" id="items-hint">[[phoneday.handoff.items_hint]]</p>
    {{#ERR_ITEMS}}<p class="field__error" id="items-error">{{MESSAGE}}</p>{{/ERR_ITEMS}}
    {{#ITEM}}<div class="choice"><input type="checkbox" id="{{ID}}" name="items" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/ITEM}}
  </fieldset>
  <fieldset class="field{{#ERR_METHOD}} field--error{{/ERR_METHOD}}"{{#ERR_METHOD}} aria-describedby="method-error"{{/ERR_METHOD}}>
    <legend>[[phoneday.handoff.method]]</legend>
    {{#ERR_METHOD}}<p class="field__error" id="method-error">{{MESSAGE}}</p>{{/ERR_METHOD}}
    {{#METHOD}}<div class="radio"><input type="radio" id="{{ID}}" name="method" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>
    {{/METHOD}}
  </fieldset>
  <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
    <label for="note">[[phoneday.handoff.note]]</label>
    <p class="field__hint" id="note-hint">[[phoneday.handoff.note_hint]]</p>
    {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
    <textarea id="note" name="note" rows="5" maxlength="2000" aria-describedby="note-hint{{#ERR_NOTE}} note-error{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[phoneday.handoff.submit]]</button>
</form>{{/HAS_CENTRE}}
