// Scoring-form pages: load the theme's bundle on demand (see site/theme/main.html for why).
// A classic deferred script, so that the page holds no inline script (Content-Security-Policy).
// The theme's own first act is swapping no-js for js (it shows the search field): do it now.
document.documentElement.classList.replace("no-js", "js");
(function () {
  var held = document.querySelector('script[type="text/x-ijk-on-demand"]');
  var root = document.documentElement, started = false, key = null, observer;
  // Not on scrolling: on a laptop's screen the first criterion is below the fold, and a reader who scrolls to it would
  // meet the bundle's ~70 ms of script just as they click (what the bundle does on scrolling, the header's title and
  // the back-to-top button, can wait until Python is ready).
  var uses = ["pointerdown", "focusin", "keydown"];
  function stop() {
    uses.forEach(function (type) { removeEventListener(type, onUse, true); });
    if (observer) observer.disconnect();
  }
  function start() {
    if (started) return;
    started = true;
    stop();
    var script = document.createElement("script");
    script.src = held.src;
    script.onload = function () {
      // The theme starts on DOMContentLoaded, which has passed: give it that signal.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      if (key) key.target.dispatchEvent(new KeyboardEvent("keydown", key)); // e.g. "/" opens search
      var search = document.getElementById("__search"), input = document.querySelector(".md-search__input");
      if (search && search.checked && input) input.focus();
    };
    document.body.append(script);
  }
  function onUse(event) {
    var target = event.target;
    if (target.closest && target.closest("#ijk-form, #ijk-scores")) return;
    if (event.type === "keydown") {
      key = { key: event.key, code: event.code, shiftKey: event.shiftKey, altKey: event.altKey,
              ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true, target: target };
    }
    start();
  }
  function whenIdle() {
    if (window.requestIdleCallback) requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 0);
  }
  if (!held) return;
  uses.forEach(function (type) { addEventListener(type, onUse, { capture: true, passive: true }); });
  var state = function () { return root.dataset.python; };
  if (state() === "ready" || state() === "error") return whenIdle();
  observer = new MutationObserver(function () {
    if (state() === "ready" || state() === "error") { observer.disconnect(); whenIdle(); }
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-python"] });
  setTimeout(start, 20000); // whatever happens to the form's runtime, the theme comes
})();
