<h1>[[requests.show.heading]] {{REFERENCE}}</h1>
{{#DONE}}<div class="notice notice--success" role="status"><p>{{TEXT}}</p></div>{{/DONE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[requests.col.received]]</dt><dd>{{RECEIVED}}</dd></div>
  <div><dt>[[requests.col.due]]</dt><dd>{{DUE}}{{#OVERDUE}} <span class="badge badge--warning">[[requests.overdue]]</span>{{/OVERDUE}}</dd></div>
  <div><dt>[[requests.col.status]]</dt><dd>{{STATUS}}{{#REPLIED}}（{{AT}}）{{#IN_TIME}} <span class="badge badge--info">[[requests.in_time]]</span>{{/IN_TIME}}{{/REPLIED}}</dd></div>
  <div><dt>[[requests.col.requester]]</dt><dd>{{REQUESTER}}（{{CONDITION}}）</dd></div>
  <div><dt>[[requests.col.topic]]</dt><dd>{{TOPIC}}</dd></div>
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
{{#IS_CASE}}<h2>[[requests.to_case.done_title]]</h2>
<p>[[requests.to_case.done_text]] <a href="/cases/{{CASE_ID}}">[[requests.to_case.open_case]]</a> ／ <a href="/clients/{{CLIENT_ID}}">[[requests.to_case.open_client]]</a></p>
<p class="muted">[[requests.to_case.consent_recorded]]{{CONSENT_METHOD}}（{{CONSENTED_AT}}）</p>{{/IS_CASE}}
<h2>[[requests.meeting.title]]</h2>
{{#MEETING_SET}}<dl class="summary-list">
  <div><dt>[[requests.meeting.when]]</dt><dd>{{WHEN}}</dd></div>
  <div><dt>[[requests.meeting.mode]]</dt><dd>{{MODE}}</dd></div>
  {{#MEETING_URL}}<div><dt>[[requests.meeting.url]]</dt><dd class="nowrap">{{URL}}</dd></div>{{/MEETING_URL}}
  {{#MEETING_PLACE}}<div><dt>[[requests.meeting.place]]</dt><dd>{{PLACE}}</dd></div>{{/MEETING_PLACE}}
</dl>
{{#NO_MAIL}}<p class="hint">[[requests.meeting.no_mail]]</p>{{/NO_MAIL}}{{/MEETING_SET}}
{{#MEETING_CANCELLED}}<p>[[requests.meeting.cancelled]]</p>{{/MEETING_CANCELLED}}
{{#MEETING_FORM}}
<form method="post" action="/requests/{{ID}}/meeting" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_MODE}} field--error{{/ERR_MODE}}"{{#ERR_MODE}} aria-describedby="mode-error"{{/ERR_MODE}}>
    <legend>[[requests.meeting.mode]]</legend>
    {{#ERR_MODE}}<p class="field__error" id="mode-error">{{MESSAGE}}</p>{{/ERR_MODE}}
    {{#MODE}}<div class="radio"><input type="radio" id="{{ID}}" name="mode" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/MODE}}
  </fieldset>
  <div class="field{{#ERR_DATE}} field--error{{/ERR_DATE}}">
    <label for="date">[[requests.meeting.date]]</label>
    {{#ERR_DATE}}<p class="field__error" id="date-error">{{MESSAGE}}</p>{{/ERR_DATE}}
    <input id="date" name="date" type="date" class="input--short" value="{{V_DATE}}"{{#ERR_DATE}} aria-invalid="true" aria-describedby="date-error"{{/ERR_DATE}}>
  </div>
  <div class="field{{#ERR_START}} field--error{{/ERR_START}}">
    <label for="start">[[requests.meeting.start]]</label>
    {{#ERR_START}}<p class="field__error" id="start-error">{{MESSAGE}}</p>{{/ERR_START}}
    <input id="start" name="start" type="time" class="input--short" value="{{V_START}}"{{#ERR_START}} aria-invalid="true" aria-describedby="start-error"{{/ERR_START}}>
  </div>
  <div class="field{{#ERR_END}} field--error{{/ERR_END}}">
    <label for="end">[[requests.meeting.end]]</label>
    {{#ERR_END}}<p class="field__error" id="end-error">{{MESSAGE}}</p>{{/ERR_END}}
    <input id="end" name="end" type="time" class="input--short" value="{{V_END}}"{{#ERR_END}} aria-invalid="true" aria-describedby="end-error"{{/ERR_END}}>
  </div>
  <div class="field{{#ERR_PLACE}} field--error{{/ERR_PLACE}}">
    <label for="place">[[requests.meeting.place]]</label>
    <p class="hint" id="place-hint">[[requests.meeting.place_hint]]</p>
    {{#ERR_PLACE}}<p class="field__error" id="place-error">{{MESSAGE}}</p>{{/ERR_PLACE}}
    <input id="place" name="place" type="text" maxlength="200" value="{{V_PLACE}}" aria-describedby="place-hint{{#ERR_PLACE}} place-error{{/ERR_PLACE}}"{{#ERR_PLACE}} aria-invalid="true"{{/ERR_PLACE}}>
  </div>
  <div class="field{{#ERR_URL}} field--error{{/ERR_URL}}">
    <label for="url">[[requests.meeting.url]]</label>
    <p class="hint" id="url-hint">[[requests.meeting.url_hint]]</p>
    {{#ERR_URL}}<p class="field__error" id="url-error">{{MESSAGE}}</p>{{/ERR_URL}}
    <input id="url" name="url" type="url" maxlength="500" value="{{V_URL}}" aria-describedby="url-hint{{#ERR_URL}} url-error{{/ERR_URL}}"{{#ERR_URL}} aria-invalid="true"{{/ERR_URL}}>
  </div>
  <button type="submit" class="button button--primary">{{SAVE_LABEL}}</button>
</form>
{{#MOVING}}<form method="post" action="/requests/{{ID}}/meeting/cancel">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--secondary">[[requests.meeting.cancel]]</button>
</form>{{/MOVING}}
{{/MEETING_FORM}}
{{#TO_CASE_FORM}}
<h2>[[requests.to_case.title]]</h2>
{{#FOR_PERSON}}<p>[[requests.to_case.lead_person]]</p>{{/FOR_PERSON}}
{{#FOR_EMPLOYEE}}<p>[[requests.to_case.lead_employee]]</p>{{/FOR_EMPLOYEE}}
<form method="post" action="/requests/{{ID}}/to-case" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_CONSENT}} field--error{{/ERR_CONSENT}}">
    {{#ERR_CONSENT}}<p class="field__error" id="consent-error">{{MESSAGE}}</p>{{/ERR_CONSENT}}
    <div class="radio"><input type="checkbox" id="consent" name="consent" value="1"{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="consent-error"{{/ERR_CONSENT}}><label for="consent">{{#FOR_PERSON}}[[requests.to_case.consent_person]]{{/FOR_PERSON}}{{#FOR_EMPLOYEE}}[[requests.to_case.consent_employee]]{{/FOR_EMPLOYEE}}</label></div>
  </div>
  <fieldset class="field{{#ERR_CONSENT_METHOD}} field--error{{/ERR_CONSENT_METHOD}}"{{#ERR_CONSENT_METHOD}} aria-describedby="consent_method-error"{{/ERR_CONSENT_METHOD}}>
    <legend>[[requests.to_case.consent_method]]</legend>
    {{#ERR_CONSENT_METHOD}}<p class="field__error" id="consent_method-error">{{MESSAGE}}</p>{{/ERR_CONSENT_METHOD}}
    {{#CONSENT_METHOD}}<div class="radio"><input type="radio" id="{{ID}}" name="consent_method" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CONSENT_METHOD}}
  </fieldset>
  <div class="field{{#ERR_NAME}} field--error{{/ERR_NAME}}">
    <label for="name">[[requests.to_case.name]]</label>
    {{#ERR_NAME}}<p class="field__error" id="name-error">{{MESSAGE}}</p>{{/ERR_NAME}}
    <input id="name" name="name" type="text" maxlength="100" value="{{V_NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
  </div>
  <div class="field{{#ERR_KANA}} field--error{{/ERR_KANA}}">
    <label for="kana">[[requests.to_case.kana]]</label>
    {{#ERR_KANA}}<p class="field__error" id="kana-error">{{MESSAGE}}</p>{{/ERR_KANA}}
    <input id="kana" name="kana" type="text" maxlength="100" value="{{V_KANA}}"{{#ERR_KANA}} aria-invalid="true" aria-describedby="kana-error"{{/ERR_KANA}}>
  </div>
  <div class="field{{#ERR_PHONE}} field--error{{/ERR_PHONE}}">
    <label for="phone">[[requests.to_case.phone]]</label>
    {{#ERR_PHONE}}<p class="field__error" id="phone-error">{{MESSAGE}}</p>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" maxlength="30" value="{{V_PHONE}}"{{#ERR_PHONE}} aria-invalid="true" aria-describedby="phone-error"{{/ERR_PHONE}}>
  </div>
  <div class="field{{#ERR_EMAIL}} field--error{{/ERR_EMAIL}}">
    <label for="email">[[requests.to_case.email]]</label>
    {{#ERR_EMAIL}}<p class="field__error" id="email-error">{{MESSAGE}}</p>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" maxlength="254" value="{{V_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
  </div>
  <button type="submit" class="button button--primary">[[requests.to_case.submit]]</button>
</form>
{{/TO_CASE_FORM}}
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
