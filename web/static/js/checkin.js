// Check-in through a short network loss: a check-in or walk-in form that cannot reach the
// server is kept in localStorage (action and fields, CSRF token included: same session) and
// sent again when the network is back. Without JavaScript the forms post as usual.
(function () {
  'use strict';

  var KEY = 'tsunagu.checkin.queue';
  var box = document.getElementById('checkin-queue');

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
    if (!box) return;
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

  var flushing = false;
  function flush() {
    var queue = load();
    if (flushing || !queue.length) return;
    flushing = true;
    var item = queue[0];
    post(item.action, item.body).then(function () {
      // Answered (even with an error page): the server has decided; drop it.
      save(load().slice(1));
      flushing = false;
      if (load().length) {
        flush();
      } else {
        window.location.reload();
      }
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
    post(action, body).then(function (res) {
      window.location.href = res.url || window.location.href;
    }, function () {
      var queue = load();
      queue.push({ action: action, body: body });
      save(queue);
      var button = form.querySelector('button');
      if (button) button.disabled = true;
      showQueued();
    });
  });

  window.addEventListener('online', flush);
  showQueued();
  if (window.navigator.onLine) flush();
})();
