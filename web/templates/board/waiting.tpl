<p class="breadcrumb"><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
<h1>[[board.waiting.page_title]]</h1>
[[include:board/day_header]]
[[include:partials/error_summary]]
<p>[[board.waiting.lead]]</p>
<div class="notice"><p>[[board.waiting.email_hint]]</p></div>
<form method="post" action="{{DAY_PATH}}/waiting" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
[[include:board/channel_field]]

[[include:booking/intake_fields]]
[[include:board/consent_field]]
  <button type="submit" class="button button--primary">[[board.waiting.submit]]</button>
</form>
<p><a href="{{DAY_PATH}}">[[board.book.back]]</a></p>
