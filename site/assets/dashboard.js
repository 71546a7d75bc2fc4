// The dashboard: evaluation files dropped or picked here are read and aggregated by the core in the worker
// (ijkpunt_core.dashboard_api); nothing is uploaded. Filters aggregate the kept facts again. This file only shows.
import { bindDrop, el, formatNumber, formatShare, labelCells } from "./kit-common.js";
import { has, lang, t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const BATCH_LINES = 500; // JSON Lines go to Python in batches, so the progress bar moves and the page stays responsive
const MAX_FILE = 500_000_000;
const root = document.querySelector("[data-ijk-page=dashboard]");
const status = document.getElementById("ijk-status");
const filters = document.getElementById("ijk-filters");
const results = document.getElementById("ijk-dashboard-results");
const progress = document.getElementById("ijk-progress");
const progressLine = document.getElementById("ijk-progress-line");
const progressText = document.getElementById("ijk-progress-text");
const DIRECTIONS = { higher: "js.dashboard.higher", lower: "js.dashboard.lower", "no-difference": "js.dashboard.no_difference" };
const DRIFT = { higher: "js.dashboard.lenient", lower: "js.dashboard.strict", "no-difference": "js.dashboard.no_difference" };
const COLUMNS = {
  group: "js.dashboard.col_group",
  n: "js.dashboard.col_n",
  quality: "js.dashboard.col_quality",
  versus: "js.dashboard.col_versus",
  knockout: "js.dashboard.col_knockout",
  compliance: "js.dashboard.col_compliance",
  direct: "js.dashboard.col_direct",
  strengthened: "js.dashboard.col_strengthened",
  weakened: "js.dashboard.col_weakened",
  criterion: "js.dashboard.col_criterion",
  score: "js.dashboard.col_score",
  trend: "js.dashboard.col_trend",
  evaluator: "js.dashboard.col_evaluator",
  mean: "js.dashboard.col_mean",
  others: "js.dashboard.col_others",
  difference: "js.dashboard.col_difference",
  verdict: "js.dashboard.col_verdict",
  target: "js.dashboard.col_target",
  norm: "js.dashboard.col_norm",
  measured: "js.dashboard.col_measured",
  question: "js.dashboard.col_question",
  mark: "js.dashboard.col_mark",
  sufficient: "js.dashboard.col_sufficient",
  importance: "js.dashboard.col_importance",
  quadrant: "js.dashboard.col_quadrant",
  disputed: "js.dashboard.col_disputed",
  upheld: "js.dashboard.col_upheld",
  partly_upheld: "js.dashboard.col_partly_upheld",
  rejected: "js.dashboard.col_rejected",
  open: "js.dashboard.col_open",
};
const QUADRANTS = {
  improve: "js.dashboard.quadrant_improve",
  strength: "js.dashboard.quadrant_strength",
  "low-priority": "js.dashboard.quadrant_low_priority",
  "less-important-strength": "js.dashboard.quadrant_less_important_strength",
};
const TARGETS = {
  quality_min: "js.dashboard.target_quality_min",
  direct_min: "js.dashboard.target_direct_min",
  transferred_once_max: "js.dashboard.target_transferred_once_max",
  transferred_repeatedly_max: "js.dashboard.target_transferred_repeatedly_max",
  transferred_or_callback_max: "js.dashboard.target_transferred_or_callback_max",
};
const CHART_LABELS = () => ({
  period: t("js.dashboard.chart_period"),
  quality: t("js.dashboard.chart_quality"),
  score: t("js.dashboard.chart_score"),
  team: t("js.dashboard.chart_team"),
  trend_title: t("js.dashboard.chart_trend_title"),
  groups_title: t("js.dashboard.chart_groups_title"),
  criteria_title: t("js.dashboard.chart_criteria_title"),
  matrix_title: t("js.dashboard.chart_matrix_title"),
  importance: t("js.dashboard.chart_importance"),
  mark: t("js.dashboard.chart_mark"),
  quadrant_improve: t("js.dashboard.quadrant_improve"),
  quadrant_strength: t("js.dashboard.quadrant_strength"),
  quadrant_low_priority: t("js.dashboard.quadrant_low_priority"),
  quadrant_less_important_strength: t("js.dashboard.quadrant_less_important_strength"),
});
let last = null;
let renderer = null;

/** vega, vega-lite and vega-embed (vendored UMD builds) and vega-interpreter (an ES module that reads vega-util from
 * the global vega), loaded once, when the first charts are shown; resolves to the expression interpreter. */
function chartRenderer() {
  const base = new URL(document.getElementById("ijk-charts").dataset.vendorUrl, document.baseURI);
  const load = (name) => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(name, base).href;
    script.onload = resolve;
    script.onerror = () => reject(new Error(name));
    document.head.append(script);
  });
  renderer ??= load("vega.min.js").then(() => Promise.all([
    import(new URL("vega-interpreter.js", base).href),
    load("vega-lite.min.js").then(() => load("vega-embed.min.js")),
  ])).then(([interpreter]) => interpreter.expressionInterpreter);
  return renderer;
}

