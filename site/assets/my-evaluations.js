// "Mijn beoordelingen": the drafts and finished evaluations kept on this device (storage.js), to open, duplicate,
// export or delete, and files to import. The core checks an imported file (ijkpunt_core.import_api, in the
// worker); this page only writes what the core accepted, and writes nothing from a file with a refusal.
import { download, downloadFinished } from "./export.js";
import { bindDrop, el, formatNumber, labelCells, readJson } from "./kit-common.js";
import {
  STATUS_TEXT,
  STORAGE_TEXT,
  newRecord,
  recordStore,
  status as recordStatus,
  storageState,
  valuesOf,
} from "./storage.js";
import { formatTime, lang, t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const MAX_IMPORT = 50_000_000; // bytes; larger is not an export of evaluations, and is not read at all

const records = recordStore();
const rows = document.getElementById("ijk-my-rows");
const empty = document.getElementById("ijk-my-empty");
const status = document.getElementById("ijk-status");
const storageProblem = document.getElementById("ijk-storage");
const undo = document.getElementById("ijk-undo");
const checklists = readJson("ijk-checklists");
const modes = readJson("ijk-modes");
let removed = null; // the last deleted record, until it is undone or another is deleted

/** Draw the list; `note` (what was just done) goes before the count in the status line. */
function show(note = "") {
  const { records: list, broken } = records.list();
  rows.replaceChildren(...list.map(row));
  const table = document.getElementById("ijk-my-table");
  labelCells(table, [...table.tHead.rows[0].cells].map((cell) => cell.textContent));
  empty.hidden = list.length > 0;
  const state = storageState();
  storageProblem.hidden = state === "ok" && broken === 0;
  storageProblem.textContent = [
    state === "ok" ? "" : t(STORAGE_TEXT[state]),
    broken ? t("js.my.broken", { count: broken }) : "",
  ].filter(Boolean).join(" ");
  const finished = list.filter((r) => r.exported).length;
  status.textContent = [note, t("js.my.summary", { count: list.length, finished })].filter(Boolean).join(" ");
}

function row(record) {
  const checklist = checklists[record.checklist?.id];
  const values = record.values ?? {};
  const state = recordStatus(record);
  const title = checklist?.title ?? record.checklist?.id ?? "?";
  const actions = el("td", "", { class: "ijk-my-actions" });
  if (checklist) {
    const open = el("a", t("js.my.open"), { class: "md-button", href: `${checklist.form_url}#concept=${record.id}` });
    open.setAttribute("aria-label", t("js.my.open_label", { title, agent: values.agent || "—" }));
    actions.append(open);
  }
  actions.append(
    button(t("js.my.duplicate"), () => duplicate(record)),
    ...(record.exported ? [button(t("js.my.export"), () => exportOne(record))] : []),
    button(t("js.my.delete"), () => remove(record)),
  );
  const score = record.summary?.quality;
  return appendAll(el("tr", "", { "data-id": record.id }), [
    el("td", title),
    el("td", values.agent || "—"),
    el("td", values.contact_date || "—"),
    el("td", modes[values.mode || "monitoring"] ?? values.mode ?? "—"),
    el("td", score == null ? "—" : record.summary.complete ? formatNumber(score) : t("js.my.provisional", { score: formatNumber(score) })),
    el("td", t(STATUS_TEXT[state]), { "data-status": state }),
    el("td", record.updated_at ? formatTime(new Date(record.updated_at)) : "—"),
    actions,
  ]);
}

function appendAll(parent, children) {
  parent.append(...children);
  return parent;
}

function button(text, action) {
  const b = el("button", text, { type: "button", class: "md-button" });
  b.addEventListener("click", action);
  return b;
}

function duplicate(record) {
  const copy = { ...newRecord(record.checklist, { ...record.values }), summary: record.summary };
  const result = records.put(copy);
  show(result.ok ? t("js.my.duplicated") : t(STORAGE_TEXT[result.reason]));
}

function exportOne(record) {
  const e = record.exported;
  // the name the core gave it at export or import; records from before kept none
  download(JSON.stringify(e, null, 2) + "\n", record.exported_filename ?? `${e.contact_date}_${e.checklist.id}_${e.id}.json`);
}

function remove(record) {
  const what = `${checklists[record.checklist?.id]?.title ?? record.checklist?.id}, ${record.values?.agent || "—"}`;
  if (!confirm(t("js.my.confirm_delete", { what }))) return;
  records.remove(record.id);
  removed = record;
  document.getElementById("ijk-undo-text").textContent = t("js.my.deleted", { what });
  undo.hidden = false;
  show();
  document.getElementById("ijk-undo-button").focus();
}

document.getElementById("ijk-undo-button").addEventListener("click", () => {
  if (!removed) return;
  const result = records.put(removed);
  if (result.ok) {
    removed = null;
    undo.hidden = true;
  }
  show(result.ok ? t("js.my.restored") : t(STORAGE_TEXT[result.reason]));
});

document.getElementById("ijk-export-all").addEventListener("click", () => {
  const count = downloadFinished(records);
  status.textContent = count ? t("js.export.all_done", { count }) : t("js.export.nothing_yet");
});

// --- import -------------------------------------------------------------------------------------------------

const root = document.querySelector("[data-ijk-page=my-evaluations]");
const refusedBox = document.getElementById("ijk-import-refused");
let client = null;
let importerReady = null;

/** The worker with the import loaded, started at the first file (the list itself needs no Python). */
function importer() {
  if (!client) {
    client = startWorker(new URL("./worker.js", import.meta.url));
    const indexUrl = new URL(root.dataset.indexUrl, document.baseURI).href;
    importerReady = client.call("import-init", { indexUrl, lang });
  }
  return importerReady;
}

async function importFiles(files) {
  refusedBox.hidden = true;
  refusedBox.replaceChildren();
  const notes = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT) {
      showRefusals(file.name, [{ line: 1, message: t("js.my.too_large") }]);
      continue;
    }
    status.textContent = t("js.my.checking", { name: file.name });
    let reply;
    try {
      const text = await file.text();
      await importer();
      reply = await client.call("import", { name: file.name, text });
    } catch (error) {
      showRefusals(file.name, [{ line: 1, message: t("js.my.unreadable", { detail: error.detail ?? error.message }) }]);
      continue;
    }
    if (reply.refusals.length) {
      showRefusals(file.name, reply.refusals); // the whole file is refused: nothing on the device changes
      continue;
    }
    const replaced = reply.evaluations.filter((item) => records.get(item.evaluation.id));
    if (replaced.length && !confirm(t("js.my.confirm_replace", { count: replaced.length, name: file.name }))) continue;
    const written = keepAll(reply.evaluations.map((item) => recordOf(item.evaluation, item.filename)));
    if (!written.ok) {
      showRefusals(file.name, [{ line: 1, message: t(STORAGE_TEXT[written.reason]) }]);
      continue;
    }
    notes.push(t("js.my.imported", { count: reply.evaluations.length, name: file.name }));
    notes.push(...reply.warnings.map((w) => t("js.my.import_warning", { line: w.line, message: w.message })));
  }
  if (!notes.length && !refusedBox.hidden) notes.push(t("js.my.nothing_changed")); // every file refused
  show(notes.join(" "));
}

