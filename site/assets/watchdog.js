/* Start-up watchdog of the scoring form. A classic script on purpose: it still runs where module scripts
   are blocked (file://, wrong MIME types). Its texts come from the page's JSON block #ijk-strings, the
   wait from data-watchdog-seconds on #ijk-status; ?watchdog=N shortens the wait (tests). */
(function () {
  var root = document.documentElement;
  var status = document.getElementById("ijk-status");
  var block = document.getElementById("ijk-strings");
  if (!status) return;
  var strings = {};
  try { strings = JSON.parse(block ? block.textContent : "{}"); } catch (e) { /* keep the loading text */ }
  function fail(key, seconds) {
    if (root.dataset.python === "ready" || root.dataset.python === "error") return;
    root.dataset.python = "error";
    status.dataset.state = "error";
    status.textContent = String(strings[key] || key).replace("{seconds}", String(seconds));
  }
  if (!root.dataset.python) root.dataset.python = "loading";
  if (location.protocol === "file:") {
    fail("js.watchdog.file");
    return;
  }
  var seconds = Number(new URLSearchParams(location.search).get("watchdog")) ||
    Number(status.dataset.watchdogSeconds) || 45;
  setTimeout(function () { fail("js.watchdog.timeout", seconds); }, seconds * 1000);
})();
