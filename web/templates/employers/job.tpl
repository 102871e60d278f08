<p class="breadcrumb"><a href="/jobs">[[employers.jobs.title]]</a></p>
<h1>{{TITLE}}</h1>
[[include:employers/opening_detail]]
<p>[[employers.jobs.ask]]</p>
