<p class="breadcrumb"><a href="/org/employers">[[employers.list.title]]</a></p>
<h1>{{NAME}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <dt>[[employers.field.furigana]]</dt><dd>{{FURIGANA}}</dd>
  <dt>[[employers.field.industry]]</dt><dd>{{INDUSTRY}}</dd>
  <dt>[[employers.field.size_band]]</dt><dd>{{SIZE}}</dd>
  <dt>[[employers.field.municipality]]</dt><dd>{{AREA}}</dd>
  <dt>[[employers.field.address]]</dt><dd>{{ADDRESS}}</dd>
  <dt>[[employers.field.practices]]</dt><dd>{{PRACTICES}}</dd>
  <dt>[[employers.field.status]]</dt><dd>{{STATUS}}</dd>
  {{#OWN}}<dt>[[employers.field.attitude_note]]</dt><dd class="pre-wrap">{{ATTITUDE_NOTE}}</dd>
  <dt>[[employers.field.share_partners]]</dt><dd>{{SHARED}}</dd>{{/OWN}}
  {{#PARTNER}}<dt>[[employers.show.keeper]]</dt><dd>{{KEEPER}}</dd>{{/PARTNER}}
</dl>
{{#PARTNER}}<p class="hint">[[employers.show.partner_note]]</p>{{/PARTNER}}
{{#OWN}}
<p class="actions"><a class="button" href="/org/employers/{{ID}}/edit">[[employers.show.edit]]</a>{{#ACTIVE}} <a class="button" href="/org/employers/{{ID}}/openings/new">[[employers.show.new_opening]]</a>{{/ACTIVE}}</p>
<form method="post" action="/org/employers/{{ID}}/archive" class="inline-form">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  {{#ACTIVE}}<input type="hidden" name="archived" value="1"><button type="submit" class="button button--secondary">[[employers.show.archive]]</button>{{/ACTIVE}}
  {{#ARCHIVED}}<input type="hidden" name="archived" value="0"><button type="submit" class="button button--secondary">[[employers.show.restore]]</button>{{/ARCHIVED}}
</form>
<h2 id="contacts">[[employers.contacts.title]]</h2>
<p class="hint">[[employers.contacts.hint]]</p>
{{#NO_CONTACTS}}<p>[[employers.contacts.none]]</p>{{/NO_CONTACTS}}
<ul class="link-list">
  {{#CONTACT}}<li>
    <p>{{NAME}}　{{ROLE}}　{{PHONE}}　{{EMAIL}}</p>
    <form method="post" action="/org/employers/{{EMPLOYER_ID}}/contacts/{{ID}}/remove" class="inline-form">
      <input type="hidden" name="csrf_token" value="{{CSRF}}">
      <button type="submit" class="button button--secondary">[[employers.contacts.remove]]<span class="visually-hidden">（{{NAME}}）</span></button>
    </form>
  </li>{{/CONTACT}}
</ul>
<h3>[[employers.contacts.add]]</h3>
<form method="post" action="/org/employers/{{ID}}/contacts" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_CONTACT_NAME}} field--error{{/ERR_CONTACT_NAME}}">
    <label for="contact_name">[[employers.contacts.name]]</label>
    {{#ERR_CONTACT_NAME}}<p class="field__error" id="contact_name-error">{{MESSAGE}}</p>{{/ERR_CONTACT_NAME}}
    <input id="contact_name" name="contact_name" type="text" maxlength="100" value="{{V_CONTACT_NAME}}"{{#ERR_CONTACT_NAME}} aria-describedby="contact_name-error" aria-invalid="true"{{/ERR_CONTACT_NAME}}>
  </div>
  <div class="field{{#ERR_CONTACT_ROLE}} field--error{{/ERR_CONTACT_ROLE}}">
    <label for="contact_role">[[employers.contacts.role]]</label>
    {{#ERR_CONTACT_ROLE}}<p class="field__error" id="contact_role-error">{{MESSAGE}}</p>{{/ERR_CONTACT_ROLE}}
    <input id="contact_role" name="contact_role" type="text" maxlength="100" value="{{V_CONTACT_ROLE}}"{{#ERR_CONTACT_ROLE}} aria-describedby="contact_role-error" aria-invalid="true"{{/ERR_CONTACT_ROLE}}>
  </div>
  <div class="field{{#ERR_CONTACT_PHONE}} field--error{{/ERR_CONTACT_PHONE}}">
    <label for="contact_phone">[[employers.contacts.phone]]</label>
    {{#ERR_CONTACT_PHONE}}<p class="field__error" id="contact_phone-error">{{MESSAGE}}</p>{{/ERR_CONTACT_PHONE}}
    <input id="contact_phone" name="contact_phone" type="tel" maxlength="30" value="{{V_CONTACT_PHONE}}"{{#ERR_CONTACT_PHONE}} aria-describedby="contact_phone-error" aria-invalid="true"{{/ERR_CONTACT_PHONE}}>
  </div>
  <div class="field{{#ERR_CONTACT_EMAIL}} field--error{{/ERR_CONTACT_EMAIL}}">
    <label for="contact_email">[[employers.contacts.email]]</label>
    {{#ERR_CONTACT_EMAIL}}<p class="field__error" id="contact_email-error">{{MESSAGE}}</p>{{/ERR_CONTACT_EMAIL}}
    <input id="contact_email" name="contact_email" type="email" maxlength="254" value="{{V_CONTACT_EMAIL}}"{{#ERR_CONTACT_EMAIL}} aria-describedby="contact_email-error" aria-invalid="true"{{/ERR_CONTACT_EMAIL}}>
  </div>
  <button type="submit" class="button button--primary">[[employers.contacts.save]]</button>
</form>
{{/OWN}}
<h2>[[employers.show.openings]]</h2>
{{#NO_OPENINGS}}<p>[[employers.show.no_openings]]</p>{{/NO_OPENINGS}}
<ul class="link-list">
  {{#OPENING}}<li><a href="/org/openings/{{ID}}">{{TITLE}}</a> <span class="muted">{{TYPE}}　{{AREA}}　{{STATE}}</span></li>{{/OPENING}}
</ul>
