<h1>[[daychange.calls.page_title_h1]]</h1>
{{#HAS_MARKED}}<div class="notice notice--success" role="status"><p>{{MARKED}}</p></div>{{/HAS_MARKED}}
<dl class="summary-list">
  <div><dt>[[daychange.field.program]]</dt><dd>{{NAME}}</dd></div>
  <div><dt>[[daychange.calls.day]]</dt><dd>{{DATE}}</dd></div>
  <div><dt>[[daychange.calls.day_status]]</dt><dd>{{DAY_STATUS}}</dd></div>
</dl>
{{#NONE}}<p>[[daychange.calls.none]]</p>{{/NONE}}
{{#HAS_CALLS}}
<div class="notice notice--warning" role="note"><p>[[daychange.calls.page_lead]]</p></div>
<p><strong>{{REMAINING}}</strong></p>
<div class="table-wrap">
<table class="data-table">
  <caption>[[daychange.calls.caption]]</caption>
  <thead>
    <tr>
      <th scope="col">[[daychange.calls.reference]]</th>
      <th scope="col">[[daychange.calls.time]]</th>
      <th scope="col">[[daychange.calls.change]]</th>
      <th scope="col">[[daychange.calls.name]]</th>
      <th scope="col">[[daychange.calls.furigana]]</th>
      <th scope="col">[[daychange.calls.phone]]</th>
      <th scope="col">[[daychange.calls.state]]</th>
    </tr>
  </thead>
  <tbody>
    {{#CALL}}<tr>
      <th scope="row">{{REFERENCE}}</th><td>{{TIME}}</td><td>{{CHANGE}}</td><td>{{PERSON_NAME}}</td><td>{{FURIGANA}}</td><td class="nowrap">{{PHONE}}</td>
      <td>{{#CALLED}}{{TEXT}}{{/CALLED}}{{#TO_CALL}}<form method="post" action="/programs/{{ID}}/days/{{DAY_ID}}/calls/called" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <input type="hidden" name="reference" value="{{REFERENCE}}">
        <span class="badge badge--warning">[[daychange.calls.pending]]</span>
        <button type="submit" class="button button--secondary" aria-label="{{LABEL}}">[[daychange.calls.mark]]</button>
      </form>{{/TO_CALL}}</td>
    </tr>{{/CALL}}
  </tbody>
</table>
</div>
{{/HAS_CALLS}}
<ul class="link-list">
  {{#BOARD_LINK}}<li><a href="/programs/{{ID}}/days/{{DAY_ID}}">[[daychange.calls.back_board]]</a></li>{{/BOARD_LINK}}
  <li><a href="/programs/{{ID}}?fy={{FY}}">[[daychange.back]]</a></li>
</ul>
