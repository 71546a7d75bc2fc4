// A scoring form wired to the Python core in a worker: starts the runtime, scores every change, shows the result.
// Used by the plain scoring page (scoring-form.js) and by the kit pages (training, session). The page decides what
// to do with the values (keep a draft, make a code); no rule lives here.
import { showApplicable } from "./conditional.js";
import { showFieldMessages, showPrivacy } from "./field-problems.js";
import { readValues } from "./form-binding.js";
import { announceScore, showScores } from "./score-panel.js";
import { t } from "./strings.js";
import { startWorker } from "./worker-client.js";

const START_ERRORS = {
  "wasm-mime": "js.start.wasm_mime",
  "wasm-missing": "js.start.wasm_missing",
  packages: "js.start.packages",
  checklist: "js.start.checklist",
  python: "js.start.python",
  worker: "js.start.worker",
};

/**
 * Start scoring `form` live. `init` is the worker request that loads what the page needs ({type, payload});
 * `identity()` gives the draft's {id, created_at}; `onChange()` runs after every change, before scoring;
 * `onResult(result)` gets every live result shown.
 * Returns {ready: Promise, call(type, payload), values(), current(), refresh(), fail(message), setStatus(state, text)}.
 */
export function liveForm(form, { init, identity, onChange = () => {}, onResult = () => {} }) {
  const root = document.documentElement;
  const status = document.getElementById("ijk-status");
  const state = { ready: false, sequence: 0, shown: 0, client: null };
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a failed start is shown in the status line; callers that wait see the rejection

  const setStatus = (dataState, text) => {
    status.dataset.state = dataState;
    status.textContent = text;
  };
  const fail = (message) => {
    if (root.dataset.python === "error") return; // the watchdog spoke first
    root.dataset.python = "error";
    setStatus("error", message);
  };
  const startFailure = (error) => {
    fail(t(START_ERRORS[error.kind] ?? "js.start.python", { detail: error.detail ?? error.message }));
    rejectReady(error);
  };

  const boot = () => {
    state.client = startWorker(new URL("./worker.js", import.meta.url), { onCrash: startFailure });
    state.client.call(init.type, init.payload).then((result) => {
      state.ready = true;
      root.dataset.python = "ready";
      setStatus("ready", t("js.status.ready"));
      resolveReady(result);
      refresh();
    }, startFailure);
  };
  // Starting and compiling the runtime competes for the two CPUs with the page's own start (and with the click or
  // key press that brings the first input): start it right after the first input, or 150 ms after load, whichever
  // comes first (make bench: first input -15 to -20 %, Python ready within noise).
  let booted = false;
  const bootOnce = () => {
    if (booted) return;
    booted = true;
    boot();
  };
  form.addEventListener("input", () => setTimeout(bootOnce), { once: true });
  const afterLoad = () => setTimeout(bootOnce, 150);
  if (document.readyState === "complete") afterLoad();
  else addEventListener("load", afterLoad, { once: true });

  // The score is announced (score-panel.js announceScore) after an answer changed: a choice, or a text or number
  // field once it is committed (its change event), never per keystroke while typing in it.
  let announce = false;
  const changed = (event) => {
    const target = event.target;
    const typing = event.type === "input" && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" &&
      !["radio", "checkbox"].includes(target.type)));
    if (!typing) announce = true;
    onChange();
    refresh();
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  function current() {
    return { ...identity(), values: readValues(form) };
  }

  function refresh() {
    if (!state.ready) return;
    const sequence = ++state.sequence;
    state.client.call("live", current()).then((result) => {
      if (sequence < state.shown) return; // an older answer arriving late
      state.shown = sequence;
      showApplicable(form, result.applies);
      showScores(result);
      if (announce) {
        announce = false;
        announceScore();
      }
      showFieldMessages(form, result.problems);
      showPrivacy(form, result.privacy);
      onResult(result);
    }, (error) => fail(t("js.status.rules_error", { detail: error.detail ?? error.message })));
  }

  return {
    ready,
    isReady: () => state.ready,
    call: (type, payload) => ready.then(() => state.client.call(type, payload)),
    values: () => readValues(form),
    current,
    refresh,
    fail,
    setStatus,
  };
}
