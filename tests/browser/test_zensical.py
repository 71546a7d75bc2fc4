"""The site built with Zensical works as the Material site does: the form scores and exports, the dashboard
counts, a kit trains, with nothing asked of another host."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ijkpunt.project import load_checklist_file
from ijkpunt_core.evaluation import Evaluation
from ijkpunt_core.scoring import score
from ijkpunt_core.training import compare

from ..conftest import serving
from ..core.test_result_code import key_result, kit_of
from .conftest import wait_ready
from .test_calibration import KIT, fill, form_values

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def zensical_url(zensical_public: Path) -> Iterator[str]:
    with serving(zensical_public) as url:
        yield url


def test_the_form_scores_and_exports_as_on_the_material_site(page: Page, zensical_url: str, project_root: Path) -> None:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-chat.yaml").value
    assert checklist is not None
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    page.goto(f"{zensical_url}scoren/kcc-chat/")
    wait_ready(page)
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    for criterion in checklist.criteria():  # the highest option everywhere: a complete, perfect contact
        page.locator(f'input[name="answer:{criterion.id}"]').last.click()
    page.locator('input[name="relationship"][value="kept"]').click()
    page.locator('input[name="outcome"][value="direct"]').click()
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren als JSON").click()
    exported = Evaluation.model_validate_json(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported.checklist.content_hash == checklist.content_hash()
    expected = score(checklist, exported.answers, exported.relationship, exported.outcome)
    assert exported.scores.quality == expected.quality == 100
    # the handbook link of a criterion leads to its explanation
    first = checklist.criteria()[0]
    href = page.locator(f'a[href$="#{first.id}"]').first.get_attribute("href")
    assert href is not None
    page.goto(f"{zensical_url}scoren/kcc-chat/{href}")
    expect(page.locator(f"h3#{first.id}, [id='{first.id}']").first).to_be_visible()
    assert hosts == {urlsplit(zensical_url).netloc}, "a request left the site"


def test_the_dashboard_counts_the_example_data(page: Page, zensical_url: str, zensical_public: Path) -> None:
    listing = json.loads((zensical_public / "data" / "voorbeeld" / "index.json").read_text(encoding="utf-8"))
    assert listing["files"]
    page.goto(f"{zensical_url}dashboard/")
    wait_ready(page)
    page.get_by_role("button", name="Probeer met voorbeelddata").click()
    expect(page.locator("#ijk-dashboard-results")).to_be_visible(timeout=60_000)
    expect(page.locator("#ijk-summary")).to_contain_text("beoordelingen gelezen")
    expect(page.locator("#ijk-charts figure svg")).to_have_count(3)


def test_a_kit_trains_against_its_key(page: Page, zensical_url: str) -> None:
    _kit, checklist, contacts = kit_of(KIT)
    contact = contacts[0]
    page.goto(f"{zensical_url}kalibreren/{KIT}/")
    page.get_by_role("link", name="Oefen met dit contact").first.click()
    expect(page.get_by_role("heading", name=contact.title)).to_be_visible()
    wait_ready(page)
    fill(page, form_values(contact))  # the key's own answers: full agreement
    page.get_by_role("button", name="Inleveren en vergelijken met de sleutel").click()
    expected = compare(checklist, contact, key_result(contact).answers)
    expect(page.locator("#ijk-training-result")).to_contain_text(
        f"Bij {expected.agreed} van de {expected.compared} criteria"
    )
