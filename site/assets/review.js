// "Beoordeling bekijken": open an evaluation (a file, or one kept on this device: #id=<record id>), read it as the
// agent's feedback sheet, respond to it (agent), record the outcome of a dispute (coach), put it beside another
// evaluation of the same contact, print the sheet. The core (ijkpunt_core.review_api, in the worker) decides
// everything: what is a strength, whether a response or outcome is allowed, the scores. This file only shows.
// Every text from a file is set as text, never as HTML.
import { download } from "./export.js";
import { bindDrop, el, formatNumber, labelCells, readJson } from "./kit-common.js";
import { recordStore } from "./storage.js";
import { formatTime, lang, t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const MAX_FILE = 50_000_000;
const root = document.querySelector("[data-ijk-page=review]");
const status = document.getElementById("ijk-status");
const problemsBox = document.getElementById("ijk-review-problems");
const sheet = document.getElementById("ijk-sheet");
const respondSection = document.getElementById("ijk-respond");
const decideSection = document.getElementById("ijk-decide");
const compareSection = document.getElementById("ijk-compare");
const checklists = readJson("ijk-checklists");
const labels = readJson("ijk-labels");
const POSITION = { acknowledged: "js.review.position_acknowledged", disputed: "js.review.position_disputed" };
const DECISION = {
  upheld: "js.review.decision_upheld",
  "partly-upheld": "js.review.decision_partly_upheld",
  rejected: "js.review.decision_rejected",
};
const STATE = {
  none: "js.review.state_none",
  acknowledged: "js.review.state_acknowledged",
  disputed: "js.review.state_disputed",
  resolved: "js.review.state_resolved",
};
let current = null; // {evaluation, filename, sheet} as the core last answered

const client = startWorker(new URL("./worker.js", import.meta.url), { onCrash: fail });
const ready = client.call("review-init", { indexUrl: new URL(root.dataset.indexUrl, document.baseURI).href, lang });
ready.then(() => {
  document.documentElement.dataset.python = "ready";
  setStatus("ready", t("js.review.ready"));
  const wanted = new URLSearchParams(location.hash.slice(1)).get("id");
  if (wanted) openRecord(wanted);
}, fail);

function fail(error) {
  if (document.documentElement.dataset.python === "error") return;
  document.documentElement.dataset.python = "error";
  setStatus("error", t("js.start.python", { detail: error.detail ?? error.message }));
}

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

// --- opening ------------------------------------------------------------------------------------------------

/** Finished evaluations kept on this device, newest change first. */
function deviceRecords() {
  return recordStore().list().records.filter((r) => r.exported);
}

function recordLabel(record) {
  const e = record.exported;
  const title = checklists[e.checklist?.id] ?? e.checklist?.id ?? "?";
  return `${title} · ${e.agent} · ${e.contact_date} · ${labels.mode?.[e.mode] ?? e.mode} · ${e.evaluator}`;
}

function fillDevicePicker(select) {
  const first = select.options[0];
  select.replaceChildren(first, ...deviceRecords().map((r) => el("option", recordLabel(r), { value: r.id })));
}

async function openText(name, text) {
  await ready;
  const answer = await client.call("review-open", { name, text });
  if (!answer.evaluation) {
    showProblems(answer.problems, t("js.review.refused", { name }));
    setStatus("error", t("js.review.refused", { name }));
    return;
  }
  current = answer;
  showProblems(answer.problems.filter((p) => p.severity === "warning"));
  showAll();
  const more = answer.count > 1 ? ` ${t("js.review.first_of", { count: answer.count })}` : "";
  setStatus("ready", t("js.review.opened", { name }) + more);
  document.getElementById("ijk-sheet-title").focus?.();
}

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE) {
    showProblems([{ message: t("js.review.too_large"), where: "" }], "");
    return;
  }
  await openText(file.name, await file.text());
}

function openRecord(id) {
  const record = recordStore().get(id);
  if (!record?.exported) {
    setStatus("error", t("js.review.not_on_device"));
    return;
  }
  openText(recordLabel(record), JSON.stringify(record.exported));
}

