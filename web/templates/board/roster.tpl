<div class="narrow">
<p class="breadcrumb"><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
<h1>[[board.roster.page_title]]</h1>
[[include:board/day_header]]
[[include:partials/error_summary]]
<p>[[board.roster.lead]]</p>
{{#PLEDGE_PENDING}}<div class="notice notice--warning"><p>[[pledge.roster.pending]]</p><ul>{{#PERSON}}<li>{{LABEL}}</li>{{/PERSON}}</ul><p>[[pledge.roster.pending_hint]]</p></div>{{/PLEDGE_PENDING}}
{{#PLEDGE_ALL}}<p>[[pledge.roster.all]]</p>{{/PLEDGE_ALL}}
<p><a href="/programs/{{ID}}/partners">[[partners.roster_link]]</a></p>
{{#NO_STAFF}}<p>[[board.roster.no_staff]]</p>{{/NO_STAFF}}
{{#HAS_STAFF}}
<form method="post" action="{{DAY_PATH}}/roster" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_STAFF}} field--error{{/ERR_STAFF}}" aria-describedby="staff-hint{{#ERR_STAFF}} staff-error{{/ERR_STAFF}}">
    <legend>[[board.roster.legend]]</legend>
    <p class="field__hint" id="staff-hint">[[board.roster.hint]]</p>
    {{#ERR_STAFF}}<p class="field__error" id="staff-error">{{MESSAGE}}</p>{{/ERR_STAFF}}
    {{#STAFF}}<div class="choice"><input type="checkbox" id="{{BOX_ID}}" name="staff" value="{{USER_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{BOX_ID}}">{{LABEL}}</label></div>{{/STAFF}}
  </fieldset>
  <button type="submit" class="button button--primary">[[board.roster.submit]]</button>
</form>
{{/HAS_STAFF}}
</div>
