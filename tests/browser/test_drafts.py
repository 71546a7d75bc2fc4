"""Evaluations never lost (issue 9): drafts kept on the device, several side by side, "Mijn beoordelingen",
storage that is full or blocked, and a draft of an older checklist version that is never silently rescored."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ijkpunt.pages import checklist_data_path
from ijkpunt.project import load_checklist_file
from ijkpunt_core.checklist import Checklist, OptionsScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import FORMAT_VERSION, Answer, Draft, Outcome
from ijkpunt_core.import_api import Importer

from .conftest import READY_TIMEOUT_MS, open_form, wait_ready, without_python

RECORD = "JSON.parse(localStorage.getItem('ijkpunt:evaluation:' + location.hash.split('=')[1]))"


@pytest.fixture(scope="module")
def telefoon(project_root: Path) -> Checklist:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    return checklist


def radio(page: Page, name: str, value: str):  # type: ignore[no-untyped-def]
    return page.locator(f'input[name="{name}"][value="{value}"]')


def start_draft(page: Page, agent: str, telefoon: Checklist) -> str:
    """Fill the metadata and the first answer; the draft's id, from the address."""
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-3")
    page.get_by_label("Medewerker (code)").fill(agent)
    radio(page, f"answer:{telefoon.criteria()[0].id}", "ja").click()
    expect(page).to_have_url(re.compile(r"#concept=[0-9a-f-]{36}$"))
    return page.evaluate("location.hash.split('=')[1]")


def test_half_a_form_comes_back_exactly_after_a_reload(page: Page, site_url: str, telefoon: Checklist) -> None:
    without_python(page)
    open_form(page, site_url)
    expect(page.locator("#ijk-saved")).to_contain_text("Nog niet bewaard")
    draft_id = start_draft(page, "A123", telefoon)
    page.locator(f'textarea[name="comment:{telefoon.criteria()[0].id}"]').fill("Noemde gemeente en eigen naam.")
    page.get_by_label(telefoon.critical_errors[0].title).check()
    radio(page, "outcome", "transferred").click()
    page.get_by_label("Hoe vaak?").fill("2")
    expect(page.locator("#ijk-saved")).to_contain_text("Opgeslagen op dit apparaat om")
    values = page.evaluate(f"{RECORD}.values")

    page.reload()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("A123")
    expect(radio(page, f"answer:{telefoon.criteria()[0].id}", "ja")).to_be_checked()
    expect(page.get_by_label(telefoon.critical_errors[0].title)).to_be_checked()
    expect(page.get_by_label("Hoe vaak?")).to_have_value("2")
    expect(page.locator(f'textarea[name="comment:{telefoon.criteria()[0].id}"]')).to_have_value(
        "Noemde gemeente en eigen naam."
    )
    expect(page.locator("#ijk-saved")).to_contain_text("Bewaard op dit apparaat (concept")
    assert page.evaluate("location.hash") == f"#concept={draft_id}"
    assert page.evaluate(f"{RECORD}.values") == values


def test_two_drafts_side_by_side_in_my_evaluations(page: Page, site_url: str, telefoon: Checklist) -> None:
    without_python(page)
    open_form(page, site_url)
    first = start_draft(page, "A1", telefoon)
    page.get_by_role("button", name="Nieuwe beoordeling").click()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("")
    expect(page.locator("#ijk-status")).to_contain_text("De vorige staat bij Mijn beoordelingen")
    second = start_draft(page, "B2", telefoon)
    assert first != second

    page.get_by_role("link", name="Mijn beoordelingen").first.click()
    rows = page.locator("#ijk-my-rows tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("B2")  # last changed first
    expect(rows.nth(1)).to_contain_text("A1")
    expect(rows.nth(1)).to_contain_text("KCC telefoon")
    expect(rows.nth(1)).to_contain_text("concept")

    rows.nth(1).get_by_role("link", name="Openen").click()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("A1")
    assert page.evaluate("location.hash") == f"#concept={first}"


def test_duplicate_and_delete_with_undo(page: Page, site_url: str, telefoon: Checklist) -> None:
    without_python(page)
    open_form(page, site_url)
    start_draft(page, "A1", telefoon)
    page.goto(f"{site_url}mijn-beoordelingen/")
    rows = page.locator("#ijk-my-rows tr")
    rows.first.get_by_role("button", name="Dupliceren").click()
    expect(rows).to_have_count(2)
    expect(page.locator("#ijk-status")).to_contain_text("Kopie gemaakt")

    page.once("dialog", lambda dialog: dialog.dismiss())
    rows.first.get_by_role("button", name="Verwijderen").click()
    expect(rows).to_have_count(2)  # not confirmed: nothing deleted

    page.once("dialog", lambda dialog: dialog.accept())
    rows.first.get_by_role("button", name="Verwijderen").click()
    expect(rows).to_have_count(1)
    expect(page.locator("#ijk-undo")).to_contain_text("is verwijderd")
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(rows).to_have_count(2)
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('ijkpunt:evaluation:')).length") == 2


