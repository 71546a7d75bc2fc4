// Training mode: a trainee scores a kit contact with the normal form, hands it in, and sees their answers beside the
// expert key with its reasons. The comparison is the core's (ijkpunt_core.training); this page shows it.
import { bindUnseal, COLUMNS, el, FLAGS, formatNumber, formatShare, kitInit, kitRoot, labelCells, progressStore, RELATIONSHIP, showProgress, turnLinks } from "./kit-common.js";
import { clearExportProblems, showExportProblems } from "./field-problems.js";
import { restoreValues } from "./form-binding.js";
import { liveForm } from "./live-form.js";
import { bindDetailsToggle } from "./score-panel.js";
import { newIdentity } from "./storage.js";
import { t } from "./strings.js";

const root = kitRoot();
const form = document.getElementById("ijk-form");
const formPage = document.getElementById("ijk-kit-form");
const resultBox = document.getElementById("ijk-training-result");
const problemsBox = document.getElementById("ijk-problems");
const contacts = [...document.querySelectorAll("[data-contact]")].map((section) => section.dataset.contact);
const progress = progressStore(root.dataset.kitId, root.dataset.kitVersion);
const draftKey = (contact) => `ijkpunt:training-draft:${root.dataset.kitId}:${root.dataset.kitVersion}:${contact}`;
let contact = null;
let draft = { ...newIdentity(), values: {} };
let sealed = null; // the sealed box while the key is not open
bindDetailsToggle();
showProgress(progress);

const live = liveForm(form, {
  init: kitInit(form, root),
  identity: () => ({ id: draft.id, created_at: draft.created_at }),
  onChange: () => {
    if (!contact) return;
    draft = live.current();
    localStorage.setItem(draftKey(contact), JSON.stringify(draft));
  },
});
live.ready.then(({ sealed: box }) => {
  sealed = box;
});

function loadDraft(id) {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(id)) || "null");
    if (saved && saved.id && saved.values) return saved;
  } catch (error) {
    console.warn("IJkpunt: het bewaarde concept is onleesbaar", error);
  }
  return { ...newIdentity(), values: {} };
}

