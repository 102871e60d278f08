<h1>[[employers.import.done_title]]</h1>
<div class="notice notice--success" role="status"><p>{{RESULT}}</p></div>
<p><a href="/org/employers">[[employers.list.title]]</a>　<a href="/org/openings">[[employers.openings.title]]</a></p>
