"""Start-up benchmark of the scoring form (kcc-telefoon) and the calibration pages in Chromium.

Measures, relative to navigation start (the page's `performance.now()`):

* first input   — a radio button is clicked as soon as Playwright can; the time the page's
                  `input`/`change` listener runs (installed before any page script) is recorded;
* python ready  — `<html data-python>` flips to "ready" (MutationObserver, installed the same way);
* first score   — the first live score is written into the page (form only; informational);
* DOMContentLoaded — from the navigation timing entry (informational: what the first input waits on).

The same figures are taken for a session participant's page (kalibratie-telefoon, opened from a session link
with three contacts) and for the facilitator's results page, where the benchmark pastes the result codes of
12 participants × 4 contacts as soon as Python is ready and adds:

* statistics    — the figures are on the page (ms from navigation start);
* combine       — from the click on "Resultaten berekenen" to the figures (decode, statistics, tables).

The same figures are taken for a FLOOR page: a blank same-origin page whose module worker boots the
same Pyodide runtime from public/pyodide/ with the same lockFileURL and packages, imports pydantic and
validates one tiny model, then flips `data-python` to "ready". form ready / floor ready is the
overhead the form adds on top of what the runtime itself costs.

cold = a fresh browser context (empty HTTP cache) per run; warm = a second navigation in that same
context (HTTP cache primed), from about:blank after the same settling pause as before the cold one. Both with
the service worker blocked, so that they measure the HTTP cache alone.

repeat = the repeat visit of an evaluator who has been here before, for the form only: in another fresh context
of the same run, with the service worker allowed, a cold visit ("cold+sw", which also shows that registering
the worker does not slow the first visit), then, once the worker has kept the whole site (the footer says so),
a navigation with the network off: page, runtime, wheels and checklist all come from the service worker's
cache. repeat / cold is reported per run (target ≤ 0.3).
By default every run gets a fresh on-disk profile (launch_persistent_context), because Playwright's
usual off-the-record context keeps its HTTP cache in memory and Chromium's in-memory cache refuses
entries above 1/8 of its size: pyodide.asm.wasm (9.6 MB) would be downloaded and compiled again on
every "warm" run. `--cache memory` measures that variant. Every file in the served copy is given an
age of one day, so that Chromium's heuristic freshness (no Cache-Control is sent) does not depend on
when public/ was built.

It is a benchmark, not a test: it always exits 0.

    .venv/bin/python bench/form_startup.py [--runs 5] [--cache disk|memory] [--json PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, sync_playwright

from ijkpunt.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "public"
FORM_PATH = "scoren/kcc-telefoon/"
KIT = "kalibratie-telefoon"
SESSION_CONTACTS = "herhaalde-melding-lantaarnpaal,paspoort-afspraak-gezin,wmo-aanvraag-hulp-in-huis"
SESSION_PATH = f"kalibreren/{KIT}/deelnemen/#contacten={SESSION_CONTACTS}"
RESULTS_PATH = f"kalibreren/{KIT}/resultaten/"
PARTICIPANTS = 12
FLOOR_DIR = "_bench/floor"  # two levels deep, like assets/ijkpunt/, so ../../pyodide/ is the same runtime
FLOOR_PATH = f"{FLOOR_DIR}/floor.html"

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CONTEXT_OPTIONS: dict[str, Any] = {
    "locale": "nl-NL",
    "viewport": {"width": 1280, "height": 900},
    "service_workers": "block",  # cold and warm: the HTTP cache alone; the repeat visit allows it
}
REPEAT_TARGET = 0.3
REPEAT_PAGES = ("form",)
KEPT_OFFLINE = '#ijk-offline-status [data-offline-state="ready"]'
"""The footer line the site shows once its service worker has kept every file (assets/ijkpunt/offline.js)."""
FILE_AGE_S = 24 * 3600
SETTLE_MS = 500
READY_TIMEOUT_MS = 90_000
FIRST_INPUT_TARGET_MS = 300.0
INPUT_RATIO_TARGET = 1.25
OVERHEAD_TARGET = 0.25

# Runs before any script of the page (Playwright's add_init_script), so performance.now() is relative to
# navigation start. The draft in localStorage is cleared so that the first radio is unchecked on every
# navigation (a warm run would otherwise restore the previous click and the click would change nothing).
INIT_SCRIPT = r"""
(() => {
  try { localStorage.clear(); } catch (e) {}
  const bench = (window.__bench = { input: null, inputStamp: null, ready: null, error: null,
                                    score: null, states: [] });
  const onInput = (event) => {
    if (bench.input === null) { bench.input = performance.now(); bench.inputStamp = event.timeStamp; }
  };
  addEventListener("input", onInput, true);
  addEventListener("change", onInput, true);
  // documentElement does not exist yet when this runs: watch the document (subtree) instead
  const watchPython = () => {
    const root = document.documentElement;
    const state = root && root.dataset.python;
    if (!state || bench.states[bench.states.length - 1] === state) return;
    bench.states.push(state);
    if (state === "ready" && bench.ready === null) bench.ready = performance.now();
    if (state === "error" && bench.error === null) bench.error = performance.now();
  };
  new MutationObserver(watchPython).observe(document, { attributes: true, attributeFilter: ["data-python"],
                                                       subtree: true });
  const watchScore = () => {
    const quality = document.getElementById("ijk-quality");
    if (!quality) return;
    new MutationObserver((records, observer) => {
      if (bench.ready !== null && bench.score === null) { bench.score = performance.now(); observer.disconnect(); }
    }).observe(quality, { attributes: true, attributeFilter: ["data-value"], childList: true, characterData: true,
                         subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchScore);
  else watchScore();
})();
"""

FLOOR_HTML = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>IJkpunt benchmark floor</title>
<link rel="icon" href="data:,">
</head>
<body>
<p><label><input type="radio" name="x" value="a"> a</label> <label><input type="radio" name="x" value="b"> b</label></p>
<script type="module" src="floor.js"></script>
</body>
</html>
"""

FLOOR_SCRIPT = """// Benchmark floor page: start the worker. A file of its own, as the form's scripts are: the site's
// Content-Security-Policy, which `ijkpunt serve` also sends here, allows no inline script.
const root = document.documentElement;
root.dataset.python = "loading";
const worker = new Worker(new URL("./floor-worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  root.dataset.python = data.ok ? "ready" : "error";
  if (!data.ok) console.error(data.error);
};
worker.onerror = (event) => { event.preventDefault(); root.dataset.python = "error"; };
worker.postMessage({ type: "init" });
"""

FLOOR_WORKER = """// Benchmark floor: the same runtime, lock file and packages as assets/ijkpunt/worker.js, nothing else
// but the first pydantic call.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const runtime = new URL("../../pyodide/", import.meta.url);

self.onmessage = async () => {
  try {
    const pyodide = await loadPyodide({
      indexURL: runtime.href,
      packageBaseUrl: runtime.href,
      lockFileURL: new URL("pyodide-lock.json", runtime).href,
      packages: ["ijkpunt-core"],
    });
    const n = pyodide.runPython(`
import pydantic

class _Floor(pydantic.BaseModel):
    n: int

_Floor.model_validate({"n": "1"}).n
`);
    self.postMessage({ ok: true, result: n });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error && error.message ? error.message : error) });
  }
};
"""

ContextFactory = Callable[..., contextlib.AbstractContextManager[BrowserContext]]

PAGES = ("form", "session", "results", "floor")
# --anatomy: the form page taken apart, to show where its first input waits (derived from the built page)
ANATOMY = {
    "form-one-section": "the whole page, but only the first of the form's criterion sections",
    "form-no-chrome": "the form alone (all sections): no header, navigation, footer or theme scripts",
    "form-bare": "both: the form alone with its first section only",
    "form-unstyled": "the whole page without its stylesheets",
}
ALL_PAGES = (*PAGES, *ANATOMY)
PATHS = {
    "form": FORM_PATH,
    "session": SESSION_PATH,
    "results": RESULTS_PATH,
    "floor": FLOOR_PATH,
    **{name: f"_bench/{name}/" for name in ANATOMY},  # two levels deep, like the form: its relative links hold
}
MODES = ("cold", "warm", "cold+sw", "repeat")
METRICS = ("dcl", "input", "ready", "score", "stats", "combine")
METRIC_LABELS = {
    "dcl": "DOMContentLoaded",
    "input": "first input",
    "ready": "python ready",
    "score": "first score",
    "stats": "statistics",
    "combine": "combine",
}


@dataclass
class Results:
    # samples[page][mode][metric] -> one value (ms) per completed run
    samples: dict[str, dict[str, dict[str, list[float]]]] = field(
        default_factory=lambda: {p: {m: {k: [] for k in METRICS} for m in MODES} for p in ALL_PAGES}
    )
    # ready_by_run[page][mode][run] -> python ready (ms), to pair form and floor of the same run
    ready_by_run: dict[str, dict[str, dict[int, float]]] = field(
        default_factory=lambda: {p: {m: {} for m in MODES} for p in ALL_PAGES}
    )
    failures: list[str] = field(default_factory=list)


def prepare_site(tmp: Path) -> Path:
    """A same-origin copy of public/ with the floor page and the --anatomy pages added (public/ is left alone)."""
    if not (PUBLIC / FORM_PATH / "index.html").exists():
        print("public/ is not built: running `ijkpunt build --out public` ...", flush=True)
        subprocess.run([str(ROOT / ".venv/bin/ijkpunt"), "build", "--out", str(PUBLIC)], cwd=ROOT, check=True)
    site = tmp / "site"
    shutil.copytree(PUBLIC, site)
    floor = site / FLOOR_DIR
    floor.mkdir(parents=True)
    (floor / "floor.html").write_text(FLOOR_HTML, encoding="utf-8")
    (floor / "floor.js").write_text(FLOOR_SCRIPT, encoding="utf-8")
    (floor / "floor-worker.js").write_text(FLOOR_WORKER, encoding="utf-8")
    # The server sends Last-Modified and no Cache-Control, so browsers cache heuristically (10% of the file's
    # age). Give every file the same age, a day, so that warm runs do not depend on when public/ was built.
    stamp = time.time() - FILE_AGE_S
    form = (site / FORM_PATH / "index.html").read_text(encoding="utf-8")
    for name, page in anatomy(form).items():
        (site / PATHS[name]).mkdir(parents=True)
        (site / PATHS[name] / "index.html").write_text(page, encoding="utf-8")
    for path in site.rglob("*"):
        os.utime(path, (stamp, stamp))
    return site


def _between(text: str, start: str, end: str, name: str) -> tuple[int, int]:
    """Where `start`…`end` (inclusive) is in the built form page; a missing marker is a clear error."""
    first = text.find(start)
    last = text.find(end, first + 1) if first >= 0 else -1
    if first < 0 or last < 0:
        raise SystemExit(f"bench: the built form page has no {name} ({start!r} … {end!r}): update ANATOMY's markers")
    return first, last + len(end)


def anatomy(form: str) -> dict[str, str]:
    """The --anatomy pages, cut from the built form page: the same head (stylesheets, policy), the same form markup
    and the form's own scripts, so that each one differs from the page as built in one respect only."""
    first_section = form.find('<section class="ijk-section"')
    rest_start = form.find('<section class="ijk-section"', first_section + 1)
    if first_section < 0 or rest_start < 0:
        raise SystemExit("bench: the built form page has fewer than two criterion sections")
    _, form_end = _between(form, '<form id="ijk-form"', "</form>", "scoring form")
    rest_end = form_end - len("</form>")
    one_section = form[:rest_start] + form[rest_end:]

    def no_chrome(page: str) -> str:
        head_end, _ = _between(page, "<body", ">", "body")
        article = page[slice(*_between(page, "<article", "</article>", "article"))]
        strings_tag = '<script type="application/json" id="ijk-strings">'
        strings = page[slice(*_between(page, strings_tag, "</script>", "strings"))]
        return (
            page[:head_end]
            + '<body dir="ltr"><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
            + f'<div class="md-content">{article}</div></div></main></div>{strings}'
            + '<script src="../../assets/ijkpunt/scoring-form.js" type="module" async></script></body></html>\n'
        )

    unstyled = re.sub(r'<link rel="stylesheet"[^>]*>', "", form)
    if unstyled == form:
        raise SystemExit('bench: the built form page links no stylesheet (<link rel="stylesheet" …>)')
    return {
        "form-one-section": one_section,
        "form-no-chrome": no_chrome(form),
        "form-bare": no_chrome(one_section),
        "form-unstyled": unstyled,
    }


def session_codes(count: int = PARTICIPANTS) -> str:
    """Result codes of `count` participants who scored all four contacts of the kit, differing at random."""
    import random

    from ijkpunt.project import load_project
    from ijkpunt_core.evaluation import Answer
    from ijkpunt_core.result_code import ResultContact, encode, layout

    folder = next(k for k in load_project(ROOT).kits if k.kit.id == KIT)
    assert folder.checklist is not None
    kit_layout = layout(folder.kit, folder.checklist)
    rnd = random.Random(7)
    codes = []
    for n in range(count):
        contacts = []
        for contact in folder.kit.contacts:
            answers = {}
            for slot in kit_layout.criteria:
                choices = [Answer(option=str(v)) for v in slot.values] + [Answer(na=True)] * slot.na_allowed
                answers[slot.id] = rnd.choice(choices)
            contacts.append(ResultContact(contact=contact, answers=answers))
        codes.append(f"[10:{n:02d}] Deelnemer {n + 1}: " + encode(kit_layout, f"D{n + 1}", contacts))
    return "\n".join(codes)


def measure(page: Page, url: str, codes: str | None = None) -> dict[str, float | None]:
    """One navigation: click the first radio as early as possible, wait for python=ready (and a score).

    With `codes` (the results page) there is no radio: paste the codes once Python is ready and combine them.
    """
    page.goto(url, wait_until="commit")
    if codes is not None:
        page.wait_for_function("() => document.documentElement.dataset.python === 'ready'", timeout=READY_TIMEOUT_MS)
        page.locator("#ijk-codes").fill(codes)
        clicked = page.evaluate(
            """() => { window.__bench.combineStart = performance.now();
                       document.getElementById("ijk-combine").click(); return window.__bench.combineStart; }"""
        )
        page.locator("#ijk-results").wait_for(state="visible", timeout=READY_TIMEOUT_MS)
        shown = page.evaluate("() => performance.now()")
        bench = page.evaluate("() => window.__bench")
        dcl = page.evaluate("() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? null")
        return {"dcl": dcl, "ready": bench["ready"], "stats": shown, "combine": shown - clicked}
    # the first answer of the page's own content: the theme's colour-scheme toggle holds radios too (.md-option)
    page.locator("input[type=radio]:not(.md-option)").first.click(timeout=READY_TIMEOUT_MS)
    page.wait_for_function(
        "() => window.__bench && (window.__bench.ready !== null || window.__bench.error !== null)",
        timeout=READY_TIMEOUT_MS,
    )
    bench: dict[str, Any] = page.evaluate("() => window.__bench")
    if bench["error"] is not None:
        status = page.evaluate("() => (document.getElementById('ijk-status') || {}).textContent || ''")
        raise RuntimeError(f"data-python=error at {bench['error']:.0f} ms: {status.strip()[:200]}")
    if page.locator("#ijk-quality").count():
        try:
            page.wait_for_function("() => window.__bench.score !== null", timeout=15_000)
            bench = page.evaluate("() => window.__bench")
        except Exception:  # a missing first score is reported as "—", not fatal
            pass
    dcl = page.evaluate("() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? null")
    return {"dcl": dcl, "input": bench["input"], "ready": bench["ready"], "score": bench["score"]}


def record(results: Results, name: str, mode: str, run: int, figures: dict[str, float | None]) -> None:
    for metric, value in figures.items():
        if value is not None:
            results.samples[name][mode][metric].append(float(value))
    if figures["ready"] is not None:
        results.ready_by_run[name][mode][run] = float(figures["ready"])
    shown = "  ".join(f"{METRIC_LABELS[m]} {figures[m]:7.0f}" for m in METRICS if figures.get(m) is not None)
    print(f"  run {run} {name:7} {mode}: {shown}  ms", flush=True)


def run_repeat(new_context: ContextFactory, base: str, name: str, results: Results, run: int) -> None:
    """A first visit with the service worker allowed, then the repeat visit with the network off."""
    url = base + PATHS[name]
    with new_context(service_workers="allow") as context:
        context.add_init_script(INIT_SCRIPT)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto("about:blank")
        page.wait_for_timeout(SETTLE_MS)
        try:
            record(results, name, "cold+sw", run, measure(page, url))
            started = time.perf_counter()
            page.locator(KEPT_OFFLINE).wait_for(state="visible", timeout=READY_TIMEOUT_MS)
            kept = time.perf_counter() - started
            page.goto("about:blank")
            page.wait_for_timeout(SETTLE_MS)
            context.set_offline(True)
            figures = measure(page, url)
        except Exception as error:
            results.failures.append(f"run {run} {name} repeat: {error}")
            print(f"  run {run} {name:7} repeat: FAILED ({error})", flush=True)
            return
        print(f"  run {run} {name:7} (site kept offline {kept:.1f} s after the first visit's measurement)", flush=True)
        record(results, name, "repeat", run, figures)


def run_page(new_context: ContextFactory, base: str, name: str, results: Results, run: int, codes: str) -> None:
    url = base + PATHS[name]
    with new_context() as context:
        context.add_init_script(INIT_SCRIPT)
        page = context.pages[0] if context.pages else context.new_page()
        # let a freshly launched browser finish its own start-up before the clock starts
        page.goto("about:blank")
        page.wait_for_timeout(SETTLE_MS)
        for mode in MODES[:2]:  # cold: fresh context; warm: second navigation in the same context
            if mode == "warm":
                # a second visit, not a navigation while the first page still works after its ready flag (the
                # form loads its theme then): leave it, and let the browser settle as before the cold run
                page.goto("about:blank")
                page.wait_for_timeout(SETTLE_MS)
            try:
                figures = measure(page, url, codes if name == "results" else None)
            except Exception as error:
                results.failures.append(f"run {run} {name} {mode}: {error}")
                print(f"  run {run} {name:7} {mode}: FAILED ({error})", flush=True)
                return
            record(results, name, mode, run, figures)


def summary(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def fmt(stats: dict[str, float] | None) -> str:
    if stats is None:
        return "—"
    return f"{stats['median']:6.0f} [{stats['min']:.0f}–{stats['max']:.0f}]"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "ABOVE TARGET"


def repeat_ratios(results: Results) -> dict[str, dict[str, dict[str, Any] | None] | None]:
    """python ready of the repeat visit (service-worker cache) over the cold visit, per page: the ratio of the
    medians, the range of the per-run ratios, and the verdict against REPEAT_TARGET."""
    found: dict[str, dict[str, dict[str, Any] | None] | None] = {}
    for name in REPEAT_PAGES:
        repeat_runs = results.ready_by_run[name]["repeat"]
        if not repeat_runs:
            found[name] = None
            continue
        found[name] = {}
        for against in ("cold+sw", "cold"):
            cold_runs = results.ready_by_run[name][against]
            paired = [repeat_runs[run] / cold_runs[run] for run in repeat_runs if run in cold_runs]
            if not paired:
                found[name][against] = None  # type: ignore[index]
                continue
            ratio = statistics.median(repeat_runs.values()) / statistics.median(cold_runs.values())
            found[name][against] = {  # type: ignore[index]
                "ratio": ratio,
                "paired_min": min(paired),
                "paired_max": max(paired),
                "pass": ratio <= REPEAT_TARGET,
            }
    return found


def report(
    results: Results, runs: int, chromium: str, cache: str, load: tuple[float, float], elapsed: float
) -> dict[str, Any]:
    stats = {p: {m: {k: summary(results.samples[p][m][k]) for k in METRICS} for m in MODES} for p in ALL_PAGES}
    ratios: dict[str, dict[str, dict[str, Any] | None]] = {}
    for page_name in PAGES[:-1]:
        ratios[page_name] = {}
        for mode in MODES[:2]:
            form, floor = stats[page_name][mode]["ready"], stats["floor"][mode]["ready"]
            if form is None or floor is None:
                ratios[page_name][mode] = None
                continue
            ratio = form["median"] / floor["median"]
            form_runs, floor_runs = results.ready_by_run[page_name][mode], results.ready_by_run["floor"][mode]
            paired = [form_runs[run] / floor_runs[run] for run in form_runs if run in floor_runs] or [ratio]
            ratios[page_name][mode] = {
                "ratio": ratio,
                "overhead_pct": (ratio - 1) * 100,
                "paired_min": min(paired),
                "paired_max": max(paired),
                "pass": ratio - 1 <= OVERHEAD_TARGET,
            }
    repeat = repeat_ratios(results)

    # issue 5: the form's first input at most 1.25× the blank floor page's, cold and warm (medians of the same run)
    def input_ratio(name: str, mode: str) -> float | None:
        page, floor = stats[name][mode]["input"], stats["floor"][mode]["input"]
        return page["median"] / floor["median"] if page and floor else None

    input_ratios = {mode: input_ratio("form", mode) for mode in MODES[:2]}
    # --anatomy: the same ratio for each part-page, to show what the form would gain by dropping that part
    anatomy_ratios = {
        name: {mode: input_ratio(name, mode) for mode in MODES[:2]} for name in ANATOMY if stats[name]["cold"]["input"]
    }
    first_input_pass = {
        mode: (s["median"] < FIRST_INPUT_TARGET_MS) if (s := stats["form"][mode]["input"]) else None for mode in MODES
    }

    measured = [name for name in ALL_PAGES if any(results.samples[name]["cold"].values())]
    name_width = 1 + max((len(name) for name in measured), default=7)
    width = max(30, name_width + max(len(label) for label in METRIC_LABELS.values()))
    print()
    print(f"IJkpunt start-up — {FORM_PATH}, a session participant, the results page ({PARTICIPANTS} participants × 4")
    print(f"contacts) vs floor, {chromium}, {cache} HTTP cache, {runs} runs")
    print(
        f"{os.cpu_count()} CPUs, load average {load[0]:.2f} before, {load[1]:.2f} after (other work skews the figures)"
    )
    print("all times in ms from navigation start: median [min–max]")
    print()
    print(f"{'':{width}}" + "".join(f"{mode:>26}" for mode in MODES))
    for page_name in ALL_PAGES:
        for metric in METRICS:
            row = [stats[page_name][m][metric] for m in MODES]
            if all(s is None for s in row):
                continue
            label = f"{page_name:<{name_width}}{METRIC_LABELS[metric]}"
            line = f"{label:{width}}" + "".join(f"{fmt(s):>26}" for s in row)
            if page_name == "form" and metric == "input":
                marks = ", ".join(f"{m} {verdict(ok)}" for m, ok in first_input_pass.items() if ok is not None)
                line += f"   target < {FIRST_INPUT_TARGET_MS:.0f} ms: {marks}"
            print(line)
    print()
    for mode, value in input_ratios.items():
        label = f"first input form/floor {mode}"
        if value is None:
            print(f"{label:{width}}  —")
            continue
        print(f"{label:{width}}{value:>8.2f}   target ≤ {INPUT_RATIO_TARGET}: {verdict(value <= INPUT_RATIO_TARGET)}")
    for name, by_mode in anatomy_ratios.items():
        shown = "   ".join(f"{mode} {value:.2f}" for mode, value in by_mode.items() if value is not None)
        print(f"{'first input ' + name + '/floor':{width}}  {shown}   ({ANATOMY[name]})")
    for page_name, by_mode in ratios.items():
        for mode, r in by_mode.items():
            label = f"ready {page_name}/floor {mode}"
            if r is None:
                print(f"{label:{width}}  —")
                continue
            print(
                f"{label:{width}}{r['ratio']:>8.2f}  overhead {r['overhead_pct']:+5.1f}%"
                f"  (per-run {r['paired_min']:.2f}–{r['paired_max']:.2f})"
                f"   target ≤ {OVERHEAD_TARGET * 100:.0f}%: {verdict(r['pass'])}"
            )
    print()
    for page_name, r in repeat.items():
        if r is None:
            print(f"{'ready ' + page_name + ' repeat/cold':{width}}  —")
            continue
        for against in ("cold+sw", "cold"):
            ratio = r[against]
            if ratio is None:
                continue
            label = f"ready {page_name} repeat/{against}"
            print(
                f"{label:{width}}{ratio['ratio']:>8.2f}  (per-run {ratio['paired_min']:.2f}–{ratio['paired_max']:.2f})"
                f"   target ≤ {REPEAT_TARGET}: {verdict(ratio['pass'])}"
            )
    if results.failures:
        print()
        print(f"{len(results.failures)} failed measurement(s):")
        for failure in results.failures:
            print(f"  {failure}")
    print()
    print(f"total benchmark time {elapsed:.1f} s")

    return {
        "page": FORM_PATH,
        "runs": runs,
        "browser": chromium,
        "cache": cache,
        "cpus": os.cpu_count(),
        "load_average_1min": {"before": load[0], "after": load[1]},
        "platform": platform.platform(),
        "unit": "ms from navigation start",
        "first_input_ratios": input_ratios,
        "anatomy_first_input_ratios": anatomy_ratios,
        "targets": {
            "input_ratio": INPUT_RATIO_TARGET,
            "first_input_ms": FIRST_INPUT_TARGET_MS,
            "overhead": OVERHEAD_TARGET,
            "repeat": REPEAT_TARGET,
        },
        "samples": results.samples,
        "stats": stats,
        "ready_ratio": ratios,
        "repeat_ratio": repeat,
        "first_input_pass": first_input_pass,
        "failures": results.failures,
        "elapsed_s": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="cold+warm runs per page (default 5)")
    parser.add_argument(
        "--cache",
        choices=("disk", "memory"),
        default="disk",
        help="disk (default): each run gets a fresh on-disk profile, like a real browser; "
        "memory: Playwright's off-the-record context, whose in-memory HTTP cache cannot hold pyodide.asm.wasm",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    parser.add_argument(
        "--pages",
        default=",".join(PAGES),
        help=f"comma-separated subset of {','.join(ALL_PAGES)} (default: {','.join(PAGES)})",
    )
    parser.add_argument(
        "--anatomy",
        action="store_true",
        help="measure the form and the floor with the form taken apart (" + ", ".join(ANATOMY) + ")",
    )
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    pages = ["form", *ANATOMY, "floor"] if args.anatomy else args.pages.split(",")
    unknown = sorted(set(pages) - set(ALL_PAGES))
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}: choose from {', '.join(ALL_PAGES)}")

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ijkpunt-bench-") as tmp:
        site = prepare_site(Path(tmp))
        codes = session_codes()
        server = make_server(site, port=0, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        host, port = server.server_address[:2]
        base = f"http://{host!s}:{port}/"
        results = Results()
        launch: dict[str, Any] = {"args": CHROMIUM_ARGS}
        if DEBIAN_CHROMIUM.exists():
            launch["executable_path"] = str(DEBIAN_CHROMIUM)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**launch)
                chromium = f"Chromium {browser.version}"
                if args.cache == "disk":  # only needed for its version: each run launches its own profile
                    browser.close()

                @contextlib.contextmanager
                def new_context(**overrides: Any) -> Iterator[BrowserContext]:
                    options = {**CONTEXT_OPTIONS, **overrides}
                    if args.cache == "memory":
                        context = browser.new_context(**options)
                    else:
                        profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
                        context = playwright.chromium.launch_persistent_context(profile, **launch, **options)
                    try:
                        yield context
                    finally:
                        context.close()

                print(f"{chromium} at {base}, {runs} runs, {args.cache} HTTP cache", flush=True)
                try:
                    for run in range(1, runs + 1):
                        # alternate the order so that drift (thermal, other load) hits both pages alike
                        chosen = tuple(p for p in ALL_PAGES if p in pages)
                        order = chosen if run % 2 else tuple(reversed(chosen))
                        for name in order:
                            run_page(new_context, base, name, results, run, codes)
                            if name in REPEAT_PAGES:
                                run_repeat(new_context, base, name, results, run)
                finally:
                    if browser.is_connected():
                        browser.close()
        finally:
            server.shutdown()
            server.server_close()
    load = (load_before, os.getloadavg()[0])
    figures = report(results, runs, chromium, args.cache, load, time.perf_counter() - started)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
