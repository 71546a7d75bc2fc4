// A request/response client for a module worker. Protocol:
//   page → worker {id, type, payload};  worker → page {id, ok: true, result} | {id, ok: false, error: {kind, detail}}
// A failed request rejects with a WorkerError carrying the worker's `kind` (see worker.js for the kinds).

export class WorkerError extends Error {
  constructor(kind, detail) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.detail = detail;
  }
}

/**
 * Start the worker at `url`. `onCrash(error)` is called when the worker itself cannot run (e.g. its
 * script is refused); every pending request is rejected with that error too.
 */
export function startWorker(url, { onCrash = () => {} } = {}) {
  const worker = new Worker(url, { type: "module" });
  const pending = new Map();
  let nextId = 0;
  worker.onmessage = ({ data }) => {
    const waiter = pending.get(data.id);
    if (!waiter) return;
    pending.delete(data.id);
    if (data.ok) waiter.resolve(data.result);
    else waiter.reject(new WorkerError(data.error?.kind ?? "python", data.error?.detail ?? ""));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new WorkerError("worker", event.message || "");
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    onCrash(error);
  };
  return {
    call(type, payload) {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, type, payload });
      });
    },
    terminate: () => worker.terminate(),
  };
}
