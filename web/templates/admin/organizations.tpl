<h1>[[orgs.title]]</h1>
[[include:partials/error_summary]]
<section aria-labelledby="orgs-list-title">
  <h2 id="orgs-list-title">[[orgs.list_title]]</h2>
  {{#EMPTY}}<p>[[orgs.empty]]</p>{{/EMPTY}}
  {{#HAS_ORGS}}
  <div class="table-scroll" role="region" aria-labelledby="orgs-list-title" tabindex="0">
    <table class="data-table">
      <caption class="visually-hidden">[[orgs.list_title]]</caption>
      <thead>
        <tr>
          <th scope="col">[[orgs.col.name]]</th>
          <th scope="col">[[orgs.col.kind]]</th>
          <th scope="col">[[orgs.col.status]]</th>
          <th scope="col" class="numeric">[[orgs.col.members]]</th>
        </tr>
      </thead>
      <tbody>
        {{#ORG}}
        <tr{{#DISABLED}} class="row--muted"{{/DISABLED}}>
          <th scope="row"><a href="{{URL}}">{{NAME}}</a></th>
          <td>{{KIND}}</td>
          <td>{{STATUS}}</td>
          <td class="numeric">{{MEMBERS}}</td>
        </tr>
        {{/ORG}}
      </tbody>
    </table>
  </div>
  {{/HAS_ORGS}}
</section>

<section aria-labelledby="orgs-create-title">
  <h2 id="orgs-create-title">[[orgs.create.title]]</h2>
  <form method="post" action="/admin/organizations" novalidate class="narrow">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="field{{#ERR_KIND}} field--error{{/ERR_KIND}}">
      <label for="kind">[[orgs.create.kind]]</label>
      {{#ERR_KIND}}<p class="field__error" id="kind-error">{{MESSAGE}}</p>{{/ERR_KIND}}
      <select id="kind" name="kind"{{#ERR_KIND}} aria-invalid="true" aria-describedby="kind-error"{{/ERR_KIND}}>
        <option value="">[[members.field.choose]]</option>
        {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
      <label for="name">[[orgs.create.name]]</label>
      <p class="field__hint" id="name-hint">[[orgs.create.name_hint]]</p>
      {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
      <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}" aria-describedby="name-hint{{#ERR_NAME}} name-error{{/ERR_NAME}}"{{#ERR_NAME}} aria-invalid="true"{{/ERR_NAME}}>
    </div>
    <button type="submit" class="button button--primary">[[orgs.create.submit]]</button>
  </form>
</section>
