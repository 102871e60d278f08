<p class="breadcrumb"><a href="/directory/manage">[[directory.manage.title]]</a></p>
<h1>{{HEADING}}</h1>
[[include:partials/error_summary]]
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  [[include:directory/fields]]
  <button type="submit" class="button button--primary">[[directory.organization.save]]</button>
</form>
