"""A site built with a settings file (instellingen.yaml), in Chromium: the municipality's name and logo in the header
and on the home page, the recording criterion closed as n.v.t. on the form and n.v.t. in the export, and the export
rescored by `ijkpunt score` with the same outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ijkpunt.build import build
from ijkpunt.cli import main
from ijkpunt.project import load_checklist_file
from ijkpunt_core.checklist import Checklist, OptionsScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Outcome
from ijkpunt_core.scoring import applicability
from ijkpunt_core.settings import ScoringSettings

from ..builders import a_draft
from ..conftest import serving
from ..generator.test_settings_file import RECORDING, municipality_project
from .conftest import wait_ready
from .test_accessibility import violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Path:
    return municipality_project(tmp_path_factory.mktemp("gemeente") / "project", project_root)


@pytest.fixture(scope="module")
def site(project: Path) -> Iterator[str]:
    out = project.parent / "public"
    build(project, out)
    with serving(out) as url:
        yield url


@pytest.fixture(scope="module")
def telefoon(project: Path) -> Checklist:
    checklist = load_checklist_file(project / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    return checklist


@pytest.fixture
def page(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Page]:
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def test_the_header_and_home_page_show_the_municipality(page: Page, site: str) -> None:
    page.goto(site)
    logo = page.locator(".md-header .md-logo img")
    expect(logo).to_have_attribute("src", "assets/gemeente/logo.svg")
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", logo.element_handle())  # it loads
    expect(page.locator(".md-header")).to_contain_text("Gemeente Lindeveld")
    expect(page.locator(".ijk-municipality__name")).to_have_text(
        "Dit is de site van Gemeente Lindeveld voor de kwaliteit van het klantcontact."
    )
    assert "Gemeente Lindeveld" in page.title()


def test_the_recording_criterion_is_na_on_the_form_and_in_the_export(
    page: Page, site: str, telefoon: Checklist, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(f"{site}scoren/kcc-telefoon/")
    switched_off = page.locator(f"#c-{RECORDING}")
    expect(switched_off).to_be_visible()
    expect(switched_off).to_contain_text("N.v.t.: de gemeente neemt geen gesprekken op.")
    expect(switched_off.locator("input, textarea")).to_have_count(0)  # nothing to answer
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    wait_ready(page)
    best = {}
    for criterion in telefoon.criteria():
        scale = telefoon.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        best[criterion.id] = Answer(option=scale.options[-1].id)
    applies = applicability(telefoon, best, ScoringSettings(records_calls=False))
    for criterion_id, answer in best.items():
        if criterion_id != RECORDING and applies.get(criterion_id, True):  # a conditional one shows once it applies
            page.locator(f'input[name="answer:{criterion_id}"][value="{answer.option}"]').click()
    page.locator('input[name="relationship"][value="kept"]').click()
    page.locator('input[name="outcome"][value="direct"]').click()
    # every criterion counts as done: the recording criterion is not asked for
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    path = Path(download_info.value.path())
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["settings"] == {"records_calls": False}
    assert RECORDING not in exported["answers"]
    assert RECORDING in exported["scores"]["compliance"]["not_applicable"]
    assert exported["scores"]["complete"] is True and exported["scores"]["missing"] == []

    # `ijkpunt score` recomputes it from the export alone: the same scores, no difference reported
    saved = project.parent / "export.json"
    saved.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "--lang", "nl", "score", "--json", str(saved)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["errors"], report["warnings"], report["diagnostics"]) == (0, 0, [])
    assert report["checklist"]["exact"] is True
    assert report["scores"] == exported["scores"]


def test_the_dashboard_checks_against_the_municipalitys_own_targets(
    page: Page, site: str, telefoon: Checklist, tmp_path: Path
) -> None:
    answers = {}
    for criterion in telefoon.criteria():
        scale = telefoon.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        answers[criterion.id] = Answer(option=scale.options[-1].id)
    draft = a_draft(answers=answers, relationship="kept", outcome=Outcome(result="direct"))
    result = evaluate(telefoon, draft, settings=ScoringSettings(records_calls=False))
    assert result.evaluation is not None, result.problems
    file = tmp_path / "beoordeling.json"
    file.write_text(result.evaluation.model_dump_json(), encoding="utf-8")
    page.goto(f"{site}dashboard/")
    wait_ready(page)
    page.get_by_label("Beoordelingen").set_input_files([str(file)])
    quality = page.locator('#ijk-targets-table tr[data-target="quality_min"] td')
    expect(quality.nth(0)).to_have_text("75%")  # instellingen.yaml: targets.quality
    expect(page.locator('#ijk-targets-table tr[data-target="direct_min"] td').nth(0)).to_have_text("70%")


@pytest.mark.parametrize("path", ["", "scoren/kcc-telefoon/", "handboek/kcc-telefoon/", "handboek/privacy/"])
def test_pages_with_settings_and_the_privacy_page_pass_axe(page: Page, site: str, path: str) -> None:
    """The logo, the closed n.v.t. criterion, the own targets and the privacy page's tables and template."""
    page.goto(site + path)
    assert violations(page) == []
