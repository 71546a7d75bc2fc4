// The facilitator's results page: paste codes or drop result files; the core decodes and combines them
// (ijkpunt_core.kit_api.KitPage.combine) and this page shows the figures, the heat map, the agenda and the key.
import { bindDrop, bindUnseal, COLUMNS, el, FLAG_WORDS, formatNumber, formatShare, kitRoot, labelCells, turnLinks } from "./kit-common.js";
import { download } from "./export.js";
import { lang, t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const MAX_FILE = 1_000_000; // a result file is a few kilobytes (the core refuses larger text too)
const root = kitRoot();
const status = document.getElementById("ijk-status");
const refusedBox = document.getElementById("ijk-refused");
const resultsBox = document.getElementById("ijk-results");
const files = document.getElementById("ijk-files");
const session = new URLSearchParams(location.hash.slice(1));
const focus = session.get("focus");
const threshold = Number(session.get("drempel")) || null; // #drempel=3: another threshold for mild / streng
let dropped = []; // files dropped on the page, beside those picked
let last = null;
let keyOpen = root.dataset.sealed !== "true";
const titles = JSON.parse(root.dataset.contactTitles || "{}");

const client = startWorker(new URL("./worker.js", import.meta.url), { onCrash: (error) => fail(error) });
const ready = client.call("kit-init", {
  checklistUrl: new URL(root.dataset.checklistUrl, document.baseURI).href,
  kitUrl: new URL(root.dataset.kitUrl, document.baseURI).href,
  lang,
});
ready.then(({ sealed }) => {
  document.documentElement.dataset.python = "ready";
  status.dataset.state = "ready";
  status.textContent = t("js.kit.results_ready");
  if (sealed) {
    bindUnseal(sealed, async (text) => {
      await client.call("open", { keys: text });
      keyOpen = true;
      document.getElementById("ijk-unseal").hidden = true;
      document.getElementById("ijk-show-key").hidden = false;
      await combine();
    });
  }
}, fail);

function fail(error) {
  if (document.documentElement.dataset.python === "error") return;
  document.documentElement.dataset.python = "error";
  status.dataset.state = "error";
  status.textContent = t("js.start.python", { detail: error.detail ?? error.message });
}

async function sources() {
  const found = [];
  const text = document.getElementById("ijk-codes").value;
  if (text.trim()) found.push({ name: t("js.kit.pasted"), kind: "text", text });
  const tooLarge = [];
  for (const file of [...files.files, ...dropped]) {
    if (file.size > MAX_FILE) tooLarge.push(file.name);
    else found.push({ name: file.name, kind: "file", text: await file.text() });
  }
  return { found, tooLarge };
}

async function combine() {
  await ready;
  const { found, tooLarge } = await sources();
  const chosen = focus === null ? null : focus.split(",").filter(Boolean);
  const reply = await client.call("combine", { sources: found, focus: chosen, threshold });
  last = reply;
  showRefused(reply.problems, tooLarge, reply.codes_read);
  if (!reply.calibration) {
    resultsBox.hidden = true;
    return;
  }
  showCalibration(reply.calibration, reply.key_known);
}

function showRefused(problems, tooLarge, read) {
  const items = problems.map((p) => el("li", t("js.kit.refused_item", {
    source: p.source,
    line: p.line,
    code: p.code || "—",
    message: p.message,
  }), { "data-problem": p.problem }));
  items.push(...tooLarge.map((name) => el("li", t("js.kit.file_too_large", { source: name }), { "data-problem": "size" })));
  if (!read && !tooLarge.length && !problems.length) items.push(el("li", t("js.kit.no_codes")));
  refusedBox.replaceChildren(...(items.length ? [el("p", t("js.kit.refused_heading")), listOf(items)] : []));
  refusedBox.hidden = !items.length;
}

const listOf = (items) => {
  const list = el("ul");
  list.append(...items);
  return list;
};

function headRow(table, keys) {
  const head = el("tr");
  for (const key of keys) head.append(el("th", t(COLUMNS[key]), { scope: "col" }));
  const thead = el("thead");
  thead.append(head);
  table.replaceChildren(thead, el("tbody"));
}

let coefficient = null;

/** A coefficient with two decimals (0,85 / −0,12), a share as a percentage, or the core's reason why there is none. */
function figure(value, reason, share = false) {
  if (value === null) return el("td", reason ?? "—", { class: "ijk-reason" });
  if (share) return el("td", formatShare(value));
  coefficient ??= new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return el("td", value < 0 ? `−${coefficient.format(-value)}` : coefficient.format(value));
}

const NA = "n.v.t."; // ijkpunt_core.calibration.NA: the core's name for the answer, in every language
/** An answer as the core names it, with its n.v.t. in the page's language. */
const answerText = (value) => (value === NA ? t("js.kit.na") : value);

function spreadText(c) {
  return Object.entries(c.spread)
    .filter(([, n]) => n)
    .map(([value, n]) => `${value === "" ? t("js.kit.no_answer") : answerText(value)}: ${n}`)
    .join(" · ");
}

/** Per contact, who gave which answer: the facilitator asks the highest and the lowest to explain. */
function whoChoseWhat(x, c) {
  const details = el("details", "", { class: "ijk-who" });
  details.append(el("summary", t("js.kit.who_chose_what")));
  const list = el("ul");
  for (const contact of c.contacts) {
    const given = x.answers[contact].map((value, i) => [c.participants[i].participant, value]).filter(([, value]) => value);
    if (!given.length) continue;
    const item = el("li", "", { "data-contact": contact });
    item.append(el("strong", `${titles[contact] ?? contact}: `), given.map(([who, value]) => `${who} ${answerText(value)}`).join(" · "));
    list.append(item);
  }
  details.append(list);
  return details;
}

function showCalibration(c, keyKnown) {
  const byId = Object.fromEntries(c.criteria.map((x) => [x.criterion, x]));
  document.getElementById("ijk-results-summary").textContent = t("js.kit.results_summary", {
    participants: c.participants.length,
    contacts: c.contacts.length,
    threshold: formatNumber(c.threshold),
  });
  const agenda = document.getElementById("ijk-agenda");
  headRow(agenda, ["criterion", "spread", "agreement", "ac1", "alpha", "applicable", "key_share"]);
  for (const id of c.agenda) {
    const x = byId[id];
    const row = el("tr", "", { "data-criterion": id });
    const name = el("th", x.title, { scope: "row" });
    if (x.focus) name.append(" ", el("span", t("js.kit.focus"), { class: "ijk-tag ijk-tag--focus" }));
    const spread = el("td", spreadText(x));
    spread.append(whoChoseWhat(x, c));
    row.append(
      name,
      spread,
      figure(x.percent_agreement, x.percent_agreement_reason, true),
      figure(x.gwet_ac1, x.gwet_ac1_reason),
      figure(x.krippendorff_alpha, x.krippendorff_alpha_reason),
      figure(x.applicability_agreement, x.applicability_agreement_reason, true),
      keyKnown ? figure(x.key_agreement, null, true) : el("td", t("js.kit.key_sealed_short")),
    );
    agenda.tBodies[0].append(row);
  }
  const participants = document.getElementById("ijk-participants");
  document.getElementById("ijk-participants-hint").textContent = keyKnown
    ? t("js.kit.participants_hint", { threshold: formatNumber(c.threshold) })
    : t("js.kit.participants_sealed");
  headRow(participants, ["participant", "key_share", "mean_difference", "per_contact"]);
  for (const p of c.participants) {
    const row = el("tr", "", { "data-participant": p.participant });
    const mean = p.mean_difference === null ? "—" : formatNumber(p.mean_difference, { signed: true });
    const flag = p.flag ? ` (${t(FLAG_WORDS[p.flag])})` : "";
    row.append(
      el("th", p.participant, { scope: "row" }),
      keyKnown ? figure(p.key_agreement, null, true) : el("td", "—"),
      el("td", mean + flag, { class: p.flag ? "ijk-flagged" : "" }),
      el("td", p.differences.map((d) => `${titles[d.contact] ?? d.contact}: ${formatNumber(d.quality)}${d.difference === null ? "" : ` (${formatNumber(d.difference, { signed: true })})`}`).join(" · ")),
    );
    participants.tBodies[0].append(row);
  }
  const heat = document.getElementById("ijk-heatmap");
  const order = c.criteria.map((x) => x.criterion);
  const head = el("tr");
  head.append(el("th", t("js.kit.col_participant"), { scope: "col" }));
  for (const id of order) head.append(el("th", byId[id].title, { scope: "col", class: "ijk-heat-head" }));
  const thead = el("thead");
  thead.append(head);
  heat.replaceChildren(thead, el("tbody"));
  for (const p of c.participants) {
    const row = el("tr");
    row.append(el("th", p.participant, { scope: "row" }));
    for (const id of order) {
      const share = keyKnown ? p.key_agreement_per_criterion[id] : null;
      const level = share === null || share === undefined ? "none" : share >= 0.8 ? "high" : share >= 0.5 ? "mid" : "low";
      row.append(el("td", share === null || share === undefined ? "—" : formatShare(share), { class: `ijk-heat ijk-heat--${level}`, "data-criterion": id }));
    }
    heat.tBodies[0].append(row);
  }
  resultsBox.hidden = false;
}

async function showKey() {
  const reply = await client.call("key", { contacts: last?.calibration?.contacts ?? [] });
  const box = document.getElementById("ijk-key");
  const parts = [];
  for (const contact of reply.contacts) {
    parts.push(el("h3", contact.title));
    const table = el("table", "", { class: "ijk-compare" });
    headRow(table, ["criterion", "key", "why"]);
    for (const row of contact.criteria) {
      const tr = el("tr", "", { "data-criterion": row.criterion });
      const why = el("td", row.rationale + " ");
      why.append(turnLinks(contact.id, row.turns));
      tr.append(el("th", row.title, { scope: "row" }), el("td", row.key_label ?? "—"), why);
      table.tBodies[0].append(tr);
    }
    labelCells(table, ["criterion", "key", "why"].map((key) => t(COLUMNS[key])));
    for (const flag of contact.critical_errors.filter((f) => f.key)) {
      const tr = el("tr");
      tr.append(el("th", t("js.kit.critical_error", { title: flag.title }), { scope: "row" }), el("td", t("js.kit.ticked")), el("td", flag.rationale ?? ""));
      table.tBodies[0].append(tr);
    }
    const wrap = el("div", "", { class: "ijk-table-wrap", tabindex: "0", role: "region", "aria-label": t("js.kit.table_label") });
    wrap.append(table);
    parts.push(wrap);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
  document.getElementById("ijk-show-key").hidden = true;
}

// a failure of the rules is said in the status line, never left in the console only
const shown = (action) => () =>
  action().catch((error) => {
    status.dataset.state = "error";
    status.textContent = t("js.status.rules_error", { detail: error.detail ?? error.message });
  });
document.getElementById("ijk-combine").addEventListener("click", shown(combine));
document.getElementById("ijk-show-key").addEventListener("click", shown(showKey));
document.getElementById("ijk-print").addEventListener("click", () => print());
document.getElementById("ijk-export-json").addEventListener("click", () => {
  if (last?.calibration) download(JSON.stringify(last.calibration, null, 2) + "\n", `kalibratie-${root.dataset.kitId}.json`);
});
document.getElementById("ijk-export-csv").addEventListener("click", () => {
  if (last?.csv) download(last.csv, `kalibratie-${root.dataset.kitId}.csv`, "text/csv;charset=utf-8");
});
bindDrop(document.getElementById("ijk-drop"), (given) => {
  dropped = [...dropped, ...given];
  shown(combine)();
});
files.addEventListener("change", shown(combine));
if (keyOpen) document.getElementById("ijk-show-key").hidden = false;