document.getElementById("ijk-file").addEventListener("change", (event) => openFile(event.target.files[0]));
// a file picked before this module had loaded (it loads after the page) is opened too
if (document.getElementById("ijk-file").files.length) openFile(document.getElementById("ijk-file").files[0]);
bindDrop(document.getElementById("ijk-drop"), (files) => openFile(files[0]));
const device = document.getElementById("ijk-device");
fillDevicePicker(device);
document.getElementById("ijk-device-open").addEventListener("click", () => {
  if (device.value) openRecord(device.value);
});

// --- the sheet ------------------------------------------------------------------------------------------------

function showAll() {
  const s = current.sheet;
  showSheet(s);
  showRespond(s);
  showDecide(s);
  compareSection.hidden = false;
  fillDevicePicker(document.getElementById("ijk-compare-device"));
}

let plainNumber = null;

/** 2 → "2", 1.5 → "1,5": points as a person writes them. */
function points(value) {
  plainNumber ??= new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return value == null ? "—" : plainNumber.format(value);
}

function pointsText(view) {
  if (view.pass_mark != null) return t("js.review.grade_points", { grade: view.label, pass: view.pass_mark, max: points(view.max_points) });
  return t("js.review.option_points", { label: view.label, points: points(view.points), max: points(view.max_points) });
}

function showSheet(s) {
  const m = s.summary;
  const meta = document.getElementById("ijk-sheet-meta");
  const pairs = [
    [t("js.review.meta_agent"), m.team ? `${m.agent} (${m.team})` : m.agent],
    [t("js.review.meta_date"), new Date(`${m.contact_date}T12:00:00`).toLocaleDateString(lang)],
    [t("js.review.meta_evaluator"), m.evaluator],
    [t("js.review.meta_checklist"), `${m.checklist_title} ${m.version}`],
    [t("js.review.meta_mode"), labels.mode?.[m.mode] ?? m.mode],
  ];
  meta.replaceChildren(...pairs.flatMap(([term, value]) => [el("dt", term), el("dd", value)]));

  const scores = document.getElementById("ijk-sheet-scores");
  const lines = [];
  if (m.quality == null) lines.push(t("js.review.quality_none"));
  else lines.push(t("js.review.quality", { score: formatNumber(m.quality), band: m.band ?? "" }));
  if (m.band_description) lines.push(m.band_description);
  if (m.passed === false) lines.push(t("js.review.failed", { what: m.critical.join(", ") }));
  else if (m.passed === true) lines.push(t("js.review.passed"));
  if (m.compliance_applicable) lines.push(t("js.review.compliance", { passed: m.compliance_passed, total: m.compliance_applicable }));
  if (m.relationship) lines.push(t("js.review.relationship", { answer: (labels.relationship?.[m.relationship] ?? m.relationship).toLowerCase() }));
  if (m.outcome) {
    const words = labels.outcome?.[m.channel]?.[m.outcome] ?? m.outcome;
    lines.push(m.transfers > 1 ? t("js.review.outcome_times", { outcome: words, count: m.transfers }) : t("js.review.outcome", { outcome: words }));
  }
  scores.replaceChildren(...lines.map((line) => el("p", line)));

  const strengths = document.getElementById("ijk-strengths");
  strengths.replaceChildren(
    ...(s.strengths.length ? s.strengths : [null]).map((v) => {
      if (!v) return el("li", t("js.review.no_strengths"));
      const item = el("li");
      item.append(el("strong", v.title));
      if (v.comment) item.append(document.createTextNode(` — ${v.comment}`));
      return item;
    }),
  );

  const improvements = document.getElementById("ijk-improvements");
  improvements.replaceChildren(
    ...(s.improvements.length ? s.improvements : [null]).map((v) => {
      if (!v) return el("p", t("js.review.no_improvements"));
      const block = el("div", "", { class: "ijk-improvement", "data-criterion": v.criterion });
      block.append(el("h4", v.critical ? `${v.title} ${t("js.review.critical_mark")}` : v.title));
      block.append(el("p", pointsText(v), { class: "ijk-improvement-points" }));
      block.append(el("p", t("js.review.what_good_looks_like", { definition: v.definition }), { class: "ijk-improvement-definition" }));
      if (v.comment) block.append(el("p", t("js.review.coach_said", { comment: v.comment }), { class: "ijk-improvement-comment" }));
      if (s.changed.includes(v.criterion)) block.append(el("p", t("js.review.changed_by_outcome"), { class: "ijk-hint" }));
      return block;
    }),
  );

  const na = document.getElementById("ijk-sheet-na");
  na.hidden = !s.not_applicable.length;
  na.textContent = s.not_applicable.length ? t("js.review.not_applicable", { titles: s.not_applicable.map((v) => v.title).join(", ") }) : "";

  const notes = document.getElementById("ijk-sheet-notes");
  notes.hidden = !m.notes;
  notes.replaceChildren(...(m.notes ? [el("h3", t("js.review.notes")), el("p", m.notes)] : []));

  showHistory(s);
  sheet.hidden = false;
}

