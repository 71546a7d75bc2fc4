"""The handbook in Chromium: search works offline, print gives a clean checklist."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

from .conftest import READY_TIMEOUT_MS

pytestmark = pytest.mark.browser


def test_search_finds_a_criterion(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}handboek/kcc-telefoon/")
    page.get_by_role("textbox", name="Zoeken").click()
    page.keyboard.type("empathie")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("mpathie")


def test_search_on_a_form_page_works_before_python_is_ready(page: Page, site_url: str) -> None:
    """The form loads the theme on demand (site/theme/main.html): reaching for search must load it at once."""
    held: list[Route] = []  # the runtime never arrives, so only the visitor's click can bring the theme in
    page.context.route("**/pyodide/pyodide.mjs", lambda route: held.append(route))
    page.goto(f"{site_url}scoren/kcc-telefoon/?watchdog=600")
    expect(page.locator("html")).to_have_attribute("data-python", "loading")
    page.wait_for_timeout(500)
    assert held, "the form's worker did not ask for the runtime"
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bjs-focus-visible\b"))  # theme not loaded yet
    page.get_by_role("textbox", name="Zoeken").click()
    page.keyboard.type("empathie")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text("mpathie")
    expect(page.locator("html")).to_have_attribute("data-python", "loading")


def test_form_page_gets_the_theme_once_python_is_ready(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}scoren/kcc-telefoon/")
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=READY_TIMEOUT_MS)
    # the theme's bundle ran: it marks focus handling on <html> and wires the back-to-top button
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs-focus-visible\b"), timeout=15_000)
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    expect(page.locator(".md-top")).to_be_visible(timeout=5_000)


def test_print_shows_the_checklist_without_site_chrome(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}handboek/kcc-telefoon/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-button").first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#empathie")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize("changed", [False, True], ids=["passed-through", "one-bit-changed"])
def test_a_changed_wheel_is_refused(page: Page, site_url: str, changed: bool) -> None:
    """The site's lock file names each wheel's sha256; Pyodide must refuse a file that differs."""

    def relay(route):  # type: ignore[no-untyped-def]
        body = route.fetch().body()
        if changed:
            body = body[:-1] + bytes([body[-1] ^ 1])
        route.fulfill(status=200, body=body, content_type="application/zip")

    page.route("**/ijkpunt_core-*.whl", relay)
    page.goto(f"{site_url}scoren/kcc-telefoon/")
    expected = "error" if changed else "ready"
    expect(page.locator("html")).to_have_attribute("data-python", expected, timeout=READY_TIMEOUT_MS)
    if changed:
        expect(page.locator("#ijk-status")).to_contain_text("sha256")
