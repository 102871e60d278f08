        {{#ROW_ERROR}}<p class="field__error">{{MESSAGE}}</p>{{/ROW_ERROR}}
        {{#CHECK_IN}}<form method="post" action="{{BOOKING_PATH}}/check-in" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}">
          <button type="submit" class="button button--small">[[board.action.check_in]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>{{/CHECK_IN}}
[[include:board/call_actions]]
        {{#NO_SHOW}}<form method="post" action="{{BOOKING_PATH}}/no-show" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}">
          <button type="submit" class="button button--secondary button--small">[[board.action.no_show]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>{{/NO_SHOW}}
        {{#WRITE_RECORD}}<a href="{{BOOKING_PATH}}/record">[[board.action.write_record]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></a>{{/WRITE_RECORD}}
        {{#VIEW_RECORD}}<a href="{{BOOKING_PATH}}/record/view">[[board.action.view_record]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></a>{{/VIEW_RECORD}}
        {{#CONSIDERATION_ON}}<form method="post" action="{{BOOKING_PATH}}/consideration" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}"><input type="hidden" name="needed" value="1">
          <button type="submit" class="button button--secondary button--small">[[board.action.consideration_on]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>{{/CONSIDERATION_ON}}
        {{#CONSIDERATION_OFF}}<form method="post" action="{{BOOKING_PATH}}/consideration" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}"><input type="hidden" name="needed" value="0">
          <button type="submit" class="button button--secondary button--small">[[board.action.consideration_off]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>{{/CONSIDERATION_OFF}}
        {{#CANCEL}}<a href="{{BOOKING_PATH}}/cancel">[[board.action.cancel]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></a>{{/CANCEL}}
        {{#RESCHEDULE}}<details{{#OPEN}} open{{/OPEN}}>
          <summary>[[board.action.reschedule]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></summary>
          {{#HAS_OPTIONS}}<form method="post" action="{{BOOKING_PATH}}/reschedule">
            <input type="hidden" name="csrf_token" value="{{CSRF}}">
            <div class="field">
              <label for="slot_id-{{BOOKING_ID}}">[[board.action.reschedule_to]]</label>
              <select id="slot_id-{{BOOKING_ID}}" name="slot_id">
                {{#DAY_GROUP}}<optgroup label="{{LABEL}}">{{#OPTION}}<option value="{{SLOT_ID}}">{{LABEL}}</option>{{/OPTION}}</optgroup>{{/DAY_GROUP}}
              </select>
            </div>
            <button type="submit" class="button button--small">[[board.action.reschedule_submit]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
          </form>{{/HAS_OPTIONS}}
          {{#NO_OPTIONS}}<p id="slot_id-{{BOOKING_ID}}">[[board.action.no_free_slot]]</p>{{/NO_OPTIONS}}
        </details>{{/RESCHEDULE}}
        {{#ASSIGN}}<details{{#OPEN}} open{{/OPEN}}>
          <summary>[[board.action.assign]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></summary>
          <form method="post" action="{{BOOKING_PATH}}/assign">
            <input type="hidden" name="csrf_token" value="{{CSRF}}">
            <div class="field">
              <label for="booth-{{BOOKING_ID}}">[[board.action.booth]]</label>
              <select id="booth-{{BOOKING_ID}}" name="booth">
                <option value="">[[board.action.booth_none]]</option>
                {{#BOOTH_OPTION}}<option value="{{NUMBER}}"{{#SELECTED}} selected{{/SELECTED}}>{{NUMBER}}</option>{{/BOOTH_OPTION}}
              </select>
            </div>
            {{#HAS_ROSTER}}<fieldset class="field">
              <legend>[[board.action.counselors]]</legend>
              {{#COUNSELOR}}<div class="choice"><input type="checkbox" id="{{BOX_ID}}" name="counselors" value="{{USER_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{BOX_ID}}">{{LABEL}}</label></div>{{/COUNSELOR}}
            </fieldset>{{/HAS_ROSTER}}
            {{#NO_ROSTER}}<p class="muted" id="counselors-{{BOOKING_ID}}">[[board.action.roster_first]] <a href="{{DAY_PATH}}/roster">[[board.page.roster_link]]</a></p>{{/NO_ROSTER}}
            <button type="submit" class="button button--small">[[board.action.assign_submit]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
          </form>
        </details>{{/ASSIGN}}