function showHistory(s) {
  const box = document.getElementById("ijk-sheet-history");
  box.hidden = !s.history.length;
  if (!s.history.length) {
    box.replaceChildren();
    return;
  }
  const list = el("ol", "", { class: "ijk-history" });
  for (const entry of s.history) {
    const item = el("li", "", { "data-type": entry.type });
    const when = formatTime(new Date(entry.at));
    if (entry.type === "response") {
      item.append(el("p", t("js.review.history_response", { by: entry.by, when, position: t(POSITION[entry.position]) })));
      if (entry.comment) item.append(el("p", entry.comment, { class: "ijk-history-comment" }));
      const disputes = el("ul");
      for (const d of entry.items) disputes.append(el("li", t("js.review.history_dispute", { title: d.title, comment: d.comment })));
      if (entry.items.length) item.append(disputes);
    } else {
      item.append(el("p", t("js.review.history_outcome", { by: entry.by, when })));
      const rulings = el("ul");
      for (const r of entry.items) {
        const change = r.decision === "rejected" ? "" : ` ${t("js.review.history_change", { before: r.before, after: r.after })}`;
        rulings.append(el("li", `${r.title}: ${t(DECISION[r.decision])}.${change} ${r.comment}`));
      }
      item.append(rulings);
      item.append(el("p", t("js.review.history_scores", { before: formatNumber(entry.quality_before), after: formatNumber(entry.quality_after) })));
    }
    list.append(item);
  }
  box.replaceChildren(el("h3", t("js.review.history_title", { state: t(STATE[s.state]) })), list);
}

document.getElementById("ijk-print").addEventListener("click", () => print());
document.getElementById("ijk-save").addEventListener("click", () => {
  if (!current) return;
  download(JSON.stringify(current.evaluation, null, 2) + "\n", current.filename);
  setStatus("ready", t("js.review.saved", { filename: current.filename }));
});

// --- the agent's response ----------------------------------------------------------------------------------------

const respondForm = document.getElementById("ijk-respond-form");
const disputesBox = document.getElementById("ijk-disputes");

function showRespond(s) {
  const open = ["monitoring", "training"].includes(s.summary.mode) && s.summary.complete && ["none", "resolved"].includes(s.state);
  respondSection.hidden = !open;
  if (!open) return;
  respondForm.reset();
  document.getElementById("ijk-respond-by").value = s.summary.agent;
  const list = document.getElementById("ijk-dispute-list");
  list.replaceChildren(
    ...s.criteria.filter((v) => v.answered).map((v) => {
      const row = el("div", "", { class: "ijk-dispute", "data-criterion": v.criterion });
      const id = `ijk-dispute-${v.criterion}`;
      const box = el("input", "", { type: "checkbox", id, name: "dispute", value: v.criterion });
      const label = el("label", "", { for: id, class: "ijk-check" });
      label.append(box, document.createTextNode(` ${v.title} — ${v.na ? t("js.review.na") : v.label}`));
      const commentId = `${id}-comment`;
      const comment = el("p", "", { hidden: "" });
      const commentLabel = el("label", t("js.review.dispute_comment", { title: v.title }), { for: commentId });
      comment.append(commentLabel, el("br"), el("textarea", "", { id: commentId, rows: "2", maxlength: "4000", "data-comment-for": v.criterion }));
      box.addEventListener("change", () => {
        comment.hidden = !box.checked;
      });
      row.append(label, comment);
      return row;
    }),
  );
  disputesBox.hidden = true;
}

