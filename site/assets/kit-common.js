// What the kit pages share: the page's kit, progress kept on this device, opening a sealed key, small DOM helpers.
import { unseal, WrongPassphrase } from "./sealed.js";
import { formatPercent, lang, t } from "./strings.js";

/** The element that names the page's kit (data-kit-id, data-kit-version, data-kit-url). */
export const kitRoot = () => document.querySelector("[data-ijk-page]");

/** The worker request that loads a kit page's checklist and kit (liveForm's `init`). */
export function kitInit(form, root) {
  return {
    type: "kit-init",
    payload: {
      checklistUrl: new URL(form.dataset.checklistUrl, document.baseURI).href,
      kitUrl: new URL(root.dataset.kitUrl, document.baseURI).href,
      lang,
    },
  };
}

/** A page's JSON data block (<script type="application/json" id=…>), or {} when it cannot be read. */
export function readJson(id) {
  try {
    return JSON.parse(document.getElementById(id).textContent);
  } catch (error) {
    console.warn(`IJkpunt: ${id} is onleesbaar`, error);
    return {};
  }
}

/** An element with text only: everything shown here comes from files and forms, so never as HTML. */
export function el(tag, text = "", attributes = {}) {
  const node = document.createElement(tag);
  if (text !== "") node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

let number = null;

/** 2.5 → "2,5" in Dutch; signed when asked (+2,5 / −2,5). */
export function formatNumber(value, { signed = false } = {}) {
  if (value === null || value === undefined) return t("js.score.none");
  number ??= new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const text = number.format(Math.abs(value));
  if (!signed) return value < 0 ? `−${text}` : text;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** 0.8333 → "83%"; null → "—". */
export function formatShare(value) {
  if (value === null || value === undefined) return t("js.score.none");
  return `${Math.round(100 * value)}%`;
}

export { formatPercent };

/**
 * Training results per contact on this device: {contact: {agreement, compared, agreed, difference, at}}.
 * Kept per kit version: a new version of the kit may have another key.
 */
export function progressStore(kitId, version) {
  const key = `ijkpunt:training:${kitId}:${version}`;
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      console.warn("IJkpunt: de bewaarde oefenresultaten zijn onleesbaar", error);
      return {};
    }
  };
  return {
    load,
    save(contact, entry) {
      localStorage.setItem(key, JSON.stringify({ ...load(), [contact]: entry }));
    },
  };
}

/** "83% gelijk aan de sleutel · 28-11-2026" for each [data-progress] element of the page. */
export function showProgress(store) {
  const done = store.load();
  for (const cell of document.querySelectorAll("[data-progress]")) {
    const entry = done[cell.dataset.progress];
    cell.textContent = entry
      ? t("js.kit.progress", {
        agreement: formatShare(entry.agreement),
        date: new Date(entry.at).toLocaleDateString(lang),
      })
      : t("js.kit.not_yet");
  }
}

/**
 * Open a sealed key with the passphrase typed in #ijk-passphrase; hands the plain text to `use`.
 * The message element says why it failed (a wrong passphrase is the usual reason).
 */
export function bindUnseal(box, use) {
  const input = document.getElementById("ijk-passphrase");
  const button = document.getElementById("ijk-unseal-button");
  const message = document.getElementById("ijk-unseal-message");
  const attempt = async () => {
    message.textContent = t("js.kit.unsealing");
    button.disabled = true;
    try {
      const text = await unseal(box, input.value);
      await use(text);
      message.textContent = "";
    } catch (error) {
      message.textContent = error instanceof WrongPassphrase ? t("js.kit.wrong_passphrase") : t("js.kit.unseal_failed", { detail: error.message });
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener("click", attempt);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      attempt();
    }
  });
}

/** Copy the value of a text field, telling the result in #ijk-copied. */
export async function copyField(field) {
  const said = document.getElementById("ijk-copied");
  try {
    await navigator.clipboard.writeText(field.value);
    said.textContent = t("js.kit.copied");
  } catch {
    field.select(); // the clipboard may be refused (no permission): leave it selected for Ctrl+C
    said.textContent = t("js.kit.copy_yourself");
  }
}

/** The turn numbers a rationale rests on, as links into the transcript on this page. */
export function turnLinks(contact, turns) {
  const span = el("span", "", { class: "ijk-turns" });
  if (!turns.length) return span;
  span.append(t(turns.length === 1 ? "js.kit.turn" : "js.kit.turns") + " ");
  turns.forEach((turn, i) => {
    if (i) span.append(", ");
    span.append(el("a", String(turn), { href: `#${contact}-${turn}` }));
  });
  return span;
}

/** Column headers of the kit pages' tables, by name. */
export const COLUMNS = {
  criterion: "js.kit.col_criterion",
  yours: "js.kit.col_yours",
  key: "js.kit.col_key",
  same: "js.kit.col_same",
  why: "js.kit.col_why",
  spread: "js.kit.col_spread",
  agreement: "js.kit.col_agreement",
  ac1: "js.kit.col_ac1",
  alpha: "js.kit.col_alpha",
  applicable: "js.kit.col_applicable",
  key_share: "js.kit.col_key_share",
  participant: "js.kit.col_participant",
  mean_difference: "js.kit.col_mean_difference",
  per_contact: "js.kit.col_per_contact",
};

/** The core's flags for a participant milder or stricter than the key: a sentence, and one word. */
export const FLAGS = { mild: "js.kit.flag_mild", streng: "js.kit.flag_streng" };
export const FLAG_WORDS = { mild: "js.kit.flag_word_mild", streng: "js.kit.flag_word_streng" };
export const RELATIONSHIP = { weakened: "js.relationship.weakened", kept: "js.relationship.kept", strengthened: "js.relationship.strengthened" };

/** Each cell names its column (data-label), so that a narrow screen can show a row as a card (ijkpunt.css). */
export function labelCells(table, labels) {
  for (const row of table.tBodies[0].rows) {
    [...row.cells].forEach((cell, i) => cell.setAttribute("data-label", labels[i] ?? ""));
  }
}

/** Files dropped on `zone` go to `onFiles` (an array of File); the zone shows when something is dragged over it. */
export function bindDrop(zone, onFiles) {
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("ijk-drop--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("ijk-drop--over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("ijk-drop--over");
    onFiles([...event.dataTransfer.files]);
  });
}