/** Write every record or none: when the storage refuses one, the ones written before it are put back as they were. */
function keepAll(list) {
  const before = list.map((record) => records.get(record.id));
  for (const [i, record] of list.entries()) {
    const result = records.put(record);
    if (result.ok) continue;
    for (let j = 0; j < i; j += 1) {
      if (before[j]) records.put(before[j]);
      else records.remove(list[j].id);
    }
    return result;
  }
  return { ok: true };
}

/** A record for an evaluation the core accepted: its answers to review or finish, and itself when complete. */
function recordOf(evaluation, filename) {
  const now = new Date().toISOString();
  const complete = Boolean(evaluation.scores?.complete);
  return {
    ...newRecord({ ...evaluation.checklist }, valuesOf(evaluation)),
    id: evaluation.id,
    created_at: evaluation.created_at,
    updated_at: now,
    summary: { quality: evaluation.scores?.quality ?? null, complete },
    exported: complete ? evaluation : null,
    exported_at: complete ? now : null,
    exported_filename: complete ? filename : null,
  };
}

function showRefusals(name, refusals) {
  const list = el("ul");
  list.append(...refusals.map((r) => el("li", t("js.my.refused_item", { line: r.line, message: r.message }))));
  refusedBox.append(el("p", t("js.my.refused_heading", { name })), list);
  refusedBox.hidden = false;
}

const picker = document.getElementById("ijk-import-files");
const pickFiles = () => {
  const files = [...picker.files];
  picker.value = "";
  if (files.length) importFiles(files);
};
picker.addEventListener("change", pickFiles);
pickFiles(); // files picked before this module had loaded (it loads after the page) are not lost
bindDrop(document.getElementById("ijk-drop"), importFiles);

addEventListener("storage", () => show()); // a form in another tab saved: keep the list current
show();

// A finished evaluation can be read as the agent's feedback sheet, printed and compared on "Beoordeling bekijken"
// (review.js): a link in each finished row, added to the rows show() draws.
function addReviewLinks() {
  for (const tr of rows.rows) {
    const record = records.get(tr.dataset.id);
    if (!record?.exported || tr.querySelector(".ijk-review-link")) continue;
    const link = el("a", t("js.my.review"), { class: "md-button ijk-review-link", href: `../beoordeling/#id=${record.id}` });
    link.setAttribute("aria-label", t("js.my.review_label", { agent: record.exported.agent, date: record.exported.contact_date }));
    tr.querySelector(".ijk-my-actions")?.append(link);
  }
}
new MutationObserver(addReviewLinks).observe(rows, { childList: true });
addReviewLinks();