def test_a_full_storage_is_said_and_the_form_still_works(page: Page, site_url: str, telefoon: Checklist) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"
    )
    without_python(page)
    open_form(page, site_url)
    page.get_by_label("Medewerker (code)").fill("A1")
    saved = page.locator("#ijk-saved")
    expect(saved).to_contain_text("Niet opgeslagen: de opslag van deze browser is vol")
    expect(saved).to_have_attribute("role", "alert")
    page.goto(f"{site_url}mijn-beoordelingen/")
    expect(page.locator("#ijk-storage")).to_contain_text("De opslag van deze browser is vol")


def test_a_blocked_storage_is_said(page: Page, site_url: str) -> None:
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() {"
        " throw new DOMException('The operation is insecure.', 'SecurityError'); } });"
    )
    without_python(page)
    open_form(page, site_url)
    expect(page.locator("#ijk-saved")).to_contain_text("deze browser staat bewaren niet toe")
    page.get_by_label("Medewerker (code)").fill("A1")  # the form stays usable
    expect(page.locator("#ijk-saved")).to_contain_text("Niet opgeslagen")


def test_a_draft_from_before_several_drafts_is_taken_over(page: Page, site_url: str, telefoon: Checklist) -> None:
    without_python(page)
    page.goto(f"{site_url}downloads/")
    old_draft = {
        "id": "0b8a3c5e-1f2d-4c6b-9a7e-2d4f6b8a0c1e",
        "created_at": "2026-11-20T09:00:00Z",
        "values": {"agent": "C3", f"answer:{telefoon.criteria()[0].id}": "nee"},
    }
    page.evaluate("d => localStorage.setItem('ijkpunt:draft:kcc-telefoon', JSON.stringify(d))", old_draft)
    open_form(page, site_url)
    expect(page.get_by_label("Medewerker (code)")).to_have_value("C3")
    expect(radio(page, f"answer:{telefoon.criteria()[0].id}", "nee")).to_be_checked()
    assert page.evaluate("localStorage.getItem('ijkpunt:draft:kcc-telefoon')") is None
    assert page.evaluate(f"localStorage.getItem('ijkpunt:evaluation:{old_draft['id']}')") is not None


