"""The site's Content-Security-Policy refuses nothing the site does, on any page type, once the page is fully working.

The session's server sends the policy as a header (ijkpunt.serve) and every page carries it as a meta tag. What
the policy refuses is recorded twice: by a `securitypolicyviolation` listener installed before any of the page's
scripts (conftest.CSP_RECORDER), and by the browser's own console and page errors that name the policy. The
Pyodide worker takes the header's policy; what it refuses there stops Python (wait_ready fails) or is caught by a
listener installed in the worker once it runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, expect

from ijkpunt_core.result_code import ResultContact, encode, layout
from tests.browser.conftest import CSP_RECORDER, csp_violations, wait_ready
from tests.browser.test_calibration import KIT, fill, form_values, other_value
from tests.browser.test_form import planned_answers, radio
from tests.builders import shipped
from tests.core.test_result_code import key_result, kit_of
from tests.review_files import evaluation_file

pytestmark = pytest.mark.browser

POLICY_WORDS = re.compile(r"Content.Security.Policy", re.IGNORECASE)
WORKER_RECORDER = """() => {
  if (self.__ijkCspViolations) return;
  const seen = (self.__ijkCspViolations = []);
  self.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} refused ${e.blockedURI}`));
}"""


class Recorder:
    """Every page of one context: what the policy refused there, from the page, its workers and its console."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.console: list[str] = []
        self.pages: list[Page] = []

    def new_page(self) -> Page:
        page = self.context.new_page()
        self.watch(page)
        return page

    def watch(self, page: Page) -> None:
        self.pages.append(page)

        def on_console(message: ConsoleMessage) -> None:
            if POLICY_WORDS.search(message.text):
                self.console.append(f"{page.url}: {message.text}")

        def on_error(error: Error) -> None:
            if POLICY_WORDS.search(str(error)):
                self.console.append(f"{page.url}: {error}")

        page.on("console", on_console)
        page.on("pageerror", on_error)

    def listen_in_workers(self, page: Page) -> None:
        for worker in page.workers:
            worker.evaluate(WORKER_RECORDER)

    def refused(self, page: Page) -> list[str]:
        found = [f"{page.url}: {v}" for v in csp_violations(page)]
        for worker in page.workers:
            found += [f"{worker.url}: {v}" for v in worker.evaluate("() => self.__ijkCspViolations ?? []")]
        return found + self.console


@pytest.fixture(scope="module")
def recorder(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Recorder]:
    context = browser.new_context(**browser_context_args)
    context.add_init_script(CSP_RECORDER)
    yield Recorder(context)
    context.close()


@pytest.fixture
def page(recorder: Recorder) -> Iterator[Page]:
    """A page of the recording context; the test asserts on it, and the console is cleared for the next test."""
    page = recorder.new_page()
    yield page
    recorder.console.clear()
    page.close()


def charts_drawn(page: Page) -> None:
    expect(page.locator(".ijk-chart svg").first).to_be_visible()


@pytest.mark.parametrize(
    "path",
    ["", "handboek/kcc-telefoon/", "handboek/scores/", "handboek/zo-beoordeel-je/", "downloads/", "kalibreren/"],
)
def test_handbook_pages_with_search_used(page: Page, recorder: Recorder, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # the theme's bundle runs
    # search: the theme's bundle and its search worker, with the index fetched and a result shown
    search = page.get_by_role("textbox", name="Zoeken")
    search.click()
    # the worker builds the index first (seconds on a busy machine); until then the theme says it is starting, and
    # a query typed before that may be answered only by the next keystroke
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Typ om te beginnen met zoeken", timeout=60_000)
    search.press_sequentially("telefoon")  # typed: the theme searches on keystrokes
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    assert recorder.refused(page) == []


def test_not_found_page(page: Page, recorder: Recorder, site_url: str) -> None:
    response = page.goto(f"{site_url}bestaat-niet/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert recorder.refused(page) == []


def test_scoring_form_with_python_ready_and_an_export_done(shared_page: Page) -> None:
    page = shared_page
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if POLICY_WORDS.search(m.text) else None)
    page.get_by_role("button", name="Nieuwe beoordeling").click()
    telefoon = shipped("kcc-telefoon")
    for criterion_id, answer in planned_answers(telefoon).items():
        radio(page, f"answer:{criterion_id}", "na" if answer.na else str(answer.option)).click()
    radio(page, "relationship", "kept").click()
    radio(page, "outcome", "direct").click()
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-status")).to_have_text(f"Geëxporteerd als {download.value.suggested_filename}.")
    for worker in page.workers:
        worker.evaluate(WORKER_RECORDER)
    page.get_by_role("button", name="Nieuwe beoordeling").click()  # one more round trip through the worker
    expect(page.locator("#ijk-quality")).to_have_text("—")
    # since the shared form loaded: everything the session's form tests did there, and this export
    refused = csp_violations(page) + [
        v for w in page.workers for v in w.evaluate("() => self.__ijkCspViolations ?? []")
    ]
    assert refused + console == []


def test_my_evaluations_with_a_draft(page: Page, recorder: Recorder, site_url: str) -> None:
    page.goto(f"{site_url}scoren/kcc-telefoon/")  # a draft is kept before Python is ready
    page.get_by_label("Medewerker (code)").fill("CSP-1")
    expect(page.locator("#ijk-saved")).to_contain_text("Opgeslagen")
    page.goto(f"{site_url}mijn-beoordelingen/")
    row = page.locator("#ijk-my-rows tr").filter(has_text="CSP-1")
    expect(row).to_have_count(1)
    assert recorder.refused(page) == []


def test_review_page_with_an_evaluation_open(page: Page, recorder: Recorder, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}beoordeling/")
    wait_ready(page)
    recorder.listen_in_workers(page)
    page.locator("#ijk-file").set_input_files(str(evaluation_file(tmp_path, "beoordeling.json")))
    expect(page.locator("#ijk-sheet")).to_be_visible()
    assert recorder.refused(page) == []


def test_kit_page_and_session_page(page: Page, recorder: Recorder, site_url: str) -> None:
    _kit, _checklist, contacts = kit_of(KIT)
    page.goto(f"{site_url}kalibreren/{KIT}/")
    expect(page.get_by_role("link", name="Oefen met dit contact").first).to_be_visible()
    assert recorder.refused(page) == []
    page.goto(f"{site_url}kalibreren/{KIT}/sessie/")
    page.get_by_label(contacts[3].title).uncheck()
    expect(page.get_by_label("Link voor de deelnemers")).to_have_value(re.compile("contacten="))
    assert recorder.refused(page) == []


def test_training_with_a_result(page: Page, recorder: Recorder, site_url: str) -> None:
    _kit, _checklist, contacts = kit_of(KIT)
    contact = contacts[0]
    page.goto(f"{site_url}kalibreren/{KIT}/")
    page.get_by_role("link", name="Oefen met dit contact").first.click()
    expect(page.get_by_role("heading", name=contact.title)).to_be_visible()
    wait_ready(page)
    recorder.listen_in_workers(page)
    fill(page, form_values(contact, {"empathie": other_value(contact, "empathie")}))
    page.get_by_role("button", name="Inleveren en vergelijken met de sleutel").click()
    expect(page.locator("#ijk-training-result")).to_be_visible()
    assert recorder.refused(page) == []


def test_participant_page_to_its_code(page: Page, recorder: Recorder, site_url: str) -> None:
    _kit, _checklist, contacts = kit_of(KIT)
    page.goto(f"{site_url}kalibreren/{KIT}/deelnemen/")
    page.get_by_label("Je naam of initialen").fill("Anne")
    wait_ready(page)
    recorder.listen_in_workers(page)
    for i, contact in enumerate(contacts):
        expect(page.locator("#ijk-step")).to_contain_text(f"Contact {i + 1} van {len(contacts)}")
        fill(page, form_values(contact))
        last = i == len(contacts) - 1
        page.get_by_role("button", name="Klaar, maak mijn resultaatcode" if last else "Volgende contact").click()
    expect(page.locator("#ijk-code")).to_have_value(re.compile(r"^IJK1[A-Z2-7]+$"))
    assert recorder.refused(page) == []


def test_results_page_with_codes_combined(page: Page, recorder: Recorder, site_url: str) -> None:
    kit, checklist, contacts = kit_of(KIT)
    kit_layout = layout(kit, checklist)
    codes = [
        encode(kit_layout, name, [ResultContact(contact=c.id, answers=key_result(c).answers) for c in contacts])
        for name in ("Fien", "Gijs")
    ]
    page.goto(f"{site_url}kalibreren/{KIT}/resultaten/")
    wait_ready(page)
    recorder.listen_in_workers(page)
    page.get_by_label("Resultaatcodes").fill("\n".join(codes))
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator("#ijk-results")).to_be_visible()
    assert recorder.refused(page) == []


def test_dashboard_with_the_example_data_and_its_charts(page: Page, recorder: Recorder, site_url: str) -> None:
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    recorder.listen_in_workers(page)
    page.get_by_role("button", name="Probeer met voorbeelddata").click()
    expect(page.locator("#ijk-dashboard-results")).to_be_visible(timeout=60_000)
    charts_drawn(page)  # vega, its expression interpreter (no new Function) and its tooltips' styles
    # a mark's tooltip: vega-tooltip's element, styled by ijkpunt.css instead of an injected <style>
    page.locator(".ijk-chart .mark-symbol path").first.hover()
    expect(page.locator("#vg-tooltip-element")).to_be_visible()
    assert recorder.refused(page) == []


def test_the_recorder_sees_what_the_policy_refuses(page: Page, recorder: Recorder, site_url: str) -> None:
    """The listeners above would find a refusal: an inline script, an inline style and eval, each refused."""
    page.goto(site_url)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true";
            document.body.append(script);
            document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
            setTimeout(() => {
              try { eval("window.ranEval = true"); } catch (e) { document.body.dataset.evalRefused = e.name; }
            });
        }"""
    )
    expect(page.locator("body")).to_have_attribute("data-eval-refused", "EvalError")
    wanted = ("script-src-elem refused inline", "style-src-attr refused inline", "script-src refused eval")
    # the browser reports a refusal in a task of its own: wait until all three are in (polled from here: it reads
    # the workers and the console too)
    for _ in range(100):
        refused = "\n".join(recorder.refused(page))
        if all(w in refused for w in wanted):
            break
        page.wait_for_timeout(100)
    assert [w for w in wanted if w not in refused] == []
    assert page.evaluate("() => [window.ranInline ?? false, window.ranEval ?? false]") == [False, False]
    assert any("Content Security Policy" in line for line in recorder.console)  # the console names the policy
