"""Offline use (issue 9): after one visit the site works without network, a new version is offered with a
notice and never reloads a page by itself, and a plain-http host says that offline use is not available.

These tests allow the service worker (the session's other contexts block it, see conftest.py). Each context
that allows it precaches the whole site (~22 MB) once; they are few on purpose.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from ijkpunt.csp import header_policy
from ijkpunt.offline import write_service_worker
from ijkpunt.pages import checklist_data_path
from ijkpunt.project import load_checklist_file
from ijkpunt.serve import SiteHandler
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Evaluation

from ..conftest import serving
from .conftest import READY_TIMEOUT_MS, open_form, wait_ready, without_python
from .test_accessibility import violations
from .test_form import fill_metadata, planned_answers, radio

pytestmark = pytest.mark.browser

READY_TEXT = "Deze site werkt op dit apparaat ook zonder netwerk."
UNAVAILABLE_TEXT = "Zonder netwerk werken kan op dit adres niet"
UPDATE_TEXT = "Er is een nieuwe versie van deze site."
INTRANET = "http://ijkpunt.intranet.test/"
"""A plain-http address that is not this computer: no browser allows a service worker there."""
KIT = "kalibratie-telefoon"
UPDATE_FOUND_MS = 15_000  # installing a version that changed one page takes well under a second


@pytest.fixture(scope="module")
def telefoon(project_root: Path) -> Checklist:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    return checklist


@pytest.fixture
def offline_context(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[BrowserContext]:
    context = browser.new_context(**{**browser_context_args, "service_workers": "allow"})
    yield context
    context.close()


def kept_for_offline(page: Page) -> None:
    """Wait until the site says it is kept on this device (the service worker installed every file)."""
    status = page.locator("#ijk-offline-status")
    expect(status.get_by_text(READY_TEXT)).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(status.get_by_text(UNAVAILABLE_TEXT)).to_be_hidden()
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")


def test_after_one_visit_forms_handbook_calibration_and_dashboard_work_offline(
    offline_context: BrowserContext, site_url: str, telefoon: Checklist
) -> None:
    page = offline_context.new_page()
    open_form(page, site_url)
    kept_for_offline(page)  # registered once Python is ready, then every file of the site is kept

    offline_context.set_offline(True)
    assert page.evaluate("navigator.onLine") is False
    reloaded = page.reload()
    wait_ready(page)  # runtime, wheels, lock file and checklist from the device; the worker's MIME check too
    # from the device, the page and the Python worker's script keep the site's Content-Security-Policy header
    # (the worker takes its policy from its script's response, not from the page's meta tag)
    assert reloaded is not None and reloaded.from_service_worker
    assert reloaded.header_value("Content-Security-Policy") == header_policy()
    worker_policy = page.evaluate(
        "async url => (await fetch(url)).headers.get('Content-Security-Policy')",
        f"{site_url}assets/ijkpunt/worker.js",
    )
    assert worker_policy == header_policy()
    fill_metadata(page)
    answers = planned_answers(telefoon)
    for criterion_id, answer in answers.items():
        radio(page, f"answer:{criterion_id}", "na" if answer.na else str(answer.option)).click()
    radio(page, "relationship", "kept").click()
    radio(page, "outcome", "direct").click()
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    evaluation = Evaluation.model_validate(exported)
    assert evaluation.scores.complete and evaluation.answers == answers
    assert evaluation.checklist.content_hash == telefoon.content_hash()
    recomputed = evaluate(telefoon, evaluation.draft(), evaluation.tool_version).evaluation
    assert recomputed is not None and recomputed.model_dump(mode="json") == exported

    page.goto(f"{site_url}handboek/kcc-telefoon/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(telefoon.title)
    expect(page.locator(f"#{telefoon.criteria()[0].id}")).to_be_attached()

    page.goto(f"{site_url}kalibreren/{KIT}/")
    expect(page.get_by_role("link", name="Oefen met dit contact").first).to_be_visible()
    page.get_by_role("link", name="Oefen met dit contact").first.click()
    wait_ready(page)  # the kit's data file and its checklist version, from the device

    page.goto(f"{site_url}dashboard/")
    wait_ready(page)  # every published checklist version, from the device

    response = page.goto(f"{site_url}handboek/bestaat-niet/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")


class _Republished(SiteHandler):
    """The publication's server; the test changes the policy it sends along with the site."""

    content_security_policy = header_policy()


