<p class="breadcrumb"><a href="/org/retention">[[placements.retention.title]]</a></p>
<h1>[[placements.check.title]]（{{MONTHS}}）</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>[[placements.done.answered]]</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[placements.retention.col_case]]</dt><dd><a href="/cases/{{CASE_ID}}/applications">[[placements.retention.case_no]]{{CASE_ID}}</a></dd></div>
  <div><dt>[[placements.field.kind]]</dt><dd>{{KIND}}：{{EMPLOYER}}</dd></div>
  <div><dt>[[placements.field.start_on]]</dt><dd>{{START_ON}}</dd></div>
  <div><dt>[[placements.check.col_due]]</dt><dd>{{DUE}}{{#OVERDUE}} <span class="badge badge--warning"><strong>{{OVERDUE_TEXT}}</strong></span>{{/OVERDUE}}</dd></div>
  <div><dt>[[placements.retention.col_assigned]]</dt><dd>{{ASSIGNED}}</dd></div>
  {{#ANSWERED}}<div><dt>[[placements.check.col_answer]]</dt><dd><strong id="check-answer">{{ANSWER}}</strong>（{{ANSWERED_ON}}）{{#NOTE_LINE}}<p>{{LINE}}</p>{{/NOTE_LINE}}</dd></div>{{/ANSWERED}}
</dl>
{{#PROPOSE_CLOSE}}
<section aria-labelledby="close-title" class="notice">
  <h2 id="close-title">[[placements.close.title]]</h2>
  <p>{{#BECAUSE_LAST}}[[placements.close.because_last]]{{/BECAUSE_LAST}}{{#BECAUSE_LEFT}}[[placements.close.because_left]]{{/BECAUSE_LEFT}}</p>
  <form method="post" action="{{CASE_PATH}}/close" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{CASE_VERSION}}">
    <input type="hidden" name="outcome" value="{{OUTCOME_CODE}}">
    <p>[[cases.page.outcome]]：<strong>{{OUTCOME}}</strong></p>
    <div class="field">
      <label for="outcome_on">[[cases.close.outcome_on]]</label>
      <input id="outcome_on" name="outcome_on" type="date" class="input--short" value="{{TODAY}}">
    </div>
    <button type="submit" class="button button--warning">[[placements.close.submit]]</button>
  </form>
</section>
{{/PROPOSE_CLOSE}}
<section aria-labelledby="answer-title">
  <h2 id="answer-title">[[placements.check.answer_title]]</h2>
  <form method="post" action="/org/retention/{{ID}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <fieldset class="field{{#ERR_ANSWER}} field--error{{/ERR_ANSWER}}">
      <legend>[[placements.check.col_answer]]</legend>
      {{#ERR_ANSWER}}<p class="field__error" id="answer-error">{{MESSAGE}}</p>{{/ERR_ANSWER}}
      {{#ANSWER_CHOICE}}<div class="radio"><input type="radio" id="{{ID}}" name="answer" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/ANSWER_CHOICE}}
    </fieldset>
    <div class="field{{#ERR_ANSWERED_ON}} field--error{{/ERR_ANSWERED_ON}}">
      <label for="answered_on">[[placements.check.answered_on]]</label>
      <p class="field__hint" id="answered_on-hint">[[placements.step.happened_on_hint]]</p>
      {{#ERR_ANSWERED_ON}}<p class="field__error" id="answered_on-error">{{MESSAGE}}</p>{{/ERR_ANSWERED_ON}}
      <input id="answered_on" name="answered_on" type="date" class="input--short" value="{{V_ANSWERED_ON}}" aria-describedby="answered_on-hint"{{#ERR_ANSWERED_ON}} aria-invalid="true"{{/ERR_ANSWERED_ON}}>
    </div>
    <div class="field{{#ERR_NOTE}} field--error{{/ERR_NOTE}}">
      <label for="note">[[placements.check.note]]</label>
      {{#ERR_NOTE}}<p class="field__error" id="note-error">{{MESSAGE}}</p>{{/ERR_NOTE}}
      <textarea id="note" name="note" rows="4" maxlength="{{MAX_NOTE}}">{{V_NOTE}}</textarea>
    </div>
    <button type="submit" class="button button--primary">[[placements.check.submit]]</button>
  </form>
</section>
