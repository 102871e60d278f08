<div class="narrow">
<h1>[[late.done.title]]</h1>
<p>{{NAME}}</p>
<p role="status">{{RESULT}}</p>
<p>[[late.done.audit]]</p>
<ul>
  <li><a href="/programs/{{ID}}">[[board.page.back_program]]</a></li>
  <li><a href="/programs/{{ID}}/report">[[late.done.report]]</a></li>
</ul>
</div>
