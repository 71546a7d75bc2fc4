"""Translation files in a project: loaded with file:line diagnostics, laid over checklists and kits with --lang en."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from ijkpunt.cli import main
from ijkpunt.pages import render_pages
from ijkpunt.project import load_project
from ijkpunt.render import Renderer
from ijkpunt_core.problems import Code
from tests.generator.test_kits import TRANSCRIPT, kit_project, telefoon, write_yaml

KIT = Path("calibration_kits/kit-test")

TRANSCRIPT_EN = """\
1. **Agent:** Good morning, Lindeveld municipality, this is Sanne.
2. **Citizen:** Good morning, I'm calling about the street light in Beukenlaan.
3. **Agent:** *(typing)* I can see your report from last week.
4. **Citizen (10:02):** For the third time already!
   It's really dark in the evening.
5. **Agent:** I understand. I'll pass it on to the field service.
"""


def translated_project(tmp_path: Path, project_root: Path) -> Path:
    """The kit project with a partial English translation of kcc-telefoon and a translated kit."""
    root = kit_project(tmp_path, project_root)
    checklist = telefoon(project_root)
    (root / "checklists" / "en").mkdir()
    write_yaml(
        root / "checklists" / "en" / "kcc-telefoon.yaml",
        {
            "translates": {"id": checklist.id, "version": checklist.version},
            "title": "KCC telephone",
            "criteria": {"informatie-juist": {"title": "Correct information"}},
        },
    )
    (root / KIT / "en" / "contacts").mkdir(parents=True)
    write_yaml(
        root / KIT / "en" / "kit.yaml",
        {
            "translates": {"id": "kit-test", "version": "1.0.0"},
            "title": "Test kit",
            "description": "A kit for the tests.",
            "facilitator_notes": "Take your time.",
            "discussion_questions": ["What did you see?"],
        },
    )
    write_yaml(
        root / KIT / "en" / "contacts" / "lantaarnpaal.yaml",
        {
            "title": "Street light",
            "summary": "A citizen calls about a street light.",
            "relationship": {"rationale": "Turn 5."},
        },
    )
    (root / KIT / "en" / "contacts" / "lantaarnpaal.md").write_text(TRANSCRIPT_EN, encoding="utf-8")
    return root


def codes(root: Path, lang: str | None = "en") -> list[tuple[str, Code]]:
    project = load_project(root, lang)  # type: ignore[arg-type]
    return [(d.file.as_posix(), d.problem.code) for d in project.diagnostics]


def test_an_english_project_has_the_translated_texts_and_the_dutch_hashes(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    dutch = load_project(root)
    english = load_project(root, "en")
    [checklist] = english.current()
    assert checklist.title == "KCC telephone"
    assert checklist.criterion("informatie-juist").title == "Correct information"  # type: ignore[union-attr]
    assert checklist.criterion("empathie").title == dutch.current()[0].criterion("empathie").title  # type: ignore[union-attr]
    assert checklist.content_hash() == dutch.current()[0].content_hash()
    assert set(english.versions()) == set(dutch.versions())
    [kit] = english.kits
    assert kit.kit.title == "Test kit" and kit.kit.focus == ["informatie-juist"]
    [contact] = kit.contacts
    assert contact.contact.title == "Street light" and contact.contact.key == dutch.kits[0].contacts[0].contact.key
    assert contact.turns[3].text == "For the third time already!\nIt's really dark in the evening."
    assert kit.checklist is not None and kit.checklist.title == "KCC telephone"
    assert english.example is not None and dutch.example is not None
    assert english.example.contact.startswith("A citizen of Lindeveld") and dutch.example.contact.startswith("Een")
    assert english.example.scores == dutch.example.scores


def test_the_worked_example_without_its_story_in_english_warns(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    (root / "site" / "examples" / "en" / "rekenvoorbeeld.yaml").unlink()
    assert ("site/examples/rekenvoorbeeld.yaml", Code.NOT_TRANSLATED) in codes(root)
    assert load_project(root, "en").example.contact.startswith("Een")  # type: ignore[union-attr]


def test_missing_texts_warn_only_in_english(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    found = codes(root)
    assert ("checklists/en/kcc-telefoon.yaml", Code.TRANSLATION_MISSING) in found
    assert all(code.value.startswith("W") for _, code in found)
    assert codes(root, None) == []
    assert codes(root, "nl") == []


def test_a_checklist_or_kit_part_without_a_translation_warns_in_english(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    assert codes(root) == []  # a project without any English texts is not told file by file
    (root / "checklists" / "en").mkdir()
    found = codes(root)
    assert ("checklists/kcc-telefoon.yaml", Code.NOT_TRANSLATED) in found
    assert (f"{KIT}/kit.yaml", Code.NOT_TRANSLATED) in found
    assert (f"{KIT}/contacts/lantaarnpaal.yaml", Code.NOT_TRANSLATED) in found
    assert load_project(root, "en").kits[0].contacts[0].transcript == TRANSCRIPT  # falls back to Dutch


def test_an_unknown_id_is_an_error_at_its_line(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    path = root / "checklists" / "en" / "kcc-telefoon.yaml"
    text = path.read_text(encoding="utf-8") + "  informatie-juiste:\n    title: Correct info\n"
    path.write_text(text, encoding="utf-8")
    project = load_project(root)  # an error in a translation file is reported in every language
    [error] = project.errors
    assert error.problem.code is Code.TRANSLATION_UNKNOWN_ID
    assert (error.file.as_posix(), error.line) == ("checklists/en/kcc-telefoon.yaml", len(text.splitlines()) - 1)
    assert "informatie-juist" in error.problem.allowed


@pytest.mark.parametrize(
    ("file", "data", "code"),
    [
        ("checklists/en/kcc-balie.yaml", {"translates": {"id": "kcc-balie", "version": "1.0.0"}},
         Code.TRANSLATION_WITHOUT_ORIGINAL),
        (f"{KIT}/en/contacts/weg.yaml", {"title": "Gone"}, Code.TRANSLATION_WITHOUT_ORIGINAL),
        (f"{KIT}/en/kit.yaml", {"translates": {"id": "kit-test", "version": "1.0.0"},
                                "discussion_questions": ["a", "b"]}, Code.TRANSLATION_LIST_LENGTH),
        (f"{KIT}/en/kit.yaml", {"translates": {"id": "kit-test", "version": "0.9.0"}}, Code.TRANSLATION_STALE),
        (f"{KIT}/en/contacts/lantaarnpaal.yaml", {"key": {"bestaat-niet": {"rationale": "x"}}},
         Code.TRANSLATION_UNKNOWN_ID),
        (f"{KIT}/en/contacts/lantaarnpaal.yaml", {"title": "<script>alert(1)</script>"}, Code.RAW_HTML),
    ],
    ids=["checklist", "contact", "questions", "kit-version", "key", "html"],
)  # fmt: skip
def test_problems_of_translation_files(
    tmp_path: Path, project_root: Path, file: str, data: dict[str, Any], code: Code
) -> None:
    root = translated_project(tmp_path, project_root)
    write_yaml(root / file, data)
    assert (file, code) in codes(root)


def test_a_translated_transcript_must_keep_the_numbered_turns(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    transcript = root / KIT / "en" / "contacts" / "lantaarnpaal.md"
    transcript.write_text(TRANSCRIPT_EN.split("5. ")[0], encoding="utf-8")
    assert (transcript.relative_to(root).as_posix(), Code.TRANSLATION_TURNS) in codes(root)
    project = load_project(root, "en")
    assert project.kits[0].contacts[0].transcript == TRANSCRIPT  # not used: the Dutch stays


def test_personal_data_in_a_translated_transcript_is_found(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    transcript = root / KIT / "en" / "contacts" / "lantaarnpaal.md"
    transcript.write_text(TRANSCRIPT_EN.replace("Beukenlaan.", "Beukenlaan, my number is 06-12345678."))
    found = load_project(root)
    assert [(d.file.as_posix(), d.line, d.problem.code) for d in found.errors] == [
        ("calibration_kits/kit-test/en/contacts/lantaarnpaal.md", 2, Code.PERSONAL_DATA_IN_KIT)
    ]


def test_the_english_pages_publish_the_dutch_checklist_with_the_english_texts(
    tmp_path: Path, project_root: Path
) -> None:
    from ijkpunt_core.translation import read_published

    root = translated_project(tmp_path, project_root)
    project = load_project(root, "en")
    site = render_pages(project, Renderer(project_root / "site" / "templates", "en"), "en")
    [checklist] = project.current()
    published = site.files[f"data/checklists/kcc-telefoon/{checklist.content_hash().removeprefix('sha256:')}.json"]
    data = json.loads(published)
    assert data["title"] == telefoon(project_root).title  # the Dutch document, whose hash this is
    assert read_published(published.decode("utf-8")).title == "KCC telephone"
    assert (
        "# KCC telephone" in site.pages["handboek/kcc-telefoon.md"]
        or "KCC telephone" in site.pages["handboek/kcc-telefoon.md"]
    )
    kit_page = site.pages["kalibreren/kit-test/index.md"]
    assert "For the third time already" in kit_page and "Street light" in kit_page
    assert "Al voor de derde keer" not in kit_page
    assert {"Calibration": [{"Test kit": "kalibreren/kit-test/index.md"}]} in site.nav


def test_the_handbook_writes_dates_and_numbers_in_its_language(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    for lang, date, share in (("nl", "28 november 2026", "80"), ("en", "28 November 2026", "80")):
        project = load_project(root, lang)  # type: ignore[arg-type]
        page = render_pages(project, Renderer(project_root / "site" / "templates", lang), lang).pages  # type: ignore[arg-type]
        assert date in page["handboek/kcc-telefoon.md"], lang
        assert share in page["handboek/kcc-telefoon.md"]


def test_ijkpunt_build_takes_lang_after_the_command_and_builds_in_english(public_en: Path) -> None:
    """The session's English site is built by `ijkpunt build --lang en` (tests/conftest.py)."""
    home = (public_en / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    handbook = html.unescape((public_en / "handboek" / "kto-telefoon" / "index.html").read_text(encoding="utf-8"))
    assert "KTO telephone (survey of callers)" in handbook and "Importance of reachability" in handbook
    assert "29 November" not in handbook and "28 November 2026" in handbook
    search = json.loads((public_en / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["en"]


def test_the_shipped_project_is_completely_in_english(capsys: pytest.CaptureFixture[str], project_root: Path) -> None:
    """Every checklist and kit has its English texts, none missing or stale: strict passes in English."""
    assert main(["--project", str(project_root), "check", "--lang", "en", "--strict"]) == 0
    assert "[W32" not in capsys.readouterr().err


def test_the_cli_writes_numbers_in_its_language(capsys: pytest.CaptureFixture[str], project_root: Path) -> None:
    evaluations = str(project_root / "examples" / "evaluaties-voorbeeld" / "alle-beoordelingen.jsonl")
    main(["--project", str(project_root), "aggregate", evaluations])
    dutch = capsys.readouterr().out
    main(["--project", str(project_root), "aggregate", evaluations, "--lang", "en"])
    english = capsys.readouterr().out
    assert re.search(r"kwaliteitsscore \d+,\d$", dutch.strip()), dutch
    assert re.search(r"quality score \d+\.\d$", english.strip()), english


def test_an_archived_version_gets_the_texts_whose_dutch_is_unchanged(tmp_path: Path, project_root: Path) -> None:
    """kcc-telefoon 2.1.0 changed the n.v.t. rule of informatie-volledig against the archived 2.0.0 a kit pins."""
    root = kit_project(tmp_path, project_root)
    shutil.copytree(project_root / "checklists" / "archief", root / "checklists" / "archief")
    current = telefoon(project_root)
    (root / "checklists" / "en").mkdir()
    write_yaml(
        root / "checklists" / "en" / "kcc-telefoon.yaml",
        {
            "translates": {"id": current.id, "version": current.version},
            "criteria": {"informatie-volledig": {"title": "Complete information", "na_when": "Never, in English."}},
        },
    )
    dutch = load_project(root)
    english = load_project(root, "en")
    # the kit pins 2.0.0; later versions may be archived beside it
    [archived] = [c for c in english.archive if c.version == "2.0.0"]
    [dutch_archived] = [c for c in dutch.archive if c.version == "2.0.0"]
    assert archived.version != current.version and archived.content_hash() == dutch_archived.content_hash()
    criterion = archived.criterion("informatie-volledig")
    assert criterion is not None and criterion.title == "Complete information"
    assert criterion.na.when == dutch_archived.criterion("informatie-volledig").na.when  # type: ignore[union-attr]
    now = english.current()[0].criterion("informatie-volledig")
    assert now is not None and now.na.when == "Never, in English."
    # what stays Dutch is named, with the version, when checking in English
    [left] = [
        d for d in english.diagnostics if d.problem.code is Code.TRANSLATION_MISSING and "2.0.0: " in d.render("en")
    ]
    assert "2.0.0: " in left.render("en") and "criteria.informatie-volledig.na_when" in left.render("en")
    assert left.file.as_posix() == "checklists/en/kcc-telefoon.yaml"


def test_texts_for_an_archived_version_come_from_the_earlier_block(tmp_path: Path, project_root: Path) -> None:
    root = kit_project(tmp_path, project_root)
    shutil.copytree(project_root / "checklists" / "archief", root / "checklists" / "archief")
    current = telefoon(project_root)
    (root / "checklists" / "en").mkdir()
    path = root / "checklists" / "en" / "kcc-telefoon.yaml"
    translation = {
        "translates": {"id": current.id, "version": current.version},
        "criteria": {"informatie-volledig": {"title": "Complete information", "na_when": "Never, in English."}},
        "earlier": {"2.0.0": {"criteria": {"informatie-volledig": {"na_when": "Never then, in English."}}}},
    }
    write_yaml(path, translation)
    english = load_project(root, "en")
    [archived] = [c for c in english.archive if c.version == "2.0.0"]
    assert archived.criterion("informatie-volledig").na.when == "Never then, in English."  # type: ignore[union-attr]
    assert english.current()[0].criterion("informatie-volledig").na.when == "Never, in English."  # type: ignore[union-attr]
    missing = [d.render("en") for d in english.diagnostics if d.problem.code is Code.TRANSLATION_MISSING]
    assert not any("informatie-volledig.na_when" in m for m in missing), missing
    # a version that is not archived is an error at its line, in every language
    translation["earlier"]["1.9.0"] = {"title": "Old"}  # type: ignore[index]
    write_yaml(path, translation)
    [error] = load_project(root).errors
    assert (
        error.problem.code is Code.TRANSLATION_UNKNOWN_VERSION
        and error.file.as_posix() == path.relative_to(root).as_posix()
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "1.9.0" in lines[error.line - 1]
    assert "2.0.0" in error.problem.allowed


def test_a_variant_gets_its_bases_english_for_what_it_shares_word_for_word(tmp_path: Path, project_root: Path) -> None:
    root = translated_project(tmp_path, project_root)
    shutil.copy(project_root / "examples" / "variant" / "kcc-telefoon-lindeveld.yaml", root / "checklists")
    write_yaml(
        root / "checklists" / "en" / "kcc-telefoon.yaml",
        {
            "translates": {"id": "kcc-telefoon", "version": telefoon(project_root).version},
            "title": "KCC telephone",
            "criteria": {
                "informatie-juist": {"title": "Correct information"},
                "begroeten-en-voorstellen": {"title": "Greets with the municipality's name and their own name"},
            },
        },
    )
    dutch = {c.id: c for c in load_project(root).current()}
    english = {c.id: c for c in load_project(root, "en").current()}
    variant = english["kcc-telefoon-lindeveld"]
    assert variant.content_hash() == dutch["kcc-telefoon-lindeveld"].content_hash()
    assert variant.criterion("informatie-juist").title == "Correct information"  # type: ignore[union-attr]
    # reworded by the variant: its own Dutch, not the base's English
    greeting = variant.criterion("begroeten-en-voorstellen")
    assert greeting is not None and greeting.title.startswith("Begroet met 'Gemeente Lindeveld'")
    assert variant.title == "KCC telefoon Lindeveld"
