"""One Chromium for the whole session (pytest-playwright), Debian's build when present.

Starting Python in a page takes seconds; tests that only need *a* started scoring form share one
(`form`), reset to a new evaluation before each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
READY_TIMEOUT_MS = 60_000  # a cold Pyodide start takes seconds; Playwright's default is 5 s


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
    if DEBIAN_CHROMIUM.exists():  # elsewhere: `playwright install chromium`
        args["executable_path"] = str(DEBIAN_CHROMIUM)
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "accept_downloads": True,
        "locale": "nl-NL",
        "viewport": {"width": 1280, "height": 900},
        # The site registers a service worker that keeps ~22 MB for offline use: tests that do not test that
        # (tests/browser/test_offline.py allows it) neither pay for it nor see their requests answered by it.
        "service_workers": "block",
    }


CSP_RECORDER = """
(() => {
  const seen = (window.__ijkCspViolations = []);
  document.addEventListener("securitypolicyviolation", (e) => {
    const where = `${e.sourceFile}:${e.lineNumber}`;
    seen.push(`${e.effectiveDirective} refused ${e.blockedURI || "(inline)"} at ${where} ${e.sample}`);
  }, true);
})();
"""
"""What the site's Content-Security-Policy refuses in a page, kept for tests/browser/test_csp.py to read."""


def csp_violations(page: Page) -> list[str]:
    """What the policy refused in the page since it loaded (needs CSP_RECORDER as an init script of its context)."""
    found: list[str] | None = page.evaluate("() => window.__ijkCspViolations ?? null")
    assert found is not None, "the page's context records no CSP violations (add CSP_RECORDER as init script)"
    return found


def open_form(page: Page, site_url: str, checklist_id: str = "kcc-telefoon") -> None:
    page.goto(f"{site_url}scoren/{checklist_id}/")


def wait_ready(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=READY_TIMEOUT_MS)


def without_python(page: Page) -> None:
    """For tests of what works before Python: do not start the runtime (saves a core for the other tests)."""
    page.route("**/pyodide/**", lambda route: route.abort())


@pytest.fixture(scope="session")
def shared_page(browser: Browser, browser_context_args: dict[str, Any], site_url: str) -> Iterator[Page]:
    """One telefoon form with Python started, kept open for the session's tests that need a started form."""
    context = browser.new_context(**browser_context_args)
    context.add_init_script(CSP_RECORDER)  # test_csp.py checks that nothing the session did was refused
    page = context.new_page()
    open_form(page, site_url)
    wait_ready(page)
    yield page
    context.close()


@pytest.fixture
def form(shared_page: Page) -> Page:
    """The shared form, emptied: a new evaluation, as a user would start one."""
    page = shared_page
    page.get_by_role("button", name="Nieuwe beoordeling").click()
    expect(page.locator("#ijk-quality")).to_have_text("—")
    expect(page.locator("#ijk-missing")).to_contain_text("Nog in te vullen")
    expect(page.locator(".ijk-field-error")).to_have_count(0)
    expect(page.locator("#ijk-problems")).to_be_hidden()
    return page
