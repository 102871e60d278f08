        {{#CALL}}<form method="post" action="{{BOOKING_PATH}}/call-connected" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}">
          <button type="submit" class="button button--small">[[phoneday.action.connected]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>
        <form method="post" action="{{BOOKING_PATH}}/call-not-answered" class="inline-form">
          <input type="hidden" name="csrf_token" value="{{CSRF}}">
          <button type="submit" class="button button--secondary button--small">[[phoneday.action.not_answered]]<span class="visually-hidden">（[[board.slots.reference]] {{REFERENCE}}）</span></button>
        </form>{{/CALL}}