// Text, axes and grid in the page's own text colour (the svg inherits it: .ijk-chart in ijkpunt.css) on no background,
// so a chart reads in the light and the dark colour scheme alike, and follows a switch without being drawn again.
const INK = {
  background: null,
  title: { color: "currentColor", subtitleColor: "currentColor" },
  axis: { labelColor: "currentColor", titleColor: "currentColor", domainColor: "currentColor", tickColor: "currentColor",
    gridColor: "currentColor", gridOpacity: 0.15 },
  legend: { labelColor: "currentColor", titleColor: "currentColor" },
  rule: { color: "currentColor" },
  text: { color: "currentColor" },
  view: { stroke: null },
};

async function showCharts(specs) {
  const box = document.getElementById("ijk-charts");
  const figures = Object.entries(specs).map(([name, spec]) => {
    const figure = el("figure", "", { class: "ijk-chart", "data-chart": name });
    figure.append(el("div"));
    return [figure, spec];
  });
  // a survey's priority matrix goes with its survey's table (show() made a place for it), the rest together
  const matrix = ([figure]) => figure.dataset.chart.startsWith("matrix:");
  box.replaceChildren(...figures.filter((f) => !matrix(f)).map(([figure]) => figure));
  for (const [figure] of figures.filter(matrix)) {
    document.querySelector(`[data-matrix-for="${CSS.escape(figure.dataset.chart.slice(7))}"]`)?.replaceChildren(figure);
  }
  if (!figures.length) return;
  const expressionInterpreter = await chartRenderer();
  for (const [figure, spec] of figures) {
    // svg: text a screen reader and print can use; the title says what the chart shows.
    // Under the site's Content-Security-Policy: expressions are interpreted from the parsed tree (ast), not compiled
    // with new Function; vega-embed and its tooltips add no <style> element (their few rules are in ijkpunt.css).
    await window.vegaEmbed(figure.firstChild, spec, {
      renderer: "svg",
      actions: false,
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      config: INK,
    });
    figure.querySelector("svg")?.setAttribute("role", "img");
    figure.querySelector("svg")?.setAttribute("aria-label", spec.title);
  }
}
let busy = Promise.resolve();

const client = startWorker(new URL("./worker.js", import.meta.url), { onCrash: fail });
const ready = client.call("dashboard-init", { indexUrl: new URL(root.dataset.indexUrl, document.baseURI).href, lang });
ready.then(() => {
  document.documentElement.dataset.python = "ready";
  status.dataset.state = "ready";
  status.textContent = t("js.dashboard.ready");
}, fail);

function fail(error) {
  if (document.documentElement.dataset.python === "error") return;
  document.documentElement.dataset.python = "error";
  status.dataset.state = "error";
  status.textContent = t("js.start.python", { detail: error.detail ?? error.message });
}

