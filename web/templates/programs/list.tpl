<h1>[[programs.title]]</h1>
[[include:partials/error_summary]]
<p>[[programs.lead]]</p>
{{#NO_PROGRAMS}}<p>[[programs.none]]</p>{{/NO_PROGRAMS}}
<ul class="program-list">
  {{#PROGRAM}}<li><a href="/programs/{{ID}}">{{NAME}}</a></li>{{/PROGRAM}}
</ul>
<h2>[[programs.create.title]]</h2>
<form method="post" action="/programs" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[programs.field.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_DESCRIPTION}} field--error{{/ERR_DESCRIPTION}}">
    <label for="description">[[programs.field.description]]</label>
    {{#ERR_DESCRIPTION}}<p class="field__error" id="description-error">{{MESSAGE}}</p>{{/ERR_DESCRIPTION}}
    <textarea id="description" name="description" rows="3"{{#ERR_DESCRIPTION}} aria-invalid="true" aria-describedby="description-error"{{/ERR_DESCRIPTION}}>{{V_DESCRIPTION}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[programs.create.submit]]</button>
</form>
