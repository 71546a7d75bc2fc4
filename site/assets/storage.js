// Keeps the form's draft in localStorage so that a reload never loses work.
// Stored shape: {id, created_at, values: {input name: string}} under `ijkpunt:draft:<checklist id>`.

export function newIdentity() {
  return { id: crypto.randomUUID(), created_at: new Date().toISOString() };
}

export function draftStore(checklistId) {
  const key = `ijkpunt:draft:${checklistId}`;
  return {
    /** The stored draft, or a fresh identity with no values. */
    load() {
      const saved = localStorage.getItem(key);
      if (!saved) return { ...newIdentity(), values: {} };
      let draft;
      try {
        draft = JSON.parse(saved);
      } catch (error) {
        console.warn("IJkpunt: bewaarde invoer is onleesbaar en wordt niet gebruikt", error);
        return { ...newIdentity(), values: {} };
      }
      if (!draft || !draft.id || !draft.created_at) return { ...newIdentity(), values: {} };
      const values = draft.values ?? legacyValues(draft);
      return { id: draft.id, created_at: draft.created_at, values };
    },
    save(draft) {
      localStorage.setItem(key, JSON.stringify(draft));
    },
    clear() {
      localStorage.removeItem(key);
    },
  };
}

// Drafts kept before version 0.2 stored the draft model itself; read them back as form values.
function legacyValues(draft) {
  const values = {};
  for (const name of ["mode", "evaluator", "agent", "team", "department", "contact_date", "notes"]) {
    if (draft[name] != null) values[name] = String(draft[name]);
  }
  for (const [id, answer] of Object.entries(draft.answers || {})) {
    const choice = answer.na ? "na" : answer.option ?? (answer.grade != null ? String(answer.grade) : null);
    if (choice !== null) values[`answer:${id}`] = choice;
    if (answer.comment) values[`comment:${id}`] = answer.comment;
  }
  if (draft.relationship != null) values.relationship = draft.relationship ? "ja" : "nee";
  if (draft.outcome) {
    values.outcome = draft.outcome.result;
    if (draft.outcome.transfers) values.transfers = String(draft.outcome.transfers);
  }
  return values;
}

/**
 * Every evaluation exported from this browser, by id (exporting again replaces it), for "export all".
 * A full or blocked storage is reported to the caller, never ignored.
 */
export function exportStore() {
  const key = "ijkpunt:exports";
  const load = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (error) {
      console.warn("IJkpunt: de bewaarde exports zijn onleesbaar", error);
      return {};
    }
  };
  return {
    /** Keep one exported evaluation; false when the browser's storage refused it (full or blocked). */
    add(evaluation) {
      try {
        localStorage.setItem(key, JSON.stringify({ ...load(), [evaluation.id]: evaluation }));
        return true;
      } catch (error) {
        console.warn("IJkpunt: export niet bewaard in de browser", error);
        return false;
      }
    },
    all: () => Object.values(load()),
  };
}