/** Read the files one by one (JSON Lines in batches) into the worker, with progress; then show the figures. */
async function addFiles(files) {
  await ready;
  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  let done = 0;
  let kept = 0;
  progressLine.hidden = false;
  for (const file of files) {
    if (file.size > MAX_FILE) {
      await client.call("dashboard-refuse", { name: file.name, detail: t("js.dashboard.too_large") });
    } else {
      const text = await file.text();
      if (file.name.toLowerCase().endsWith(".jsonl")) {
        const lines = text.split("\n");
        for (let start = 0; start < lines.length; start += BATCH_LINES) {
          const batch = lines.slice(start, start + BATCH_LINES).join("\n");
          const reply = await client.call("dashboard-add", { name: file.name, text: batch, jsonl: true, firstLine: start + 1 });
          kept += reply.kept;
          showProgress(done + (file.size * Math.min(start + BATCH_LINES, lines.length)) / lines.length, total, kept);
        }
      } else {
        const reply = await client.call("dashboard-add", { name: file.name, text, jsonl: false, firstLine: 1 });
        kept += reply.kept;
      }
    }
    done += file.size;
    showProgress(done, total, kept);
  }
  await refresh();
}

function showProgress(done, total, kept) {
  progress.value = done / total;
  progressText.textContent = t("js.dashboard.progress", { percent: Math.round((100 * done) / total), kept });
}

function config() {
  const data = new FormData(filters);
  const chosen = {};
  for (const dimension of ["channel", "department", "team", "agent", "evaluator"]) {
    const value = data.get(dimension);
    if (value) chosen[dimension] = [value];
  }
  return {
    period: data.get("period") || "month",
    min_n: Number(data.get("min_n")) || 5,
    modes: data.getAll("mode"),
    filters: chosen,
    chart_labels: CHART_LABELS(),
  };
}

async function refresh() {
  const reply = await client.call("dashboard-report", { config: config() });
  last = reply;
  fillChoices(reply.choices);
  showRefused(reply.refusals);
  show(reply.report);
  await showCharts(reply.charts);
}

const NAMED = { channel: "channel_name", mode: "mode" };

/** A group as a reader names it: channels and modes in the page's language, the rest as stored. */
function groupName(dimension, key) {
  const named = `${NAMED[dimension]}.${key}`;
  return dimension in NAMED && has(named) ? t(named) : key;
}

function fillChoices(choices) {
  for (const select of filters.querySelectorAll("select[name]")) {
    if (!(select.name in choices) || select.name === "period") continue;
    const current = select.value;
    const first = select.options[0];
    select.replaceChildren(first, ...choices[select.name].map((value) => el("option", groupName(select.name, value), { value })));
    select.value = choices[select.name].includes(current) ? current : "";
  }
}

function showRefused(refusals) {
  const box = document.getElementById("ijk-refused");
  if (!refusals.length) {
    box.hidden = true;
    return;
  }
  const list = el("ul");
  list.append(...refusals.map((r) => el("li", t("js.dashboard.refused_item", { source: r.source, line: r.line, message: r.message }), { "data-code": r.code })));
  box.replaceChildren(el("p", t("js.dashboard.refused_heading", { count: refusals.length })), list);
  box.hidden = false;
}

const rate = (f) => (f.n ? `${formatShare(f.rate)} (${formatShare(f.low)}–${formatShare(f.high)}, n=${f.n})` : "—");
const mean = (f) => (f.n ? `${formatNumber(f.mean)}${f.low === null ? "" : ` (${formatNumber(f.low)}–${formatNumber(f.high)})`}, n=${f.n}` : "—");

function table(id, keys, rows) {
  const node = document.getElementById(id);
  const head = el("tr");
  for (const key of keys) head.append(el("th", t(COLUMNS[key]), { scope: "col" }));
  const thead = el("thead");
  thead.append(head);
  const body = el("tbody");
  for (const cells of rows) {
    const tr = el("tr", "", cells.attributes ?? {});
    cells.values.forEach((value, i) => tr.append(el(i === 0 ? "th" : "td", String(value), i === 0 ? { scope: "row" } : {})));
    body.append(tr);
  }
  node.replaceChildren(thead, body);
  labelCells(node, keys.map((key) => t(COLUMNS[key])));
}

function groupRow(g, dimension = "") {
  return {
    attributes: { "data-group": g.key },
    values: [
      g.key ? groupName(dimension, g.key) : t("js.dashboard.everything"), g.n, mean(g.quality), versus(g, dimension), rate(g.knockout),
      rate(g.compliance), rate(g.outcome.direct), rate(g.relationship.strengthened), rate(g.relationship.weakened),
    ],
  };
}

