// Problems tied to form fields: a message next to the field (while filling in) and a list of links that
// focus the field (after a blocked export). The field of each problem is named by the core (`field`).
import { controlFor } from "./form-binding.js";
import { t } from "./strings.js";
import { titleOf } from "./score-panel.js";

const OWNED = "ijkDescribedBy"; // ids we added to aria-describedby, kept apart from the page's own

/** A person's name for a field: "“Titel”", "Toelichting bij “Titel”", or the text of its label. */
export function fieldLabel(form, field) {
  const [kind, criterion] = field.split(":");
  if (criterion !== undefined && kind === "comment") return t("js.field.comment_of", { title: titleOf(criterion) });
  if (criterion !== undefined && kind === "answer") return t("js.field.answer_of", { title: titleOf(criterion) });
  const control = controlFor(form, field);
  const label = control && control.closest("label");
  if (label && label.firstChild && label.firstChild.nodeType === Node.TEXT_NODE) return label.firstChild.textContent.trim();
  const legend = control && control.closest("fieldset")?.querySelector(".ijk-title");
  return legend ? legend.textContent : field;
}

export function describe(form, problem) {
  return problem.field ? `${fieldLabel(form, problem.field)}: ${problem.message}` : problem.message;
}

/** Problems in the order of their fields on the page (problems without a field last). */
export function inPageOrder(form, problems) {
  const position = (p) => controlFor(form, p.field);
  return [...problems].sort((a, b) => {
    const x = position(a), y = position(b);
    if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : x === y ? 0 : 1;
  });
}

function link(form, control, id) {
  for (const target of targetsOf(form, control)) {
    const own = (target.dataset[OWNED] || "").split(" ").filter(Boolean);
    const rest = (target.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && !own.includes(x));
    target.dataset[OWNED] = [...own, id].join(" ");
    target.setAttribute("aria-describedby", [...rest, ...own, id].join(" "));
    target.setAttribute("aria-invalid", "true");
  }
}

function unlinkAll(form, prefix) {
  for (const target of form.querySelectorAll("[data-ijk-described-by]")) {
    const own = target.dataset[OWNED].split(" ");
    const keep = own.filter((id) => !id.startsWith(prefix));
    const rest = (target.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && !own.includes(x));
    const ids = [...rest, ...keep];
    if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
    else target.removeAttribute("aria-describedby");
    if (keep.length) target.dataset[OWNED] = keep.join(" ");
    else {
      delete target.dataset[OWNED];
      target.removeAttribute("aria-invalid");
    }
  }
}

// Every radio of a group describes the problem, not only the first.
function targetsOf(form, control) {
  if (control.type === "radio") return [...form.querySelectorAll(`input[type="radio"][name="${CSS.escape(control.name)}"]`)];
  return [control];
}

/** While filling in: one message under each field the core could not accept. */
export function showFieldMessages(form, problems) {
  form.querySelectorAll(".ijk-field-error").forEach((node) => node.remove());
  unlinkAll(form, "ijk-err-");
  problems.forEach((problem, i) => {
    const control = controlFor(form, problem.field);
    if (!control) return;
    const container = control.type === "radio" ? control.closest("fieldset") : control.closest("label") ?? control.parentElement;
    const message = document.createElement("span");
    message.className = "ijk-field-error";
    message.id = `ijk-err-${i}`;
    message.textContent = problem.message;
    container.append(message);
    link(form, control, message.id);
  });
}

/** After a blocked export: the list of problems, each a button that focuses its field; focus the first. */
export function showExportProblems(form, container, problems, headingText = t("js.export.heading")) {
  unlinkAll(form, "ijk-problem-");
  const ordered = inPageOrder(form, problems);
  const heading = document.createElement("p");
  heading.textContent = headingText;
  const list = document.createElement("ul");
  ordered.forEach((problem, i) => {
    const item = document.createElement("li");
    item.id = `ijk-problem-${i}`;
    const control = controlFor(form, problem.field);
    if (control) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ijk-problem-link";
      button.textContent = describe(form, problem);
      button.addEventListener("click", () => control.focus());
      item.append(button);
      link(form, control, item.id);
    } else {
      item.textContent = problem.message;
    }
    list.append(item);
  });
  container.replaceChildren(heading, list);
  container.hidden = false;
  const first = ordered.map((p) => controlFor(form, p.field)).find(Boolean);
  if (first) first.focus();
}

export function clearExportProblems(form, container) {
  unlinkAll(form, "ijk-problem-");
  container.replaceChildren();
  container.hidden = true;
}

/** Privacy notices under the score: "Toelichting bij “Titel”: Hier staat waarschijnlijk een BSN …". */
export function showPrivacy(form, notices) {
  const list = document.getElementById("ijk-privacy");
  // a live region: rewritten only when the notices change, not on every keystroke that leaves them as they are
  const shown = JSON.stringify(notices.map((notice) => [notice.code, describe(form, notice)]));
  if (list.dataset.shown === shown) return;
  list.dataset.shown = shown;
  list.replaceChildren(...notices.map((notice) => {
    const item = document.createElement("li");
    item.textContent = describe(form, notice);
    item.dataset.code = notice.code;
    return item;
  }));
  list.hidden = !notices.length;
}
