      {{#PERSON}}<td>{{NAME}}<br><span class="muted">{{FURIGANA}}</span>{{#PHONE}}<br><span class="nowrap">[[booking.form.phone]] {{NUMBER}}</span>{{/PHONE}}{{#EMAIL}}<br>{{ADDRESS}}{{/EMAIL}}{{#DETAILS}}
        <details class="no-print"><summary>[[board.slots.details]]</summary>
          <dl><dt>[[board.slots.diagnosis]]</dt><dd>{{DIAGNOSIS}}</dd><dt>[[board.slots.notes]]</dt><dd>{{NOTES}}</dd></dl>
        </details>{{/DETAILS}}</td>{{/PERSON}}
