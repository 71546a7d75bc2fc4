"""Calibration in Chromium: training against the key, a session of three participants from one link, the
facilitator's results page (figures equal to the core's and to `ijkpunt calibrate`), and a sealed key."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from ijkpunt_core.calibration import calibrate
from ijkpunt_core.kit import KitContact
from ijkpunt_core.result_code import Result, ResultContact, decode, encode, layout
from ijkpunt_core.training import compare
from tests.browser.conftest import READY_TIMEOUT_MS, wait_ready
from tests.browser.test_accessibility import violations
from tests.conftest import PASSPHRASE, ROOT, SEALED_KIT
from tests.core.test_result_code import key_result, kit_of

pytestmark = pytest.mark.browser

KIT = "kalibratie-telefoon"


def form_values(contact: KitContact, changes: dict[str, str] | None = None) -> dict[str, str]:
    """The form input values of someone who answers like the key, with `changes` (criterion → value)."""
    values = {}
    for cid, answer in key_result(contact).answers.items():
        values[f"answer:{cid}"] = (
            "na" if answer.na else str(answer.option if answer.option is not None else answer.grade)
        )
    for cid, value in (changes or {}).items():
        values[f"answer:{cid}"] = value
    return values


def fill(page: Page, values: dict[str, str]) -> None:
    """Tick the radios for `values`, then announce the change as the form's own inputs would."""
    page.evaluate(
        """values => {
            const form = document.getElementById("ijk-form");
            for (const [name, value] of Object.entries(values)) {
                const radio = [...form.elements[name]].find(r => r.value === value);
                radio.checked = true;
            }
            form.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        values,
    )


def other_value(contact: KitContact, criterion: str) -> str:
    kit, checklist, _ = kit_of(KIT)
    slot = next(s for s in layout(kit, checklist).criteria if s.id == criterion)
    key = key_result(contact).answers[criterion]
    return next(str(v) for v in slot.values if str(v) != str(key.option if key.option is not None else key.grade))


def test_training_compares_a_trainee_with_the_key_and_keeps_progress(page: Page, site_url: str) -> None:
    _kit, checklist, contacts = kit_of(KIT)
    contact = contacts[1]
    page.goto(f"{site_url}kalibreren/{KIT}/")
    page.get_by_role("link", name="Oefen met dit contact").nth(1).click()
    expect(page.get_by_role("heading", name=contact.title)).to_be_visible()
    expect(page.locator(f'[data-contact="{contacts[0].id}"]')).to_be_hidden()
    wait_ready(page)
    changed = "empathie"
    values = form_values(contact, {changed: other_value(contact, changed)})
    del values["answer:eenvoudige-taal"]
    fill(page, values)
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Inleveren en vergelijken met de sleutel").click()
    result = page.locator("#ijk-training-result")
    expect(result).to_be_visible()
    # the same comparison the core makes for the same answers
    answers = {cid: a for cid, a in key_result(contact).answers.items() if cid != "eenvoudige-taal"}
    answers[changed] = answers[changed].model_copy(update={"option": values[f"answer:{changed}"]})
    expected = compare(checklist, contact, answers)
    share = f"{round(100 * expected.agreement)}%"
    expect(result).to_contain_text(f"Bij {expected.agreed} van de {expected.compared} criteria")
    expect(result).to_contain_text(share)
    assert asked == ["Je hebt 1 criterium niet beantwoord; dat telt niet mee in de vergelijking. Toch inleveren?"]
    row = result.locator(f'tr[data-criterion="{changed}"]')
    expect(row).to_contain_text("verschil")
    expect(row).to_contain_text(contact.key[changed].rationale[:40])
    expect(result.locator('tr[data-criterion="eenvoudige-taal"]')).to_contain_text("geen antwoord")
    assert violations(page) == []
    # a turn the rationale cites is a link into the transcript on the page
    turn = contact.key[changed].turns[0]
    row.get_by_role("link", name=str(turn), exact=True).click()
    expect(page.locator(f"#{contact.id}-{turn}")).to_be_in_viewport()
    # progress on this device, on the kit page
    page.goto(f"{site_url}kalibreren/{KIT}/")
    expect(page.locator(f'[data-progress="{contact.id}"]')).to_contain_text(f"{share} gelijk aan de sleutel")
    expect(page.locator(f'[data-progress="{contacts[0].id}"]')).to_have_text("nog niet geoefend")


def participate(page: Page, link: str, name: str, answers: list[dict[str, str]]) -> str:
    page.goto(link)
    page.get_by_label("Je naam of initialen").fill(name)
    wait_ready(page)
    for i, values in enumerate(answers):
        expect(page.locator("#ijk-step")).to_contain_text(f"Contact {i + 1} van {len(answers)}")
        fill(page, values)
        last = i == len(answers) - 1
        page.get_by_role("button", name="Klaar, maak mijn resultaatcode" if last else "Volgende contact").click()
    code = page.locator("#ijk-code")
    expect(code).to_have_value(re.compile(r"^IJK1[A-Z2-7]+$"))
    return code.input_value()


def test_a_session_of_three_combines_on_the_results_page_and_in_the_cli(
    browser: Browser, browser_context_args: dict[str, Any], site_url: str, tmp_path: Path
) -> None:
    kit, checklist, contacts = kit_of(KIT)
    hosts: set[str] = set()
    facilitator = browser.new_context(**browser_context_args)
    page = facilitator.new_page()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.goto(f"{site_url}kalibreren/{KIT}/sessie/")
    page.get_by_label(contacts[3].title).uncheck()
    page.get_by_label("Toont inlevingsvermogen").uncheck()
    # the page's module fills the links and may load after the page: wait for the choice to be in them
    chosen = "contacten=" + ",".join(c.id for c in contacts[:3])
    expect(page.get_by_label("Link voor de deelnemers")).to_have_value(re.compile(re.escape(chosen) + "(&|$)"))
    participant_link = page.get_by_label("Link voor de deelnemers").input_value()
    results_link = page.get_by_label("Link voor de resultaten (voor jou)").input_value()
    assert "contacten=" + ",".join(c.id for c in contacts[:3]) in participant_link
    assert "empathie" not in participant_link

    chosen = contacts[:3]
    plans = {
        "Anne": [form_values(c) for c in chosen],
        "Bram": [form_values(c, {"empathie": other_value(c, "empathie")}) for c in chosen],
        "Cas": [form_values(c, {"informatie-juist": other_value(c, "informatie-juist")}) for c in chosen],
    }
    codes = {}
    for name, answers in plans.items():
        context = browser.new_context(**browser_context_args)
        participant = context.new_page()
        participant.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
        codes[name] = participate(participant, participant_link, name, answers)
        if name == "Anne":
            assert violations(participant) == []
        # blind: no rationale of the key anywhere on the page
        assert not any(c.key["empathie"].rationale[:30] in participant.content() for c in chosen)
        if name == "Cas":
            with participant.expect_download() as download:
                participant.get_by_role("button", name="Resultaatbestand downloaden").click()
            result_file = tmp_path / download.value.suggested_filename
            download.value.save_as(result_file)
        context.close()

    page.goto(results_link)
    wait_ready(page)
    damaged = codes["Bram"][:-2] + ("A" if codes["Bram"][-2] != "A" else "B") + codes["Bram"][-1]
    chat = f"[10:01] Anne: {codes['Anne']}\n[10:02] Bram: {codes['Bram']}\n[10:03] Dirk: {damaged}\n"
    page.get_by_label("Resultaatcodes").fill(chat)
    page.get_by_label("Resultaatbestanden").set_input_files(str(result_file))
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator("#ijk-results")).to_be_visible()
    expect(page.locator("#ijk-refused")).to_contain_text("regel 3")
    expect(page.locator("#ijk-refused li")).to_have_count(1)

    kit_layout = layout(kit, checklist)
    results = [decode(codes[n], kit_layout) for n in ("Anne", "Bram")] + [decode(codes["Cas"], kit_layout)]
    assert all(isinstance(r, Result) for r in results)
    core = calibrate(kit, checklist, contacts, results, focus=[f for f in kit.focus if f != "empathie"])  # type: ignore[arg-type]
    agenda = page.locator("#ijk-agenda tbody tr")
    expect(agenda).to_have_count(len(core.criteria))
    assert agenda.evaluate_all("rows => rows.map(r => r.dataset.criterion)") == core.agenda
    by_id = {c.criterion: c for c in core.criteria}
    for criterion in ("empathie", "informatie-juist", "begroeten-en-voorstellen"):
        cells = page.locator(f'#ijk-agenda tr[data-criterion="{criterion}"] td')
        figures = by_id[criterion]
        expect(cells.nth(1)).to_have_text(f"{round(100 * figures.percent_agreement)}%")  # type: ignore[operator]
        expect(cells.nth(5)).to_have_text(f"{round(100 * figures.key_agreement)}%")  # type: ignore[operator]
    expect(page.locator('#ijk-agenda tr[data-criterion="empathie"] .ijk-tag--focus')).to_have_count(0)
    # who chose what, per contact: Bram differed from the key on empathie in every contact
    page.locator('#ijk-agenda tr[data-criterion="empathie"] summary').click()
    bram = plans["Bram"][0]["answer:empathie"]
    expect(
        page.locator(f'#ijk-agenda tr[data-criterion="empathie"] li[data-contact="{chosen[0].id}"]')
    ).to_contain_text(f"{chosen[0].title}: Anne {plans['Anne'][0]['answer:empathie']} · Bram {bram}")
    for p in core.participants:
        row = page.locator(f'#ijk-participants tr[data-participant="{p.participant}"]')
        expect(row.locator("td").nth(0)).to_have_text(f"{round(100 * p.key_agreement)}%")  # type: ignore[operator]
    heat = page.locator('#ijk-heatmap tbody tr:nth-child(2) td[data-criterion="empathie"]')
    expect(heat).to_have_text("0%")
    page.get_by_role("button", name="Toon de sleutel met de redenen").click()
    expect(page.locator("#ijk-key")).to_contain_text(chosen[0].key["empathie"].rationale[:40])
    assert violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als JSON").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported == json.loads(core.model_dump_json())
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Download als CSV").click()
    csv_text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    assert csv_text.startswith("soort;id;titel;maat;waarde")

    # the CLI on the same codes gives the same figures
    codes_file = tmp_path / "codes.txt"
    codes_file.write_text(chat, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "ijkpunt"), "--project", str(ROOT), "calibrate"]
    cli = subprocess.run(
        [*command, str(codes_file), str(result_file), "--kit", KIT, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.stdout, cli.stderr
    cli_calibration = json.loads(cli.stdout)["calibration"]
    assert cli_calibration["participants"] == exported["participants"]
    figures = ("percent_agreement", "krippendorff_alpha", "gwet_ac1", "applicability_agreement", "key_agreement")
    for from_cli, from_page in zip(cli_calibration["criteria"], exported["criteria"], strict=True):
        assert [from_cli[f] for f in figures] == [from_page[f] for f in figures]
    assert hosts == {urlparse(site_url).netloc}, "a request left the site"
    facilitator.close()


def test_a_sealed_key_is_not_in_the_site_and_opens_with_the_passphrase(page: Page, site_url: str, public: Path) -> None:
    kit, checklist, contacts = kit_of(SEALED_KIT)
    secret = contacts[0].key[next(iter(contacts[0].key))].rationale
    for path in public.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".txt", ".xml", ".yaml", ".md"):
            assert secret not in path.read_text(encoding="utf-8", errors="replace"), path
    code = encode(
        layout(kit, checklist), "Eva", [ResultContact(contact=contacts[0].id, answers=key_result(contacts[0]).answers)]
    )
    page.goto(f"{site_url}kalibreren/{SEALED_KIT}/resultaten/")
    wait_ready(page)
    page.get_by_label("Resultaatcodes").fill(code)
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator("#ijk-agenda tbody tr").first.locator("td").nth(5)).to_have_text("verzegeld")
    expect(page.get_by_role("button", name="Toon de sleutel met de redenen")).to_be_hidden()
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    page.get_by_role("button", name="Sleutel openen").click()
    expect(page.locator("#ijk-unseal-message")).to_contain_text("Dat wachtwoord klopt niet", timeout=READY_TIMEOUT_MS)
    assert violations(page) == []
    page.get_by_label("Wachtwoord").fill(PASSPHRASE)
    page.get_by_role("button", name="Sleutel openen").click()
    expect(page.locator('#ijk-participants tr[data-participant="Eva"] td').nth(0)).to_have_text("100%")
    page.get_by_role("button", name="Toon de sleutel met de redenen").click()
    expect(page.locator("#ijk-key")).to_contain_text(secret[:40])


def test_a_damaged_or_foreign_code_is_refused_with_a_reason(page: Page, site_url: str) -> None:
    kit, checklist, contacts = kit_of(KIT)
    good = encode(
        layout(kit, checklist), "Fien", [ResultContact(contact=contacts[0].id, answers=key_result(contacts[0]).answers)]
    )
    other_kit, other_checklist, other_contacts = kit_of("kalibratie-chat")
    foreign = encode(
        layout(other_kit, other_checklist), "Gijs", [ResultContact(contact=other_contacts[0].id, answers={})]
    )
    page.goto(f"{site_url}kalibreren/{KIT}/resultaten/#drempel=2")
    wait_ready(page)
    page.get_by_label("Resultaatcodes").fill(f"{good[:-6]}\n{foreign}\nIJK1ABC!\n")
    page.get_by_role("button", name="Resultaten berekenen").click()
    refused = page.locator("#ijk-refused li")
    expect(refused).to_have_count(3)
    expect(refused.nth(0)).to_contain_text("regel 1")
    expect(refused.nth(1)).to_contain_text("andere kit")
    expect(page.locator("#ijk-results")).to_be_hidden()
    # the good code whole: figures, with the session's own threshold from the link
    page.get_by_label("Resultaatcodes").fill(good)
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator("#ijk-results-summary")).to_contain_text("Drempel voor mild of streng: 2,0 punten")
    expect(page.locator("#ijk-refused")).to_be_hidden()
