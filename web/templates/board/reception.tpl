<p class="breadcrumb"><a href="{{DAY_PATH}}">[[print.back]]</a></p>
<h1>[[print.reception.heading]]</h1>
[[include:board/day_header]]
<p class="muted no-print">[[print.reception.hint]]</p>
{{#NO_ROWS}}<p>[[print.reception.none]]</p>{{/NO_ROWS}}
{{#HAS_ROWS}}
<div class="table-wrap">
<table class="data-table reception-list">
  <caption>{{CAPTION}}</caption>
  <thead>
    <tr>
      <th scope="col">[[print.reception.col_time]]</th>
      <th scope="col">[[print.reception.col_booth]]</th>
      <th scope="col">[[print.reception.col_reference]]</th>
      {{#NAMES}}<th scope="col">[[print.reception.col_name]]</th>{{/NAMES}}
      <th scope="col">[[print.reception.col_channel]]</th>
      <th scope="col">[[print.reception.col_status]]</th>
      <th scope="col">[[print.reception.col_note]]</th>
    </tr>
  </thead>
  <tbody>
    {{#ROW}}<tr>
      <td>{{TIME}}</td>
      <td class="numeric">{{BOOTH}}</td>
      <th scope="row">{{REFERENCE}}</th>
      {{#NAME}}<td>{{TEXT}}</td>{{/NAME}}
      <td>{{CHANNEL}}</td>
      <td>{{STATUS}}</td>
      <td class="reception-list__note"></td>
    </tr>{{/ROW}}
  </tbody>
</table>
</div>
{{/HAS_ROWS}}