def test_a_draft_of_an_older_version_is_not_silently_rescored(page: Page, site_url: str, telefoon: Checklist) -> None:
    # an older version as the site would have published it: one criterion reworded, one that no longer exists
    first, second = telefoon.criteria()[:2]
    sections = [s.model_copy(update={"criteria": list(s.criteria)}) for s in telefoon.sections]
    sections[0].criteria[0] = first.model_copy(update={"title": "Groet (oude tekst)"})
    removed = second.model_copy(
        update={"id": "oud-criterium", "title": "Een criterium dat verviel", "definition": "Iets wat niet meer telt."}
    )
    sections[0].criteria.append(removed)
    changes = [telefoon.changes[0].model_copy(update={"version": "1.9.0"})]
    old = telefoon.model_copy(update={"version": "1.9.0", "sections": sections, "changes": changes})
    Checklist.model_validate_json(old.model_dump_json())  # as valid as a real published version
    # served beside the site for this test only (the session's built site is shared by other tests)
    page.context.route(
        f"**/{checklist_data_path(old)}",
        lambda route: route.fulfill(status=200, content_type="application/json", body=old.model_dump_json()),
    )

    open_form(page, site_url)
    start_draft(page, "A1", telefoon)
    page.evaluate(
        "([hash, version]) => { const key = 'ijkpunt:evaluation:' + location.hash.split('=')[1];"
        " const r = JSON.parse(localStorage.getItem(key)); r.checklist.content_hash = hash;"
        " r.checklist.version = version; localStorage.setItem(key, JSON.stringify(r)); }",
        [old.content_hash(), old.version],
    )
    page.reload()
    notice = page.locator("#ijk-version-notice")
    expect(notice).to_be_visible()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("")  # not restored before the evaluator chose
    changes = page.locator("#ijk-version-changes")
    expect(changes).to_contain_text(f"Gewijzigd: “{first.title}” (naam)", timeout=READY_TIMEOUT_MS)
    expect(changes).to_contain_text("Vervallen: “Een criterium dat verviel”")
    expect(page.locator("#ijk-version-text")).to_contain_text("versie 1.9.0")
    assert page.evaluate("document.getElementById('ijk-form').inert") is True

    page.get_by_role("button", name="Openen met de nieuwe versie").click()
    expect(notice).to_be_hidden()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("A1")
    assert page.evaluate(f"{RECORD}.checklist.content_hash") == telefoon.content_hash()


def test_a_draft_of_an_unpublished_version_says_so(page: Page, site_url: str, telefoon: Checklist) -> None:
    open_form(page, site_url)
    wait_ready(page)
    start_draft(page, "A1", telefoon)
    expect(page.locator("#ijk-quality")).not_to_have_text("—")  # the live result has been kept too
    page.evaluate(
        "() => { const key = 'ijkpunt:evaluation:' + location.hash.split('=')[1];"
        " const r = JSON.parse(localStorage.getItem(key)); r.checklist.content_hash = 'sha256:' + '0'.repeat(64);"
        " r.checklist.version = '0.9.0'; localStorage.setItem(key, JSON.stringify(r)); }"
    )
    page.reload()
    expect(page.locator("#ijk-version-text")).to_contain_text(
        "die oude versie is niet op deze site gepubliceerd", timeout=READY_TIMEOUT_MS
    )
    assert json.loads(page.evaluate(f"JSON.stringify({RECORD}.checklist)"))["version"] == "0.9.0"  # unchanged


# --- import (Mijn beoordelingen) ------------------------------------------------------------------------------


def complete_evaluation_json(telefoon: Checklist) -> str:
    """A finished evaluation as the core exports it (all criteria answered, critical ones met)."""
    answers = {}
    for c in telefoon.criteria():
        scale = telefoon.scale_of(c)
        assert isinstance(scale, OptionsScale)
        answers[c.id] = Answer(option=scale.options[-1].id)
    draft = Draft(
        id="5d0c2a4e-8b1f-4c3d-9e6a-7f2b1c0d3e4f",
        evaluator="coach-9",
        agent="A77",
        team="Team Zuid",
        contact_date=date(2026, 11, 2),
        created_at=datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
        answers=answers,
        relationship="kept",
        outcome=Outcome(result="direct"),
    )
    evaluation = evaluate(telefoon, draft).evaluation
    assert evaluation is not None
    return evaluation.model_dump_json()


def as_the_form_exports_it(page: Page, text: str) -> str:
    """The bytes of the form's download: the core's JSON, as the browser writes it (scoring-form.js)."""
    return page.evaluate("text => JSON.stringify(JSON.parse(text), null, 2) + '\\n'", text)


