"""Aggregation benchmark: `ijkpunt aggregate` on 100,000 evaluations beside DuckDB, and the dashboard on 10,000.

* CLI — `ijkpunt aggregate FILE.jsonl --json` end to end (start-up, reading, checking and rescoring every
  evaluation, the report), wall time and peak memory (the child's maximum resident set size);
* DuckDB — the same per-team mean quality score and per-criterion mean points from the same file, with
  the options' points joined from the checklists (a benchmark dependency only: it checks nothing);
* dashboard — the 10,000 file picked on the dashboard page in Chromium, from the pick to the figures.

The files are the shipped example set (examples/evaluaties-voorbeeld, 300 evaluations) repeated with new
ids, kept in .cache/bench/. It is a benchmark, not a test: it always exits 0. Targets (issue 8): CLI at
most 2× DuckDB, CLI peak memory at most 100 MB, dashboard at most 5 s for 10,000.

    .venv/bin/python bench/aggregate.py [--count 100000] [--dashboard-count 10000] [--skip-dashboard]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "examples" / "evaluaties-voorbeeld" / "alle-beoordelingen.jsonl"
CACHE = ROOT / ".cache" / "bench"
CLI_RATIO_TARGET = 2.0
MEMORY_TARGET_MB = 100
DASHBOARD_TARGET_S = 5.0
KEPT_OFFLINE = '#ijk-offline-status [data-offline-state="ready"]'


def data_file(count: int) -> Path:
    """`count` evaluations: the example set repeated, each with its own id (the aggregation refuses repeats)."""
    path = CACHE / f"evaluaties-{count}.jsonl"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    source = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    part = path.with_suffix(".part")
    with part.open("w", encoding="utf-8") as out:
        for n in range(count):
            evaluation = source[n % len(source)]
            evaluation["id"] = str(uuid.UUID(int=n + 1, version=4))
            out.write(json.dumps(evaluation, ensure_ascii=False) + "\n")
    part.replace(path)
    return path


def run_cli(path: Path) -> tuple[float, float, dict[str, object]]:
    """Wall seconds, peak MB and the report of one `ijkpunt aggregate` run."""
    command = [str(ROOT / ".venv" / "bin" / "ijkpunt"), "--project", str(ROOT), "aggregate", str(path), "--json"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024, json.loads(done.stdout)


def run_duckdb(path: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds for DuckDB's per-team and per-criterion means, and its per-team means (to check)."""
    import duckdb

    sys.path.insert(0, str(ROOT / "generator"))
    from ijkpunt.project import load_project

    project = load_project(ROOT)
    points = []
    for checklist in project.versions().values():
        for criterion in checklist.criteria():
            scale = checklist.scale_of(criterion)
            if criterion.kind != "quality" or not hasattr(scale, "options"):
                continue
            low, high = scale.min_points, scale.max_points
            points += [(checklist.id, criterion.id, o.id, 100 * (o.points - low) / (high - low)) for o in scale.options]
    # citizen surveys are reported apart, never in the quality figures (as the CLI does)
    surveys = ", ".join(f"'{c.id}'" for c in project.current() if c.kind == "survey") or "''"
    performance = f"j->>'$.mode' IN ('monitoring', 'self-assessment') AND j->>'$.checklist.id' NOT IN ({surveys})"
    started = time.perf_counter()
    db = duckdb.connect()
    db.execute("CREATE TABLE points (checklist VARCHAR, criterion VARCHAR, option VARCHAR, points DOUBLE)")
    db.executemany("INSERT INTO points VALUES (?, ?, ?, ?)", points)
    db.execute(f"CREATE TABLE ev AS SELECT json AS j FROM read_ndjson_objects('{path}')")
    teams = db.execute(
        f"SELECT j->>'$.team', avg(CAST(j->>'$.scores.quality' AS DOUBLE)) FROM ev WHERE {performance} GROUP BY 1"
    ).fetchall()
    db.execute(
        "SELECT a.checklist, a.criterion, avg(p.points) FROM ("
        "  SELECT j->>'$.checklist.id' AS checklist, k AS criterion, j->'$.answers'->k->>'option' AS option"
        "  FROM ev, unnest(json_keys(j->'$.answers')) AS t(k)"
        f"  WHERE {performance}"
        ") a JOIN points p USING (checklist, criterion, option) GROUP BY 1, 2"
    ).fetchall()
    elapsed = time.perf_counter() - started
    return elapsed, {team: mean for team, mean in teams}


