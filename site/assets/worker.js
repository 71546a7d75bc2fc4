// Runs the IJkpunt core (Python, via Pyodide) off the main thread.
// Protocol: {id, type: "init" | "kit-init" | "live" | "export" | "changes" | "import-init" | "import" | "train" | "code" | "combine" | "open" | "key", payload} → {id, ok: true, result}
//                                                          | {id, ok: false, error: {kind, detail}}
// kinds: "wasm-mime" (detail: the served type), "wasm-missing" (HTTP status), "packages" (loader messages),
//        "checklist" (HTTP status), "python" (anything else; detail: the message).
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const runtime = new URL("../../pyodide/", import.meta.url);
let form = null; // ijkpunt_core.api.Form: the scoring form's checklist
let kit = null; // ijkpunt_core.kit_api.KitPage: a kit page's kit, key and checklist
let dashboard = null; // ijkpunt_core.dashboard_api.Dashboard: the evaluations dropped on the dashboard
let importer = null; // ijkpunt_core.import_api.Importer: files opened on "Mijn beoordelingen"

class StartError extends Error {
  constructor(kind, detail) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.detail = String(detail);
  }
}

async function wasmServedCorrectly() {
  // A .wasm with the wrong MIME type makes loadPyodide hang; say so at once instead.
  const response = await fetch(new URL("pyodide.asm.wasm", runtime), { method: "HEAD" });
  const type = (response.headers.get("content-type") || "").split(";")[0].trim();
  if (!response.ok) throw new StartError("wasm-missing", response.status);
  if (type !== "application/wasm") throw new StartError("wasm-mime", type || "(geen)");
}

async function fetchChecklist(checklistUrl) {
  const response = await fetch(checklistUrl);
  if (!response.ok) throw new StartError("checklist", response.status);
  return response.text();
}

async function init({ checklistUrl, lang = "nl", settings = null }) {
  // Everything that can overlap does: the MIME check, the runtime with its packages, the checklist.
  const checklist = fetchChecklist(checklistUrl);
  checklist.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
  const pyodide = await startPython();
  // settings: the municipality's scoring settings as the page carries them (data-settings), or null
  form = pyodide.pyimport("ijkpunt_core.api").Form(await checklist, lang, settings);
  return { version: pyodide.pyimport("ijkpunt_core").__version__ };
}

async function kitInit({ checklistUrl, kitUrl, lang = "nl" }) {
  const checklist = fetchChecklist(checklistUrl);
  const published = fetchChecklist(kitUrl);
  checklist.catch(() => {});
  published.catch(() => {});
  const pyodide = await startPython();
  const [checklistText, kitText] = [await checklist, await published];
  form = pyodide.pyimport("ijkpunt_core.api").Form(checklistText, lang);
  kit = pyodide.pyimport("ijkpunt_core.kit_api").KitPage(kitText, checklistText, lang);
  return { sealed: JSON.parse(kitText).sealed };
}

/** Every published checklist version as the core's `{"current": […], "versions": […]}`, fetched while Python boots. */
async function publishedChecklists(indexUrl) {
  const listing = fetch(indexUrl).then(async (response) => {
    if (!response.ok) throw new StartError("checklist", response.status);
    const { checklists, targets = null } = await response.json();
    const texts = await Promise.all(checklists.map((c) => fetchChecklist(new URL(c.url, new URL("../../", indexUrl)).href)));
    return { targets, checklists: checklists.map((c, i) => ({ current: c.current, text: texts[i] })) };
  });
  listing.catch(() => {});
  const pyodide = await startPython();
  const { targets, checklists: found } = await listing;
  // targets: the municipality's own (instellingen.yaml), published beside the versions; the core checks them
  const documents = `{"current": [${found.filter((c) => c.current).map((c) => c.text).join(",")}], ` +
    `"versions": [${found.map((c) => c.text).join(",")}], "targets": ${JSON.stringify(targets)}}`;
  return { pyodide, documents, count: found.length };
}

async function dashboardInit({ indexUrl, lang = "nl" }) {
  // every published checklist version, so that an evaluation is checked against the version it was scored with
  const { pyodide, documents, count } = await publishedChecklists(indexUrl);
  dashboard = pyodide.pyimport("ijkpunt_core.dashboard_api").Dashboard(documents, lang);
  return { checklists: count };
}

