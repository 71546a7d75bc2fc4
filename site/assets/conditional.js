// Conditional criteria (checklist `applies_when`): show the ones the core says apply, hide the others.
// Which criteria apply comes from the live result (`applies`, by criterion id); no rule is repeated here.
// A hidden criterion is out of the tab order and the accessibility tree (the `hidden` attribute), but its
// inputs stay in the form: an answer given earlier is kept in the draft and comes back with it; the core
// does not count it while the criterion does not apply.
import { t } from "./strings.js";

const settled = new WeakSet(); // forms whose first result was shown: only later changes are announced

/** Show or hide every conditional criterion of `form` as `applies` ({criterion id: boolean}) says. */
export function showApplicable(form, applies) {
  if (!applies) return;
  const shown = [];
  const hidden = [];
  for (const fieldset of form.querySelectorAll("fieldset[data-conditional]")) {
    const now = applies[fieldset.dataset.criterion] === true;
    if (now === !fieldset.hidden) continue;
    fieldset.hidden = !now;
    fieldset.classList.toggle("ijk-criterion--appeared", now && settled.has(form));
    (now ? shown : hidden).push(fieldset.querySelector(".ijk-title")?.textContent ?? fieldset.dataset.criterion);
  }
  const status = document.getElementById("ijk-conditional-status");
  if (settled.has(form) && status && (shown.length || hidden.length)) {
    const parts = [];
    if (shown.length) parts.push(t("js.conditional.shown", { titles: shown.join(", ") }));
    if (hidden.length) parts.push(t("js.conditional.hidden", { titles: hidden.join(", ") }));
    status.textContent = parts.join(" ");
  }
  settled.add(form);
}
