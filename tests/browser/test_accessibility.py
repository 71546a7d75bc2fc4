"""WCAG 2.1 A/AA rules that a machine can check (axe-core), on every kind of page and form state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import READY_TIMEOUT_MS

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize(
    "path", ["", "handboek/kcc-telefoon/", "handboek/scores/", "handboek/formaat/", "downloads/", "scoren/kcc-chat/"]
)
def test_pages_pass_axe(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert violations(page) == []


def test_form_with_messages_passes_axe(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}scoren/kcc-telefoon/")
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=READY_TIMEOUT_MS)
    page.locator('input[name="answer:persoonsgegevens-alleen-indien-nodig"][value="nee"]').click()
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-problems")).to_be_visible()
    expect(page.locator("#ijk-knockout")).to_be_visible()
    assert violations(page) == []
