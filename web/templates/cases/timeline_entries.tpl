{{#ENTRY}}<li class="timeline__entry timeline__entry--{{KIND_CODE}}" id="entry-{{ENTRY_ID}}">
      <p class="timeline__meta"><span class="badge">{{KIND}}</span> <time datetime="{{ISO_DATE}}">{{DATE}}</time> ・ {{AUTHOR}} ・ {{ORG}}</p>
      <div class="timeline__body">{{#LINE_ITEM}}<p>{{LINE}}</p>{{/LINE_ITEM}}</div>
      {{#HAS_MENTIONS}}<p class="timeline__mentions">[[cases.timeline.mentions]] {{#MENTION}}<span class="badge badge--info">{{NAME}}</span> {{/MENTION}}</p>{{/HAS_MENTIONS}}
      <p class="timeline__actions">{{#WAS_EDITED}}<span class="muted">{{EDITED}}</span> <a href="{{HISTORY_PATH}}">[[cases.timeline.history]]</a>{{/WAS_EDITED}}{{#CAN_EDIT}} <a href="{{EDIT_PATH}}">[[cases.timeline.edit]]</a>{{/CAN_EDIT}}</p>
    </li>
    {{/ENTRY}}
