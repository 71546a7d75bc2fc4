// What Material for MkDocs otherwise runs as inline scripts (the site's Content-Security-Policy allows none):
// * partials/javascripts/base.html: the localStorage helpers the theme's bundle uses (__md_scope, __md_hash,
//   __md_get, __md_set), scoped to the site's base URL, which the page gives as data-md-scope on this script;
// * partials/javascripts/content.html: a link to a content tab's #anchor selects that tab (and with the feature
//   content.tabs.link, the tabs chosen before are chosen again).
// A classic deferred script, loaded in the head: it runs once the page is parsed and before the theme's bundle.
// The code follows Material 9's own, unminified; site/theme/partials/javascripts/ replaces the inline versions.
/* eslint-disable no-var */
(function () {
  var script = document.currentScript;
  window.__md_scope = new URL(script.dataset.mdScope || ".", location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or not allowed: the theme works without it */
    }
  };

  var features = [];
  try {
    features = JSON.parse(document.getElementById("__config").textContent).features || [];
  } catch (e) {
    /* no theme configuration: no linked tabs */
  }
  if (features.indexOf("content.tabs.link") >= 0) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        if (!labels) return;
        for (var i = 0; i < tabs.length; i++) {
          var found = Array.from(labels.getElementsByTagName("label")).find(function (label) {
            return label.innerText.trim() === tabs[i];
          });
          if (found) {
            document.getElementById(found.htmlFor).checked = true;
            return;
          }
        }
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
