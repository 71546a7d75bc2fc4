// The evaluations kept on this device: one record per evaluation, drafts and finished ones alike, so that several
// contacts can be scored side by side and nothing is lost on a reload, a closed tab or a crash.
//
// Record under `ijkpunt:evaluation:<id>`:
//   {id, created_at, updated_at, checklist: {id, version, content_hash}, values: {input name: string},
//    summary: {quality, complete} | null, exported: <evaluation as exported> | null, exported_at, exported_filename}
// The values are the form's raw inputs: the core gives them meaning (ijkpunt_core.form_input).
// Writing can fail (storage full, or blocked in a private window): every write says so, none is silent.

const PREFIX = "ijkpunt:evaluation:";
const LEGACY_DRAFT = "ijkpunt:draft:"; // before 0.3: one draft per checklist
const LEGACY_EXPORTS = "ijkpunt:exports"; // before 0.3: finished evaluations, by id

export function newIdentity() {
  return { id: crypto.randomUUID(), created_at: new Date().toISOString() };
}

/** "ok", "blocked" (no storage, e.g. disabled or a private window) or "full": probed with a tiny write. */
export function storageState() {
  let storage;
  try {
    storage = window.localStorage;
    if (!storage) return "blocked";
  } catch {
    return "blocked";
  }
  try {
    storage.setItem("ijkpunt:probe", "1");
    storage.removeItem("ijkpunt:probe");
    return "ok";
  } catch (error) {
    return isQuotaError(error) ? "full" : "blocked";
  }
}

function isQuotaError(error) {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}

/** The records on this device. Every write returns {ok: true} or {ok: false, reason: "full" | "blocked"}. */
export function recordStore() {
  const storage = safeStorage();
  migrateLegacy(storage);
  const write = (key, value) => {
    if (!storage) return { ok: false, reason: "blocked" };
    try {
      storage.setItem(key, value);
      return { ok: true };
    } catch (error) {
      console.warn("IJkpunt: niet bewaard op dit apparaat", error);
      return { ok: false, reason: isQuotaError(error) ? "full" : "blocked" };
    }
  };
  return {
    /** Every readable record, newest change first; `broken` counts records that could not be read (kept as they are). */
    list() {
      const records = [];
      let broken = 0;
      for (const key of keys(storage)) {
        const record = read(storage, key);
        if (record) records.push(record);
        else broken += 1;
      }
      records.sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
      return { records, broken };
    },
    get: (id) => (storage ? read(storage, PREFIX + id) : null),
    put(record) {
      return write(PREFIX + record.id, JSON.stringify(record));
    },
    remove(id) {
      if (!storage) return { ok: false, reason: "blocked" };
      storage.removeItem(PREFIX + id);
      return { ok: true };
    },
    /** The draft of this checklist changed last (not finished, or changed after its export), or null. */
    latestDraft(checklistId) {
      return this.list().records.find((r) => r.checklist?.id === checklistId && status(r) !== "finished") ?? null;
    },
  };
}

/** The words for a record's status and for a failed write (keys of the page's strings). */
export const STATUS_TEXT = { draft: "js.draft.status.draft", finished: "js.draft.status.finished", changed: "js.draft.status.changed" };
export const STORAGE_TEXT = { full: "js.my.storage_full", blocked: "js.my.storage_blocked" };

/** "draft", "finished", or "changed" (edited after it was exported). */
export function status(record) {
  if (!record.exported) return "draft";
  return String(record.updated_at) > String(record.exported_at) ? "changed" : "finished";
}

/** A record for a new evaluation of `checklist` ({id, version, content_hash}). */
export function newRecord(checklist, values = {}) {
  const identity = newIdentity();
  return {
    ...identity,
    updated_at: identity.created_at,
    checklist,
    values,
    summary: null,
    exported: null,
    exported_at: null,
  };
}

/** The form values of an exported evaluation (its answers and metadata), to review or finish it. */
export function valuesOf(evaluation) {
  const values = {};
  for (const name of ["mode", "evaluator", "agent", "team", "department", "contact_date", "notes"]) {
    if (evaluation[name] != null) values[name] = String(evaluation[name]);
  }
  for (const [id, answer] of Object.entries(evaluation.answers || {})) {
    const choice = answer.na ? "na" : answer.option ?? (answer.grade != null ? String(answer.grade) : null);
    if (choice !== null) values[`answer:${id}`] = choice;
    if (answer.comment) values[`comment:${id}`] = answer.comment;
  }
  for (const id of evaluation.critical_errors || []) values[`critical:${id}`] = "ja"; // the box's value on the form
  if (typeof evaluation.relationship === "string") values.relationship = evaluation.relationship;
  if (evaluation.outcome) {
    values.outcome = evaluation.outcome.result;
    if (evaluation.outcome.transfers) values.transfers = String(evaluation.outcome.transfers);
  }
  return values;
}

function safeStorage() {
  try {
    return window.localStorage ?? null;
  } catch {
    return null; // reading localStorage itself throws when storage is blocked
  }
}

function keys(storage) {
  if (!storage) return [];
  const found = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key && key.startsWith(PREFIX)) found.push(key);
  }
  return found;
}

function read(storage, key) {
  const saved = storage.getItem(key);
  if (!saved) return null;
  try {
    const record = JSON.parse(saved);
    return record && typeof record === "object" && record.id && record.values ? record : null;
  } catch (error) {
    console.warn("IJkpunt: een bewaarde beoordeling is onleesbaar en blijft ongewijzigd staan", key, error);
    return null;
  }
}

// Earlier versions kept one draft per checklist and the exports apart: move them into records once. A legacy key
// is removed only after its record was written.
function migrateLegacy(storage) {
  if (!storage) return;
  for (let i = storage.length - 1; i >= 0; i -= 1) {
    const key = storage.key(i);
    if (!key || !key.startsWith(LEGACY_DRAFT)) continue;
    try {
      const draft = JSON.parse(storage.getItem(key));
      if (draft?.id && draft?.created_at) {
        const checklist = { id: key.slice(LEGACY_DRAFT.length), version: null, content_hash: null };
        const record = {
          ...newRecord(checklist),
          id: draft.id,
          created_at: draft.created_at,
          updated_at: draft.created_at,
          values: draft.values ?? valuesOf(draft),
        };
        if (!storage.getItem(PREFIX + draft.id)) storage.setItem(PREFIX + draft.id, JSON.stringify(record));
      }
      storage.removeItem(key);
    } catch (error) {
      console.warn("IJkpunt: oud concept niet overgezet; het blijft staan", key, error);
    }
  }
  const exported = storage.getItem(LEGACY_EXPORTS);
  if (!exported) return;
  try {
    for (const evaluation of Object.values(JSON.parse(exported) || {})) {
      if (!evaluation?.id || storage.getItem(PREFIX + evaluation.id)) continue;
      const record = {
        ...newRecord({ ...evaluation.checklist }, valuesOf(evaluation)),
        id: evaluation.id,
        created_at: evaluation.created_at,
        summary: { quality: evaluation.scores?.quality ?? null, complete: Boolean(evaluation.scores?.complete) },
        exported: evaluation,
      };
      record.exported_at = record.updated_at;
      storage.setItem(PREFIX + evaluation.id, JSON.stringify(record));
    }
    storage.removeItem(LEGACY_EXPORTS);
  } catch (error) {
    console.warn("IJkpunt: oude exports niet overgezet; ze blijven staan", error);
  }
}
