"""The evaluation page (beoordeling/): the agent responds, the coach decides, the sheet prints, two are compared.

Evaluation files are made by the core in CPython, opened in Chromium as a user would (file picker), and what the
page saves is read back by CPython: its scores must be the ones CPython computes for its answers.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ijkpunt_core.aggregate import ChecklistIndex
from ijkpunt_core.evaluation import Answer, Evaluation
from ijkpunt_core.importing import import_evaluation
from ijkpunt_core.scoring import score

from ..review_files import TELEFOON, best_answers, disputed_files, evaluation_file
from .conftest import wait_ready
from .test_accessibility import violations

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=\"document.title='pwned'\">"


def open_review(page: Page, site_url: str, path: Path) -> None:
    page.goto(f"{site_url}beoordeling/")
    wait_ready(page)
    page.locator("#ijk-file").set_input_files(str(path))
    expect(page.locator("#ijk-sheet")).to_be_visible()


def saved(page: Page, folder: Path, name: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name="Bestand opslaan").click()
    target = folder / name
    info.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_an_agent_disputes_two_criteria_the_coach_decides_and_the_file_keeps_both(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    original = evaluation_file(tmp_path, "beoordeling.json")
    open_review(page, site_url, original)

    # the agent: two criteria disputed, one comment hostile text
    page.get_by_label("Bezwaar tegen een of meer criteria").check()
    respond = page.locator("#ijk-respond")
    respond.locator('[data-criterion="laten-uitpraten"] input[type=checkbox]').check()
    respond.get_by_label("Waarom ben je het niet eens met Laat de inwoner uitpraten? (verplicht)").fill(HOSTILE)
    respond.locator('[data-criterion="vraag-samenvatten"] input[type=checkbox]').check()
    page.get_by_role("button", name="Reactie vastleggen").click()
    # one comment left empty: refused by the core, in Dutch, and nothing recorded
    expect(page.locator("#ijk-review-problems")).to_contain_text("een bezwaar zonder toelichting kan niet")
    expect(page.locator("#ijk-sheet-history")).to_be_hidden()
    respond.get_by_label("Waarom ben je het niet eens met Vat de vraag samen en vraagt of dat klopt? (verplicht)").fill(
        "Ik vatte samen op 02:10."
    )
    page.get_by_role("button", name="Reactie vastleggen").click()
    expect(page.locator("#ijk-status")).to_contain_text("Je bezwaar is vastgelegd")
    history = page.locator("#ijk-sheet-history")
    expect(history).to_contain_text(HOSTILE)  # shown as text
    assert page.title() != "pwned" and page.locator("#ijk-sheet-history img").count() == 0
    disputed = saved(page, tmp_path, "met-bezwaar.json")

    # the coach opens the agent's file, upholds one dispute and rejects the other
    open_review(page, site_url, tmp_path / "met-bezwaar.json")
    expect(page.locator("#ijk-respond")).to_be_hidden()
    decide = page.locator("#ijk-decide")
    expect(decide).to_be_visible()
    summary = decide.locator('[data-criterion="vraag-samenvatten"]')
    summary.get_by_label("toegekend", exact=True).check()
    summary.get_by_label("Juiste antwoord").select_option(label="Ja")
    summary.get_by_label("Uitleg voor de medewerker (verplicht)").fill("Klopt, op 02:10.")
    interrupted = decide.locator('[data-criterion="laten-uitpraten"]')
    interrupted.get_by_label("afgewezen").check()
    interrupted.get_by_label("Uitleg voor de medewerker (verplicht)").fill("Op 01:05 viel je de inwoner in de rede.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#ijk-status")).to_contain_text("Het besluit is vastgelegd")
    expect(page.locator("#ijk-decide")).to_be_hidden()
    expect(history).to_contain_text("Antwoord Nee → Ja.")
    decided_text = saved(page, tmp_path, "met-besluit.json")

    # the file keeps both, and its scores are the ones CPython computes for its answers
    before = Evaluation.model_validate_json(original.read_text(encoding="utf-8"))
    after = Evaluation.model_validate_json(decided_text)
    assert after.review is not None
    response, outcome = after.review.history
    assert response.type == "response" and response.position == "disputed" and response.by == "A123"
    assert {d.criterion: d.comment for d in response.disputes} == {
        "laten-uitpraten": HOSTILE,
        "vraag-samenvatten": "Ik vatte samen op 02:10.",
    }
    assert outcome.type == "outcome" and outcome.by == "coach-7"
    assert {r.criterion: r.decision for r in outcome.rulings} == {
        "vraag-samenvatten": "upheld",
        "laten-uitpraten": "rejected",
    }
    assert (
        after.answers["vraag-samenvatten"].option == "ja" and after.answers["laten-uitpraten"].option == "onvoldoende"
    )
    assert after.scores == score(TELEFOON, after.answers, after.relationship, after.outcome, after.critical_errors)
    assert after.scores.quality is not None and before.scores.quality is not None
    assert after.scores.quality > before.scores.quality
    assert (outcome.quality_before, outcome.quality_after) == (before.scores.quality, after.scores.quality)
    assert Evaluation.model_validate_json(disputed).review is not None
    imported = import_evaluation(decided_text, ChecklistIndex([TELEFOON]))
    assert imported.refusal is None and imported.evaluation == after


def pdf_pages(path: Path) -> int:
    """Pages of a PDF: poppler's pdfinfo when installed, else the page objects Chromium writes uncompressed."""
    if shutil.which("pdfinfo"):
        found = re.search(
            r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout, re.M
        )
        assert found is not None
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def test_the_feedback_sheet_prints_strengths_and_points_to_improve_on_one_page(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    path = evaluation_file(tmp_path, "beoordeling.json", notes="Goed gesprek; let op het uitpraten.")
    open_review(page, site_url, path)
    page.emulate_media(media="print")
    sheet = page.locator("#ijk-sheet")
    expect(sheet).to_be_visible()
    expect(page.locator("#ijk-strengths")).to_contain_text("Begroet met de naam van de gemeente")
    improvement = page.locator('.ijk-improvement[data-criterion="laten-uitpraten"]')
    expect(improvement).to_contain_text("Laat de inwoner uitpraten")
    expect(improvement).to_contain_text("Gegeven: Onvoldoende (0 van 2 punten)")
    expect(improvement).to_contain_text("Zo ziet het er goed uit: De medewerker laat de inwoner zijn verhaal afmaken")
    expect(improvement).to_contain_text("Toelichting: Viel de inwoner twee keer in de rede.")
    expect(page.locator("#ijk-strengths")).not_to_contain_text("Laat de inwoner uitpraten")
    expect(page.locator("#ijk-sheet-scores")).to_contain_text("Je kwaliteitsscore is")
    expect(page.locator("#ijk-sheet-scores")).to_contain_text("behouden")
    expect(page.locator("#ijk-sheet-meta")).to_contain_text("coach-7")
    for hidden in ("#ijk-respond", "#ijk-compare", "#ijk-review-open", "#ijk-print", "h1"):
        expect(page.locator(hidden)).to_be_hidden()
    pdf = tmp_path / "terugkoppeling.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf_pages(pdf) == 1


def test_a_self_assessment_beside_the_coachs_evaluation_shows_where_they_differ(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    coach = evaluation_file(tmp_path, "coach.json")
    own = evaluation_file(
        tmp_path,
        "zelf.json",
        id="4c1d2e3f-0000-4000-8000-00000000000a",
        mode="self-assessment",
        evaluator="A123",
        answers=best_answers(TELEFOON) | {"laten-uitpraten": Answer(option="voldoende")},
    )
    open_review(page, site_url, coach)
    page.locator("#ijk-compare-file").set_input_files(str(own))
    table = page.locator("#ijk-compare-table")
    expect(table).to_be_visible()
    differing = table.locator('tr[data-differs="true"]')
    expect(differing).to_have_count(2)
    assert differing.evaluate_all("rows => rows.map(r => r.dataset.criterion)") == [
        "laten-uitpraten",
        "vraag-samenvatten",
    ]
    row = table.locator('tr[data-criterion="laten-uitpraten"]')
    expect(row).to_contain_text("Onvoldoende")
    expect(row).to_contain_text("Voldoende")
    expect(row).to_contain_text("Verschilt")
    expect(table.locator("thead")).to_contain_text("Zelfbeoordeling (A123)")
    total = len(TELEFOON.criteria())
    expect(page.locator("#ijk-compare-summary")).to_have_text(f"2 van de {total} criteria verschillen.")


def test_a_finished_evaluation_on_this_device_opens_by_its_id(page: Page, site_url: str, tmp_path: Path) -> None:
    evaluation = json.loads(evaluation_file(tmp_path, "beoordeling.json").read_text(encoding="utf-8"))
    record = {
        "id": "7d1c2e3f-0000-4000-8000-000000000001",
        "created_at": "2026-11-24T14:30:00Z",
        "updated_at": "2026-11-24T14:40:00Z",
        "checklist": evaluation["checklist"],
        "values": {},
        "summary": {"quality": evaluation["scores"]["quality"], "complete": True},
        "exported": evaluation,
        "exported_at": "2026-11-24T14:40:00Z",
    }
    page.goto(f"{site_url}downloads/")
    page.evaluate("r => localStorage.setItem('ijkpunt:evaluation:' + r.id, JSON.stringify(r))", record)
    page.goto(f"{site_url}beoordeling/#id={record['id']}")
    wait_ready(page)
    expect(page.locator("#ijk-sheet-meta")).to_contain_text("A123")
    expect(page.locator("#ijk-device option")).to_have_count(2)  # "choose" and this one


def test_the_evaluation_page_passes_axe_with_every_part_open(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}beoordeling/")
    assert violations(page) == []
    open_review(page, site_url, evaluation_file(tmp_path, "beoordeling.json"))
    page.get_by_label("Bezwaar tegen een of meer criteria").check()
    page.locator('#ijk-respond [data-criterion="laten-uitpraten"] input[type=checkbox]').check()
    assert violations(page) == []


def test_the_dashboard_counts_disputes(page: Page, site_url: str, tmp_path: Path) -> None:
    files = disputed_files(tmp_path)
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    page.get_by_label("Beoordelingen").set_input_files([str(f) for f in files])
    reviews = page.locator("#ijk-reviews")
    expect(reviews).to_be_visible()
    expect(page.locator("#ijk-reviews-summary")).to_contain_text("Gereageerd: 67% ")
    expect(page.locator("#ijk-reviews-summary")).to_contain_text("Met bezwaar: 33% ")
    row = page.locator('#ijk-reviews-table tr[data-criterion="vraag-samenvatten"]')
    assert row.locator("td").all_text_contents() == ["1", "1", "0", "0", "0"]


def test_my_evaluations_links_a_finished_evaluation_to_the_evaluation_page(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    evaluation = json.loads(evaluation_file(tmp_path, "beoordeling.json").read_text(encoding="utf-8"))
    record = {
        "id": "7d1c2e3f-0000-4000-8000-000000000002",
        "created_at": "2026-11-24T14:30:00Z",
        "updated_at": "2026-11-24T14:40:00Z",
        "checklist": evaluation["checklist"],
        "values": {"agent": "A123"},
        "summary": {"quality": evaluation["scores"]["quality"], "complete": True},
        "exported": evaluation,
        "exported_at": "2026-11-24T14:40:00Z",
    }
    page.goto(f"{site_url}downloads/")
    page.evaluate("r => localStorage.setItem('ijkpunt:evaluation:' + r.id, JSON.stringify(r))", record)
    page.goto(f"{site_url}mijn-beoordelingen/")
    page.get_by_role("link", name="Beoordeling van A123 op 2026-11-24 bekijken, afdrukken of vergelijken").click()
    wait_ready(page)
    expect(page.locator("#ijk-sheet-meta")).to_contain_text("coach-7")