def device_state(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def importer(public: Path) -> Importer:
    index = json.loads((public / "data" / "checklists" / "index.json").read_text(encoding="utf-8"))["checklists"]
    texts = [(c["current"], (public / c["url"]).read_text(encoding="utf-8")) for c in index]
    current = ",".join(text for is_current, text in texts if is_current)
    documents = f'{{"current": [{current}], "versions": [{",".join(text for _, text in texts)}]}}'
    return Importer(documents, "nl")


def test_a_good_file_round_trips_byte_for_byte(page: Page, site_url: str, tmp_path: Path, telefoon: Checklist) -> None:
    page.goto(f"{site_url}mijn-beoordelingen/")
    original = as_the_form_exports_it(page, complete_evaluation_json(telefoon))
    source = tmp_path / "2026-11-02_kcc-telefoon_A77_5d0c2a4e.json"
    source.write_text(original, encoding="utf-8")
    page.locator("#ijk-import-files").set_input_files(str(source))
    expect(page.locator("#ijk-status")).to_contain_text("1 beoordelingen geïmporteerd", timeout=READY_TIMEOUT_MS)
    row = page.locator("#ijk-my-rows tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("A77")
    expect(row).to_contain_text("afgerond")
    with page.expect_download() as download:
        row.get_by_role("button", name="Exporteren").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == original
    assert download.value.suggested_filename == source.name  # the name the core gives an export

    # opened on the form, it is there to review or correct
    row.get_by_role("link", name="Openen").click()
    expect(page.get_by_label("Medewerker (code)")).to_have_value("A77")
    expect(page.locator("#ijk-version-notice")).to_be_hidden()


def bad_files(telefoon: Checklist) -> dict[str, str]:
    good = json.loads(complete_evaluation_json(telefoon))
    first = telefoon.criteria()[0].id

    def changed(change: Callable[[dict[str, Any]], None]) -> str:
        data = copy.deepcopy(good)
        change(data)
        return json.dumps(data)

    return {
        "geen-json.json": "Dit is geen JSON, maar een boodschappenlijst.",
        "afgebroken.json": json.dumps(good)[:400],
        "diep.json": "[" * 10_000 + "]" * 10_000,
        "nieuwer.json": changed(lambda d: d.update(format_version=FORMAT_VERSION + 1)),
        "onbekende-checklist.json": changed(lambda d: d["checklist"].update(id="kcc-fax")),
        "onbekend-criterium.json": changed(lambda d: d["answers"].update({"bestaat-niet": {"option": "ja"}})),
        "onbekend-antwoord.json": changed(lambda d: d["answers"][first].update(option="misschien")),
        "andere-scores.json": changed(lambda d: d["scores"].update(quality=12.5)),
    }


def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(
    page: Page, site_url: str, public: Path, tmp_path: Path, telefoon: Checklist
) -> None:
    without_python(page)  # the draft first; the import page starts its own Python
    open_form(page, site_url)
    start_draft(page, "A1", telefoon)
    page.unroute("**/pyodide/**")
    page.goto(f"{site_url}mijn-beoordelingen/")
    before = device_state(page)
    core = importer(public)
    refused = page.locator("#ijk-import-refused")
    for name, text in bad_files(telefoon).items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.locator("#ijk-import-files").set_input_files(str(path))
        expected = json.loads(core.import_text(name, text))["refusals"]
        assert expected, name
        expect(refused).to_contain_text(f"{name} is niet geïmporteerd:", timeout=READY_TIMEOUT_MS)
        for refusal in expected:
            expect(refused).to_contain_text(f"regel {refusal['line']}: {refusal['message']}")
        expect(page.locator("#ijk-status")).to_contain_text("Er is niets veranderd op dit apparaat.")
        assert device_state(page) == before, name

    huge = tmp_path / "enorm.json"
    with huge.open("wb") as handle:  # sparse: 50 MB and one byte, never read by the page
        handle.truncate(50_000_001)
    page.locator("#ijk-import-files").set_input_files(str(huge))
    expect(refused).to_contain_text("groter dan 50 MB")
    assert device_state(page) == before


def test_a_file_picked_before_the_page_script_has_loaded_is_imported(
    page: Page, site_url: str, tmp_path: Path, telefoon: Checklist
) -> None:
    # the page's module loads after the page itself; on a slow machine a quick pick came before it
    page.route("**/my-evaluations.js", lambda route: (page.wait_for_timeout(1000), route.continue_()))
    page.goto(f"{site_url}mijn-beoordelingen/", wait_until="domcontentloaded")
    source = tmp_path / "snel.json"
    source.write_text(complete_evaluation_json(telefoon), encoding="utf-8")
    page.locator("#ijk-import-files").set_input_files(str(source))
    expect(page.locator("#ijk-status")).to_contain_text("1 beoordelingen geïmporteerd", timeout=READY_TIMEOUT_MS)
