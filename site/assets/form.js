// Scoring-form glue: reads the form into a draft, keeps it in localStorage,
// asks the Python core (in a worker) for scores and shows them, exports JSON.
// No scoring rule lives here: every number shown comes from Python.

let percent = null; // made at the first score: creating it costs start-up time before the first input

const form = document.getElementById("ijk-form");
if (form) start(form);

function start(form) {
  const root = document.documentElement;
  const status = document.getElementById("ijk-status");
  const storageKey = `ijkpunt:draft:${form.dataset.checklistId}`;
  const state = { ready: false, sequence: 0, shown: 0 };
  // The page's inline script set data-python="loading" and runs the start-up watchdog.
  let identity = restore();
  setTimeout(saveDraft, 500); // the fresh identity is kept soon, not before the first input

  const fail = (message) => {
    if (root.dataset.python === "error") return; // the watchdog spoke first
    root.dataset.python = "error";
    status.dataset.state = "error";
    status.textContent = message;
  };

  let call = null; // set when the worker starts; used only once Python is ready
  const startWorker = () => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const pending = new Map();
    let nextId = 0;
    worker.onmessage = ({ data }) => {
      const waiter = pending.get(data.id);
      pending.delete(data.id);
      if (data.ok) waiter.resolve(data.result);
      else waiter.reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail("De rekenmodule kon niet starten. Waarschijnlijk levert de webserver .mjs-bestanden niet als " +
        "JavaScript (text/javascript) of ontbreken bestanden in de map pyodide/. Zie de README over het publiceren.");
    };
    return (type, payload) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, type, payload });
      });
  };

  const checklistUrl = new URL(form.dataset.checklistUrl, document.baseURI).href;
  const boot = () => {
    call = startWorker();
    return call("init", { checklistUrl })
      .then(() => {
        state.ready = true;
        root.dataset.python = "ready";
        status.dataset.state = "ready";
        status.textContent = "Klaar: de score wordt bijgewerkt terwijl je invult. Je invoer wordt in deze browser bewaard.";
        refresh();
      })
      .catch((error) => fail(describeStartError(error.message)));
  };
  // Starting and compiling the runtime competes for the two CPUs with the page's own start (and with the click
  // or key press that brings the first input): start it right after the first input, or 150 ms after load,
  // whichever comes first. (make bench: first input -15 to -20 %, Python ready within noise.)
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

  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  document.getElementById("ijk-export").addEventListener("click", exportEvaluation);
  document.getElementById("ijk-new").addEventListener("click", () => {
    if (!confirm("De huidige beoordeling wissen en een nieuwe beginnen?")) return;
    localStorage.removeItem(storageKey);
    form.reset();
    identity = newIdentity();
    saveDraft();
    refresh();
  });

  function onChange() {
    saveDraft();
    refresh();
  }

  function refresh() {
    toggleTransfers();
    if (!state.ready) return;
    const sequence = ++state.sequence;
    call("live", collect()).then((result) => {
      if (sequence < state.shown) return; // an older answer arriving late
      state.shown = sequence;
      showScores(result);
    }, (error) => fail(`Fout in de rekenregels: ${error.message}`));
  }

  async function exportEvaluation() {
    const problems = document.getElementById("ijk-problems");
    if (!state.ready) {
      showProblems(problems, ["De rekenregels zijn nog niet geladen; probeer het zo opnieuw."]);
      return;
    }
    const result = await call("export", collect());
    if (result.problems.length) {
      showProblems(problems, result.problems.map((p) => (p.code.startsWith("E6") ? `${fieldLabel(p.path)}: ` : "") + p.message));
      const field = form.elements[String(result.problems[0].path[0])];
      if (field && field.focus) field.focus();
      return;
    }
    problems.hidden = true;
    const text = JSON.stringify(result.evaluation, null, 2) + "\n";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = result.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = `Geëxporteerd als ${result.filename}.`;
  }

  function collect() {
    const data = new FormData(form);
    const text = (name) => String(data.get(name) || "").trim();
    const draft = {
      ...identity,
      mode: text("mode") || "monitoring",
      evaluator: text("evaluator"),
      agent: text("agent"),
      team: text("team"),
      department: text("department"),
      contact_date: text("contact_date") || null,
      answers: {},
      relationship: data.get("relationship") === null ? null : data.get("relationship") === "ja",
      outcome: null,
      notes: String(data.get("notes") || ""),
    };
    for (const fieldset of form.querySelectorAll("fieldset[data-scale-type]")) {
      const id = fieldset.dataset.criterion;
      const choice = data.get(`answer:${id}`);
      const comment = String(data.get(`comment:${id}`) || "");
      if (choice === null && !comment) continue;
      const answer = { comment };
      if (choice === "na") answer.na = true;
      else if (choice !== null && fieldset.dataset.scaleType === "grade") answer.grade = Number(choice);
      else if (choice !== null) answer.option = choice;
      draft.answers[id] = answer;
    }
    const outcome = data.get("outcome");
    if (outcome !== null) {
      draft.outcome = { result: outcome, transfers: outcome === "transferred" ? Number(data.get("transfers") || 1) : 0 };
    }
    return draft;
  }

  function saveDraft() {
    localStorage.setItem(storageKey, JSON.stringify(collect()));
  }

  function restore() {
    const saved = localStorage.getItem(storageKey);
    if (!saved) return newIdentity();
    let draft;
    try {
      draft = JSON.parse(saved);
    } catch (error) {
      console.warn("IJkpunt: bewaarde invoer is onleesbaar en wordt niet gebruikt", error);
      return newIdentity();
    }
    for (const name of ["mode", "evaluator", "agent", "team", "department", "contact_date", "notes"]) {
      if (form.elements[name] && draft[name] != null) form.elements[name].value = draft[name];
    }
    for (const [id, answer] of Object.entries(draft.answers || {})) {
      const value = answer.na ? "na" : answer.option ?? (answer.grade != null ? String(answer.grade) : null);
      check(`answer:${id}`, value);
      if (form.elements[`comment:${id}`]) form.elements[`comment:${id}`].value = answer.comment || "";
    }
    if (draft.relationship != null) check("relationship", draft.relationship ? "ja" : "nee");
    if (draft.outcome) {
      check("outcome", draft.outcome.result);
      if (draft.outcome.transfers) form.elements.transfers.value = draft.outcome.transfers;
    }
    return draft.id && draft.created_at ? { id: draft.id, created_at: draft.created_at } : newIdentity();
  }

  function check(name, value) {
    if (value === null) return;
    const input = form.querySelector(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
    if (input) input.checked = true;
  }

  function toggleTransfers() {
    form.querySelector(".ijk-transfers").hidden = form.elements.outcome.value !== "transferred";
  }
}

