<h1>[[requests.show.heading]] {{REFERENCE}}</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[requests.col.received]]</dt><dd>{{RECEIVED}}</dd></div>
  <div><dt>[[requests.col.due]]</dt><dd>{{DUE}}{{#OVERDUE}} <span class="badge badge--warning">[[requests.overdue]]</span>{{/OVERDUE}}</dd></div>
  <div><dt>[[requests.col.status]]</dt><dd>{{STATUS}}{{#REPLIED}}（{{AT}}）{{#IN_TIME}} <span class="badge badge--info">[[requests.in_time]]</span>{{/IN_TIME}}{{/REPLIED}}</dd></div>
  <div><dt>[[requests.col.requester]]</dt><dd>{{REQUESTER}}（{{CONDITION}}）</dd></div>
  <div><dt>[[requests.col.wish]]</dt><dd>{{WISH}}</dd></div>
  <div><dt>[[requests.form.name]]</dt><dd>{{PERSON_NAME}}<br><span class="muted">{{FURIGANA}}</span></dd></div>
  <div><dt>[[requests.form.email]]</dt><dd>{{EMAIL}}</dd></div>
  <div><dt>[[requests.form.phone]]</dt><dd class="nowrap">{{PHONE}}</dd></div>
  <div><dt>[[requests.show.lang]]</dt><dd>{{LANG}}</dd></div>
</dl>
<h2>[[requests.form.message]]</h2>
<p class="pre-line">{{MESSAGE}}</p>
{{#REPLY}}<h2>[[requests.show.reply_given]]</h2><p class="pre-line">{{TEXT}}</p>{{/REPLY}}
{{#CLOSED}}<h2>[[requests.show.closed_reason]]</h2><p>{{TEXT}}</p>{{/CLOSED}}
{{#ACT}}
{{#CAN_MAIL}}
<h2>[[requests.show.reply_title]]</h2>
<form method="post" action="/requests/{{ID}}/reply" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_REPLY}} field--error{{/ERR_REPLY}}">
    <label for="reply">[[requests.show.reply]]</label>
    <p class="hint" id="reply-hint">[[requests.show.reply_hint]]</p>
    {{#ERR_REPLY}}<p class="field__error" id="reply-error">{{MESSAGE}}</p>{{/ERR_REPLY}}
    <textarea id="reply" name="reply" rows="8" maxlength="4000" aria-describedby="reply-hint{{#ERR_REPLY}} reply-error{{/ERR_REPLY}}"{{#ERR_REPLY}} aria-invalid="true"{{/ERR_REPLY}}>{{V_REPLY}}</textarea>
  </div>
  <button type="submit" class="button button--primary">[[requests.show.send_reply]]</button>
</form>
{{/CAN_MAIL}}
<h2>[[requests.show.phoned_title]]</h2>
<form method="post" action="/requests/{{ID}}/phoned" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
    <label for="note">[[requests.show.note]]</label>
    {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
    <textarea id="note" name="note" rows="3" maxlength="4000"{{#ERR_NOTE}} aria-invalid="true" aria-describedby="note-error"{{/ERR_NOTE}}>{{V_NOTE}}</textarea>
  </div>
  <button type="submit" class="button button--secondary">[[requests.show.mark_phoned]]</button>
</form>
{{/ACT}}
{{#CAN_CLOSE}}
<h2>[[requests.show.close_title]]</h2>
<form method="post" action="/requests/{{ID}}/close" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_REASON}} field--error{{/ERR_REASON}}">
    <label for="reason">[[requests.show.reason]]</label>
    {{#ERR_REASON}}<p class="field__error" id="reason-error">{{MESSAGE}}</p>{{/ERR_REASON}}
    <input id="reason" name="reason" type="text" maxlength="200" value="{{V_REASON}}"{{#ERR_REASON}} aria-invalid="true" aria-describedby="reason-error"{{/ERR_REASON}}>
  </div>
  <button type="submit" class="button button--secondary">[[requests.show.close]]</button>
</form>
{{/CAN_CLOSE}}
<p><a href="/requests">[[requests.show.back]]</a></p>
