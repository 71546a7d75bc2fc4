// Entry module of the scoring page: wires the form to the Python core in a worker.
// Reads raw values (form-binding), keeps the draft (storage), asks the core for scores (worker-client),
// shows them (score-panel, field-problems) and downloads the export (export). No rule lives here.
import { download } from "./export.js";
import { clearExportProblems, showExportProblems, showFieldMessages, showPrivacy } from "./field-problems.js";
import { readValues, restoreValues } from "./form-binding.js";
import { bindDetailsToggle, describeMissing, showScores } from "./score-panel.js";
import { draftStore, newIdentity } from "./storage.js";
import { t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const START_ERRORS = {
  "wasm-mime": "js.start.wasm_mime",
  "wasm-missing": "js.start.wasm_missing",
  packages: "js.start.packages",
  checklist: "js.start.checklist",
  python: "js.start.python",
  worker: "js.start.worker",
};

const form = document.getElementById("ijk-form");
if (form) start(form);

function start(form) {
  const root = document.documentElement;
  const status = document.getElementById("ijk-status");
  const problemsBox = document.getElementById("ijk-problems");
  const store = draftStore(form.dataset.checklistId);
  const state = { ready: false, sequence: 0, shown: 0, client: null };
  // The watchdog (watchdog.js) set data-python="loading" and reports a runtime that never arrives.
  let draft = store.load();
  restoreValues(form, draft.values);
  setTimeout(save, 500); // the fresh identity is kept soon, not before the first input
  toggleTransfers();
  bindDetailsToggle();

  const fail = (message) => {
    if (root.dataset.python === "error") return; // the watchdog spoke first
    root.dataset.python = "error";
    status.dataset.state = "error";
    status.textContent = message;
  };
  const startFailure = (error) => fail(t(START_ERRORS[error.kind] ?? "js.start.python", { detail: error.detail ?? error.message }));

  const boot = () => {
    state.client = startWorker(new URL("./worker.js", import.meta.url), { onCrash: startFailure });
    const checklistUrl = new URL(form.dataset.checklistUrl, document.baseURI).href;
    state.client.call("init", { checklistUrl }).then(() => {
      state.ready = true;
      root.dataset.python = "ready";
      status.dataset.state = "ready";
      status.textContent = t("js.status.ready");
      refresh();
    }, startFailure);
  };
  // Starting and compiling the runtime competes for the two CPUs with the page's own start (and with the click or
  // key press that brings the first input): start it right after the first input, or 150 ms after load, whichever
  // comes first (make bench: first input -15 to -20 %, Python ready within noise).
  let booted = false;
  const bootOnce = () => {
    if (booted) return;
    booted = true;
    boot();
  };
  form.addEventListener("input", () => setTimeout(bootOnce), { once: true });
  const afterLoad = () => setTimeout(bootOnce, 150);
  if (document.readyState === "complete") afterLoad();
  else addEventListener("load", afterLoad, { once: true });

  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  document.getElementById("ijk-export").addEventListener("click", exportEvaluation);
  document.getElementById("ijk-new").addEventListener("click", () => {
    if (!confirm(t("js.confirm_new"))) return;
    store.clear();
    form.reset();
    draft = { ...newIdentity(), values: {} };
    clearExportProblems(form, problemsBox);
    if (state.ready) {
      status.dataset.state = "ready";
      status.textContent = t("js.status.ready");
    }
    save();
    toggleTransfers();
    refresh();
  });

  function current() {
    return { id: draft.id, created_at: draft.created_at, values: readValues(form) };
  }

  function save() {
    draft = current();
    store.save(draft);
  }

  function onChange() {
    save();
    toggleTransfers();
    refresh();
  }

  function refresh() {
    if (!state.ready) return;
    const sequence = ++state.sequence;
    state.client.call("live", current()).then((result) => {
      if (sequence < state.shown) return; // an older answer arriving late
      state.shown = sequence;
      showScores(result);
      showFieldMessages(form, result.problems);
      showPrivacy(form, result.privacy);
    }, (error) => fail(t("js.status.rules_error", { detail: error.detail ?? error.message })));
  }

  async function exportEvaluation() {
    if (!state.ready) {
      showExportProblems(form, problemsBox, [{ message: t("js.status.not_ready"), field: null }]);
      return;
    }
    const result = await state.client.call("export", current());
    if (result.problems.length) {
      showExportProblems(form, problemsBox, result.problems);
      return;
    }
    clearExportProblems(form, problemsBox);
    download(JSON.stringify(result.evaluation, null, 2) + "\n", result.filename);
    status.dataset.state = result.complete ? "ready" : "incomplete";
    status.textContent = result.complete
      ? t("js.export.done", { filename: result.filename })
      : t("js.export.incomplete", { filename: result.filename, missing: describeMissing(result.evaluation.scores.missing) });
  }

  // Showing "Hoe vaak?" only for a transferred contact is presentation, not a rule: the core ignores the
  // field for other outcomes.
  function toggleTransfers() {
    const transfers = form.querySelector(".ijk-transfers");
    if (transfers) transfers.hidden = form.elements.namedItem("outcome")?.value !== "transferred";
  }
}
