<h1>[[requests.done.title]]</h1>
<div class="notice notice--success" role="status">
  <p>[[requests.done.reference]] <strong>{{REFERENCE}}</strong></p>
  <p>[[requests.done.due]] {{DUE}}</p>
</div>
<p>{{ORG_NAME}}</p>
<p>[[requests.done.lead]]</p>
<p><a href="/">[[requests.done.back]]</a></p>