def run_dashboard(path: Path) -> float | None:
    """Seconds from picking the file on the dashboard to the figures on the page."""
    from playwright.sync_api import sync_playwright

    from ijkpunt.serve import make_server

    public = ROOT / "public"
    if not (public / "dashboard" / "index.html").exists():
        subprocess.run([str(ROOT / ".venv/bin/ijkpunt"), "build", "--out", str(public)], cwd=ROOT, check=True)
    server = make_server(public, port=0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    launch: dict[str, object] = {"args": ["--no-sandbox", "--disable-gpu"]}
    if Path("/usr/bin/chromium").exists():
        launch["executable_path"] = "/usr/bin/chromium"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch)  # type: ignore[arg-type]
            page = browser.new_page()
            page.goto(base + "dashboard/")
            # a function, not an expression: Playwright would evaluate an expression string at every poll, which the
            # site's Content-Security-Policy (sent by ijkpunt.serve) refuses
            page.wait_for_function("() => document.documentElement.dataset.python === 'ready'", timeout=120_000)
            # a first visit also keeps the whole site for offline use (service worker, ~22 MB, hashed): let that
            # finish first, or it competes with the aggregation for the two CPUs (what a returning user sees)
            page.locator(KEPT_OFFLINE).wait_for(state="visible", timeout=180_000)
            started = time.perf_counter()
            page.locator("#ijk-files").set_input_files(str(path))
            page.locator("#ijk-dashboard-results").wait_for(state="visible", timeout=600_000)
            elapsed = time.perf_counter() - started
            browser.close()
            return elapsed
    finally:
        server.shutdown()
        server.server_close()


def verdict(ok: bool) -> str:
    return "PASS" if ok else "ABOVE TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--dashboard-count", type=int, default=10_000)
    parser.add_argument("--skip-dashboard", action="store_true")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f} before (other work skews the figures)", flush=True)
    big = data_file(args.count)
    print(f"{args.count} evaluations, {big.stat().st_size / 1e6:.0f} MB: {big}", flush=True)
    cli_s, peak_mb, report = run_cli(big)
    print(f"CLI      {cli_s:7.1f} s   peak {peak_mb:5.0f} MB   used {report['used']} of {report['read']}", flush=True)
    duck_s, duck_teams = run_duckdb(big)
    print(f"DuckDB   {duck_s:7.1f} s", flush=True)
    cli_teams = {
        g["key"]: g["quality"]["mean"] for b in report["breakdowns"] if b["dimension"] == "team" for g in b["groups"]
    }  # type: ignore[index, union-attr]
    same = all(abs(cli_teams[team] - round(mean, 1)) <= 0.05 for team, mean in duck_teams.items() if team in cli_teams)
    print(f"per-team means equal (0.1): {same}")
    ratio = cli_s / duck_s
    print()
    print(
        f"CLI / DuckDB           {ratio:6.1f}×   target ≤ {CLI_RATIO_TARGET:.0f}×: {verdict(ratio <= CLI_RATIO_TARGET)}"
    )
    memory_ok = peak_mb <= MEMORY_TARGET_MB
    print(f"CLI peak memory        {peak_mb:6.0f} MB  target ≤ {MEMORY_TARGET_MB} MB: {verdict(memory_ok)}")
    if not args.skip_dashboard:
        seconds = run_dashboard(data_file(args.dashboard_count))
        if seconds is not None:
            shown = verdict(seconds <= DASHBOARD_TARGET_S)
            print(f"dashboard {args.dashboard_count}   {seconds:6.1f} s   target ≤ {DASHBOARD_TARGET_S:.0f} s: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