/** Against the whole, and against the other groups when the intervals say so. */
function versus(g, dimension) {
  const names = (keys) => keys.map((key) => groupName(dimension, key)).join(", ");
  const parts = [t(DIRECTIONS[g.versus_all])];
  if (g.higher_than?.length) parts.push(t("js.dashboard.higher_than", { groups: names(g.higher_than) }));
  if (g.lower_than?.length) parts.push(t("js.dashboard.lower_than", { groups: names(g.lower_than) }));
  return parts.join("; ");
}

const GROUP_KEYS = ["group", "n", "quality", "versus", "knockout", "compliance", "direct", "strengthened", "weakened"];

function show(report) {
  document.getElementById("ijk-summary").textContent = t("js.dashboard.summary", {
    read: report.read,
    used: report.used,
    refused: report.refused.length,
    excluded: Object.values(report.excluded).reduce((a, b) => a + b, 0),
  });
  table("ijk-overall", GROUP_KEYS, [groupRow(report.overall)]);
  const targets = document.getElementById("ijk-targets");
  targets.replaceChildren();
  if (report.overall.targets.length) {
    const tableNode = el("table", "", { class: "ijk-results-table", id: "ijk-targets-table" });
    targets.append(el("h3", t("js.dashboard.targets")), tableNode);
    table("ijk-targets-table", ["target", "norm", "measured", "verdict"], report.overall.targets.map((c) => ({
      attributes: { "data-target": c.target },
      values: [
        t(TARGETS[c.target]), formatShare(c.value), formatShare(c.rate),
        c.met === null ? "—" : `${c.met ? t("js.dashboard.met") : t("js.dashboard.not_met")}${c.certain ? "" : ` (${t("js.dashboard.uncertain")})`}`,
      ],
    })));
  }
  showBreakdown(report);
  table("ijk-criteria", ["criterion", "n", "score", "trend"], report.criteria.map((c) => ({
    attributes: { "data-criterion": c.criterion },
    values: [
      c.title, c.figure.n, c.kind === "compliance" ? rate(c.figure) : mean(c.figure),
      c.trend.map((p) => `${p.period}: ${c.kind === "compliance" ? formatShare(p.figure.rate) : formatNumber(p.figure.mean)}${p.versus_previous === "no-difference" ? "" : ` (${t(DIRECTIONS[p.versus_previous])})`}`).join(" · "),
    ],
  })));
  table("ijk-drift", ["evaluator", "n", "mean", "others", "difference", "verdict"], report.drift.map((d) => ({
    attributes: { "data-evaluator": d.evaluator },
    values: [
      `${d.evaluator} (${d.checklist})`, d.n, formatNumber(d.mean), `${formatNumber(d.others_mean)} (n=${d.others_n})`,
      d.difference === null ? "—" : `${formatNumber(d.difference, { signed: true })}${d.low === null ? "" : ` (${formatNumber(d.low, { signed: true })} – ${formatNumber(d.high, { signed: true })})`}`,
      t(DRIFT[d.direction]),
    ],
  })));
  showSurveys(report);
  showReviews(report);
  const versions = document.getElementById("ijk-versions");
  versions.replaceChildren(...report.versions.map((v) => el("p", t("js.dashboard.versions", {
    checklist: v.checklist, versions: v.versions.join(", "), criteria: v.not_in_every_version.join(", ") || "—",
  }), { class: "ijk-hint" })));
  results.hidden = false;
}

/** Responses and disputes of agents: the shares, and per disputed criterion what the coach decided. */
function showReviews(report) {
  const section = document.getElementById("ijk-reviews");
  const reviews = report.reviews;
  section.hidden = !reviews;
  if (!reviews) return;
  document.getElementById("ijk-reviews-summary").textContent = t("js.dashboard.reviews_summary", {
    responded: rate(reviews.responded),
    disputed: rate(reviews.disputed),
  });
  table("ijk-reviews-table", ["criterion", "disputed", "upheld", "partly_upheld", "rejected", "open"], reviews.criteria.map((c) => ({
    attributes: { "data-criterion": c.criterion },
    values: [`${c.title} (${c.checklist})`, c.disputed, c.upheld, c.partly_upheld, c.rejected, c.open],
  })));
}