@pytest.fixture
def publication(public: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the site, served, that the test publishes again with a change."""
    copy = tmp_path / "site"
    shutil.copytree(public, copy)
    try:
        with serving(copy, handler=_Republished) as url:
            yield copy, url
    finally:
        _Republished.content_security_policy = header_policy()


def publish_changed_form(site: Path, project_root: Path, telefoon: Checklist) -> tuple[str, str]:
    """Publish the telefoon form again, as a rebuild would: a changed heading and a new version of its checklist
    (the first criterion reworded). The service worker is written anew. Gives the new heading and criterion title."""
    first = telefoon.criteria()[0]
    sections = [s.model_copy(update={"criteria": list(s.criteria)}) for s in telefoon.sections]
    sections[0].criteria[0] = first.model_copy(update={"title": f"{first.title} (herzien)"})
    changes = [telefoon.changes[0].model_copy(update={"version": "9.0.0"}), *telefoon.changes]
    new = telefoon.model_copy(update={"version": "9.0.0", "sections": sections, "changes": changes})
    text = Checklist.model_validate_json(new.model_dump_json()).model_dump_json()  # as valid as a real one
    for target in (site / "data" / "kcc-telefoon.json", site / checklist_data_path(new)):
        target.unlink(missing_ok=True)  # new files, as a publication writes them
        target.write_text(text, encoding="utf-8")

    page = site / "scoren" / "kcc-telefoon" / "index.html"
    html = page.read_text(encoding="utf-8")
    changed = (
        html.replace(">Scoren: KCC telefoon<", ">Scoren: KCC telefoon (versie 2)<", 1)
        .replace(f'data-checklist-version="{telefoon.version}"', f'data-checklist-version="{new.version}"', 1)
        .replace(f'data-content-hash="{telefoon.content_hash()}"', f'data-content-hash="{new.content_hash()}"', 1)
    )
    assert changed.count(new.content_hash()) == 1
    page.unlink()
    page.write_text(changed, encoding="utf-8")
    before = (site / "service-worker.js").read_text(encoding="utf-8")
    write_service_worker(site, project_root / "site" / "service-worker.js")
    assert (site / "service-worker.js").read_text(encoding="utf-8") != before
    return "Scoren: KCC telefoon (versie 2)", f"{first.title} (herzien)"


def test_a_new_version_is_offered_with_a_notice_and_never_reloads_the_page_by_itself(
    offline_context: BrowserContext, publication: tuple[Path, str], project_root: Path, telefoon: Checklist
) -> None:
    site, url = publication
    page = offline_context.new_page()
    without_python(page)  # the draft is kept before Python starts; this test needs no score
    open_form(page, url)
    kept_for_offline(page)
    first = telefoon.criteria()[0]
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-9")
    radio(page, f"answer:{first.id}", "ja").click()
    page.evaluate("window.__sameDocument = true")
    notice = page.get_by_role("status").filter(has_text=UPDATE_TEXT)
    expect(notice).to_have_count(0)

    heading, reworded = publish_changed_form(site, project_root, telefoon)
    # the server's policy changes too: files that did not change are downloaded again with the new header
    changed_policy = header_policy() + "; media-src 'self'"
    _Republished.content_security_policy = changed_policy
    # the connection drops and comes back: the page looks for a new version at once (the browser itself would
    # only look much later, or at the next navigation)
    offline_context.set_offline(True)
    offline_context.set_offline(False)
    expect(notice).to_be_visible(timeout=UPDATE_FOUND_MS)
    expect(notice.get_by_role("button", name="Herladen")).to_be_visible()
    assert violations(page) == []
    page.wait_for_timeout(1000)  # time enough for a page that would reload itself to do so
    assert page.evaluate("window.__sameDocument") is True
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("versie 2")
    expect(page.get_by_label("Beoordelaar (pseudoniem)")).to_have_value("coach-9")

    # "Later" puts it away; the next page of the site offers it again
    notice.get_by_role("button", name="Later").click()
    expect(page.get_by_text(UPDATE_TEXT)).to_have_count(0)
    page.reload()
    expect(notice).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("versie 2")  # still the kept version

    # the button is reached with the keyboard and takes the new version; the draft is back
    page.locator("body").focus()
    reload_button = notice.get_by_role("button", name="Herladen")
    for _ in range(30):
        page.keyboard.press("Tab")
        if reload_button.evaluate("b => b === document.activeElement"):
            break
    expect(reload_button).to_be_focused()
    page.unroute("**/pyodide/**")  # what changed in the checklist is worked out by the core
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert page.evaluate("window.__sameDocument") is None
    kept_policy = page.evaluate(
        "async url => (await fetch(url)).headers.get('Content-Security-Policy')", f"{url}assets/ijkpunt/worker.js"
    )
    assert kept_policy == changed_policy  # the same bytes, kept again under the server's new header
    expect(page.get_by_text(UPDATE_TEXT)).to_have_count(0)

    # the draft was started on the old version of the checklist: not rescored with the new one before asked
    changes = page.locator("#ijk-version-changes")
    expect(changes).to_contain_text(f"Gewijzigd: “{reworded}” (naam)", timeout=READY_TIMEOUT_MS)
    expect(page.locator("#ijk-version-text")).to_contain_text(f"versie {telefoon.version}")
    expect(page.get_by_label("Beoordelaar (pseudoniem)")).to_have_value("")
    page.get_by_role("button", name="Openen met de nieuwe versie").click()
    expect(page.get_by_label("Beoordelaar (pseudoniem)")).to_have_value("coach-9")
    expect(radio(page, f"answer:{first.id}", "ja")).to_be_checked()


def test_a_plain_http_host_says_offline_use_is_not_available(offline_context: BrowserContext, site_url: str) -> None:
    # The intranet host is answered by the test's own server through the browser (no DNS, no other host).
    def from_site(route: Route) -> None:
        route.fulfill(response=route.fetch(url=site_url + route.request.url.removeprefix(INTRANET)))

    offline_context.route(f"{INTRANET}**", from_site)
    page = offline_context.new_page()
    without_python(page)
    page.goto(f"{INTRANET}scoren/kcc-telefoon/")
    assert page.evaluate("window.isSecureContext") is False
    status = page.locator("#ijk-offline-status")
    expect(status.get_by_text(UNAVAILABLE_TEXT)).to_be_visible()
    expect(status.get_by_text(READY_TEXT)).to_be_hidden()
    assert violations(page) == []
    page.get_by_label("Beoordelaar (pseudoniem)").fill("werkt wel online")  # the form itself is not affected
    offline_context.unroute_all(behavior="ignoreErrors")  # requests still in flight end with the context
