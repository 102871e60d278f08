<p class="breadcrumb"><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
<h1>[[board.book.title]]</h1>
[[include:board/day_header]]
[[include:partials/error_summary]]
{{#DAY_FULL}}<div class="notice notice--warning" role="status"><p><strong>[[board.book.day_full]]</strong></p><p><a href="{{DAY_PATH}}/waiting">[[board.page.waiting_link]]</a></p></div>{{/DAY_FULL}}
<p>[[board.book.lead]]</p>
<form method="post" action="{{DAY_PATH}}/book" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
[[include:board/channel_field]]
  <div class="field{{#ERR_SLOT_ID}} field--error{{/ERR_SLOT_ID}}">
    <label for="slot_id">[[board.book.slot]]</label>
    {{#ERR_SLOT_ID}}<p class="field__error" id="slot_id-error">{{MESSAGE}}</p>{{/ERR_SLOT_ID}}
    <select id="slot_id" name="slot"{{#ERR_SLOT_ID}} aria-invalid="true" aria-describedby="slot_id-error"{{/ERR_SLOT_ID}}>
      <option value="">[[board.book.choose]]</option>
      {{#SLOT_OPTION}}<option value="{{SLOT_ID}}"{{#SELECTED}} selected{{/SELECTED}}{{#DISABLED}} disabled{{/DISABLED}}>{{LABEL}}</option>{{/SLOT_OPTION}}
    </select>
  </div>

[[include:booking/intake_fields]]
[[include:board/consent_field]]
  <button type="submit" class="button button--primary">[[board.book.submit]]</button>
</form>
<p><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
