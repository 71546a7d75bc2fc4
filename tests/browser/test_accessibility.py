"""WCAG 2.1 A/AA rules that a machine can check (axe-core), on every kind of page and form state, in the light
and the dark colour scheme (the site follows prefers-color-scheme).

Pages whose state is costly to reach (Python started, files loaded, a key opened) are prepared once per module
and checked in both schemes by switching the emulated preference; pages where Python plays no part do not start it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ijkpunt_core.result_code import ResultContact, encode, layout
from tests.core.test_result_code import key_result, kit_of

from ..review_files import evaluation_file
from .conftest import READY_TIMEOUT_MS, wait_ready, without_python

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # the emulated preference -> the theme's scheme on <body>
KIT = "kalibratie-telefoon"


def violations(page: Page) -> list[str]:
    # colours are judged when they are final: the theme animates its drawer and links after a resize or click
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    if not page.evaluate("typeof axe !== 'undefined'"):
        # axe comes as a file of the site's own origin, which the site's Content-Security-Policy allows (an inline
        # script would be refused); the route answers it, nothing is written into the site
        origin = urlsplit(page.url)
        axe_url = f"{origin.scheme}://{origin.netloc}/__axe-under-test.js"
        page.context.route(axe_url, lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
        page.add_script_tag(url=axe_url)
    result: dict[str, Any] = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def in_scheme(page: Page, scheme: str) -> None:
    """The reader's device asks for `scheme`; the page follows it without a reload."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])


def scheme_violations(page: Page, scheme: str) -> list[str]:
    in_scheme(page, scheme)
    return violations(page)


@pytest.fixture(params=list(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def own_page(browser: Browser, browser_context_args: dict[str, Any]) -> Page:
    return browser.new_context(**browser_context_args).new_page()


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
        "beoordeling/",
        "bestaat-niet/",  # the 404 page
    ],
)
def test_pages_pass_axe(page: Page, site_url: str, path: str, scheme: str) -> None:
    without_python(page)  # what is checked here is the page as it arrives
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(site_url + path)
    assert scheme_violations(page, scheme) == []


def test_a_criterion_reached_by_its_anchor_passes_axe(page: Page, site_url: str, scheme: str) -> None:
    """A reader follows "Uitleg en voorbeelden" from the form: the criterion is the page's target, highlighted."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(f"{site_url}handboek/kcc-telefoon/#identiteit-vaststellen")
    target = page.locator("#identiteit-vaststellen")
    expect(target).to_be_in_viewport()
    assert target.evaluate("node => node.matches(':target')")
    # highlighted: the target looks different from a heading that is not the target
    other = page.locator("h3").first
    style = "node => { const s = getComputedStyle(node); return [s.backgroundColor, s.outlineStyle, s.boxShadow]; }"
    assert target.evaluate(style) != other.evaluate(style)
    assert scheme_violations(page, scheme) == []


def test_form_with_messages_passes_axe(form: Page, scheme: str) -> None:
    page = form
    in_scheme(page, scheme)
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
        page.emulate_media(color_scheme="light")


def test_form_after_an_export_passes_axe(form: Page, scheme: str) -> None:
    page = form
    in_scheme(page, scheme)
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    page.locator('input[name="answer:identiteit-vaststellen"][value="ja"]').click()
    with page.expect_download():
        page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-status")).to_have_attribute("data-state", "incomplete")
    try:
        assert violations(page) == []
    finally:
        page.emulate_media(color_scheme="light")


def test_my_evaluations_with_a_draft_passes_axe(page: Page, site_url: str, scheme: str) -> None:
    without_python(page)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(f"{site_url}scoren/kcc-telefoon/")
    page.get_by_label("Medewerker (code)").fill("A1")
    expect(page.locator("#ijk-saved")).to_contain_text("Opgeslagen")
    page.goto(f"{site_url}mijn-beoordelingen/")
    expect(page.locator("#ijk-my-rows tr")).to_have_count(1)
    assert scheme_violations(page, scheme) == []
    page.set_viewport_size({"width": 360, "height": 740})  # rows as cards
    assert violations(page) == []


@pytest.fixture(scope="module")
def training(browser: Browser, browser_context_args: dict[str, Any], site_url: str) -> Iterator[Page]:
    """A trainee's answers handed in and compared with the key."""
    _, _, contacts = kit_of(KIT)
    page = own_page(browser, browser_context_args)
    page.goto(f"{site_url}kalibreren/{KIT}/oefenen/#{contacts[0].id}")
    wait_ready(page)
    page.locator("#ijk-form input[type=radio]").first.check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Inleveren en vergelijken met de sleutel").click()
    expect(page.locator("#ijk-training-result")).to_be_visible()
    yield page
    page.context.close()


def test_training_with_a_result_passes_axe(training: Page, scheme: str) -> None:
    assert scheme_violations(training, scheme) == []


