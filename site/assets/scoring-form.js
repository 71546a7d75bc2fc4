// Entry module of every page (mkdocs extra_javascript). The scoring page wires its form to the Python core here;
// a kit page or the dashboard names its own module (data-ijk-page) and gets only that. No rule lives here.
import { download } from "./export.js";
import { clearExportProblems, showExportProblems } from "./field-problems.js";
import { restoreValues } from "./form-binding.js";
import { liveForm } from "./live-form.js";
import { bindDetailsToggle, describeMissing } from "./score-panel.js";
import { draftStore, exportStore, newIdentity } from "./storage.js";
import { lang, t } from "./strings.js";

const PAGE_MODULES = new Set(["kit-training", "kit-session", "kit-participant", "kit-results", "kit-progress", "dashboard"]);
const ownModule = document.querySelector("[data-ijk-page]")?.dataset.ijkPage;
const form = document.getElementById("ijk-form");
if (PAGE_MODULES.has(ownModule)) import(`./${ownModule}.js`);
else if (form) start(form);

function start(form) {
  const status = document.getElementById("ijk-status");
  const problemsBox = document.getElementById("ijk-problems");
  const store = draftStore(form.dataset.checklistId);
  const exports = exportStore();
  // The watchdog (watchdog.js) set data-python="loading" and reports a runtime that never arrives.
  let draft = store.load();
  restoreValues(form, draft.values);
  setTimeout(save, 500); // the fresh identity is kept soon, not before the first input
  toggleTransfers();
  bindDetailsToggle();

  const checklistUrl = new URL(form.dataset.checklistUrl, document.baseURI).href;
  const live = liveForm(form, {
    init: { type: "init", payload: { checklistUrl, lang } },
    identity: () => ({ id: draft.id, created_at: draft.created_at }),
    onChange: () => {
      save();
      toggleTransfers();
    },
  });

  document.getElementById("ijk-export").addEventListener("click", exportEvaluation);
  document.getElementById("ijk-export-all").addEventListener("click", () => {
    const all = exports.all();
    if (!all.length) {
      status.textContent = t("js.export.nothing_yet");
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    download(all.map((e) => JSON.stringify(e)).join("\n") + "\n", `beoordelingen-${day}.jsonl`, "application/x-ndjson");
    status.dataset.state = "ready";
    status.textContent = t("js.export.all_done", { count: all.length });
  });
  document.getElementById("ijk-new").addEventListener("click", () => {
    if (!confirm(t("js.confirm_new"))) return;
    store.clear();
    form.reset();
    draft = { ...newIdentity(), values: {} };
    clearExportProblems(form, problemsBox);
    if (live.isReady()) live.setStatus("ready", t("js.status.ready"));
    save();
    toggleTransfers();
    live.refresh();
  });

  function save() {
    draft = live.current();
    store.save(draft);
  }

  async function exportEvaluation() {
    if (!live.isReady()) {
      showExportProblems(form, problemsBox, [{ message: t("js.status.not_ready"), field: null }]);
      return;
    }
    const result = await live.call("export", live.current());
    if (result.problems.length) {
      showExportProblems(form, problemsBox, result.problems);
      return;
    }
    clearExportProblems(form, problemsBox);
    download(JSON.stringify(result.evaluation, null, 2) + "\n", result.filename);
    const kept = result.complete ? exports.add(result.evaluation) : true; // drafts (_concept) are not "finished"
    status.dataset.state = result.complete ? "ready" : "incomplete";
    status.textContent = result.complete
      ? t("js.export.done", { filename: result.filename }) + (kept ? "" : ` ${t("js.export.not_kept")}`)
      : t("js.export.incomplete", { filename: result.filename, missing: describeMissing(result.evaluation.scores.missing) });
  }

  // Showing "Hoe vaak?" only for a transferred contact is presentation, not a rule: the core ignores the
  // field for other outcomes.
  function toggleTransfers() {
    const transfers = form.querySelector(".ijk-transfers");
    if (transfers) transfers.hidden = form.elements.namedItem("outcome")?.value !== "transferred";
  }
}
