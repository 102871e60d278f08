<p class="breadcrumb"><a href="/referrals">[[referrals.list.title]]</a></p>
<h1>[[referrals.page.heading]] <span class="muted">{{DIRECTION}}</span></h1>
{{#NOTICE}}<div class="notice notice--success" role="status"><p>{{DONE}}</p></div>{{/NOTICE}}
[[include:partials/error_summary]]
<dl class="summary-list">
  <div><dt>[[referrals.page.client]]</dt><dd>{{#CLIENT_LINK}}<a href="{{CLIENT_PATH}}">{{CLIENT_NAME}}</a>{{/CLIENT_LINK}}{{#CLIENT_HIDDEN}}{{CLIENT_NAME}}{{/CLIENT_HIDDEN}}</dd></div>
  <div><dt>[[referrals.page.from_org]]</dt><dd>{{FROM_ORG}}</dd></div>
  <div><dt>[[referrals.page.to_org]]</dt><dd>{{TO_ORG}}</dd></div>
  <div><dt>[[referrals.page.reason]]</dt><dd>{{REASON}}</dd></div>
  <div><dt>[[referrals.page.sent_at]]</dt><dd><time datetime="{{SENT_AT_ISO}}">{{SENT_AT}}</time>（{{SENT_BY}}）</dd></div>
  <div><dt>[[referrals.page.note]]</dt><dd>{{#NOTE_LINE}}<p>{{LINE}}</p>{{/NOTE_LINE}}{{#NOTE_NONE}}<span class="muted">[[referrals.page.no_note]]</span>{{/NOTE_NONE}}{{#NOTE_NONE_INCOMING}}<span class="muted">[[referrals.page.no_note_incoming]]</span>{{/NOTE_NONE_INCOMING}}</dd></div>
</dl>

<div class="referral-live" hx-ext="sse" sse-connect="{{REFERRAL_PATH}}/events?seen={{LIVE_MARK}}">
[[include:referrals/status]]
</div>
<p class="field__hint no-print">[[referrals.page.live_hint]]</p>
<p id="live-announcer" class="visually-hidden" role="status" aria-live="polite"></p>
<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
<script src="/static/vendor/htmx.min.js"></script>
<script src="/static/vendor/htmx-sse.min.js"></script>
<script src="/static/js/live.js"></script>
