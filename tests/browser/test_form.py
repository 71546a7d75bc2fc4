"""The scoring form in Chromium: fill, see the score, export, and compare with CPython.

Python starts once per session on a shared page (`form`, tests/browser/conftest.py); each test that
uses it starts from an empty form ("Nieuwe beoordeling"). Tests that reload, count requests or break
the runtime open their own page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ijkpunt.project import load_checklist_file
from ijkpunt.schemas import schema_files
from ijkpunt.serve import SiteHandler
from ijkpunt_core.checklist import Checklist, OptionsScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Evaluation, Outcome
from ijkpunt_core.scoring import running_quality, score

from ..conftest import serving
from .conftest import READY_TIMEOUT_MS, open_form, wait_ready, without_python

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def telefoon(project_root: Path) -> Checklist:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    return checklist


def planned_answers(checklist: Checklist) -> dict[str, Answer]:
    """A spread of answers: every option position, some n.v.t., critical criteria met."""
    answers = {}
    for i, criterion in enumerate(checklist.criteria()):
        scale = checklist.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        if criterion.na.allowed and i % 4 == 1:
            answers[criterion.id] = Answer(na=True)
        elif criterion.critical:
            answers[criterion.id] = Answer(option=max(scale.options, key=lambda o: o.points).id)
        else:
            answers[criterion.id] = Answer(option=scale.options[(i + 1) % len(scale.options)].id)
    return answers


def fill_metadata(page: Page) -> None:
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")


def radio(page: Page, name: str, value: str):  # type: ignore[no-untyped-def]
    return page.locator(f'input[name="{name}"][value="{value}"]')


def shown_percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "%"


def test_fill_score_export_equals_cpython(
    page: Page, context: BrowserContext, site_url: str, telefoon: Checklist
) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    open_form(page, site_url)

    # Usable before Python has loaded: type the metadata with the keyboard straight away.
    page.get_by_label("Beoordelaar (pseudoniem)").click()
    page.keyboard.type("coach-7")
    page.keyboard.press("Tab")
    page.keyboard.type("A123")
    page.keyboard.press("Tab")
    page.keyboard.type("Team Noord")
    page.get_by_label("Afdeling").fill("Publiekszaken")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    page.get_by_label("Soort beoordeling").select_option("monitoring")
    wait_ready(page)

    answers = planned_answers(telefoon)
    quality = page.locator("#ijk-quality")
    expect(quality).to_have_text("—")
    first_section = telefoon.sections[0]

    def option_position(criterion_id: str) -> int:
        scale = telefoon.scale_of(telefoon.criterion(criterion_id))  # type: ignore[arg-type]
        assert isinstance(scale, OptionsScale)
        return [o.id for o in scale.options].index(str(answers[criterion_id].option))

    by_keyboard = next(c.id for c in telefoon.criteria() if not answers[c.id].na and option_position(c.id) >= 1)
    for criterion in telefoon.criteria():
        answer = answers[criterion.id]
        value = "na" if answer.na else str(answer.option)
        if criterion.id == by_keyboard:
            # keyboard: focus the lowest option, then the arrow key moves the choice up one
            scale = telefoon.scale_of(criterion)
            assert isinstance(scale, OptionsScale)
            position = [o.id for o in scale.options].index(value)
            radio(page, f"answer:{criterion.id}", scale.options[position - 1].id).click()
            page.keyboard.press("ArrowRight")
            expect(radio(page, f"answer:{criterion.id}", value)).to_be_checked()
        else:
            radio(page, f"answer:{criterion.id}", value).click()
        if criterion is first_section.criteria[-1]:
            # the section score appears as soon as the section is complete
            expected = score(telefoon, answers, None, None).sections[0].score
            section_score = page.locator(f'[data-section-score="{first_section.id}"]')
            n = len(first_section.criteria)
            expect(section_score).to_have_text(f"{n}/{n} ingevuld" if expected is None else shown_percent(expected))
    page.locator('textarea[name="comment:' + telefoon.criteria()[0].id + '"]').fill("Duidelijke opening.")
    answers[telefoon.criteria()[0].id] = answers[telefoon.criteria()[0].id].model_copy(
        update={"comment": "Duidelijke opening."}
    )
    expect(page.locator("#ijk-missing")).to_contain_text("relatievraag")
    # incomplete: no total yet, but a running score marked provisional
    running = running_quality(telefoon, answers)
    assert running is not None
    expect(quality).to_have_text(shown_percent(running))
    expect(quality).to_have_attribute("data-value", "")
    expect(page.locator("#ijk-provisional")).to_have_text("voorlopig")

    radio(page, "relationship", "strengthened").click()
    radio(page, "outcome", "transferred").click()
    page.get_by_label("Hoe vaak?").fill("2")
    outcome = Outcome(result="transferred", transfers=2)

    expected_scores = score(telefoon, answers, "strengthened", outcome)
    assert expected_scores.complete and expected_scores.quality is not None
    expect(quality).to_have_text(shown_percent(expected_scores.quality))
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")
    expect(page.locator("#ijk-provisional")).to_be_hidden()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    download = download_info.value
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))

    assert download.suggested_filename.startswith("2026-11-20_kcc-telefoon_A123_")
    assert not download.suggested_filename.endswith("_concept.json")
    expect(page.locator("#ijk-status")).to_have_text(f"Geëxporteerd als {download.suggested_filename}.")
    Draft202012Validator(json.loads(schema_files()["evaluation.schema.json"])).validate(exported)
    evaluation = Evaluation.model_validate(exported)
    assert evaluation.answers == answers
    assert (evaluation.evaluator, evaluation.agent, evaluation.team, evaluation.department) == (
        "coach-7",
        "A123",
        "Team Noord",
        "Publiekszaken",
    )
    assert evaluation.contact_date == date(2026, 11, 20)
    assert evaluation.outcome == outcome and evaluation.relationship == "strengthened"
    assert evaluation.checklist.content_hash == telefoon.content_hash()
    # CPython's core, given the same answers, produces exactly the same document
    recomputed = evaluate(telefoon, evaluation.draft(), evaluation.tool_version).evaluation
    assert recomputed is not None
    assert recomputed.model_dump(mode="json") == exported
    assert evaluation.scores == expected_scores

    # "export all": every finished evaluation of this browser in one JSON Lines file, as the dashboard reads it
    with page.expect_download() as all_info:
        page.get_by_role("button", name="Alles exporteren (JSON Lines)").click()
    lines = Path(all_info.value.path()).read_text(encoding="utf-8").splitlines()
    assert all_info.value.suggested_filename.endswith(".jsonl")
    assert [json.loads(line) for line in lines] == [exported]
    expect(page.locator("#ijk-status")).to_contain_text("1 afgeronde beoordelingen")

    origin = urlsplit(site_url).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin]
    assert any(u.endswith(".whl") for u in requests), "the worker's requests must be recorded too"
    assert foreign == []


def test_a_failed_critical_criterion_and_a_critical_error_are_explained(form: Page, telefoon: Checklist) -> None:
    page = form
    critical = next(c for c in telefoon.criteria() if c.critical)
    radio(page, f"answer:{critical.id}", "nee").click()
    message = page.locator("#ijk-critical")
    expect(message).to_be_visible()
    expect(message).to_contain_text(critical.title)
    expect(message).to_contain_text("Niet geslaagd")
    expect(page.locator("#ijk-compliance-failed")).to_contain_text(critical.title)
    error = telefoon.critical_errors[0]
    page.get_by_label(error.title).check()
    expect(message).to_contain_text(error.title)
    radio(page, f"answer:{critical.id}", "ja").click()
    page.get_by_label(error.title).uncheck()
    expect(message).to_be_hidden()


def test_the_anchors_of_a_criterion_are_on_the_form(form: Page, telefoon: Checklist) -> None:
    page = form
    criterion = next(c for c in telefoon.criteria() if len(c.anchors) == 3)
    anchors = page.locator(f"#c-{criterion.id} details.ijk-anchors")
    first_option = telefoon.scale_of(criterion).options[0]  # type: ignore[union-attr]
    expect(anchors.get_by_text(criterion.anchors[first_option.id])).to_be_hidden()
    anchors.locator("summary").click()
    for option_id, text in criterion.anchors.items():
        expect(anchors.get_by_text(text, exact=True)).to_be_visible()
        assert option_id
    anchors.locator("summary").click()


def test_export_without_evaluator_is_refused_in_dutch(form: Page) -> None:
    page = form
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Exporteren als JSON").click()
    problems = page.locator("#ijk-problems")
    expect(problems).to_contain_text("Vul 'Beoordelaar' in.")
    expect(problems).to_contain_text("Vul 'Datum van het contact' in.")
    expect(page.get_by_label("Beoordelaar (pseudoniem)")).to_be_focused()
    assert downloads == []


@pytest.mark.parametrize("checklist_id", ["kcc-email", "kcc-chat"])
def test_other_channels_load_and_score(page: Page, site_url: str, project_root: Path, checklist_id: str) -> None:
    checklist = load_checklist_file(project_root / "checklists" / f"{checklist_id}.yaml").value
    assert checklist is not None
    open_form(page, site_url, checklist_id)
    wait_ready(page)
    answers = planned_answers(checklist)
    for criterion_id, answer in answers.items():
        radio(page, f"answer:{criterion_id}", "na" if answer.na else str(answer.option)).click()
    radio(page, "relationship", "weakened").click()
    radio(page, "outcome", "direct").click()
    expected = score(checklist, answers, "weakened", Outcome(result="direct"))
    assert expected.quality is not None
    expect(page.locator("#ijk-quality")).to_have_text(shown_percent(expected.quality))
    expect(page.locator("#ijk-relationship")).to_have_text("verzwakt")


class _WrongWasmType(SiteHandler):
    extensions_map = {**SiteHandler.extensions_map, ".wasm": "application/octet-stream"}  # noqa: RUF012


@pytest.fixture
def misconfigured_url(public: Path) -> Iterator[str]:
    with serving(public, handler=_WrongWasmType) as url:
        yield url


def test_wrong_wasm_mime_type_gives_a_dutch_explanation(page: Page, misconfigured_url: str) -> None:
    open_form(page, misconfigured_url)
    expect(page.locator("html")).to_have_attribute("data-python", "error", timeout=READY_TIMEOUT_MS)
    status = page.locator("#ijk-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("application/wasm")
    expect(status).to_contain_text("application/octet-stream")


def test_opened_from_file_says_a_web_server_is_needed(page: Page, public: Path) -> None:
    page.goto((public / "scoren" / "kcc-telefoon" / "index.html").as_uri())
    expect(page.locator("html")).to_have_attribute("data-python", "error")
    expect(page.locator("#ijk-status")).to_contain_text("webserver")
    page.get_by_label("Beoordelaar (pseudoniem)").fill("nog steeds invulbaar")


def test_watchdog_explains_a_runtime_that_never_arrives(page: Page, site_url: str) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: None)  # the request hangs, as behind a broken proxy
    page.goto(f"{site_url}scoren/kcc-telefoon/?watchdog=2")
    expect(page.locator("html")).to_have_attribute("data-python", "error", timeout=10_000)
    expect(page.locator("#ijk-status")).to_contain_text("na 2 seconden nog niet geladen")
    expect(page.locator("#ijk-status")).to_contain_text("web.config")


def test_a_bsn_in_a_comment_is_pointed_out_and_blocks_export(form: Page, telefoon: Checklist) -> None:
    page = form
    first = telefoon.criteria()[0]
    fill_metadata(page)
    page.locator(f'textarea[name="comment:{first.id}"]').fill("Inwoner noemde BSN 111222333 hardop.")
    notice = page.locator("#ijk-privacy")
    expect(notice).to_contain_text(f"Toelichting bij “{first.title}”: Hier staat waarschijnlijk een BSN")
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-problems")).to_contain_text("BSN")
    assert downloads == []
    page.locator(f'textarea[name="comment:{first.id}"]').fill("Inwoner noemde zijn BSN hardop.")
    expect(notice).to_be_hidden()


# --- form input, running score, export feedback (issue 5) ---------------------------------------------------


def test_how_many_times_shows_only_for_a_transferred_contact(form: Page) -> None:
    page = form
    transfers = page.get_by_label("Hoe vaak?")
    expect(transfers).to_be_hidden()
    radio(page, "outcome", "direct").click()
    expect(transfers).to_be_hidden()
    radio(page, "outcome", "transferred").click()
    expect(transfers).to_be_visible()
    radio(page, "outcome", "callback").click()
    expect(transfers).to_be_hidden()


@pytest.mark.parametrize("value", ["0", "25", "2.5", "-1", ""])
def test_a_bad_number_of_transfers_is_named_and_blocks_export(form: Page, telefoon: Checklist, value: str) -> None:
    page = form
    fill_metadata(page)
    first = telefoon.criteria()[0]
    radio(page, f"answer:{first.id}", "ja").click()
    radio(page, "outcome", "transferred").click()
    field = page.get_by_label("Hoe vaak?")
    field.fill(value)
    message = page.locator("#c-outcome .ijk-field-error")
    expect(message).to_have_text(re.compile(r"^Vul een heel getal van 1 tot en met 20 in"))
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", re.compile(r"ijk-err-"))
    # the rest is still scored: a running score for the answer given
    expect(page.locator("#ijk-quality")).not_to_have_text("—")
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Exporteren als JSON").click()
    problems = page.locator("#ijk-problems")
    expect(problems).to_contain_text("Hoe vaak?: Vul een heel getal van 1 tot en met 20 in")
    expect(field).to_be_focused()
    assert downloads == []
    field.fill("3")
    expect(message).to_have_count(0)


def test_an_incomplete_export_says_it_is_not_finished(form: Page, telefoon: Checklist) -> None:
    page = form
    fill_metadata(page)
    radio(page, f"answer:{telefoon.criteria()[0].id}", "ja").click()
    expect(page.locator("#ijk-provisional")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    name = download_info.value.suggested_filename
    assert name.startswith("2026-11-20_kcc-telefoon_A1_") and name.endswith("_concept.json")
    status = page.locator("#ijk-status")
    expect(status).to_contain_text(f"Geëxporteerd als {name}, maar deze beoordeling is nog niet af")
    expect(status).to_contain_text("de relatievraag")
    expect(status).to_have_attribute("data-state", "incomplete")


def test_running_score_is_provisional_and_follows_the_core(form: Page, telefoon: Checklist) -> None:
    page = form
    quality, badge = page.locator("#ijk-quality"), page.locator("#ijk-provisional")
    expect(badge).to_be_hidden()
    answers = {}
    for criterion in telefoon.criteria()[:3]:
        scale = telefoon.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        option = scale.options[0].id if criterion is telefoon.criteria()[1] else scale.options[-1].id
        radio(page, f"answer:{criterion.id}", option).click()
        answers[criterion.id] = Answer(option=option)
        running = running_quality(telefoon, answers)
        expect(quality).to_have_text("—" if running is None else shown_percent(running))
    expect(badge).to_have_text("voorlopig")
    expect(quality).to_have_attribute("data-provisional", "true")


def test_blocked_export_focuses_the_first_problem_and_links_each_to_its_field(form: Page, telefoon: Checklist) -> None:
    page = form
    third = telefoon.criteria()[2]
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    comment = page.locator(f'textarea[name="comment:{third.id}"]')
    comment.fill("BSN 111222333")
    expect(page.locator("#ijk-privacy")).to_be_visible()
    page.get_by_role("button", name="Exporteren als JSON").click()
    problems = page.locator("#ijk-problems button")
    # in page order: the agent code (metadata) comes before the comment
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_have_text("Medewerker (code): Vul 'Medewerker (code)' in.")
    expect(problems.nth(1)).to_contain_text(f"Toelichting bij “{third.title}”: Hier staat waarschijnlijk een BSN")
    agent = page.get_by_label("Medewerker (code)")
    expect(agent).to_be_focused()
    expect(agent).to_have_attribute("aria-describedby", "ijk-problem-0")
    expect(comment).to_have_attribute("aria-describedby", "ijk-problem-1")
    problems.nth(1).click()
    expect(comment).to_be_focused()
    # with the agent filled in, focus goes to the comment
    agent.fill("A1")
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-problems button")).to_have_count(1)
    expect(comment).to_be_focused()


def test_na_not_allowed_focuses_the_criterion(form: Page, telefoon: Checklist) -> None:
    """A tampered radio value (n.v.t. where it is not offered) is refused at the criterion's first radio."""
    page = form
    fill_metadata(page)
    criterion = next(c for c in telefoon.criteria() if not c.na.allowed)
    page.evaluate(
        """name => { const r = document.querySelector(`input[name="${name}"]`); r.value = "na"; r.click(); }""",
        f"answer:{criterion.id}",
    )
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-problems")).to_contain_text(f"“{criterion.title}”")
    expect(page.locator(f'input[name="answer:{criterion.id}"]').first).to_be_focused()
    page.evaluate(
        """name => { const r = document.querySelector(`input[name="${name}"]`); r.checked = false; }""",
        f"answer:{criterion.id}",
    )


def test_phone_width_score_bar_is_compact_and_expands(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    without_python(page)
    open_form(page, site_url)
    panel = page.locator("#ijk-scores")
    box = panel.bounding_box()
    assert box is not None and box["height"] < 0.15 * 740, box
    details, toggle = page.locator("#ijk-score-details"), page.get_by_role("button", name="Details van de score tonen")
    expect(details).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(details).to_be_visible()
    expect(details).to_contain_text("Compliance")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    context.close()


def test_a_missing_page_gets_the_dutch_404_page(page: Page, site_url: str) -> None:
    response = page.goto(f"{site_url}handboek/bestaat-niet/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    expect(page.get_by_role("link", name="Naar de startpagina")).to_be_visible()


def test_the_footer_has_only_our_copyright(page: Page, site_url: str) -> None:
    page.goto(site_url)
    footer = page.locator(".md-copyright")
    expect(footer).to_contain_text("CC-BY-4.0")
    expect(footer).not_to_contain_text("Material")
    # one link, to our own privacy page; none to another host
    expect(footer.locator("a")).to_have_count(1)
    expect(footer.get_by_role("link", name="Privacy — wat deze site bewaart")).to_have_attribute(
        "href", "handboek/privacy/"
    )
