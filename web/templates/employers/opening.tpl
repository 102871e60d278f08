<p class="breadcrumb"><a href="/org/openings">[[employers.openings.title]]</a> › <a href="/org/employers/{{EMPLOYER_ID}}">{{EMPLOYER}}</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<p><strong>{{STATE}}</strong>{{#PUBLISHED}}　<a href="/jobs/{{ID}}">[[employers.opening.published]]</a>{{/PUBLISHED}}</p>
[[include:employers/opening_detail]]
{{#OWN}}<p class="actions"><a class="button" href="/org/openings/{{ID}}/edit">[[employers.opening.edit]]</a></p>
<form method="post" action="/org/openings/{{ID}}/status" class="inline-form">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
  {{#CAN_CLOSE}}<input type="hidden" name="status" value="closed"><button type="submit" class="button button--secondary">[[employers.opening.close]]</button>{{/CAN_CLOSE}}
  {{#CAN_REOPEN}}<input type="hidden" name="status" value="open"><button type="submit" class="button button--secondary">[[employers.opening.reopen]]</button>{{/CAN_REOPEN}}
</form>{{/OWN}}
