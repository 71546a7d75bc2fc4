"""Calibration kits load through the project's loader and are checked against their exact checklist version."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ijkpunt.cli import main
from ijkpunt.project import load_checklist_file, load_project
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.kit import parse_transcript
from ijkpunt_core.privacy import is_iban, personal_data_in_text
from ijkpunt_core.problems import Code

TRANSCRIPT = """\
1. **Medewerker:** Goedemorgen, gemeente Lindeveld, u spreekt met Sanne.
2. **Inwoner:** Goedemorgen, ik bel over de lantaarnpaal in de Beukenlaan.
3. **Medewerker:** *(typt)* Ik zie uw melding van vorige week.
4. **Inwoner (10:02):** Al voor de derde keer!
   Het is echt donker 's avonds.
5. **Medewerker:** Dat begrijp ik. Ik zet het door naar de buitendienst.
"""


def telefoon(project_root: Path) -> Checklist:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    return checklist


def kit_project(tmp_path: Path, project_root: Path) -> Path:
    """A project with the shipped telephone checklist and one valid kit of one contact."""
    project = tmp_path / "project"
    (project / "checklists").mkdir(parents=True)
    shutil.copy(project_root / "checklists" / "kcc-telefoon.yaml", project / "checklists")
    (project / "site").mkdir()
    shutil.copytree(project_root / "site" / "examples", project / "site" / "examples")
    checklist = telefoon(project_root)
    folder = project / "calibration_kits" / "kit-test"
    (folder / "contacts").mkdir(parents=True)
    kit = {
        "id": "kit-test",
        "version": "1.0.0",
        "title": "Testkit",
        "license": "CC-BY-4.0",
        "checklist": {"id": checklist.id, "version": checklist.version},
        "description": "Een kit voor de tests.",
        "focus": ["informatie-juist"],
        "facilitator_notes": "Neem de tijd.",
        "discussion_questions": ["Wat zag je?"],
        "contacts": ["lantaarnpaal"],
    }
    key = {}
    for criterion in checklist.criteria():
        scale = checklist.scale_of(criterion)
        first = scale.options[0].id  # type: ignore[union-attr]
        key[criterion.id] = {"option": first, "rationale": "Beurt 1.", "turns": [1]}
    contact = {
        "id": "lantaarnpaal",
        "title": "Lantaarnpaal",
        "summary": "Een inwoner belt over een lantaarnpaal.",
        "transcript": "lantaarnpaal.md",
        "agent": "Medewerker A",
        "key": key,
        "critical_errors": [],
        "relationship": {"answer": "kept", "rationale": "Beurt 5."},
        "outcome": {"result": "direct"},
    }
    write_yaml(folder / "kit.yaml", kit)
    write_yaml(folder / "contacts" / "lantaarnpaal.yaml", contact)
    (folder / "contacts" / "lantaarnpaal.md").write_text(TRANSCRIPT, encoding="utf-8")
    return project


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    yaml = YAML()
    yaml.width = 4096
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def edit_yaml(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    edit(data)
    write_yaml(path, data)


def test_a_valid_kit_loads_with_its_contacts_and_turns(tmp_path: Path, project_root: Path) -> None:
    project = load_project(kit_project(tmp_path, project_root))
    assert project.diagnostics == []
    [kit] = project.kits
    assert kit.checklist is not None and kit.checklist.version == telefoon(project_root).version
    [contact] = kit.contacts
    assert [t.number for t in contact.turns] == [1, 2, 3, 4, 5]
    assert contact.turns[3].speaker == "Inwoner (10:02)"
    assert contact.turns[3].text == "Al voor de derde keer!\nHet is echt donker 's avonds."


KIT = "calibration_kits/kit-test/kit.yaml"
CONTACT = "calibration_kits/kit-test/contacts/lantaarnpaal.yaml"


@pytest.mark.parametrize(
    ("file", "edit", "code", "path"),
    [
        (KIT, lambda d: d["checklist"].update(version="9.9.9"), Code.KIT_UNKNOWN_CHECKLIST, ("checklist",)),
        (KIT, lambda d: d.update(focus=["bestaat-niet"]), Code.UNKNOWN_CRITERION, ("focus", 0)),
        (KIT, lambda d: d.update(id="anders"), Code.KIT_FOLDER_MISMATCH, ("id",)),
        (KIT, lambda d: d["contacts"].append("weg"), Code.KIT_CONTACT_MISSING, ("contacts", 1)),
        (CONTACT, lambda d: d["key"].pop("empathie"), Code.KEY_MISSING, ("key",)),
        (CONTACT, lambda d: d["key"]["empathie"].update(option="misschien"), Code.UNKNOWN_OPTION,
         ("key", "empathie", "option")),
        (CONTACT, lambda d: d["key"].update({"begroeten-en-voorstellen": {"na": True, "rationale": "x"}}),
         Code.NA_NOT_ALLOWED, ("key", "begroeten-en-voorstellen", "na")),
        (CONTACT, lambda d: d["key"]["empathie"].update(na=True), Code.ONE_CHOICE, ("key", "empathie")),
        (CONTACT, lambda d: d["key"]["empathie"].update(turns=[1, 99]), Code.UNKNOWN_TURN,
         ("key", "empathie", "turns", 1)),
        (CONTACT, lambda d: d["key"].update({"bestaat-niet": {"option": "ja", "rationale": "x"}}),
         Code.UNKNOWN_CRITERION, ("key", "bestaat-niet")),
        (CONTACT, lambda d: d.update(critical_errors=[{"id": "ruzie", "rationale": "x"}]),
         Code.UNKNOWN_CRITICAL_ERROR, ("critical_errors", 0, "id")),
        (CONTACT, lambda d: d.update(id="ander-contact"), Code.FILE_NAME_MISMATCH, ("id",)),
    ],
    ids=["checklist-version", "focus", "folder", "contact-missing", "key-missing", "option", "na-forbidden",
         "two-choices", "turn", "criterion", "critical-error", "contact-file-name"],
)  # fmt: skip
def test_kit_problems_are_reported_with_their_place(
    tmp_path: Path, project_root: Path, file: str, edit: Callable[[dict[str, Any]], None], code: Code, path: tuple[Any]
) -> None:
    root = kit_project(tmp_path, project_root)
    edit_yaml(root / file, edit)
    diagnostics = load_project(root).diagnostics
    found = [(d.file.as_posix(), d.problem.code, d.problem.path) for d in diagnostics]
    assert (file, code, path) in found, found


def test_a_problem_in_a_key_points_at_its_line(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    edit_yaml(root / CONTACT, lambda d: d["key"]["empathie"].update(option="misschien"))
    [diagnostic] = load_project(root).diagnostics
    lines = (root / CONTACT).read_text(encoding="utf-8").splitlines()
    assert lines[diagnostic.line - 1].strip() == "option: misschien"


def test_a_transcript_without_turns_and_a_missing_transcript(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    transcript = root / "calibration_kits/kit-test/contacts/lantaarnpaal.md"
    transcript.write_text("Geen beurten, alleen tekst.\n", encoding="utf-8")
    codes = {d.problem.code for d in load_project(root).diagnostics}
    assert Code.TRANSCRIPT_WITHOUT_TURNS in codes
    transcript.unlink()
    [diagnostic] = load_project(root).diagnostics
    assert (diagnostic.file.name, diagnostic.problem.code) == ("lantaarnpaal.md", Code.FILE_NOT_FOUND)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Mijn BSN is 111222333.", "bsn"),
        ("Mijn rekening is NL91 ABNA 0417 1643 00.", "iban"),
        ("Bel me op 06-12345678.", "phone"),
        ("Mail naar jan.jansen@lindeveld-mail.nl.", "email"),
    ],
)
def test_real_looking_personal_data_in_a_transcript_stops_the_build_unless_marked_fictitious(
    tmp_path: Path, project_root: Path, line: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = kit_project(tmp_path, project_root)
    transcript = root / "calibration_kits/kit-test/contacts/lantaarnpaal.md"
    transcript.write_text(TRANSCRIPT + f"6. **Inwoner:** {line}\n", encoding="utf-8")
    [diagnostic] = load_project(root).diagnostics
    assert (diagnostic.file.name, diagnostic.line, diagnostic.problem.code) == (
        "lantaarnpaal.md",
        7,
        Code.PERSONAL_DATA_IN_KIT,
    )
    assert diagnostic.problem.params["kind"] == kind
    assert main(["--project", str(root), "check"]) == 1
    assert "[E603]" in capsys.readouterr().err
    value = str(diagnostic.problem.params["value"])
    edit_yaml(root / CONTACT, lambda d: d.update(fictitious=[value]))
    assert load_project(root).diagnostics == []


def test_the_checks_behind_the_privacy_scan() -> None:
    assert is_iban("NL91ABNA0417164300") and not is_iban("NL91ABNA0417164301")
    assert [f.kind for f in personal_data_in_text("BSN 123456782 en 123456789")] == ["bsn"]
    assert personal_data_in_text("Zaaknummer 2026-1234, bel 14 0123") == []


def test_parse_transcript_reads_numbered_speaker_turns() -> None:
    turns = parse_transcript(TRANSCRIPT)
    assert [(t.number, t.speaker, t.line) for t in turns][:2] == [(1, "Medewerker", 1), (2, "Inwoner", 2)]
    assert parse_transcript("Zomaar tekst\n- een lijst\n") == []


def test_a_kit_page_shows_the_transcript_by_turn_and_never_the_key(tmp_path: Path, project_root: Path) -> None:
    from ijkpunt.pages import render_pages
    from ijkpunt.render import Renderer

    root = kit_project(tmp_path, project_root)
    edit_yaml(root / CONTACT, lambda d: d["key"]["empathie"].update(rationale="GEHEIME-SLEUTEL-REDEN"))
    project = load_project(root)
    site = render_pages(project, Renderer(project_root / "site" / "templates"))
    page = site.pages["kalibreren/kit-test/index.md"]
    assert 'id="lantaarnpaal-4"' in page and "Al voor de derde keer" in page
    for name in ("index", "oefenen", "sessie", "deelnemen", "resultaten"):
        working = site.pages[f"kalibreren/kit-test/{name}.md"]
        assert "GEHEIME-SLEUTEL-REDEN" not in working and "rationale" not in working
    assert {"Kalibreren": [{"Testkit": "kalibreren/kit-test/index.md"}]} in site.nav
    # the key is published for training, in the kit's data file, and nowhere else
    assert b"GEHEIME-SLEUTEL-REDEN" in site.files["data/kits/kit-test.json"]


def test_a_sealed_kit_publishes_its_key_only_encrypted(tmp_path: Path, project_root: Path) -> None:
    import json

    from ijkpunt.pages import render_pages
    from ijkpunt.render import Renderer
    from ijkpunt.seal import unseal

    root = kit_project(tmp_path, project_root)
    edit_yaml(root / CONTACT, lambda d: d["key"]["empathie"].update(rationale="GEHEIME-SLEUTEL-REDEN"))
    edit_yaml(root / "calibration_kits/kit-test/kit.yaml", lambda d: d.update(facilitator_notes="GEHEIME-NOTITIE"))
    project = load_project(root)
    site = render_pages(
        project, Renderer(project_root / "site" / "templates"), seals={"kit-test": "een lang wachtwoord"}
    )
    everything = b"".join([*site.files.values(), *site.docs_files.values()]) + "".join(site.pages.values()).encode()
    assert b"GEHEIME-SLEUTEL-REDEN" not in everything and b"GEHEIME-NOTITIE" not in everything
    published = json.loads(site.files["data/kits/kit-test.json"])
    assert published["keys"] is None and published["kit"]["facilitator_notes"] == "(verzegeld)"
    opened = json.loads(unseal(published["sealed"], "een lang wachtwoord"))
    assert "GEHEIME-SLEUTEL-REDEN" in json.dumps(opened) and opened["facilitator_notes"] == "GEHEIME-NOTITIE"


def test_an_e_mail_turn_keeps_its_paragraphs() -> None:
    markdown = (
        "1. **Inwoner (ma 3 nov, 09:14):**\n   Beste gemeente,\n\n   Ik ben verhuisd.\n\n   Groet, Jan\n"
        "2. **Medewerker:** Dank u.\n"
    )
    [first, second] = parse_transcript(markdown)
    assert first.text == "Beste gemeente,\n\nIk ben verhuisd.\n\nGroet, Jan"
    assert second.text == "Dank u."


def test_personal_data_beside_the_transcript_is_found_too(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    edit_yaml(root / CONTACT, lambda d: d.update(registration="Teruggebeld op 06-12345678."))
    [diagnostic] = load_project(root).diagnostics
    assert (diagnostic.file.as_posix(), diagnostic.problem.code, diagnostic.problem.path) == (
        CONTACT,
        Code.PERSONAL_DATA_IN_KIT,
        ("registration",),
    )


def test_a_contact_with_a_recording_publishes_it_with_a_player(tmp_path: Path, project_root: Path) -> None:
    from ijkpunt.pages import render_pages
    from ijkpunt.render import Renderer

    root = kit_project(tmp_path, project_root)
    (root / "calibration_kits/kit-test/contacts/lantaarnpaal.ogg").write_bytes(b"OggS-fake-recording")
    edit_yaml(root / CONTACT, lambda d: d.update(audio="lantaarnpaal.ogg"))
    project = load_project(root)
    assert project.errors == []
    site = render_pages(project, Renderer(project_root / "site" / "templates"))
    assert site.files["data/kits/kit-test/lantaarnpaal.ogg"] == b"OggS-fake-recording"
    assert 'src="../../data/kits/kit-test/lantaarnpaal.ogg"' in site.pages["kalibreren/kit-test/index.md"]
    assert 'src="../../../data/kits/kit-test/lantaarnpaal.ogg"' in site.pages["kalibreren/kit-test/oefenen.md"]


def test_a_missing_recording_is_reported_at_the_audio_field(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    edit_yaml(root / CONTACT, lambda d: d.update(audio="weg.mp3"))
    [diagnostic] = load_project(root).errors
    assert (diagnostic.problem.code, diagnostic.problem.path) == (Code.FILE_NOT_FOUND, ("audio",))
    assert str(diagnostic.file).endswith("lantaarnpaal.yaml")
