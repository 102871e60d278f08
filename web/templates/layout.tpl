<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} | [[app.name]]</title>
<link rel="stylesheet" href="/static/vendor/tokens.css">
<link rel="stylesheet" href="/static/css/app.css">
<link rel="stylesheet" href="/static/css/print.css" media="print">
<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">[[layout.skip_to_content]]</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="site-header__brand" href="/"><span class="site-header__logo" aria-hidden="true">つ</span>[[app.name]]<span class="site-header__tagline">[[app.tagline]]</span></a>
    <div class="site-header__tools">
      {{#SIGNED_IN}}
      <p class="site-header__who">{{#HAS_ORG}}<span class="site-header__org">{{ORG_NAME}}</span>{{#CAN_SWITCH}}<a class="site-header__switch" href="/#home-switch-title">[[layout.switch_org]]</a>{{/CAN_SWITCH}}{{/HAS_ORG}}<span class="site-header__user">{{USER_NAME}}</span></p>
      <form method="post" action="/logout" class="inline-form">
        <input type="hidden" name="csrf_token" value="{{CSRF}}">
        <button type="submit" class="button button--link">[[layout.logout]]</button>
      </form>
      {{/SIGNED_IN}}
      <a class="site-header__lang" href="{{LANG_SWITCH_URL}}" hreflang="{{LANG_SWITCH_HREFLANG}}" lang="{{LANG_SWITCH_HREFLANG}}">{{LANG_SWITCH_LABEL}}</a>
    </div>
  </div>
  {{#SIGNED_IN}}{{#NAV}}
  <nav class="site-nav" aria-label="[[layout.nav_label]]">
    <ul>
      <li><a href="/">[[nav.home]]</a></li>
      {{#NAV_COUNSEL}}
      <li><a href="/clients">[[nav.clients]]</a></li>
      <li><a href="/referrals">[[nav.referrals]]</a></li>
      <li><a href="/cases">[[nav.cases]]</a></li>
      <li><a href="/org/retention">[[placements.nav]]</a></li>
      <li><a href="/requests">[[requests.nav]]</a></li>
      <li><a href="/org/contacts">[[contacts.nav]]</a></li>
      <li><a href="/directory">[[directory.nav_public]]</a></li>
      <li><a href="/events/manage">[[events.nav]]</a></li>
      <li><a href="/org/employers">[[employers.nav]]</a></li>
      {{/NAV_COUNSEL}}
      {{#NAV_COORDINATE}}
      <li><a href="/programs">[[programs.nav]]</a></li>
      <li><a href="/directory/manage">[[directory.nav]]</a></li>
      <li><a href="/salons/manage">[[salons.manage.title]]</a></li>
      <li><a href="/peers">[[peers.nav]]</a></li>
      <li><a href="/reports/community">[[community.report.nav]]</a></li>
      <li><a href="/reports/employment">[[employment_figures.nav]]</a></li>
      <li><a href="/org/rights">[[rights.nav]]</a></li>
      {{/NAV_COORDINATE}}
      {{#NAV_ORG_ADMIN}}
      <li><a href="/org/members">[[nav.members]]</a></li>
      <li><a href="/org/audit">[[nav.audit]]</a></li>
      {{/NAV_ORG_ADMIN}}
      {{#NAV_SYSTEM_ADMIN}}
      <li><a href="/admin/organizations">[[nav.organizations]]</a></li>
      {{/NAV_SYSTEM_ADMIN}}
      <li><a href="/account">[[nav.account]]</a></li>
    </ul>
  </nav>
  {{/NAV}}{{/SIGNED_IN}}
</header>
<main id="main" class="main{{#WIDE}} main--wide{{/WIDE}}" tabindex="-1">
{{CONTENT:none}}
</main>
<footer class="site-footer">
  <p>[[layout.footer]]</p>
  <p><a href="/events">[[events.footer_link]]</a></p>
</footer>
</body>
</html>