function newIdentity() {
  return { id: crypto.randomUUID(), created_at: new Date().toISOString() };
}

function titleOf(criterionId) {
  const title = document.querySelector(`#c-${CSS.escape(criterionId)} .ijk-title`);
  return title ? title.textContent : criterionId;
}

function formatPercent(value) {
  percent ??= new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return value === null ? "—" : `${percent.format(value)}%`;
}

function fieldLabel(path) {
  if (path[0] === "answers") return `Toelichting bij “${titleOf(path[1])}”`;
  const field = document.querySelector(`#ijk-form [name="${CSS.escape(String(path[0]))}"]`);
  const label = field && field.closest("label");
  return label ? label.firstChild.textContent.trim() : String(path[0]);
}

function showPrivacy(notices) {
  const list = document.getElementById("ijk-privacy");
  list.replaceChildren(...notices.map((notice) => {
    const item = document.createElement("li");
    item.textContent = `${fieldLabel(notice.path)}: ${notice.message}`;
    item.dataset.code = notice.code;
    return item;
  }));
  list.hidden = !notices.length;
}

function showScores({ scores, problems, privacy }) {
  showPrivacy(privacy);
  const quality = document.getElementById("ijk-quality");
  const missing = document.getElementById("ijk-missing");
  const knockout = document.getElementById("ijk-knockout");
  if (!scores) {
    quality.textContent = "—";
    quality.dataset.value = "";
    missing.textContent = problems.map((p) => p.message).join(" ");
    return;
  }
  quality.textContent = scores.complete && scores.quality === null ? "geen (alles n.v.t.)" : formatPercent(scores.quality);
  quality.dataset.value = scores.quality === null ? "" : String(scores.quality);
  const open = scores.missing.filter((id) => id !== "relationship" && id !== "outcome").length;
  const parts = [];
  if (open) parts.push(`${open} ${open === 1 ? "criterium" : "criteria"}`);
  if (scores.missing.includes("relationship")) parts.push("de relatievraag");
  if (scores.missing.includes("outcome")) parts.push("de uitkomst van het contact");
  missing.textContent = parts.length ? `Nog in te vullen: ${parts.join(", ")}.` : "Alles is ingevuld.";
  missing.title = scores.missing.map(titleOf).join("\n");

  knockout.hidden = !scores.knockouts.length;
  knockout.textContent = scores.knockouts.length
    ? `Knock-out: ${scores.knockouts.map((k) => `“${k.title}”`).join(", ")} niet voldaan, dus kwaliteitsscore 0` +
      (scores.quality_before_knockout !== null ? ` (zonder knock-out ${formatPercent(scores.quality_before_knockout)}).` : ".")
    : "";

  for (const section of scores.sections) {
    const target = document.querySelector(`[data-section-score="${CSS.escape(section.section)}"]`);
    if (target) {
      target.textContent = section.score !== null ? formatPercent(section.score) : `${section.answered}/${section.total} ingevuld`;
    }
  }

  const compliance = scores.compliance;
  const applicable = compliance.passed.length + compliance.failed.length;
  document.getElementById("ijk-compliance").textContent = applicable
    ? `${compliance.passed.length} van ${applicable} voldaan`
    : "—";
  const failed = document.getElementById("ijk-compliance-failed");
  failed.hidden = !compliance.failed.length;
  failed.textContent = compliance.failed.length ? `Niet voldaan: ${compliance.failed.map(titleOf).join(", ")}.` : "";
  document.getElementById("ijk-relationship").textContent =
    scores.relationship_kept === null ? "—" : scores.relationship_kept ? "ja" : "nee";
}

