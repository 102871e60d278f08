<p class="breadcrumb"><a href="/org/employers">[[employers.list.title]]</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{V_VERSION}}">
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[employers.field.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}"{{#ERR_NAME}} aria-describedby="name-error" aria-invalid="true"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_FURIGANA}} field--error{{/ERR_FURIGANA}}">
    <label for="furigana">[[employers.field.furigana]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_FURIGANA}}<p class="field__error" id="furigana-error">{{MESSAGE}}</p>{{/ERR_FURIGANA}}
    <input id="furigana" name="furigana" type="text" maxlength="100" value="{{V_FURIGANA}}"{{#ERR_FURIGANA}} aria-describedby="furigana-error" aria-invalid="true"{{/ERR_FURIGANA}}>
  </div>
  <div class="field{{#ERR_INDUSTRY}} field--error{{/ERR_INDUSTRY}}">
    <label for="industry">[[employers.field.industry]]</label>
    {{#ERR_INDUSTRY}}<p class="field__error" id="industry-error">{{MESSAGE}}</p>{{/ERR_INDUSTRY}}
    <select id="industry" name="industry"{{#ERR_INDUSTRY}} aria-describedby="industry-error" aria-invalid="true"{{/ERR_INDUSTRY}}><option value="">―</option>{{#INDUSTRY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}} {{LABEL}}</option>{{/INDUSTRY}}</select>
  </div>
  <div class="field{{#ERR_SIZE_BAND}} field--error{{/ERR_SIZE_BAND}}">
    <label for="size_band">[[employers.field.size_band]]</label>
    {{#ERR_SIZE_BAND}}<p class="field__error" id="size_band-error">{{MESSAGE}}</p>{{/ERR_SIZE_BAND}}
    <select id="size_band" name="size_band"{{#ERR_SIZE_BAND}} aria-describedby="size_band-error" aria-invalid="true"{{/ERR_SIZE_BAND}}><option value="">―</option>{{#SIZE_BAND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SIZE_BAND}}</select>
  </div>
  <div class="field{{#ERR_MUNICIPALITY}} field--error{{/ERR_MUNICIPALITY}}">
    <label for="municipality">[[employers.field.municipality]]</label>
    {{#ERR_MUNICIPALITY}}<p class="field__error" id="municipality-error">{{MESSAGE}}</p>{{/ERR_MUNICIPALITY}}
    <input id="municipality" name="municipality" type="text" maxlength="50" value="{{V_MUNICIPALITY}}"{{#ERR_MUNICIPALITY}} aria-describedby="municipality-error" aria-invalid="true"{{/ERR_MUNICIPALITY}}>
  </div>
  <div class="field{{#ERR_ADDRESS}} field--error{{/ERR_ADDRESS}}">
    <label for="address">[[employers.field.address]] <span class="muted">[[employers.form.optional]]</span></label>
    {{#ERR_ADDRESS}}<p class="field__error" id="address-error">{{MESSAGE}}</p>{{/ERR_ADDRESS}}
    <input id="address" name="address" type="text" maxlength="200" value="{{V_ADDRESS}}"{{#ERR_ADDRESS}} aria-describedby="address-error" aria-invalid="true"{{/ERR_ADDRESS}}>
  </div>
  <fieldset class="field">
    <legend>[[employers.field.practices]]</legend>
    <p class="hint">[[employers.form.practices_hint]]</p>
    {{#PRACTICE}}<div class="choice"><input type="checkbox" id="{{ID}}" name="practices" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/PRACTICE}}
  </fieldset>
  <div class="field{{#ERR_ATTITUDE_NOTE}} field--error{{/ERR_ATTITUDE_NOTE}}">
    <label for="attitude_note">[[employers.field.attitude_note]] <span class="muted">[[employers.form.optional]]</span></label>
    <p class="hint" id="attitude_note-hint">[[employers.form.attitude_note_hint]]</p>
    {{#ERR_ATTITUDE_NOTE}}<p class="field__error" id="attitude_note-error">{{MESSAGE}}</p>{{/ERR_ATTITUDE_NOTE}}
    <textarea id="attitude_note" name="attitude_note" rows="4" aria-describedby="attitude_note-hint{{#ERR_ATTITUDE_NOTE}} attitude_note-error{{/ERR_ATTITUDE_NOTE}}"{{#ERR_ATTITUDE_NOTE}} aria-invalid="true"{{/ERR_ATTITUDE_NOTE}}>{{V_ATTITUDE_NOTE}}</textarea>
  </div>
  <div class="field">
    <div class="choice"><input type="checkbox" id="share_partners" name="share_partners" value="1" aria-describedby="share_partners-hint"{{#SHARE_CHECKED}} checked{{/SHARE_CHECKED}}><label for="share_partners">[[employers.field.share_partners]]</label></div>
    <p class="hint" id="share_partners-hint">[[employers.form.share_hint]]</p>
  </div>
  <button type="submit" class="button button--primary">[[employers.form.save]]</button>
</form>
