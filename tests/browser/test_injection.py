"""Hostile text through every other input path, in Chromium: kit texts and a transcript, result codes, an
imported evaluation (Mijn beoordelingen, the evaluation page and its feedback sheet), dashboard files, and
the report `ijkpunt aggregate` writes. Checklist texts and form fields: test_hostile_content.py.

Every payload sets window.__pwned when it runs; a page passes when nothing ran, no dialog opened, no element
carries an event-handler attribute, no link goes to javascript:, and the payload reads as text where it is shown.
Hostile files on the same paths are refused in Dutch with their place, and the page keeps working.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ijkpunt_core.evaluation import AgentResponse, Answer, Dispute, Evaluation
from ijkpunt_core.result_code import ResultContact, encode, layout
from ijkpunt_core.review import OutcomeInput, RulingInput, decide, respond

from ..conftest import serving
from ..hostile import BREAKOUT, CONTACT, IMG, JS_LINK, KIT, PAYLOADS, SCRIPT, SVG, hostile_kit_project
from ..review_files import TELEFOON, evaluation_file
from .conftest import READY_TIMEOUT_MS, wait_ready, without_python

pytestmark = pytest.mark.browser

INERT = """() => ({
  pwned: window.__pwned ?? null,
  handlers: [...document.querySelectorAll("*")]
    .filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on")))
    .map((e) => e.outerHTML.slice(0, 120)),
  links: [...document.querySelectorAll("a[href], iframe[src], form[action], embed[src], object[data]")]
    .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? e.getAttribute("data"))
    .filter((target) => /^\\s*(javascript|data|vbscript):/i.test(target)),
  injected: [...document.querySelectorAll("img[src='x'], svg[onload], script")]
    .filter((e) => e.tagName !== "SCRIPT" || (e.type !== "application/json" && e.text.includes("__pwned")))
    .map((e) => e.outerHTML.slice(0, 120)),
})"""


def watch(page: Page) -> list[str]:
    """Every dialog the page opens (none may)."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def assert_inert(page: Page, dialogs: list[str]) -> None:
    for link in page.locator("main a:not([href]), main a[href='']").all():  # what a sanitiser left of a link
        link.dispatch_event("click")
    found = page.evaluate(INERT)
    assert found == {"pwned": None, "handlers": [], "links": [], "injected": []}, found
    assert dialogs == []


# --- kits: texts, transcript, key reasons, result codes ----------------------------------------------------