function choose() {
  const wanted = decodeURIComponent(location.hash.slice(1));
  const known = contacts.includes(wanted) ? wanted : contacts.find((id) => wanted.startsWith(`${id}-`));
  if (known === contact) return;
  contact = known ?? null;
  for (const section of document.querySelectorAll("[data-contact]")) section.hidden = section.dataset.contact !== contact;
  for (const link of document.querySelectorAll("[data-contact-link]")) {
    if (link.dataset.contactLink === contact) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.getElementById("ijk-choose").hidden = Boolean(contact);
  formPage.hidden = !contact;
  resultBox.hidden = true;
  clearExportProblems(form, problemsBox);
  if (!contact) return;
  form.reset();
  draft = loadDraft(contact);
  restoreValues(form, draft.values);
  live.refresh();
}

async function handIn() {
  if (!live.isReady()) {
    showExportProblems(form, problemsBox, [{ message: t("js.status.not_ready"), field: null }], t("js.kit.compare_blocked"));
    return;
  }
  if (sealed) {
    document.getElementById("ijk-unseal").hidden = false;
    document.getElementById("ijk-passphrase").focus();
    return;
  }
  const reply = await live.call("train", { contact, form: live.current() });
  if (reply.problems.length) {
    showExportProblems(form, problemsBox, reply.problems, t("js.kit.compare_blocked"));
    return;
  }
  clearExportProblems(form, problemsBox);
  const training = reply.training;
  const open = training.unanswered.length;
  if (open && !confirm(open === 1 ? t("js.kit.confirm_partial_one") : t("js.kit.confirm_partial", { count: open }))) return;
  progress.save(contact, {
    agreement: training.agreement,
    compared: training.compared,
    agreed: training.agreed,
    difference: training.score.difference,
    at: new Date().toISOString(),
  });
  showProgress(progress);
  showTraining(training);
}

function showTraining(training) {
  const { score } = training;
  const parts = [
    el("h2", t("js.kit.training_result")),
    el("p", training.compared
      ? t("js.kit.agreement_summary", { agreed: training.agreed, compared: training.compared, share: formatShare(training.agreement) })
      : t("js.kit.nothing_answered")),
    el("p", t("js.kit.score_summary", {
      yours: formatNumber(score.quality),
      key: formatNumber(score.key_quality),
      difference: formatNumber(score.difference, { signed: true }),
    }) + (score.complete ? "" : " " + t("js.kit.score_partial"))),
  ];
  if (score.flag) parts.push(el("p", t(FLAGS[score.flag]), { class: "ijk-flag" }));
  const open = training.unanswered.length;
  if (open) parts.push(el("p", open === 1 ? t("js.kit.unanswered_one") : t("js.kit.unanswered", { count: open })));
  const table = el("table", "", { class: "ijk-compare" });
  const head = el("tr");
  const keys = ["criterion", "yours", "key", "same", "why"];
  for (const key of keys) head.append(el("th", t(COLUMNS[key]), { scope: "col" }));
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const row of training.criteria) {
    const tr = el("tr", "", { "data-criterion": row.criterion, "data-agrees": String(row.agrees) });
    tr.append(
      el("th", row.title, { scope: "row" }),
      el("td", row.answer_label ?? t("js.kit.no_answer")),
      el("td", row.key_label ?? "—"),
      el("td", row.agrees === null ? "—" : row.agrees ? t("js.kit.same") : t("js.kit.different"), { class: row.agrees === false ? "ijk-different" : "" }),
    );
    const why = el("td", row.rationale + " ");
    why.append(turnLinks(contact, row.turns));
    tr.append(why);
    table.tBodies[0].append(tr);
  }
  for (const flag of training.critical_errors) {
    if (!flag.trainee && !flag.key) continue;
    const tr = el("tr", "", { "data-critical-error": flag.id, "data-agrees": String(flag.agrees) });
    tr.append(
      el("th", t("js.kit.critical_error", { title: flag.title }), { scope: "row" }),
      el("td", flag.trainee ? t("js.kit.ticked") : t("js.kit.not_ticked")),
      el("td", flag.key ? t("js.kit.ticked") : t("js.kit.not_ticked")),
      el("td", flag.agrees ? t("js.kit.same") : t("js.kit.different"), { class: flag.agrees ? "" : "ijk-different" }),
      el("td", flag.rationale ?? ""),
    );
    table.tBodies[0].append(tr);
  }
  const rel = training.relationship;
  const relRow = el("tr", "", { "data-criterion": "relationship", "data-agrees": String(rel.agrees) });
  const relWhy = el("td", rel.rationale + " ");
  relWhy.append(turnLinks(contact, rel.turns));
  relRow.append(
    el("th", t("js.kit.relationship"), { scope: "row" }),
    el("td", rel.answer ? t(RELATIONSHIP[rel.answer]) : t("js.kit.no_answer")),
    el("td", t(RELATIONSHIP[rel.key])),
    el("td", rel.agrees === null ? "—" : rel.agrees ? t("js.kit.same") : t("js.kit.different"), { class: rel.agrees === false ? "ijk-different" : "" }),
    relWhy,
  );
  table.tBodies[0].append(relRow);
  labelCells(table, keys.map((key) => t(COLUMNS[key])));
  const wrap = el("div", "", { class: "ijk-table-wrap", tabindex: "0", role: "region", "aria-label": t("js.kit.table_label") });
  wrap.append(table);
  parts.push(wrap);
  resultBox.replaceChildren(...parts);
  resultBox.hidden = false;
  resultBox.focus();
}

document.getElementById("ijk-hand-in").addEventListener("click", handIn);
document.getElementById("ijk-again").addEventListener("click", () => {
  if (!contact || !confirm(t("js.kit.confirm_again"))) return;
  localStorage.removeItem(draftKey(contact));
  form.reset();
  draft = { ...newIdentity(), values: {} };
  resultBox.hidden = true;
  clearExportProblems(form, problemsBox);
  live.refresh();
});
if (document.getElementById("ijk-unseal")) {
  live.ready.then(({ sealed: box }) => {
    if (!box) return;
    bindUnseal(box, async (text) => {
      await live.call("open", { keys: text });
      sealed = null;
      document.getElementById("ijk-unseal").hidden = true;
      await handIn();
    });
  });
}
addEventListener("hashchange", choose);
choose();