@pytest.fixture(scope="module")
def results(browser: Browser, browser_context_args: dict[str, Any], site_url: str) -> Iterator[Page]:
    """The facilitator's results of three participants, with the key and its reasons shown."""
    kit, checklist, contacts = kit_of(KIT)
    kit_layout = layout(kit, checklist)
    codes = [encode(kit_layout, name, [key_result(c) for c in contacts[:2]]) for name in ("Anne", "Bram")] + [
        encode(kit_layout, "Cas", [ResultContact(contact=c.id, answers={}) for c in contacts[:2]])
    ]
    page = own_page(browser, browser_context_args)
    page.goto(f"{site_url}kalibreren/{KIT}/resultaten/")
    wait_ready(page)
    page.get_by_label("Resultaatcodes").fill("\n".join(codes))
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator("#ijk-results")).to_be_visible()
    page.get_by_role("button", name="Toon de sleutel met de redenen").click()
    expect(page.locator("#ijk-key")).to_be_visible()
    yield page
    page.context.close()


def test_calibration_results_with_the_key_pass_axe(results: Page, scheme: str) -> None:
    assert scheme_violations(results, scheme) == []


@pytest.fixture(scope="module")
def dashboard(browser: Browser, browser_context_args: dict[str, Any], site_url: str) -> Iterator[Page]:
    """The dashboard with the example evaluations (examples/evaluaties-voorbeeld) loaded by its own button."""
    page = own_page(browser, browser_context_args)
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    page.locator("#ijk-example").click()
    expect(page.locator("#ijk-dashboard-results")).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator("#ijk-charts svg").first).to_be_visible(timeout=READY_TIMEOUT_MS)
    yield page
    page.context.close()


def test_dashboard_with_the_examples_passes_axe(dashboard: Page, scheme: str) -> None:
    assert scheme_violations(dashboard, scheme) == []


@pytest.fixture(scope="module")
def review(
    browser: Browser, browser_context_args: dict[str, Any], site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Page]:
    """The review page with an evaluation opened: the feedback sheet and the agent's response form."""
    path = evaluation_file(tmp_path_factory.mktemp("review"), "beoordeling.json")
    page = own_page(browser, browser_context_args)
    page.goto(f"{site_url}beoordeling/")
    wait_ready(page)
    page.locator("#ijk-file").set_input_files(str(path))
    expect(page.locator("#ijk-sheet")).to_be_visible()
    yield page
    page.context.close()


def test_review_page_passes_axe(review: Page, scheme: str) -> None:
    assert scheme_violations(review, scheme) == []


def test_printed_feedback_sheet_is_black_on_white_and_passes_axe(review: Page, scheme: str) -> None:
    page = review
    in_scheme(page, scheme)
    page.emulate_media(media="print", color_scheme=scheme)  # type: ignore[arg-type]
    try:
        colours = page.locator("#ijk-sheet").evaluate(
            """sheet => [...new Set([sheet, ...sheet.querySelectorAll('*')]
                 .filter(n => n.checkVisibility())
                 .map(n => getComputedStyle(n).color))]"""
        )
        assert colours == ["rgb(0, 0, 0)"]
        backgrounds = page.evaluate(
            """() => [document.body, document.querySelector('#ijk-sheet')]
                 .map(n => getComputedStyle(n).backgroundColor)"""
        )
        assert all(b in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)") for b in backgrounds), backgrounds
        assert violations(page) == []
    finally:
        page.emulate_media(media="screen")


def test_nothing_is_told_by_colour_alone(training: Page, results: Page, form: Page) -> None:
    """Pass and fail, agreement and a failed critical criterion are said in words or a sign beside their colour."""
    marks = training.locator("#ijk-training-result tbody td.ijk-different")
    assert marks.count() >= 1
    for cell in marks.all():  # a difference with the key: the word and a cross, not only red
        assert cell.inner_text() == "verschil"
        assert cell.evaluate("n => getComputedStyle(n, '::before').content") == '"✗ " / ""'
    # the heat map of agreement with the key: every cell has its figure; the lowest are bold too
    cells = results.locator("#ijk-heatmap td.ijk-heat")
    assert cells.count() > 0
    assert all(re.fullmatch(r"\d+%|—", text) for text in cells.all_inner_texts())
    for cell in results.locator("#ijk-heatmap td.ijk-heat--low").all():
        assert int(cell.evaluate("n => getComputedStyle(n).fontWeight")) >= 700
    # the form: a failed critical criterion and the band are written out
    for i in range(4):
        form.locator("#ijk-form fieldset.ijk-criterion:visible").nth(i).locator("input[type=radio]").nth(1).click()
    expect(form.locator("#ijk-band")).to_have_text(re.compile(r"^Betekenis: \w+"))
    form.locator('input[name="answer:identiteit-vaststellen"][value="nee"]').click()
    expect(form.locator("#ijk-critical")).to_have_text(re.compile(r"^Niet geslaagd: “Stelt de identiteit vast"))
