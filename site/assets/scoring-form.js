// Entry module of every page (mkdocs extra_javascript). The scoring page wires its form to the Python core here;
// a kit page, the dashboard or "Mijn beoordelingen" names its own module (data-ijk-page) and gets only that.
// No rule lives here.
import { download, downloadFinished } from "./export.js";
import { clearExportProblems, showExportProblems } from "./field-problems.js";
import { restoreValues } from "./form-binding.js";
import { liveForm } from "./live-form.js";
import { bindDetailsToggle, describeMissing } from "./score-panel.js";
import { STATUS_TEXT, newRecord, recordStore, status as recordStatus, storageState } from "./storage.js";
import { formatTime, lang, t } from "./strings.js";

const PAGE_MODULES = new Set([
  "kit-training",
  "kit-session",
  "kit-participant",
  "kit-results",
  "kit-progress",
  "dashboard",
  "my-evaluations",
  "review",
]);
const DRAFT_PARAMETER = "concept";
const SAVED_TEXT = {
  new: "js.draft.new",
  kept: "js.draft.kept",
  saved: "js.draft.saved",
  full: "js.draft.full",
  blocked: "js.draft.blocked",
};
const CHANGE_TEXT = { added: "js.version.added", removed: "js.version.removed", changed: "js.version.changed" };
const ASPECT_TEXT = {
  title: "js.version.aspect.title",
  definition: "js.version.aspect.definition",
  scale: "js.version.aspect.scale",
  weight: "js.version.aspect.weight",
  kind: "js.version.aspect.kind",
  critical: "js.version.aspect.critical",
  na: "js.version.aspect.na",
  anchors: "js.version.aspect.anchors",
  section: "js.version.aspect.section",
}; // scoren/<checklist>/#concept=<evaluation id> opens that draft
const ownModule = document.querySelector("[data-ijk-page]")?.dataset.ijkPage;
const form = document.getElementById("ijk-form");
if (PAGE_MODULES.has(ownModule)) import(`./${ownModule}.js`);
else if (form) start(form);

