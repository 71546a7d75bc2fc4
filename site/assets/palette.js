// The colour scheme (light or dark) before the page is drawn: a classic script in the header, right after the
// theme's palette toggle (site/theme/partials/javascripts/palette.html). It does what the theme's bundle does when
// it starts: a stored choice (the theme's own localStorage key), else the first toggle whose media matches;
// "automatic" follows prefers-color-scheme. Without it a scoring form, whose bundle loads late, would show the
// light scheme for seconds to a reader who asked for dark.
(function () {
  var script = document.currentScript;
  var inputs = document.querySelectorAll('[data-md-component="palette"] input');
  if (!script || !inputs.length) return;
  var key = new URL(script.dataset.scope || ".", location).pathname + ".__palette";
  var attributes = function (input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent"),
    };
  };
  var picked = null; // a choice made on this page, also when storage is off
  var apply = function () {
    var stored = picked;
    try {
      stored = stored || JSON.parse(localStorage.getItem(key));
    } catch (error) {
      stored = null; // storage off or unreadable: follow the device
    }
    var index = stored && stored.color ? stored.index : Array.prototype.findIndex.call(inputs, function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    index = Math.max(0, Math.min(Number(index) || 0, inputs.length - 1));
    var color = (stored && stored.color) || attributes(inputs[index]);
    // the current choice is the checked radio, so that Tab reaches the one whose label (the toggle) is shown
    inputs[index].checked = true;
    Array.prototype.forEach.call(inputs, function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    if (color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var match = document.querySelector(
        light ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']"
      );
      if (match) color = Object.assign(attributes(match), { media: color.media });
    }
    Object.keys(color).forEach(function (name) {
      if (color[name]) document.body.setAttribute("data-md-color-" + name, color[name]);
    });
  };
  apply();
  // A choice made before the theme's bundle has come (a scoring form loads it late) is kept as the bundle keeps it;
  // once the bundle runs it does the same on the same change, with the same result.
  Array.prototype.forEach.call(inputs, function (input, index) {
    input.addEventListener("change", function () {
      picked = { index: index, color: attributes(input) };
      try {
        localStorage.setItem(key, JSON.stringify(picked));
      } catch (error) {
        // storage off: the choice holds for this page only
      }
      apply();
    });
  });
  // "automatic" follows a change of the device's preference at once (evening mode), also before the theme's bundle
  // has come; a reader's own choice (light or dark) stays, as apply() reads it first
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", apply);
})();
