<h1>[[programinfo.closed.title]]</h1>
<div class="notice notice--error" role="alert">
  <p>[[programinfo.closed.body]]</p>
</div>
[[include:booking/public_info]]
<p><a href="/book/{{PROGRAM_ID}}">[[programinfo.closed.other_days]]</a></p>
