<p class="breadcrumb"><a href="{{CASE_PATH}}">[[cases.edit.back]]</a></p>
<h1>[[cases.edit.title]]</h1>
<p>[[cases.edit.lead]]</p>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  {{#KIND_FIXED}}<input type="hidden" name="kind" value="{{FIXED_KIND}}"><p>[[cases.entry.kind]]：{{KIND_LABEL}}</p>{{/KIND_FIXED}}
  {{#KIND_CHOICE}}
  <div class="field">
    <label for="kind">[[cases.entry.kind]]</label>
    <select id="kind" name="kind">{{#KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
  </div>
  {{/KIND_CHOICE}}
  <div class="field{{#ERR_OCCURRED_ON}} field--error{{/ERR_OCCURRED_ON}}">
    <label for="occurred_on">[[cases.entry.occurred_on]]</label>
    {{#ERR_OCCURRED_ON}}<p class="field__error" id="occurred_on-error">{{MESSAGE}}</p>{{/ERR_OCCURRED_ON}}
    <input id="occurred_on" name="occurred_on" type="date" class="input--short" value="{{V_OCCURRED_ON}}"{{#ERR_OCCURRED_ON}} aria-invalid="true" aria-describedby="occurred_on-error"{{/ERR_OCCURRED_ON}}>
  </div>
  <div class="field{{#ERR_BODY}} field--error{{/ERR_BODY}}">
    <label for="body">[[cases.entry.body]]</label>
    {{#ERR_BODY}}<p class="field__error" id="body-error">{{MESSAGE}}</p>{{/ERR_BODY}}
    <textarea id="body" name="body" rows="8" maxlength="{{MAX_BODY}}"{{#ERR_BODY}} aria-invalid="true" aria-describedby="body-error"{{/ERR_BODY}}>{{V_BODY}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[cases.edit.submit]]</button>
</form>