respondForm.addEventListener("change", (event) => {
  if (event.target.name === "position") disputesBox.hidden = respondForm.elements.position.value !== "disputed";
});

respondForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!current) return;
  const position = respondForm.elements.position.value;
  const disputes = position === "disputed"
    ? [...respondForm.querySelectorAll("input[name=dispute]:checked")].map((box) => ({
      criterion: box.value,
      comment: respondForm.querySelector(`[data-comment-for="${CSS.escape(box.value)}"]`).value,
    }))
    : [];
  const response = {
    by: document.getElementById("ijk-respond-by").value,
    at: new Date().toISOString(),
    position,
    comment: document.getElementById("ijk-respond-comment").value,
    disputes,
  };
  const answer = await client.call("review-respond", { evaluation: JSON.stringify(current.evaluation), response });
  applied(answer, position === "disputed" ? "js.review.responded_disputed" : "js.review.responded_acknowledged");
});

function applied(answer, doneKey) {
  if (!answer.evaluation) {
    showProblems(answer.problems, t("js.review.not_recorded"));
    setStatus("error", t("js.review.not_recorded"));
    return;
  }
  current = answer;
  showProblems([]);
  showAll();
  setStatus("ready", t(doneKey, { filename: answer.filename }));
  document.getElementById("ijk-save").focus();
}

// --- the coach's outcome ----------------------------------------------------------------------------------------

const decideForm = document.getElementById("ijk-decide-form");

function showDecide(s) {
  decideSection.hidden = s.state !== "disputed";
  if (decideSection.hidden) return;
  decideForm.reset();
  document.getElementById("ijk-decide-by").value = s.summary.evaluator;
  const last = s.history[s.history.length - 1];
  const byCriterion = Object.fromEntries(s.criteria.map((v) => [v.criterion, v]));
  document.getElementById("ijk-ruling-list").replaceChildren(
    ...s.disputed.map((criterion) => {
      const view = byCriterion[criterion];
      const disputed = last.items.find((i) => i.criterion === criterion);
      const set = el("fieldset", "", { class: "ijk-ruling", "data-criterion": criterion });
      set.append(el("legend", `${view.title} — ${view.na ? t("js.review.na") : view.label}`));
      set.append(el("p", t("js.review.agent_said", { comment: disputed?.comment ?? "" }), { class: "ijk-history-comment" }));
      const decisions = el("p");
      for (const [value, key] of Object.entries(DECISION)) {
        const label = el("label", "", { class: "ijk-check" });
        label.append(el("input", "", { type: "radio", name: `decision-${criterion}`, value }), document.createTextNode(` ${t(key)}`));
        decisions.append(label, document.createTextNode(" "));
      }
      set.append(decisions);
      const answerId = `ijk-ruling-${criterion}-answer`;
      const answerLine = el("p", "", { hidden: "" });
      const select = el("select", "", { id: answerId, "data-answer-for": criterion });
      view.choices.forEach((choice, i) => select.append(el("option", choice.label, { value: String(i) })));
      answerLine.append(el("label", t("js.review.corrected_answer"), { for: answerId }), document.createTextNode(" "), select);
      set.append(answerLine);
      set.addEventListener("change", () => {
        const chosen = decideForm.querySelector(`input[name="decision-${CSS.escape(criterion)}"]:checked`)?.value;
        answerLine.hidden = !chosen || chosen === "rejected";
      });
      const commentId = `ijk-ruling-${criterion}-comment`;
      const comment = el("p");
      comment.append(el("label", t("js.review.ruling_comment"), { for: commentId }), el("br"), el("textarea", "", { id: commentId, rows: "2", maxlength: "4000", "data-ruling-comment": criterion }));
      set.append(comment);
      return set;
    }),
  );
}

decideForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!current) return;
  const byCriterion = Object.fromEntries(current.sheet.criteria.map((v) => [v.criterion, v]));
  const rulings = current.sheet.disputed.flatMap((criterion) => {
    const decision = decideForm.querySelector(`input[name="decision-${CSS.escape(criterion)}"]:checked`)?.value;
    if (!decision) return []; // the core says which criterion has no outcome
    const ruling = {
      criterion,
      decision,
      comment: decideForm.querySelector(`[data-ruling-comment="${CSS.escape(criterion)}"]`).value,
    };
    if (decision !== "rejected") {
      const index = Number(decideForm.querySelector(`[data-answer-for="${CSS.escape(criterion)}"]`).value);
      ruling.answer = byCriterion[criterion].choices[index].answer;
    }
    return [ruling];
  });
  const outcome = { by: document.getElementById("ijk-decide-by").value, at: new Date().toISOString(), rulings };
  const answer = await client.call("review-decide", { evaluation: JSON.stringify(current.evaluation), outcome });
  applied(answer, "js.review.decided");
});

// --- side by side --------------------------------------------------------------------------------------------------

async function compareWith(text) {
  if (!current) return;
  const answer = await client.call("review-compare", { first: JSON.stringify(current.evaluation), second: text });
  const summary = document.getElementById("ijk-compare-summary");
  const wrap = document.getElementById("ijk-compare-wrap");
  showProblems(answer.problems, answer.comparison ? "" : t("js.review.compare_refused"));
  if (!answer.comparison) {
    wrap.hidden = true;
    summary.textContent = t("js.review.compare_refused");
    return;
  }
  const c = answer.comparison;
  const who = (s) => `${labels.mode?.[s.mode] ?? s.mode} (${s.evaluator})`;
  const table = document.getElementById("ijk-compare-table");
  const head = el("thead");
  const headRow = el("tr");
  for (const text of [t("js.review.col_criterion"), who(c.first), who(c.second), t("js.review.col_difference")]) {
    headRow.append(el("th", text, { scope: "col" }));
  }
  head.append(headRow);
  const body = el("tbody");
  const shown = (v) => (!v ? "—" : !v.answered ? t("js.review.unanswered") : v.na ? t("js.review.na") : v.label);
  for (const row of c.rows) {
    const tr = el("tr", "", { "data-criterion": row.criterion, "data-differs": String(row.differs) });
    tr.append(el("th", row.title, { scope: "row" }), el("td", shown(row.first)), el("td", shown(row.second)));
    tr.append(el("td", row.differs ? t("js.review.differs") : t("js.review.same")));
    body.append(tr);
  }
  const total = el("tr", "", { class: "ijk-compare-total" });
  total.append(
    el("th", t("js.review.col_quality"), { scope: "row" }),
    el("td", formatNumber(c.first.quality)),
    el("td", formatNumber(c.second.quality)),
    el("td", c.first.quality === c.second.quality ? t("js.review.same") : t("js.review.differs")),
  );
  body.append(total);
  table.replaceChildren(el("caption", t("js.review.compare_caption")), head, body);
  labelCells(table, [...headRow.cells].map((cell) => cell.textContent));
  wrap.hidden = false;
  summary.textContent = t("js.review.compare_summary", { count: c.differing, total: c.rows.length });
}

document.getElementById("ijk-compare-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  if (file.size > MAX_FILE) { // said, as for the file opened first: a silent nothing looks like a broken page
    showProblems([{ message: t("js.review.too_large"), where: "" }], t("js.review.compare_refused"));
    return;
  }
  compareWith(await file.text());
});
document.getElementById("ijk-compare-open").addEventListener("click", () => {
  const record = recordStore().get(document.getElementById("ijk-compare-device").value);
  if (record?.exported) compareWith(JSON.stringify(record.exported));
});

// --- problems --------------------------------------------------------------------------------------------------------

function showProblems(problems, heading = "") {
  problemsBox.hidden = !problems.length && !heading;
  const items = problems.map((p) => el("li", p.where ? `${p.where}: ${p.message}` : p.message));
  problemsBox.replaceChildren(...(heading ? [el("p", heading)] : []), ...(items.length ? [appendAll(el("ul"), items)] : []));
}

function appendAll(parent, children) {
  parent.append(...children);
  return parent;
}

addEventListener("hashchange", () => {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("id");
  if (wanted) ready.then(() => openRecord(wanted));
});
