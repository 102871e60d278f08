<div class="narrow">
<p class="breadcrumb"><a href="/">[[pledge.page.back_home]]</a></p>
<h1>[[pledge.page.heading]]</h1>
<p class="lead">{{PROGRAM}}（{{FY_LABEL}}）</p>
{{#ASK}}<p>[[pledge.page.lead]]</p>{{/ASK}}
<section class="pledge" aria-labelledby="pledge-text-title">
  <h2 id="pledge-text-title">[[pledge.page.text_title]]</h2>
  {{#PARAGRAPH}}<p>{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}</p>{{/PARAGRAPH}}
</section>
{{#ASK}}
<form method="post" action="{{DAY_PATH}}/pledge">
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <button type="submit" class="button button--primary">[[pledge.page.submit]]</button>
</form>
{{/ASK}}
{{#DONE}}<div class="notice notice--success" role="status"><p>[[pledge.page.done]] {{AT}}</p></div>
<p><a href="{{DAY_PATH}}">[[pledge.page.to_board]]（{{DATE}}）</a></p>{{/DONE}}
</div>
