<p class="breadcrumb"><a href="/peers">[[peers.list.title]]</a></p>
<h1>{{DISPLAY_NAME}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<p class="actions"><a class="button" href="/peers/{{ID}}/edit">[[peers.show.edit]]</a></p>
<dl class="summary-list">
  <dt>[[peers.field.real_name]]</dt><dd>{{REAL_NAME}}</dd>
  <dt>[[peers.field.phone]]</dt><dd>{{PHONE}}</dd>
  <dt>[[peers.field.email]]</dt><dd>{{EMAIL}}</dd>
  <dt>[[peers.field.address]]</dt><dd>{{ADDRESS}}</dd>
  <dt>[[peers.field.area]]</dt><dd>{{AREA}}</dd>
  <dt>[[peers.field.consent_date]]</dt><dd>{{CONSENT_DATE}}</dd>
  <dt>[[peers.field.activities]]</dt><dd>{{ACTIVITIES}}</dd>
  <dt>[[peers.field.status]]</dt><dd>{{STATUS}}</dd>
</dl>
<h2>[[peers.show.trainings]]</h2>
{{#NO_TRAININGS}}<p>[[peers.show.none]]</p>{{/NO_TRAININGS}}
<ul>{{#TRAINING}}<li>{{DATE}} {{KIND}}{{#EVENT}} <a href="/events/{{EVENT_ID}}">[[peers.show.event]]</a>{{/EVENT}}</li>{{/TRAINING}}</ul>
<form method="post" action="/peers/{{ID}}/trainings" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_TRAINING_KIND}} field--error{{/ERR_TRAINING_KIND}}">
    <legend>[[peers.field.training_kind]]</legend>
    {{#ERR_TRAINING_KIND}}<p class="field__error" id="training_kind-error">{{MESSAGE}}</p>{{/ERR_TRAINING_KIND}}
    {{#TRAINING_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="training_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/TRAINING_KIND}}
  </fieldset>
  <div class="field{{#ERR_TRAINING_DATE}} field--error{{/ERR_TRAINING_DATE}}">
    <label for="training_date">[[peers.field.training_date]]</label>
    {{#ERR_TRAINING_DATE}}<p class="field__error" id="training_date-error">{{MESSAGE}}</p>{{/ERR_TRAINING_DATE}}
    <input id="training_date" name="training_date" type="date" maxlength="10" value="{{V_TRAINING_DATE}}"{{#ERR_TRAINING_DATE}} aria-describedby="training_date-error"{{/ERR_TRAINING_DATE}}{{#ERR_TRAINING_DATE}} aria-invalid="true"{{/ERR_TRAINING_DATE}}>
  </div>
  <div class="field{{#ERR_TRAINING_EVENT}} field--error{{/ERR_TRAINING_EVENT}}">
    <label for="training_event">[[peers.field.training_event]] <span class="muted">[[peers.form.optional]]</span></label>
    <p class="hint" id="training_event-hint">[[peers.form.training_event_hint]]</p>
    {{#ERR_TRAINING_EVENT}}<p class="field__error" id="training_event-error">{{MESSAGE}}</p>{{/ERR_TRAINING_EVENT}}
    <input id="training_event" name="training_event" type="text" maxlength="12" value="{{V_TRAINING_EVENT}}" aria-describedby="training_event-hint{{#ERR_TRAINING_EVENT}} training_event-error{{/ERR_TRAINING_EVENT}}"{{#ERR_TRAINING_EVENT}} aria-invalid="true"{{/ERR_TRAINING_EVENT}}>
  </div>
  <button type="submit" class="button">[[peers.show.add_training]]</button>
</form>
<h2>[[peers.show.shifts]]</h2>
{{#NO_SHIFTS}}<p>[[peers.show.none]]</p>{{/NO_SHIFTS}}
<ul>{{#SHIFT}}<li>{{WHEN}} {{KIND}}</li>{{/SHIFT}}</ul>
<form method="post" action="/peers/{{ID}}/shifts" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <fieldset class="field{{#ERR_SHIFT_KIND}} field--error{{/ERR_SHIFT_KIND}}">
    <legend>[[peers.field.shift_kind]]</legend>
    {{#ERR_SHIFT_KIND}}<p class="field__error" id="shift_kind-error">{{MESSAGE}}</p>{{/ERR_SHIFT_KIND}}
    {{#SHIFT_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="shift_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/SHIFT_KIND}}
  </fieldset>
  <div class="field{{#ERR_SHIFT_EVENT}} field--error{{/ERR_SHIFT_EVENT}}">
    <label for="shift_event">[[peers.field.shift_event]] <span class="muted">[[peers.form.optional]]</span></label>
    <p class="hint" id="shift_event-hint">[[peers.form.shift_event_hint]]</p>
    {{#ERR_SHIFT_EVENT}}<p class="field__error" id="shift_event-error">{{MESSAGE}}</p>{{/ERR_SHIFT_EVENT}}
    <input id="shift_event" name="shift_event" type="text" maxlength="12" value="{{V_SHIFT_EVENT}}" aria-describedby="shift_event-hint{{#ERR_SHIFT_EVENT}} shift_event-error{{/ERR_SHIFT_EVENT}}"{{#ERR_SHIFT_EVENT}} aria-invalid="true"{{/ERR_SHIFT_EVENT}}>
  </div>
  <div class="field{{#ERR_SHIFT_DATE}} field--error{{/ERR_SHIFT_DATE}}">
    <label for="shift_date">[[peers.field.shift_date]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_SHIFT_DATE}}<p class="field__error" id="shift_date-error">{{MESSAGE}}</p>{{/ERR_SHIFT_DATE}}
    <input id="shift_date" name="shift_date" type="date" maxlength="10" value="{{V_SHIFT_DATE}}"{{#ERR_SHIFT_DATE}} aria-describedby="shift_date-error"{{/ERR_SHIFT_DATE}}{{#ERR_SHIFT_DATE}} aria-invalid="true"{{/ERR_SHIFT_DATE}}>
  </div>
  <div class="field{{#ERR_SHIFT_START}} field--error{{/ERR_SHIFT_START}}">
    <label for="shift_start">[[peers.field.shift_start]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_SHIFT_START}}<p class="field__error" id="shift_start-error">{{MESSAGE}}</p>{{/ERR_SHIFT_START}}
    <input id="shift_start" name="shift_start" type="time" maxlength="5" value="{{V_SHIFT_START}}"{{#ERR_SHIFT_START}} aria-describedby="shift_start-error"{{/ERR_SHIFT_START}}{{#ERR_SHIFT_START}} aria-invalid="true"{{/ERR_SHIFT_START}}>
  </div>
  <div class="field{{#ERR_SHIFT_END}} field--error{{/ERR_SHIFT_END}}">
    <label for="shift_end">[[peers.field.shift_end]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_SHIFT_END}}<p class="field__error" id="shift_end-error">{{MESSAGE}}</p>{{/ERR_SHIFT_END}}
    <input id="shift_end" name="shift_end" type="time" maxlength="5" value="{{V_SHIFT_END}}"{{#ERR_SHIFT_END}} aria-describedby="shift_end-error"{{/ERR_SHIFT_END}}{{#ERR_SHIFT_END}} aria-invalid="true"{{/ERR_SHIFT_END}}>
  </div>
  <button type="submit" class="button">[[peers.show.add_shift]]</button>
</form>
<h2>[[peers.show.dispatches]]</h2>
{{#NO_DISPATCHES}}<p>[[peers.show.none]]</p>{{/NO_DISPATCHES}}
<ul>{{#DISPATCH}}<li>{{DATE}} {{KIND}}「{{NAME}}」 {{ROLE}}{{#HAS_NOTES}}<br><span class="pre-line">{{NOTES}}</span>{{/HAS_NOTES}}</li>{{/DISPATCH}}</ul>
<form method="post" action="/peers/{{ID}}/dispatches" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_DISPATCH_DATE}} field--error{{/ERR_DISPATCH_DATE}}">
    <label for="dispatch_date">[[peers.field.dispatch_date]]</label>
    {{#ERR_DISPATCH_DATE}}<p class="field__error" id="dispatch_date-error">{{MESSAGE}}</p>{{/ERR_DISPATCH_DATE}}
    <input id="dispatch_date" name="dispatch_date" type="date" maxlength="10" value="{{V_DISPATCH_DATE}}"{{#ERR_DISPATCH_DATE}} aria-describedby="dispatch_date-error"{{/ERR_DISPATCH_DATE}}{{#ERR_DISPATCH_DATE}} aria-invalid="true"{{/ERR_DISPATCH_DATE}}>
  </div>
  <fieldset class="field{{#ERR_DESTINATION_KIND}} field--error{{/ERR_DESTINATION_KIND}}">
    <legend>[[peers.field.destination_kind]]</legend>
    {{#ERR_DESTINATION_KIND}}<p class="field__error" id="destination_kind-error">{{MESSAGE}}</p>{{/ERR_DESTINATION_KIND}}
    {{#DESTINATION_KIND}}<div class="radio"><input type="radio" id="{{ID}}" name="destination_kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/DESTINATION_KIND}}
  </fieldset>
  <div class="field{{#ERR_DESTINATION_NAME}} field--error{{/ERR_DESTINATION_NAME}}">
    <label for="destination_name">[[peers.field.destination_name]]</label>
    {{#ERR_DESTINATION_NAME}}<p class="field__error" id="destination_name-error">{{MESSAGE}}</p>{{/ERR_DESTINATION_NAME}}
    <input id="destination_name" name="destination_name" type="text" maxlength="200" value="{{V_DESTINATION_NAME}}"{{#ERR_DESTINATION_NAME}} aria-describedby="destination_name-error"{{/ERR_DESTINATION_NAME}}{{#ERR_DESTINATION_NAME}} aria-invalid="true"{{/ERR_DESTINATION_NAME}}>
  </div>
  <fieldset class="field{{#ERR_ROLE}} field--error{{/ERR_ROLE}}">
    <legend>[[peers.field.role]]</legend>
    {{#ERR_ROLE}}<p class="field__error" id="role-error">{{MESSAGE}}</p>{{/ERR_ROLE}}
    {{#ROLE}}<div class="radio"><input type="radio" id="{{ID}}" name="role" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{ID}}">{{LABEL}}</label></div>{{/ROLE}}
  </fieldset>
  <div class="field{{#ERR_NOTES}} field--error{{/ERR_NOTES}}">
    <label for="notes">[[peers.field.notes]] <span class="muted">[[peers.form.optional]]</span></label>
    {{#ERR_NOTES}}<p class="field__error" id="notes-error">{{MESSAGE}}</p>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="3"{{#ERR_NOTES}} aria-describedby="notes-error"{{/ERR_NOTES}}{{#ERR_NOTES}} aria-invalid="true"{{/ERR_NOTES}}>{{V_NOTES}}</textarea>
  </div>
  <button type="submit" class="button">[[peers.show.add_dispatch]]</button>
</form>
