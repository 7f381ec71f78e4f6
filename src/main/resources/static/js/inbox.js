// Keeps an open inbox current: asks the hub every few seconds for the inbox's fingerprint and reloads the page
// (with its sorting and filters) when a task entered, left or was claimed. Pauses while the tab is hidden.
(function () {
  var root = document.querySelector('[data-inbox-version-url]');
  if (!root) { return; }
  var url = root.getAttribute('data-inbox-version-url');
  var signature = root.getAttribute('data-inbox-signature');
  var interval = parseInt(root.getAttribute('data-inbox-refresh-ms'), 10) || 5000;
  function poll() {
    if (document.hidden) { return; }
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (body && body.signature && body.signature !== signature) {
          window.location.reload();
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }
  window.setInterval(poll, interval);
})();