function start(form) {
  const status = document.getElementById("ijk-status");
  const problemsBox = document.getElementById("ijk-problems");
  const saved = document.getElementById("ijk-saved");
  const records = recordStore();
  const checklist = {
    id: form.dataset.checklistId,
    version: form.dataset.checklistVersion,
    content_hash: form.dataset.contentHash,
  };
  // The watchdog (watchdog.js) set data-python="loading" and reports a runtime that never arrives.
  let record = chosenRecord();
  let blockedByVersion = Boolean(record.checklist.content_hash) && record.checklist.content_hash !== checklist.content_hash;
  if (!blockedByVersion) restoreValues(form, record.values);
  showSaved(records.get(record.id) ? "kept" : "new");
  const storage = storageState();
  if (storage !== "ok") showSaved(storage);
  toggleTransfers();
  bindDetailsToggle();

  const checklistUrl = new URL(form.dataset.checklistUrl, document.baseURI).href;
  const live = liveForm(form, {
    init: { type: "init", payload: { checklistUrl, lang, settings: form.dataset.settings ?? null } },
    identity: () => ({ id: record.id, created_at: record.created_at }),
    onChange: () => {
      save();
      toggleTransfers();
    },
    onResult: (result) => {
      const summary = { quality: result.running?.quality ?? null, complete: Boolean(result.scores?.complete) };
      const stored = records.get(record.id);
      if (!stored || JSON.stringify(summary) === JSON.stringify(stored.summary)) return;
      // only the summary changes: what is stored otherwise (perhaps newer, from another tab) is kept as it is
      record.summary = summary;
      records.put({ ...stored, summary }); // a failure to write was already shown by save()
    },
  });
  if (blockedByVersion) askAboutVersion();

  document.getElementById("ijk-export").addEventListener("click", exportEvaluation);
  document.getElementById("ijk-export-all").addEventListener("click", () => {
    const count = downloadFinished(records);
    if (count) status.dataset.state = "ready";
    status.textContent = count ? t("js.export.all_done", { count }) : t("js.export.nothing_yet");
  });
  // Nothing is lost by starting another evaluation: the one on the form stays in "Mijn beoordelingen".
  document.getElementById("ijk-new").addEventListener("click", () => {
    const previous = records.get(record.id);
    form.reset();
    record = newRecord(checklist);
    history.replaceState(null, "", location.pathname + location.search);
    clearExportProblems(form, problemsBox);
    showSaved("new");
    toggleTransfers();
    live.refresh();
    status.dataset.state = live.isReady() ? "ready" : status.dataset.state;
    status.textContent = previous ? t("js.draft.new_started") : live.isReady() ? t("js.status.ready") : status.textContent;
    form.querySelector("input:not([readonly]), select, textarea")?.focus();
  });
  // Another draft named in the address: open that one. An address within the page (the skip link "Ga naar inhoud",
  // a heading's ¶) is no reason to reload: that threw away the reader's place and keyboard focus.
  addEventListener("hashchange", () => {
    const wanted = new URLSearchParams(location.hash.slice(1)).get(DRAFT_PARAMETER);
    if (wanted && wanted !== record.id) location.reload();
  });

  /** The draft named in the address (#concept=<id>), else this checklist's latest draft, else a new one. */
  function chosenRecord() {
    const wanted = new URLSearchParams(location.hash.slice(1)).get(DRAFT_PARAMETER);
    if (wanted) {
      const found = records.get(wanted);
      if (found && found.checklist?.id === checklist.id) return found;
      queueMicrotask(() => {
        status.textContent = t("js.draft.not_found");
      });
      return newRecord(checklist);
    }
    return records.latestDraft(checklist.id) ?? newRecord(checklist);
  }

  function save() {
    if (blockedByVersion) return;
    record = { ...record, ...live.current(), checklist, updated_at: new Date().toISOString() };
    const result = records.put(record);
    if (!result.ok) {
      showSaved(result.reason);
      return;
    }
    if (new URLSearchParams(location.hash.slice(1)).get(DRAFT_PARAMETER) !== record.id) {
      history.replaceState(null, "", `#${DRAFT_PARAMETER}=${record.id}`);
    }
    showSaved("saved");
  }

  function showSaved(state) {
    saved.dataset.state = state;
    const time = formatTime(new Date(record.updated_at ?? Date.now()));
    saved.textContent = t(SAVED_TEXT[state], { time, status: t(STATUS_TEXT[recordStatus(record)]) });
    // only a failure interrupts; a saved state is there to be looked at, not read out on every key press
    if (state === "full" || state === "blocked") saved.setAttribute("role", "alert");
    else saved.removeAttribute("role");
  }

  /** A draft started on another version of the checklist: show what changed and ask before scoring it. */
  async function askAboutVersion() {
    const notice = document.getElementById("ijk-version-notice");
    const text = document.getElementById("ijk-version-text");
    const list = document.getElementById("ijk-version-changes");
    form.inert = true;
    notice.hidden = false;
    text.textContent = t("js.version.loading");
    document.getElementById("ijk-version-continue").addEventListener("click", () => {
      blockedByVersion = false;
      form.inert = false;
      notice.hidden = true;
      restoreValues(form, record.values);
      toggleTransfers();
      save();
      live.refresh();
    });
    const hash = record.checklist.content_hash.replace(/^sha256:/, "");
    const oldUrl = new URL(`checklists/${checklist.id}/${hash}.json`, checklistUrl).href;
    try {
      const { old, new: current, changes } = await live.call("changes", { checklistUrl: oldUrl });
      text.textContent = t("js.version.text", { old: old.version, new: current.version });
      list.replaceChildren(
        ...(changes.length ? changes : [null]).map((change) => {
          const item = document.createElement("li");
          item.textContent = change
            ? t(CHANGE_TEXT[change.change], {
                title: change.title,
                aspects: change.aspects.map((a) => t(ASPECT_TEXT[a])).join(", "),
              })
            : t("js.version.none");
          return item;
        }),
      );
    } catch (error) {
      // an old version that was never published, or one that cannot be read: say what is known, still ask
      const params = { old: record.checklist.version ?? "?", new: checklist.version, detail: error.detail ?? error.message };
      text.textContent = t(error.kind === "checklist" ? "js.version.unknown" : "js.version.unreadable", params);
      list.replaceChildren();
      console.warn("IJkpunt: wijzigingen niet op te halen", error);
    }
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
    let kept = true;
    if (result.complete) {
      // the evaluation as exported is the finished one; the draft's values stay, to correct and export again
      const now = new Date().toISOString();
      record = { ...record, ...live.current(), checklist, updated_at: now, exported: result.evaluation, exported_at: now };
      record.exported_filename = result.filename;
      record.summary = { quality: result.evaluation.scores.quality, complete: true };
      kept = records.put(record).ok;
      showSaved(kept ? "saved" : storageState());
    }
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
