// Live parts of a page (a case's timeline, a referral's status) are replaced when another
// organisation writes. This tells screen-reader users so, through one polite live region that is
// never replaced itself (#live-announcer), and keeps the keyboard focus on the same link or
// control when the part that held it is replaced.
(function () {
  'use strict';

  var kept = null; // how to find the focused element again: its id or its link target

  function describe(el) {
    if (!el || el === document.body) return null;
    if (el.id) return { id: el.id };
    var href = el.getAttribute && el.getAttribute('href');
    if (href) return { href: href };
    return null;
  }

  function find(desc) {
    if (!desc) return null;
    if (desc.id) return document.getElementById(desc.id);
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('href') === desc.href) return links[i];
    }
    return null;
  }

  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail && event.detail.target;
    var active = document.activeElement;
    kept = target && active && target.contains(active) ? describe(active) : null;
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var root = event.target;
    if (!root || !root.querySelector) return;
    var part = root.matches('[data-announce]') ? root : root.querySelector('[data-announce]');
    if (!part) return;
    var announcer = document.getElementById('live-announcer');
    if (announcer) {
      // Emptied first, so that the same words twice are read twice.
      announcer.textContent = '';
      window.setTimeout(function () {
        announcer.textContent = part.getAttribute('data-announce');
      }, 50);
    }
    if (kept) {
      var again = find(kept);
      if (again) again.focus();
      kept = null;
    }
  });
})();
