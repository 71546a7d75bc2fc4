// Runs the IJkpunt core (Python, via Pyodide) off the main thread.
// Protocol: {id, type: "init" | "live" | "export", payload} → {id, ok: true, result}
//                                                          | {id, ok: false, error: {kind, detail}}
// kinds: "wasm-mime" (detail: the served type), "wasm-missing" (HTTP status), "packages" (loader messages),
//        "checklist" (HTTP status), "python" (anything else; detail: the message).
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const runtime = new URL("../../pyodide/", import.meta.url);
let form = null;

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

async function init({ checklistUrl }) {
  await wasmServedCorrectly();
  const pyodide = await loadPyodide({
    indexURL: runtime.href,
    packageBaseUrl: runtime.href,
    lockFileURL: new URL("pyodide-lock.json", runtime).href,
  });
  // loadPackage reports a failed download or sha256 mismatch through errorCallback, not by throwing
  const errors = [];
  await pyodide.loadPackage(["ijkpunt-core"], { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
  if (errors.length) throw new StartError("packages", errors.join(" "));
  const response = await fetch(checklistUrl);
  if (!response.ok) throw new StartError("checklist", response.status);
  const api = pyodide.pyimport("ijkpunt_core.api");
  form = api.Form(await response.text());
  return { version: pyodide.pyimport("ijkpunt_core").__version__ };
}

const handlers = {
  init,
  live: (raw) => JSON.parse(form.live(JSON.stringify(raw))),
  export: (raw) => JSON.parse(form.export(JSON.stringify(raw))),
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
