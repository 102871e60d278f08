<h1>{{MESSAGE}}</h1>
<p class="lead">[[error.explain]]</p>
<ul class="link-list">
  {{#SHOW_LOGIN}}<li><a href="/login">[[error.go_login]]</a></li>{{/SHOW_LOGIN}}
  <li><a href="/">[[error.go_home]]</a></li>
</ul>
<p class="muted">[[error.status_label]] {{STATUS}}</p>