async function importInit({ indexUrl, lang = "nl" }) {
  const { pyodide, documents, count } = await publishedChecklists(indexUrl);
  importer = pyodide.pyimport("ijkpunt_core.import_api").Importer(documents, lang);
  return { checklists: count };
}

async function startPython() {
  // Promise.all rejects as soon as the check fails, even though loadPyodide then never settles.
  const [, pyodide] = await Promise.all([
    wasmServedCorrectly(),
    loadPyodide({
      indexURL: runtime.href,
      packageBaseUrl: runtime.href,
      lockFileURL: new URL("pyodide-lock.json", runtime).href,
      // fetched and unpacked while the runtime boots, not after it (-0.3 to -0.5 s on 2 cores)
      packages: ["ijkpunt-core"],
    }),
  ]);
  // Loading during boot only logs a failed download or sha256 mismatch; asking again is a no-op when all went
  // well, and otherwise reports the failure through errorCallback (loadPackage does not throw for it).
  const errors = [];
  await pyodide.loadPackage(["ijkpunt-core"], { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
  if (errors.length) throw new StartError("packages", errors.join(" "));
  return pyodide;
}

const handlers = {
  init,
  live: (raw) => JSON.parse(form.live(JSON.stringify(raw))),
  export: (raw) => JSON.parse(form.export(JSON.stringify(raw))),
  changes: async ({ checklistUrl }) => JSON.parse(form.changes(await fetchChecklist(checklistUrl))),
  "kit-init": kitInit,
  "dashboard-init": dashboardInit,
  "import-init": importInit,
  import: ({ name, text }) => JSON.parse(importer.import_text(name, text)),
  "dashboard-add": ({ name, text, jsonl, firstLine }) => JSON.parse(dashboard.add(name, text, jsonl, firstLine)),
  "dashboard-refuse": ({ name, detail }) => JSON.parse(dashboard.refuse(name, detail)),
  "dashboard-report": ({ config }) => JSON.parse(dashboard.report(JSON.stringify(config))),
  "dashboard-clear": () => {
    dashboard.clear();
    return {};
  },
  train: ({ contact, form: raw }) => JSON.parse(kit.train(contact, JSON.stringify(raw))),
  code: ({ participant, forms }) => JSON.parse(kit.code(participant, JSON.stringify(forms))),
  // a JavaScript null would reach Python as JsNull, not None: leave the threshold out for the default
  combine: ({ sources, focus, threshold }) => {
    const args = [JSON.stringify(sources), JSON.stringify(focus ?? null)];
    return JSON.parse(threshold == null ? kit.combine(...args) : kit.combine(...args, threshold));
  },
  open: ({ keys }) => JSON.parse(kit.open(keys)),
  key: ({ contacts }) => JSON.parse(kit.key(JSON.stringify(contacts ?? []))),
};

self.onmessage = async ({ data: { id, type, payload } }) => {
  try {
    const result = await handlers[type](payload);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    const kind = error instanceof StartError ? error.kind : "python";
    const detail = error instanceof StartError ? error.detail : String(error && error.message ? error.message : error);
    self.postMessage({ id, ok: false, error: { kind, detail } });
  }
};

// The evaluation page (beoordeling/): read an evaluation, the agent's response, the coach's outcome, a comparison
// (ijkpunt_core.review_api.Reviewer). Every published checklist version, as on the dashboard.
let reviewer = null;

async function reviewInit({ indexUrl, lang = "nl" }) {
  const { pyodide, documents, count } = await publishedChecklists(indexUrl);
  reviewer = pyodide.pyimport("ijkpunt_core.review_api").Reviewer(documents, lang);
  return { checklists: count };
}

Object.assign(handlers, {
  "review-init": reviewInit,
  "review-open": ({ name, text }) => JSON.parse(reviewer.open(name, text)),
  "review-respond": ({ evaluation, response }) => JSON.parse(reviewer.respond(evaluation, JSON.stringify(response))),
  "review-decide": ({ evaluation, outcome }) => JSON.parse(reviewer.decide(evaluation, JSON.stringify(outcome))),
  "review-compare": ({ first, second }) => JSON.parse(reviewer.compare(first, second)),
});