@pytest.fixture(scope="module")
def hostile_kit_url(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Iterator[str]:
    """A site whose telephone kit carries every payload; the loader's refusal (test_injection_files) is switched
    off here, so the renderer alone has to hold."""
    import ijkpunt.project
    from ijkpunt.build import build

    project = tmp_path_factory.mktemp("hostile-kit") / "project"
    hostile_kit_project(project, project_root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ijkpunt.project, "unsafe_text_problems", lambda *_: iter(()))
        build(project, project / "public")
    with serving(project / "public") as url:
        yield url


KIT_TITLE = f"Kalibratie {IMG}"
CONTACT_TITLE = f"Lantaarnpaal {BREAKOUT}"


@pytest.mark.parametrize("path", ["", "oefenen/", "sessie/", "deelnemen/", "resultaten/"])
def test_hostile_kit_texts_are_shown_as_text(page: Page, hostile_kit_url: str, path: str) -> None:
    without_python(page)  # what these pages show of the kit is there before Python
    dialogs = watch(page)
    page.goto(f"{hostile_kit_url}kalibreren/{KIT}/{path}")
    expect(page.locator("h1")).to_contain_text(KIT_TITLE)
    assert KIT_TITLE in page.title()
    main = page.locator("main")
    if path in ("", "oefenen/", "deelnemen/"):
        expect(main).to_contain_text(CONTACT_TITLE)
    if path in ("oefenen/", "deelnemen/"):
        turn = page.locator(f"[id='{CONTACT}-2']").first
        expect(turn).to_contain_text(f"Inwoner: {IMG}")
        expect(turn).to_contain_text(SVG)
    if path == "":
        expect(main).to_contain_text(f'Vraag "> {SVG}')  # a discussion question: the sanitiser dropped the tags
    assert_inert(page, dialogs)


def test_a_hostile_session_link_is_said_as_text(page: Page, site_url: str) -> None:
    """A session link comes from a chat: what it names is shown as text, and the page says the link is wrong."""
    from urllib.parse import quote

    without_python(page)
    dialogs = watch(page)
    page.goto(f"{site_url}kalibreren/{KIT}/deelnemen/#contacten={quote(IMG)},{quote(BREAKOUT)}&versie={quote(SVG)}")
    problem = page.locator("#ijk-session-problem")
    expect(problem).to_contain_text(f"Deze link noemt contacten die niet in deze kit staan ({IMG}, {BREAKOUT})")
    assert_inert(page, dialogs)


def test_hostile_names_in_result_codes_and_kit_reasons_stay_text_on_the_results_page(
    page: Page, hostile_kit_url: str, tmp_path: Path
) -> None:
    """Participants' names come from codes anyone can make; the key's reasons from the kit. The CSV quotes a
    name that a spreadsheet would run as a formula."""
    from tests.core.test_result_code import key_result, kit_of

    kit, checklist, contacts = kit_of(KIT)
    kit_layout = layout(kit, checklist)
    names = ["<img src=x>", "<script>x", '"><b>x</b>', "=1+1"]  # a name has at most 12 characters
    first = next(c for c in contacts if c.id == CONTACT)
    codes = [
        encode(kit_layout, name, [ResultContact(contact=CONTACT, answers=key_result(first).answers)]) for name in names
    ]
    dialogs = watch(page)
    page.goto(f"{hostile_kit_url}kalibreren/{KIT}/resultaten/")
    wait_ready(page)
    page.get_by_label("Resultaatcodes").fill(
        "\n".join(f"{name}: {code}" for name, code in zip(names, codes, strict=True))
    )
    page.get_by_role("button", name="Resultaten berekenen").click()
    for name in names:
        expect(page.locator("#ijk-participants tbody th").filter(has_text=name)).to_have_count(1)
    page.get_by_role("button", name="Toon de sleutel met de redenen").click()
    expect(page.locator("#ijk-key")).to_contain_text(f"Reden {IMG} {BREAKOUT}")
    expect(page.locator("#ijk-results")).to_contain_text(CONTACT_TITLE)
    assert_inert(page, dialogs)

    with page.expect_download() as info:
        page.locator("#ijk-export-csv").click()
    rows = list(csv.reader(Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    shown = {row[1] for row in rows if row[0] == "participant"}
    assert shown == {"<img src=x>", "<script>x", '"><b>x</b>', "'=1+1"}

    # hostile input on the same path: refused with a reason each, the figures of the good codes stay
    garbage = tmp_path / "codes.txt"
    garbage.write_text("IJK1" + "A" * 200_000 + "\n" + codes[0][:-9] + "\nIJK1ABC!\nIJK1" + "Z" * 40 + "\n")
    binary = tmp_path / "resultaat.json"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "groot.txt"
    with huge.open("wb") as handle:  # sparse: never read by the page
        handle.truncate(1_000_001)
    page.get_by_label("Resultaatcodes").fill(codes[1])
    page.locator("#ijk-files").set_input_files([str(garbage), str(binary), str(huge)])
    page.get_by_role("button", name="Resultaten berekenen").click()
    refused = page.locator("#ijk-refused li")
    expect(refused).to_have_count(6)
    expect(page.locator("#ijk-refused")).to_contain_text("codes.txt, regel 1")
    expect(page.locator("#ijk-refused")).to_contain_text("groot.txt")
    expect(page.locator("#ijk-participants tbody tr")).to_have_count(1)
    assert_inert(page, dialogs)


# --- an imported evaluation: Mijn beoordelingen, the evaluation page, the feedback sheet --------------------


HOSTILE_FIELDS: dict[str, Any] = {
    "agent": BREAKOUT,
    "evaluator": IMG,
    "team": SVG,
    "department": SCRIPT,
    "notes": " ".join(PAYLOADS),
}


def hostile_evaluation(folder: Path) -> Path:
    """A coach's evaluation with every payload in its names and comments, disputed and decided."""
    path = evaluation_file(folder, "beoordeling.json", **HOSTILE_FIELDS)
    evaluation = Evaluation.model_validate_json(path.read_text(encoding="utf-8"))
    answers = dict(evaluation.answers)
    answers["laten-uitpraten"] = Answer(option="onvoldoende", comment=" ".join(PAYLOADS))
    evaluation = evaluation.model_copy(update={"answers": answers})
    at = datetime(2026, 11, 30, tzinfo=UTC)
    dispute = Dispute(criterion="vraag-samenvatten", comment=f"Bezwaar {IMG} {JS_LINK}")
    response = AgentResponse(type="response", by=BREAKOUT, at=at, position="disputed", disputes=[dispute])
    responded = respond(TELEFOON, evaluation, response).evaluation
    assert responded is not None
    ruling = RulingInput(criterion="vraag-samenvatten", decision="rejected", comment=f"Besluit {SVG} {SCRIPT}")
    decided = decide(TELEFOON, responded, OutcomeInput(by=IMG, at=at, rulings=[ruling])).evaluation
    assert decided is not None
    path.write_text(decided.model_dump_json(), encoding="utf-8")
    return path


def device_state(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def test_a_hostile_evaluation_stays_text_from_import_to_feedback_sheet(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    path = hostile_evaluation(tmp_path)
    good = json.loads(path.read_text(encoding="utf-8"))
    dialogs = watch(page)
    page.goto(f"{site_url}mijn-beoordelingen/")

    # a JSON Lines file with one bad line among good ones: refused whole, with the line, nothing changed
    lines = tmp_path / "drie.jsonl"
    other = {**good, "id": "0b6f1c9e-2a51-4c8e-9d0e-0000000000aa"}
    lines.write_text(f"{json.dumps(good)}\n{{kapot: {IMG}\n{json.dumps(other)}\n", encoding="utf-8")
    before = device_state(page)
    page.locator("#ijk-import-files").set_input_files(str(lines))
    refused = page.locator("#ijk-import-refused")
    expect(refused).to_contain_text("drie.jsonl is niet geïmporteerd:", timeout=READY_TIMEOUT_MS)
    expect(refused).to_contain_text("regel 2: geen geldige JSON")
    expect(page.locator("#ijk-status")).to_contain_text("Er is niets veranderd op dit apparaat.")
    assert device_state(page) == before

    page.locator("#ijk-import-files").set_input_files(str(path))
    expect(page.locator("#ijk-status")).to_contain_text("1 beoordelingen geïmporteerd", timeout=READY_TIMEOUT_MS)
    row = page.locator("#ijk-my-rows tr")
    expect(row).to_contain_text(BREAKOUT)
    assert_inert(page, dialogs)

    row.get_by_role("link", name="Bekijken").click()
    wait_ready(page)
    sheet = page.locator("#ijk-sheet")
    expect(page.locator("#ijk-sheet-meta")).to_contain_text(BREAKOUT)
    expect(page.locator("#ijk-sheet-meta")).to_contain_text(IMG)
    expect(sheet).to_contain_text(" ".join(PAYLOADS))  # the comment and the notes, as written
    expect(page.locator("main")).to_contain_text(f"Bezwaar {IMG} {JS_LINK}")
    expect(page.locator("main")).to_contain_text(f"Besluit {SVG} {SCRIPT}")
    assert_inert(page, dialogs)
    page.emulate_media(media="print")  # the printable feedback sheet
    expect(sheet).to_be_visible()
    expect(page.locator(".ijk-improvement[data-criterion='laten-uitpraten']")).to_contain_text(IMG)
    assert_inert(page, dialogs)


def test_hostile_files_on_the_evaluation_page_are_refused_and_the_page_keeps_working(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    from ijkpunt_core.text_safety import MAX_DIGITS

    files = {
        "geen-json.json": (b"Dit is geen JSON.", "geen geldige JSON: hier hoort een waarde"),
        "binair.json": (bytes(range(128, 256)) * 40, "het bestand is geen UTF-8"),
        "diep.json": (b"[" * 10_000 + b"]" * 10_000, "dieper genest"),
        "getal.json": (b'{"format_version": ' + b"9" * (MAX_DIGITS + 1) + b"}", "een getal van meer dan"),
    }
    huge = tmp_path / "groot.json"
    with huge.open("wb") as handle:  # sparse: 50 MB and one byte, never read by the page
        handle.truncate(50_000_001)
    dialogs = watch(page)
    page.goto(f"{site_url}beoordeling/")
    wait_ready(page)
    problems = page.locator("#ijk-review-problems")
    for name, (content, reason) in files.items():
        (tmp_path / name).write_bytes(content)
        page.locator("#ijk-file").set_input_files(str(tmp_path / name))
        expect(problems).to_contain_text(f"{name} is niet geopend")
        expect(problems).to_contain_text(reason)
    page.locator("#ijk-file").set_input_files(str(huge))
    expect(problems).to_contain_text("groter dan 50 MB")
    expect(page.locator("#ijk-sheet")).to_be_hidden()

    page.locator("#ijk-file").set_input_files(str(evaluation_file(tmp_path, "goed.json")))  # still works
    expect(page.locator("#ijk-sheet")).to_be_visible()
    page.locator("#ijk-compare-file").set_input_files(str(huge))
    expect(problems).to_contain_text("Deze twee beoordelingen zijn niet te vergelijken.")
    expect(problems).to_contain_text("groter dan 50 MB")
    assert_inert(page, dialogs)


# --- the dashboard: names in tables, filters and charts (no chart has names in a tooltip); hostile files ------


def test_hostile_names_and_files_on_the_dashboard(page: Page, site_url: str, tmp_path: Path) -> None:
    from tests.builders import shipped
    from tests.generator.evaluation_files import evaluations

    names = [IMG, BREAKOUT, SVG]
    files = []
    made = evaluations(shipped("kcc-telefoon"), 9, seed=4)
    for i, evaluation in enumerate(made[:6]):
        fields = {"team": names[i % 3], "department": SCRIPT, "agent": names[(i + 1) % 3], "evaluator": names[i % 2]}
        path = tmp_path / f"e{i}.json"
        path.write_text(evaluation.model_copy(update=fields).model_dump_json(), encoding="utf-8")
        files.append(path)
    jsonl = tmp_path / "rest.jsonl"
    rest = [e.model_copy(update={"team": IMG}).model_dump_json() for e in made[6:]]
    jsonl.write_text(f"{rest[0]}\n{{kapot\n{rest[1]}\n{rest[2]}\n", encoding="utf-8")
    hostile = {
        "geen-json.json": b"Dit is geen JSON.",
        "binair.json": bytes(range(256)) * 40,
        "diep.json": b"[" * 10_000 + b"]" * 10_000,
        f"{IMG}.json": b"{}",
    }
    for name, content in hostile.items():
        (tmp_path / name).write_bytes(content)
    huge = tmp_path / "groot.json"
    with huge.open("wb") as handle:  # sparse: 50 MB of nothing, read by the page and refused by the core
        handle.truncate(50_000_000)

    dialogs = watch(page)
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    chosen = [*files, jsonl, *(tmp_path / name for name in hostile), huge]
    page.locator("#ijk-files").set_input_files([str(p) for p in chosen])
    expect(page.locator("#ijk-dashboard-results")).to_be_visible(timeout=READY_TIMEOUT_MS)
    expect(page.locator("#ijk-summary")).to_contain_text("6 geweigerd")
    refused = page.locator("#ijk-refused")
    expect(refused).to_contain_text("rest.jsonl, regel 2")
    for name in ("geen-json.json", "binair.json", "diep.json", "groot.json", f"{IMG}.json"):
        expect(refused).to_contain_text(name)
    expect(refused).to_contain_text("geen UTF-8")
    expect(refused).to_contain_text("dieper genest")
    groups = page.locator("#ijk-groups tbody tr")
    assert {IMG, BREAKOUT, SVG} <= set(groups.locator("th").all_text_contents())
    assert {IMG, BREAKOUT, SVG} <= set(groups.evaluate_all("rows => rows.map((r) => r.dataset.group)"))
    expect(page.locator("#ijk-charts figure svg")).to_have_count(3)
    drawn = page.locator("#ijk-charts svg text").filter(has_text=BREAKOUT[:30])  # a long label ends in …
    expect(drawn.first).to_be_visible()
    for dimension in ("team", "department", "agent", "evaluator"):
        options = page.locator(f"#ijk-filters select[name={dimension}] option")
        texts, values = options.all_text_contents(), options.evaluate_all("all => all.map((o) => o.value)")
        assert texts[1:] == values[1:] and set(texts) & {IMG, BREAKOUT, SVG, SCRIPT}, (dimension, texts)
    assert_inert(page, dialogs)

    # a filter on a hostile name works as on any name
    page.locator("#ijk-filters select[name=team]").select_option(BREAKOUT)
    expect(page.locator("#ijk-summary")).to_contain_text("2 meegeteld")
    assert_inert(page, dialogs)


# --- the report `ijkpunt aggregate` writes, opened from disk --------------------------------------------------


def test_the_aggregate_report_shows_hostile_names_as_text(page: Page, tmp_path: Path) -> None:
    from ijkpunt.cli import main
    from tests.builders import shipped
    from tests.generator.evaluation_files import evaluations

    folder = tmp_path / "in"
    folder.mkdir()
    names = [IMG, BREAKOUT, SVG, SCRIPT]
    for i, evaluation in enumerate(evaluations(shipped("kcc-telefoon"), 8, seed=5)):
        fields = {"team": names[i % 4], "department": names[(i + 1) % 4], "agent": names[i % 2], "evaluator": IMG}
        (folder / f"e{i}.json").write_text(evaluation.model_copy(update=fields).model_dump_json(), encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["aggregate", str(folder), "--out", str(out), "--min-n", "1"]) == 0
    dialogs = watch(page)
    page.goto((out / "rapport.html").as_uri())
    body = page.locator("body")
    for name in names:
        expect(body).to_contain_text(name)
    drawn = page.locator("svg text").filter(has_text=BREAKOUT[:30])  # the team chart, drawn by vl-convert
    expect(drawn.first).to_be_visible()
    found = page.evaluate(INERT)
    assert found == {"pwned": None, "handlers": [], "links": [], "injected": []}, found
    assert dialogs == []
