// UI text lookup. The strings come from the page's JSON data block (<script type="application/json"
// id="ijk-strings">), rendered by the build from site/i18n/<lang>.yaml; only keys under `js.` are there.

let strings = null;

function load() {
  const block = document.getElementById("ijk-strings");
  try {
    return block ? JSON.parse(block.textContent) : {};
  } catch (error) {
    console.warn("IJkpunt: de teksten van deze pagina zijn onleesbaar", error);
    return {};
  }
}

/** The text for `key` with {name} parameters filled in; the key itself when it is missing. */
export function t(key, params = {}) {
  strings ??= load();
  const text = strings[key];
  if (text === undefined) {
    console.warn(`IJkpunt: tekst '${key}' ontbreekt`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether the page has a text for `key`: for stored values that may have a name (a channel, a mode). */
export function has(key) {
  strings ??= load();
  return key in strings;
}

/** The page's language (from <html lang>), for number formats. */
export const lang = document.documentElement.lang || "nl";

let percent = null; // made at the first score: creating it costs start-up time before the first input

/** 83.3 → "83,3%" (in Dutch); null → the "no score" sign. */
export function formatPercent(value) {
  percent ??= new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return value === null || value === undefined ? t("js.score.none") : `${percent.format(value)}%`;
}

/** A moment as the page's language writes it: "14:32" today, else "24-11-2026 14:32". */
export function formatTime(moment) {
  const today = new Date().toDateString() === moment.toDateString();
  const options = today ? { timeStyle: "short" } : { dateStyle: "short", timeStyle: "short" };
  return new Intl.DateTimeFormat(lang, options).format(moment);
}
