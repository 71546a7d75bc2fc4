// A session participant: opens the facilitator's link, scores the chosen contacts blind (no key on this page), and
// gets a result code to paste in the meeting chat plus a result file. Everything stays on this device until then.
import { copyField, el, kitInit, kitRoot } from "./kit-common.js";
import { clearExportProblems, showExportProblems } from "./field-problems.js";
import { download } from "./export.js";
import { restoreValues } from "./form-binding.js";
import { liveForm } from "./live-form.js";
import { bindDetailsToggle } from "./score-panel.js";
import { newIdentity } from "./storage.js";
import { t } from "./strings.js";

const root = kitRoot();
const form = document.getElementById("ijk-form");
const formPage = document.getElementById("ijk-kit-form");
const nameInput = document.getElementById("ijk-participant-name");
const step = document.getElementById("ijk-step");
const problemsBox = document.getElementById("ijk-problems");
const codeBox = document.getElementById("ijk-result-code");
const titles = Object.fromEntries([...document.querySelectorAll("[data-contact]")].map((s) => [s.dataset.contact, s.dataset.title]));
bindDetailsToggle();

const session = readSession();
const storeKey = `ijkpunt:session:${root.dataset.kitId}:${root.dataset.kitVersion}:${session.contacts.join(",")}`;
const state = loadState();
let result = null;

function readSession() {
  const params = new URLSearchParams(location.hash.slice(1));
  const known = root.dataset.contacts.split(",");
  const asked = (params.get("contacten") || "").split(",").filter(Boolean);
  const unknown = asked.filter((id) => !known.includes(id));
  const version = params.get("versie");
  let problem = null;
  if (unknown.length) problem = t("js.kit.link_unknown_contacts", { contacts: unknown.join(", ") });
  else if (version && version !== root.dataset.kitVersion) problem = t("js.kit.link_other_version", { asked: version, here: root.dataset.kitVersion });
  return {
    contacts: asked.length && !unknown.length ? known.filter((id) => asked.includes(id)) : known,
    focus: (params.get("focus") || "").split(",").filter(Boolean),
    problem,
  };
}

function loadState() {
  try {
    const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
    if (saved && saved.forms) return saved;
  } catch (error) {
    console.warn("IJkpunt: de bewaarde sessie is onleesbaar", error);
  }
  return { name: "", step: 0, forms: {} };
}

const save = () => localStorage.setItem(storeKey, JSON.stringify(state));
const current = () => session.contacts[state.step];

const live = liveForm(form, {
  init: kitInit(form, root),
  identity: () => identityOf(current()),
  onChange: () => {
    state.forms[current()] = live.current();
    save();
  },
});

function identityOf(contact) {
  const saved = state.forms[contact];
  if (saved) return { id: saved.id, created_at: saved.created_at };
  state.forms[contact] = { ...newIdentity(), values: {} };
  return identityOf(contact);
}

function show() {
  const contact = current();
  for (const section of document.querySelectorAll("[data-contact]")) section.hidden = section.dataset.contact !== contact;
  step.textContent = t("js.kit.step", { number: state.step + 1, total: session.contacts.length, title: titles[contact] });
  form.reset();
  identityOf(contact);
  restoreValues(form, state.forms[contact].values);
  document.getElementById("ijk-previous").hidden = state.step === 0;
  document.getElementById("ijk-next").textContent = state.step === session.contacts.length - 1 ? t("js.kit.make_code") : t("js.kit.next");
  clearExportProblems(form, problemsBox);
  live.refresh();
}

function markFocus() {
  for (const id of session.focus) {
    const legend = document.querySelector(`#c-${CSS.escape(id)} legend`);
    if (legend) legend.append(" ", el("span", t("js.kit.focus"), { class: "ijk-tag ijk-tag--focus" }));
  }
}

async function next() {
  state.forms[current()] = live.current();
  save();
  if (state.step < session.contacts.length - 1) {
    state.step += 1;
    save();
    show();
    document.getElementById("ijk-step").scrollIntoView();
    return;
  }
  if (!live.isReady()) {
    showExportProblems(form, problemsBox, [{ message: t("js.status.not_ready"), field: null }], t("js.kit.code_blocked"));
    return;
  }
  const forms = Object.fromEntries(session.contacts.map((id) => [id, state.forms[id]]));
  const reply = await live.call("code", { participant: nameInput.value, forms });
  if (reply.problems.length) {
    const named = reply.problems.filter((p) => p.field === "participant");
    const shown = reply.problems.map((p) => (p.field === "participant" ? { ...p, field: null } : p));
    showExportProblems(form, problemsBox, shown, t("js.kit.code_blocked"));
    if (named.length) nameInput.focus();
    return;
  }
  result = reply;
  document.getElementById("ijk-code").value = reply.code;
  codeBox.hidden = false;
  formPage.hidden = true;
  for (const section of document.querySelectorAll("[data-contact]")) section.hidden = true;
  step.textContent = "";
  codeBox.focus();
}

if (state.name) nameInput.value = state.name;
else state.name = nameInput.value; // typed before this script ran
nameInput.addEventListener("input", () => {
  state.name = nameInput.value;
  save();
});
document.getElementById("ijk-next").addEventListener("click", next);
document.getElementById("ijk-previous").addEventListener("click", () => {
  state.forms[current()] = live.current();
  state.step = Math.max(0, state.step - 1);
  save();
  show();
});
document.getElementById("ijk-copy-code").addEventListener("click", () => copyField(document.getElementById("ijk-code")));
document.getElementById("ijk-download-result").addEventListener("click", () => {
  if (result) download(JSON.stringify(result.result, null, 2) + "\n", result.filename);
});
document.getElementById("ijk-back-to-form").addEventListener("click", () => {
  codeBox.hidden = true;
  formPage.hidden = false;
  show();
});

if (session.problem) {
  const problem = document.getElementById("ijk-session-problem");
  problem.textContent = session.problem;
  problem.hidden = false;
  formPage.hidden = true;
  document.getElementById("ijk-participant").hidden = true;
} else {
  state.step = Math.min(state.step, session.contacts.length - 1);
  markFocus();
  show();
}
