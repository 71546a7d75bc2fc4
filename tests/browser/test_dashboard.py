"""The dashboard in Chromium: files dropped on it give the figures `ijkpunt aggregate` gives for the same files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from ijkpunt_core.aggregate import AggregateReport
from tests.browser.conftest import wait_ready
from tests.browser.test_accessibility import violations
from tests.builders import shipped
from tests.conftest import ROOT
from tests.generator.evaluation_files import evaluations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Twenty files, a JSON Lines file of ten with a repeat and a broken line, a broken file, a calibration."""
    checklist = shipped("kcc-telefoon")
    made = evaluations(checklist, 30, seed=4)
    calibration = evaluations(checklist, 1, seed=5, mode="calibration")[0]
    root = tmp_path_factory.mktemp("dashboard")
    paths = []
    for e in made[:20]:
        path = root / f"{e.id}.json"
        path.write_text(e.model_dump_json(), encoding="utf-8")
        paths.append(path)
    lines = [e.model_dump_json() for e in made[20:]] + [
        made[3].model_dump_json(),
        "{kapot",
        calibration.model_dump_json(),
    ]
    (root / "rest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "kapot.json").write_text("[1, 2", encoding="utf-8")
    return [root / "kapot.json", root / "rest.jsonl", *paths]


def cli_report(files: list[Path], *options: str) -> AggregateReport:
    command = [str(Path(sys.executable).parent / "ijkpunt"), "--project", str(ROOT), "aggregate"]
    done = subprocess.run([*command, *map(str, files), "--json", *options], capture_output=True, text=True, check=False)
    assert done.stdout, done.stderr
    return AggregateReport.model_validate_json(done.stdout)


def test_dropped_files_give_the_clis_figures(page: Page, site_url: str, files: list[Path]) -> None:
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    page.get_by_label("Beoordelingen").set_input_files([str(f) for f in files])
    expect(page.locator("#ijk-dashboard-results")).to_be_visible()
    cli = cli_report(files, "--min-n", "5")
    excluded = sum(cli.excluded.values())
    expect(page.locator("#ijk-summary")).to_have_text(
        f"{cli.read} beoordelingen gelezen, {cli.used} meegeteld, {len(cli.refused)} geweigerd, "
        f"{excluded} niet meegeteld door de soort of een filter."
    )
    expect(page.locator("#ijk-refused li")).to_have_count(len(cli.refused))
    quality = cli.overall.quality
    shown = f"{quality.mean:.1f} ({quality.low:.1f}–{quality.high:.1f}), n={quality.n}".replace(".", ",")
    expect(page.locator("#ijk-overall tbody td").nth(1)).to_have_text(shown)
    criteria = page.locator("#ijk-criteria tbody tr")
    assert criteria.evaluate_all("rows => rows.map(r => r.dataset.criterion)") == [c.criterion for c in cli.criteria]
    # the charts: the core's specifications drawn by the vendored vega-embed, as SVG
    expect(page.locator("#ijk-charts figure svg")).to_have_count(3)
    expect(page.locator('#ijk-charts figure[data-chart="team"] svg')).to_have_attribute(
        "aria-label", "Kwaliteitsscore per team, met 95%-interval en n"
    )
    teams = {g.key: g.n for g in next(b for b in cli.breakdowns if b.dimension == "team").groups}
    for team, n in teams.items():
        expect(page.locator(f'#ijk-groups tr[data-group="{team}"] td').first).to_have_text(str(n))

    # a filter: the same as --where, without reading the files again
    page.get_by_label("Team", exact=True).select_option("team-noord")
    filtered = cli_report(files, "--where", "team=team-noord")
    expect(page.locator("#ijk-summary")).to_contain_text(f"{filtered.used} meegeteld")
    page.get_by_label("Medewerkers tonen vanaf").fill("1")
    page.get_by_label("Medewerkers tonen vanaf").dispatch_event("change")
    page.locator("#ijk-breakdown").select_option("agent")
    expect(page.locator("#ijk-groups tbody tr")).to_have_count(2)  # MW-001 and MW-003 are in team-noord
    assert violations(page) == []
    assert hosts == {urlparse(site_url).netloc}, "a request left the site"


def test_the_example_data_button_loads_the_shipped_set(page: Page, site_url: str, public: Path) -> None:
    listing = json.loads((public / "data" / "voorbeeld" / "index.json").read_text(encoding="utf-8"))
    if not listing["files"]:
        pytest.fail("the site publishes no example data")
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    page.get_by_role("button", name="Probeer met voorbeelddata").click()
    expect(page.locator("#ijk-dashboard-results")).to_be_visible(timeout=60_000)
    folder = ROOT / "examples" / "evaluaties-voorbeeld"
    example = [folder / name if name.endswith(".jsonl") else folder / "kapot" / name for name in listing["files"]]
    assert len(example) == 8
    cli = cli_report(example)
    expect(page.locator("#ijk-summary")).to_contain_text(f"{cli.read} beoordelingen gelezen, {cli.used} meegeteld")
    expect(page.locator("#ijk-refused li")).to_have_count(7)  # each broken file once, for its own reason
    # the lenient evaluator of the example set shows as such
    drift = page.locator('#ijk-drift tr[data-evaluator="BO-04"]').filter(has_text="kcc-telefoon")
    expect(drift).to_contain_text("mild")
