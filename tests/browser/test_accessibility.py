"""WCAG 2.1 A/AA rules that a machine can check (axe-core), on every kind of page and form state."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import without_python

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page: Page) -> list[str]:
    # colours are judged when they are final: the theme animates its drawer and links after a resize or click
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    # axe comes as a file of the site's own origin, which the site's Content-Security-Policy allows (an inline
    # script would be refused); the route answers it, nothing is written into the site
    origin = urlsplit(page.url)
    axe_url = f"{origin.scheme}://{origin.netloc}/__axe-under-test.js"
    page.context.route(axe_url, lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.add_script_tag(url=axe_url)
    result: dict[str, Any] = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "handboek/kcc-telefoon/",
        "handboek/kcc-balie/",
        "handboek/zo-beoordeel-je/",
        "handboek/scores/",
        "handboek/formaat/",
        "downloads/",
        "scoren/kcc-chat/",
        "scoren/kcc-balie/",
        "kalibreren/kalibratie-email/",
        "kalibreren/kalibratie-telefoon/sessie/",
        "kalibreren/kalibratie-chat/deelnemen/",
        "kalibreren/",
        "dashboard/",
    ],
)
def test_pages_pass_axe(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert violations(page) == []


def test_form_with_messages_passes_axe(form: Page) -> None:
    page = form
    page.locator('input[name="answer:identiteit-vaststellen"][value="nee"]').click()
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-problems")).to_be_visible()
    expect(page.locator("#ijk-critical")).to_be_visible()
    assert violations(page) == []
    # a value the core refuses, with its message at the field; and the score details on a phone
    page.locator('input[name="outcome"][value="transferred"]').click()
    page.get_by_label("Hoe vaak?").fill("0")
    expect(page.locator(".ijk-field-error")).to_be_visible()
    page.set_viewport_size({"width": 360, "height": 740})
    page.get_by_role("button", name="Details van de score tonen").click()
    try:
        assert violations(page) == []
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_my_evaluations_with_a_draft_passes_axe(page: Page, site_url: str) -> None:
    without_python(page)
    page.goto(f"{site_url}scoren/kcc-telefoon/")
    page.get_by_label("Medewerker (code)").fill("A1")
    expect(page.locator("#ijk-saved")).to_contain_text("Opgeslagen")
    page.goto(f"{site_url}mijn-beoordelingen/")
    expect(page.locator("#ijk-my-rows tr")).to_have_count(1)
    assert violations(page) == []
    page.set_viewport_size({"width": 360, "height": 740})  # rows as cards
    assert violations(page) == []
