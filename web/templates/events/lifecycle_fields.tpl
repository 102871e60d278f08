  <h3>[[events_lifecycle.form.heading]]</h3>
  <div class="field{{#ERR_ONLINE_NOTICE_DAYS}} field--error{{/ERR_ONLINE_NOTICE_DAYS}}">
    <label for="online_notice_days">[[events_lifecycle.form.online_notice_days]]</label>
    <p class="hint" id="online_notice_days-hint">[[events_lifecycle.form.online_notice_days_hint]]</p>
    {{#ERR_ONLINE_NOTICE_DAYS}}<p class="field__error" id="online_notice_days-error">{{MESSAGE}}</p>{{/ERR_ONLINE_NOTICE_DAYS}}
    <input id="online_notice_days" name="online_notice_days" type="text" inputmode="numeric" value="{{V_ONLINE_NOTICE_DAYS}}" aria-describedby="online_notice_days-hint{{#ERR_ONLINE_NOTICE_DAYS}} online_notice_days-error{{/ERR_ONLINE_NOTICE_DAYS}}"{{#ERR_ONLINE_NOTICE_DAYS}} aria-invalid="true"{{/ERR_ONLINE_NOTICE_DAYS}}>
  </div>
  <div class="field{{#ERR_HOLD_HOURS}} field--error{{/ERR_HOLD_HOURS}}">
    <label for="hold_hours">[[events_lifecycle.form.hold_hours]]</label>
    <p class="hint" id="hold_hours-hint">[[events_lifecycle.form.hold_hours_hint]]</p>
    {{#ERR_HOLD_HOURS}}<p class="field__error" id="hold_hours-error">{{MESSAGE}}</p>{{/ERR_HOLD_HOURS}}
    <input id="hold_hours" name="hold_hours" type="text" inputmode="numeric" value="{{V_HOLD_HOURS}}" aria-describedby="hold_hours-hint{{#ERR_HOLD_HOURS}} hold_hours-error{{/ERR_HOLD_HOURS}}"{{#ERR_HOLD_HOURS}} aria-invalid="true"{{/ERR_HOLD_HOURS}}>
  </div>
  <div class="field{{#ERR_WAITLIST_CUTOFF_HOURS}} field--error{{/ERR_WAITLIST_CUTOFF_HOURS}}">
    <label for="waitlist_cutoff_hours">[[events_lifecycle.form.waitlist_cutoff_hours]]</label>
    <p class="hint" id="waitlist_cutoff_hours-hint">[[events_lifecycle.form.waitlist_cutoff_hours_hint]]</p>
    {{#ERR_WAITLIST_CUTOFF_HOURS}}<p class="field__error" id="waitlist_cutoff_hours-error">{{MESSAGE}}</p>{{/ERR_WAITLIST_CUTOFF_HOURS}}
    <input id="waitlist_cutoff_hours" name="waitlist_cutoff_hours" type="text" inputmode="numeric" value="{{V_WAITLIST_CUTOFF_HOURS}}" aria-describedby="waitlist_cutoff_hours-hint{{#ERR_WAITLIST_CUTOFF_HOURS}} waitlist_cutoff_hours-error{{/ERR_WAITLIST_CUTOFF_HOURS}}"{{#ERR_WAITLIST_CUTOFF_HOURS}} aria-invalid="true"{{/ERR_WAITLIST_CUTOFF_HOURS}}>
  </div>
  {{#RETENTION_EDITABLE}}<div class="field{{#ERR_RETENTION_DAYS}} field--error{{/ERR_RETENTION_DAYS}}">
    <label for="retention_days">[[events_lifecycle.form.retention_days]]</label>
    <p class="hint" id="retention_days-hint">[[events_lifecycle.form.retention_days_hint]]</p>
    {{#ERR_RETENTION_DAYS}}<p class="field__error" id="retention_days-error">{{MESSAGE}}</p>{{/ERR_RETENTION_DAYS}}
    <input id="retention_days" name="retention_days" type="text" inputmode="numeric" value="{{V_RETENTION_DAYS}}" aria-describedby="retention_days-hint{{#ERR_RETENTION_DAYS}} retention_days-error{{/ERR_RETENTION_DAYS}}"{{#ERR_RETENTION_DAYS}} aria-invalid="true"{{/ERR_RETENTION_DAYS}}>
  </div>{{/RETENTION_EDITABLE}}
  {{#RETENTION_FIXED}}<p>[[events_lifecycle.form.retention_days]]：{{V_RETENTION_DAYS}} [[events_lifecycle.form.days]]<br><span class="hint">[[events_lifecycle.form.retention_fixed_hint]]</span></p>{{/RETENTION_FIXED}}
