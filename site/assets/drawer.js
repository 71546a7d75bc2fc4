// The navigation drawer on a narrow screen, by keyboard. The theme's menu button is a <label> for a hidden checkbox:
// no Tab stop, no name, so a keyboard could not open the navigation, and Tab went through its links while they were
// off screen. Here the button becomes a named, focusable button (Enter or Space opens and closes, Escape closes and
// returns focus), and ijkpunt.css keeps the closed drawer's links out of the Tab order.
// A classic deferred script (the Content-Security-Policy allows no inline script); its name comes from site/i18n.
(function () {
  var script = document.currentScript;
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", script.dataset.label);
  button.setAttribute("aria-controls", "__drawer");
  var sync = function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  };
  var set = function (open) {
    if (toggle.checked === open) return;
    toggle.click(); // as a click on the label would: the theme listens for the checkbox's change
    sync();
  };
  toggle.addEventListener("change", sync);
  sync();
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    set(!toggle.checked);
    if (toggle.checked) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    set(false);
    button.focus();
  });
})();
