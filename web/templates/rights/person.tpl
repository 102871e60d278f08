<p class="breadcrumb"><a href="/org/rights">[[rights.log.title]]</a></p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<h1>[[rights.person.heading]]</h1>
<p>[[rights.person.lead]]</p>
<dl class="summary-list">
  <div><dt>[[rights.person.holder]]</dt><dd>{{ORG}}</dd></div>
  <div><dt>[[rights.person.made_at]]</dt><dd>{{MADE_AT}}</dd></div>
  <div><dt>[[rights.person.state]]</dt><dd>{{#IN_USE}}[[rights.person.in_use]]{{/IN_USE}}{{#STOPPED}}[[rights.person.stopped]]（{{STOPPED_AT}}）{{/STOPPED}}{{#ERASED}}[[rights.person.erased]]（{{ERASED_AT}}）{{/ERASED}}</dd></div>
</dl>
<div class="actions no-print">
  <p>[[rights.person.print]] <a href="{{PATH}}/json" download>[[rights.person.json]]</a></p>
  <ul>
    <li><a href="/org/rights?client={{CLIENT_ID}}#kind">[[rights.person.record_request]]</a></li>
    {{#NOT_ERASED}}<li><a href="/clients/{{CLIENT_ID}}/edit">[[rights.person.correct]]</a></li>{{/NOT_ERASED}}
  </ul>
  {{#IN_USE}}<form method="post" action="{{PATH}}/stop" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF}}"><button type="submit" class="button button--secondary">[[rights.person.stop]]</button></form>{{/IN_USE}}
  {{#STOPPED}}<form method="post" action="{{PATH}}/lift" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF}}"><button type="submit" class="button button--secondary">[[rights.person.lift]]</button></form>{{/STOPPED}}
  {{#NOT_ERASED}}<form method="post" action="{{PATH}}/erase" class="inline-form">
    <input type="hidden" name="csrf_token" value="{{CSRF}}">
    <div class="checkbox"><input type="checkbox" id="confirm" name="confirm" value="1"><label for="confirm">[[rights.person.erase_confirm]]</label></div>
    <button type="submit" class="button button--warning">[[rights.person.erase]]</button>
  </form>{{/NOT_ERASED}}
</div>

[[include:rights/disclosure_body]]