/** The citizen surveys, apart from the quality figures: per question mark, share ≥ pass mark, importance, quadrant. */
function showSurveys(report) {
  const section = document.getElementById("ijk-survey");
  const blocks = document.getElementById("ijk-survey-blocks");
  blocks.replaceChildren();
  section.hidden = !report.surveys.length;
  for (const s of report.surveys) {
    const block = el("div", "", { class: "ijk-survey-block", "data-survey": s.checklist });
    blocks.append(block);
    if (s.hidden) {
      block.append(el("p", t("js.dashboard.survey_hidden", { title: s.title, min_n: report.min_n })));
      continue;
    }
    const id = `ijk-survey-${s.checklist}`;
    block.append(el("h3", t("js.dashboard.survey_count", { title: s.title, n: s.n }), { id: `${id}-title` }));
    const wrap = el("div", "", { class: "ijk-table-wrap", tabindex: "0", role: "region", "aria-labelledby": `${id}-title` });
    wrap.append(el("table", "", { class: "ijk-results-table", id }));
    block.append(wrap);
    table(id, ["question", "mark", "sufficient", "importance", "quadrant"], s.questions.map((q) => ({
      attributes: { "data-question": q.question },
      values: [
        q.title, mean(q.mark),
        q.sufficient.n ? t("js.dashboard.survey_sufficient", {
          count: q.sufficient.count, n: q.sufficient.n, pass_mark: s.pass_mark,
          share: formatShare(q.sufficient.rate), low: formatShare(q.sufficient.low), high: formatShare(q.sufficient.high),
        }) : "—",
        q.importance ? mean(q.importance) : "—",
        q.quadrant ? t(QUADRANTS[q.quadrant]) : "—",
      ],
    })));
    block.append(
      el("p", t("js.dashboard.survey_relationship", {
        strengthened: rate(s.relationship.strengthened), kept: rate(s.relationship.kept), weakened: rate(s.relationship.weakened),
      }), { class: "ijk-survey-relationship" }),
      el("p", t("js.dashboard.survey_outcome", {
        direct: rate(s.outcome.direct), transferred: rate(s.outcome.transferred), callback: rate(s.outcome.callback),
      }), { class: "ijk-survey-outcome" }),
      el("div", "", { class: "ijk-survey-matrix", "data-matrix-for": s.checklist }),
    );
  }
}

function showBreakdown(report) {
  const dimension = document.getElementById("ijk-breakdown").value;
  const breakdown = report.breakdowns.find((b) => b.dimension === dimension);
  table("ijk-groups", GROUP_KEYS, breakdown.groups.map((g) => groupRow(g, dimension)));
  document.getElementById("ijk-hidden").textContent = breakdown.hidden ? t("js.dashboard.hidden", { count: breakdown.hidden, min_n: report.min_n }) : "";
}

/** Run one action at a time: a filter change while files are still being read waits its turn. */
function queued(action) {
  return (...args) => {
    busy = busy.then(() => action(...args)).catch((error) => {
      status.dataset.state = "error";
      status.textContent = t("js.status.rules_error", { detail: error.detail ?? error.message });
    });
    return busy;
  };
}

const addQueued = queued(addFiles);
document.getElementById("ijk-files").addEventListener("change", (event) => addQueued([...event.target.files]));
// files picked before this module had loaded (it loads after the page) are read too
if (document.getElementById("ijk-files").files.length) addQueued([...document.getElementById("ijk-files").files]);
bindDrop(document.getElementById("ijk-drop"), addQueued);
filters.addEventListener("change", queued(refresh));
filters.addEventListener("submit", (event) => event.preventDefault());
document.getElementById("ijk-breakdown").addEventListener("change", () => last && showBreakdown(last.report));
document.getElementById("ijk-clear").addEventListener("click", queued(async () => {
  await ready;
  await client.call("dashboard-clear", {});
  document.getElementById("ijk-files").value = "";
  results.hidden = true;
  document.getElementById("ijk-refused").hidden = true;
  progressLine.hidden = true;
}));
document.getElementById("ijk-example").addEventListener("click", queued(async () => {
  const indexUrl = new URL(root.dataset.exampleUrl, document.baseURI);
  const listing = await (await fetch(indexUrl)).json();
  const files = await Promise.all(listing.files.map(async (name) => {
    const response = await fetch(new URL(name, indexUrl));
    return new File([await response.blob()], name);
  }));
  await addFiles(files);
}));