function showProblems(container, messages) {
  container.replaceChildren();
  const heading = document.createElement("p");
  heading.textContent = "Exporteren lukt nog niet:";
  const list = document.createElement("ul");
  for (const message of messages) {
    const item = document.createElement("li");
    item.textContent = message;
    list.append(item);
  }
  container.append(heading, list);
  container.hidden = false;
}

function describeStartError(message) {
  if (message.startsWith("wasm-mime:")) {
    return `De webserver levert pyodide.asm.wasm als '${message.slice(10)}' in plaats van 'application/wasm'. ` +
      "Stel dat MIME-type in (bij IIS: gebruik het meegeleverde web.config); tot dan kan het formulier niet rekenen.";
  }
  if (message.startsWith("wasm-missing:")) {
    return `De rekenmodule ontbreekt op de server (HTTP ${message.slice(13)}). Kopieer de hele map public/, inclusief pyodide/.`;
  }
  if (message.startsWith("packages:")) {
    return "Een bestand van de rekenregels kon niet worden geladen of is onderweg gewijzigd (de controle met de " +
      `sha256-hash uit pyodide-lock.json mislukte). Publiceer de map public/ opnieuw, in zijn geheel. (${message.slice(9)})`;
  }
  return `De rekenregels konden niet laden: ${message}`;
}
