"""The site built with `ijkpunt build --lang en` in Chromium: handbook, form, dashboard and a kit page in English,
numbers as English writes them, and evaluations that are the Dutch site's records (same checklist reference)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ijkpunt.project import load_project
from ijkpunt_core.aggregate import ChecklistIndex
from ijkpunt_core.importing import check, read_text
from ijkpunt_core.problems import Problem
from ijkpunt_core.result_code import ResultContact, encode, layout
from tests.browser.conftest import wait_ready
from tests.conftest import ROOT
from tests.core.test_result_code import key_result, kit_of

pytestmark = pytest.mark.browser

DUTCH_UI = (
    "Zoeken", "Inhoudsopgave", "Handboek", "Beoordelaar", "Medewerker", "Exporteren", "Opslaan", "Nieuwe beoordeling",
    "Nog in te vullen", "Toelichting", "Wijzigingen", "Bronnen", "Schalen", "Gewicht", "Streefwaarden", "Kies ",
    "Klaar", "Bestanden", "Voorbeelddata", "Gemiddeld", "Deelnemers", "Sleutel", "Versie", "Datum", "n.v.t.",
    "Resultaten", "Kalibreren", "Beoordelingen", "waarschuwing", "Laden",
)  # fmt: skip
"""Words of the Dutch interface; none may show in the English site's own text (names of Dutch documents may)."""


UI_PARTS = "article :is(h1, h2, h3, th[scope=col], button, label, legend, summary)"
"""The interface's own words on a page whose content (checklist and kit texts) may not be translated yet."""


def dutch_ui_words(page: Page, selector: str = "article") -> list[str]:
    text = " ".join(page.locator(selector).all_inner_texts())
    return [word for word in DUTCH_UI if word in text]


def test_the_handbook_page_of_kto_telefoon_is_english(page: Page, site_url_en: str) -> None:
    page.goto(f"{site_url_en}handboek/kto-telefoon/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(re.compile(r"^KTO telephone \(survey of callers\)"))
    headings = [h.rstrip("¶") for h in page.locator("article h2").all_inner_texts()]
    assert "About reaching us" in headings and "Changes" in headings and "Sources" in headings
    expect(page.locator("article")).to_contain_text("Importance of reachability")
    expect(page.locator("article")).to_contain_text("score below 66.7")
    expect(page.locator("article")).to_contain_text("28 November 2026")
    expect(page.locator("article tr", has_text="Channel")).to_contain_text("Telephone")
    assert "66,7" not in page.locator("article").inner_text()
    assert dutch_ui_words(page) == []
    expect(page.locator(".md-sidebar--primary")).to_contain_text("Handbook")


def test_the_english_form_exports_the_dutch_sites_checklist_reference(page: Page, site_url_en: str) -> None:
    dutch = next(c for c in load_project(ROOT).current() if c.id == "kto-telefoon")
    page.goto(f"{site_url_en}scoren/kto-telefoon/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Scoring: KTO telephone \(survey of callers\)"))
    page.get_by_label("Interviewer (pseudonym)").fill("INT-01")
    page.get_by_label("Employee (code, or 'unknown')").fill("unknown")
    expect(page.get_by_label("Channel")).to_have_value("Telephone")  # shown in English, stored as the standard's
    page.get_by_label("Team", exact=True).fill("team-noord")
    page.get_by_label("Date of the contact with the contact centre").fill("2026-11-20")
    wait_ready(page)
    expect(page.locator("#c-bereikbaarheid legend")).to_contain_text("Reachability")
    for criterion in dutch.criteria():
        value = "heel-belangrijk" if criterion.kind == "importance" else "7"
        page.locator(f'input[name="answer:{criterion.id}"][value="{value}"]').click()
    page.locator('input[name="relationship"][value="kept"]').click()
    page.get_by_label("Helped at once").check()
    expect(page.locator("#ijk-quality")).to_have_text("66.7%")  # every grade a 7: (7 − 1) / 9 × 100
    assert dutch_ui_words(page, "#ijk-form") == []
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as JSON").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    exported = json.loads(text)
    assert exported["channel"] == "telefoon"
    assert exported["checklist"] == {"id": dutch.id, "version": dutch.version, "content_hash": dutch.content_hash()}
    # the Dutch project reads it as its own: the exact version, no difference in the scores
    read = read_text(text)
    assert not isinstance(read, Problem)
    imported = check(read, ChecklistIndex(load_project(ROOT).current()))
    assert imported.exact and [p.code for p in imported.problems if p.is_error] == []


def test_the_dashboard_is_english_with_english_numbers(page: Page, site_url_en: str) -> None:
    page.goto(f"{site_url_en}dashboard/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    wait_ready(page)
    page.get_by_role("button", name="Try with example data").click()
    criteria = page.locator("#ijk-criteria")
    expect(criteria).to_be_visible(timeout=60_000)
    cells = criteria.locator("tbody td").all_inner_texts()
    means = [c for c in cells if re.fullmatch(r"\d+\.\d \(\d+\.\d–\d+\.\d\), n=\d+", c)]
    assert means, cells[:12]
    assert not any(re.search(r"\d,\d", c) for c in cells)
    assert dutch_ui_words(page, UI_PARTS) == []
    channels = page.locator("#ijk-filter-channel option").all_inner_texts()
    assert "Telephone" in channels and "telefoon" not in channels, channels
    page.locator("#ijk-breakdown").select_option("channel")
    expect(page.locator('#ijk-groups tr[data-group="telefoon"] th')).to_have_text("Telephone")


def test_a_kit_page_is_english_and_takes_the_dutch_sites_result_codes(page: Page, site_url_en: str) -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")  # the Dutch project: the codes are the same
    code = encode(
        layout(kit, checklist), "Fien", [ResultContact(contact=contacts[0].id, answers=key_result(contacts[0]).answers)]
    )
    page.goto(f"{site_url_en}kalibreren/kalibratie-telefoon/resultaten/#drempel=2")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Results:")
    wait_ready(page)
    page.get_by_label("Result codes").fill(code)
    page.get_by_role("button", name="Compute the results").click()
    expect(page.locator("#ijk-results-summary")).to_contain_text("Threshold for lenient or strict: 2.0 points")
    expect(page.locator("#ijk-refused")).to_be_hidden()
    assert dutch_ui_words(page, UI_PARTS) == []
    assert "n.v.t." not in page.locator("#ijk-results").inner_text()  # the core's value, shown as English writes it
