// Check-in on a phone. With JavaScript, a check-in or walk-in form is posted in the background
// and the page takes the counts, the row and the notice from the server's answer, without a
// reload. A form that cannot reach the server is kept in localStorage (action and fields, CSRF
// token included: same session) and sent, in order, when the network is back; the page then
// shows the server's state. Without JavaScript the forms post and the page reloads as usual.
(function () {
  'use strict';

  var KEY = 'tsunagu.checkin.queue';
  var box = document.getElementById('checkin-queue');
  if (!box || !window.fetch || !window.DOMParser) return;

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(queue));
    } catch (e) { /* storage full or off: nothing more to do */ }
  }

  function show(text) {
    box.textContent = text;
    box.hidden = !text;
  }

  function showQueued() {
    var n = load().length;
    show(n ? box.getAttribute('data-queued').replace('{count}', String(n)) : '');
  }

  function post(action, body) {
    return window.fetch(action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body
    });
  }

  // The notice of the server's page (「受付しました。」), kept in one element so that assistive
  // technology hears each new one.
  function setNotice(doc) {
    var fresh = doc.querySelector('main .notice--success');
    var here = document.querySelector('main .notice--success');
    if (!fresh) {
      if (here) here.hidden = true;
      return;
    }
    if (here) {
      here.innerHTML = fresh.innerHTML;
      here.hidden = false;
    } else {
      box.parentNode.insertBefore(document.importNode(fresh, true), box);
    }
  }

  // Takes from a check-in page of the server what changed: the counts, the rows this page shows
  // and the notice. False when the answer is not a check-in page (an error, the login page).
  function refreshFrom(html) {
    var doc = new window.DOMParser().parseFromString(html, 'text/html');
    var counts = doc.querySelector('.checkin-counts');
    var here = document.querySelector('.checkin-counts');
    if (!counts || !here) return false;
    here.innerHTML = counts.innerHTML;  // the live region stays: the new figures are read out
    var rows = document.querySelectorAll('.checkin-list__item');
    for (var i = 0; i < rows.length; ++i) {
      var fresh = doc.getElementById(rows[i].id);
      if (fresh) rows[i].innerHTML = fresh.innerHTML;
    }
    setNotice(doc);
    return true;
  }

  // The server answered with something other than a check-in page: show it as the page would.
  function showAnswer(res, html) {
    var doc = new window.DOMParser().parseFromString(html, 'text/html');
    var main = doc.querySelector('main');
    var here = document.querySelector('main');
    if (main && here && !res.redirected) {
      here.innerHTML = main.innerHTML;
      here.focus();
    } else {
      window.location.href = res.url || window.location.href;
    }
  }

  // After a check-in the row's button is gone: focus goes to what replaced it.
  function focusRow(rowId) {
    var row = rowId && document.getElementById(rowId);
    var done = row && row.querySelector('.checkin-list__done');
    if (!done) return;
    done.setAttribute('tabindex', '-1');
    done.focus();
  }

  // This page's address without a one-off notice, to read the server's state again.
  function pageUrl() {
    var url = new URL(window.location.href);
    url.searchParams.delete('done');
    url.hash = '';
    return url.toString();
  }

  var flushing = false;
  function flush() {
    var queue = load();
    if (flushing || !queue.length) return;
    flushing = true;
    var item = queue[0];
    post(item.action, item.body).then(function () {
      // Answered (even with an error page): the server has decided; drop it. A check-in sent
      // twice is recorded once (the server's conditional update).
      save(load().slice(1));
      flushing = false;
      if (load().length) {
        flush();
        return;
      }
      window.fetch(pageUrl(), { credentials: 'same-origin' }).then(function (res) {
        return res.text();
      }).then(function (html) {
        refreshFrom(html);
        show(box.getAttribute('data-sent'));
      }, function () {
        window.location.reload();
      });
    }, function () {
      flushing = false;
      showQueued();
    });
  }

  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form.hasAttribute || !form.hasAttribute('data-offline-queue')) return;
    ev.preventDefault();
    var body = new URLSearchParams(new FormData(form)).toString();
    var action = form.getAttribute('action');
    var row = form.closest('.checkin-list__item');
    var rowId = row ? row.id : '';
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    post(action, body).then(function (res) {
      return res.text().then(function (html) {
        if (res.ok && refreshFrom(html)) {
          if (!row) form.reset();
          if (button) button.disabled = false;
          focusRow(rowId);
        } else {
          showAnswer(res, html);
        }
      });
    }, function () {
      var queue = load();
      queue.push({ action: action, body: body });
      save(queue);
      if (row) {
        row.setAttribute('data-queued', '');
      } else {
        form.reset();
        if (button) button.disabled = false;
      }
      showQueued();
    });
  });

  window.addEventListener('online', flush);
  // A browser that misses the online event still sends what is kept, a little later.
  window.setInterval(function () {
    if (window.navigator.onLine) flush();
  }, 20000);
  showQueued();
  if (window.navigator.onLine) flush();
})();
