"""Variants in a project: resolved and placed by file and line; `ijkpunt new checklist`; versions and the archive."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ijkpunt.cli import main
from ijkpunt.diagnostics import Diagnostic
from ijkpunt.pages import render_pages
from ijkpunt.project import load_checklist_file, load_project
from ijkpunt.render import Renderer
from ijkpunt_core.problems import Code

from ..builders import line_no

EXAMPLE = "examples/variant/kcc-telefoon-lindeveld.yaml"
HEAD = """\
id: kcc-variant
version: "1.0.0"
extends: kcc-telefoon
title: KCC telefoon variant
changes:
  - {version: "1.0.0", date: 2026-11-29, summary: Eerste versie.}
"""


@pytest.fixture
def project(tmp_path: Path, project_root: Path) -> Path:
    """A project with the shipped checklists and archive, sharing the real site/ (and, for builds, runtime)."""
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copytree(project_root / "checklists", folder / "checklists")
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, folder / name)
    return folder


def write(project: Path, name: str, text: str) -> Path:
    path = project / "checklists" / name
    path.write_text(text, encoding="utf-8")
    return path


def found(diagnostics: list[Diagnostic], code: Code) -> list[tuple[str, int]]:
    return [(d.file.as_posix(), d.line) for d in diagnostics if d.problem.code == code]


def test_the_example_variant_checks_clean_and_is_resolved(project: Path, project_root: Path) -> None:
    shutil.copy(project_root / EXAMPLE, project / "checklists")
    loaded = load_project(project)
    assert loaded.diagnostics == []
    variant = next(f for f in loaded.checklists if f.checklist.id == "kcc-telefoon-lindeveld")
    assert variant.variant is not None and variant.variant.base.id == "kcc-telefoon"
    assert {d.change for d in variant.variant.differences} == {"added", "removed", "changed"}
    assert variant.checklist.content_hash() in loaded.versions()


def test_a_problem_in_an_inherited_part_points_into_the_base_and_one_in_an_override_into_the_variant(
    project: Path, project_root: Path
) -> None:
    base_text = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    text = (
        HEAD
        + "change:\n  criteria:\n    laten-uitpraten:\n"
        + "      title: Luistert actief en neemt alles mee wat de inwoner noemt\n"
        + "      anchors:\n        geweldig: Wauw.\n"
    )
    write(project, "kcc-variant.yaml", text)
    diagnostics = load_project(project).diagnostics
    # the variant gave laten-uitpraten the title of actief-luisteren: the inherited one is the later duplicate
    base_line = line_no(base_text, "title: Luistert actief en neemt alles mee")
    assert found(diagnostics, Code.DUPLICATE_TITLE) == [("checklists/kcc-telefoon.yaml", base_line)]
    assert found(diagnostics, Code.UNKNOWN_ANCHOR) == [("checklists/kcc-variant.yaml", line_no(text, "geweldig"))]
    rendered = next(d for d in diagnostics if d.problem.code == Code.UNKNOWN_ANCHOR).render("en")
    assert "criterion 'laten-uitpraten' → anchors → geweldig" in rendered


def test_a_rule_of_variants_is_placed_in_the_variant_file(project: Path) -> None:
    text = HEAD + "remove:\n  - informatie-juist\n"
    write(project, "kcc-variant.yaml", text)
    diagnostics = load_project(project).diagnostics
    assert found(diagnostics, Code.VARIANT_REMOVES_DEPENDENCY) == [
        ("checklists/kcc-variant.yaml", line_no(text, "- informatie-juist"))
    ]


def test_an_unknown_base_a_circle_and_a_broken_base(project: Path) -> None:
    write(
        project, "kcc-a.yaml", HEAD.replace("kcc-variant", "kcc-a").replace("extends: kcc-telefoon", "extends: kcc-b")
    )
    write(
        project, "kcc-b.yaml", HEAD.replace("kcc-variant", "kcc-b").replace("extends: kcc-telefoon", "extends: kcc-a")
    )
    write(project, "kcc-c.yaml", HEAD.replace("kcc-variant", "kcc-c").replace("kcc-telefoon", "kcc-telefon"))
    broken = (
        (project / "checklists" / "kcc-chat.yaml").read_text(encoding="utf-8").replace("channel: chat", "channel: fax")
    )
    write(project, "kcc-chat.yaml", broken)
    write(
        project,
        "kcc-d.yaml",
        HEAD.replace("kcc-variant", "kcc-d").replace("extends: kcc-telefoon", "extends: kcc-chat"),
    )
    diagnostics = load_project(project).diagnostics
    assert sorted(found(diagnostics, Code.VARIANT_CYCLE)) == [
        ("checklists/kcc-a.yaml", 3),
        ("checklists/kcc-b.yaml", 3),
    ]
    cycle = next(d for d in diagnostics if d.problem.code == Code.VARIANT_CYCLE)
    assert cycle.problem.params["cycle"] == "kcc-a → kcc-b → kcc-a"
    assert found(diagnostics, Code.VARIANT_UNKNOWN_BASE) == [("checklists/kcc-c.yaml", 3)]
    unknown = next(d for d in diagnostics if d.problem.code == Code.VARIANT_UNKNOWN_BASE)
    assert "kcc-telefoon" in unknown.problem.allowed
    assert found(diagnostics, Code.VARIANT_BASE_INVALID) == [("checklists/kcc-d.yaml", 3)]


def test_a_variant_pinned_to_an_archived_version_of_its_base(project: Path) -> None:
    pinned = HEAD.replace("extends: kcc-telefoon\n", 'extends: kcc-telefoon\nextends_version: "2.0.0"\n')
    write(project, "kcc-variant.yaml", pinned)
    loaded = load_project(project)
    assert [d.problem.code for d in loaded.diagnostics] == [Code.VARIANT_BASE_NOT_CURRENT]
    assert not loaded.diagnostics[0].is_error
    variant = next(f for f in loaded.checklists if f.checklist.id == "kcc-variant")
    assert variant.variant is not None and variant.variant.base.version == "2.0.0"
    assert not variant.variant.base_is_current
    # 2.0.0 had no condition on informatie-volledig; the variant has what its base version had
    criterion = variant.checklist.criterion("informatie-volledig")
    assert criterion is not None and criterion.applies_when is None
    write(project, "kcc-variant.yaml", pinned.replace("2.0.0", "1.5.0"))
    diagnostics = load_project(project).diagnostics
    assert found(diagnostics, Code.VARIANT_UNKNOWN_BASE_VERSION) == [("checklists/kcc-variant.yaml", 4)]
    problem = next(d.problem for d in diagnostics if d.problem.code == Code.VARIANT_UNKNOWN_BASE_VERSION)
    assert problem.allowed == ("2.0.0", "2.1.0")


def test_the_download_of_a_variant_is_the_resolved_checklist_with_the_same_hash(
    project: Path, project_root: Path, tmp_path: Path
) -> None:
    shutil.copy(project_root / EXAMPLE, project / "checklists")
    loaded = load_project(project)
    site = render_pages(loaded, Renderer(project_root / "site" / "templates", "nl"), "nl")
    download = tmp_path / "kcc-telefoon-lindeveld.yaml"
    download.write_bytes(site.docs_files["downloads/kcc-telefoon-lindeveld.yaml"])
    alone = load_checklist_file(download)
    variant = next(f.checklist for f in loaded.checklists if f.checklist.id == "kcc-telefoon-lindeveld")
    assert alone.value is not None and alone.value.content_hash() == variant.content_hash()
    page = site.pages["handboek/kcc-telefoon-lindeveld.md"]
    assert "## Wat deze variant anders doet { #variant }" in page
    assert "[Meldt de opname als de werkinstructie dat van de medewerker vraagt]" in page
    assert "(kcc-telefoon.md#opname-melden-medewerker)" in page
    assert "gewicht 8 → 10" in page
    assert "## Wat deze variant anders doet" not in site.pages["handboek/kcc-telefoon.md"]


# --- ijkpunt new checklist ------------------------------------------------------------------------------------


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--project", str(project), "--lang", "en", "check"])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_new_checklist_passes_check_as_written(project: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--project", str(project), "new", "checklist", "kcc-nieuw", "--lang", lang, "--channel", "chat"]
    assert main(args) == 0
    assert "checklists/kcc-nieuw.yaml" in capsys.readouterr().out
    assert main(["--project", str(project), "new", "checklist", "kcc-stil", "-q"]) == 0
    assert capsys.readouterr() == ("", "")  # --quiet: the file is the result
    text = (project / "checklists" / "kcc-nieuw.yaml").read_text(encoding="utf-8")
    marker = "VERVANG" if lang == "nl" else "REPLACE"
    assert text.count(marker) > 20 and ("Zo werk je ermee" in text) == (lang == "nl")
    status, summary = check(project, capsys)
    assert (status, summary.strip().split(": ")[1]) == (0, "0 error(s), 0 warning(s)")
    checklist = next(c for c in load_project(project).current() if c.id == "kcc-nieuw")
    assert checklist.channel == "chat" and len(checklist.sections) == 1
    assert [checklist.scales[c.scale].type for c in checklist.criteria()] == ["options", "grade"]
    assert len(checklist.bands) == 2 and len(checklist.sources) == 1 and len(checklist.changes) == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_new_variant_passes_check_and_so_do_its_examples_uncommented(
    project: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--project", str(project), "--lang", lang, "new", "checklist", "kcc-eigen", "--extends", "kcc-telefoon"]
    assert main(args) == 0
    path = project / "checklists" / "kcc-eigen.yaml"
    text = path.read_text(encoding="utf-8")
    status, summary = check(project, capsys)
    assert (status, summary.strip().split(": ")[1]) == (0, "0 error(s), 0 warning(s)")
    # the examples use the base's real ids: uncommented (all but the sketch of a new section) they check clean
    examples, _, _ = text.partition("add_sections")
    uncommented = re.sub(r"^# (?=[a-z_]+:|\s)", "", examples.split("\nchanges:")[1], flags=re.MULTILINE)
    path.write_text(examples.split("\nchanges:")[0] + "\nchanges:" + uncommented, encoding="utf-8")
    loaded = load_project(project)
    assert [d.render("en") for d in loaded.diagnostics] == []
    variant = next(f for f in loaded.checklists if f.checklist.id == "kcc-eigen")
    assert variant.variant is not None
    assert {d.change for d in variant.variant.differences} == {"added", "removed", "changed"}


def test_new_refuses_an_existing_file_and_a_name_that_is_no_id(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / "checklists" / "kcc-telefoon.yaml").read_bytes()
    assert main(["--project", str(project), "--lang", "en", "new", "checklist", "kcc-telefoon"]) == 2
    assert "checklists/kcc-telefoon.yaml already exists; nothing was changed" in capsys.readouterr().err
    assert (project / "checklists" / "kcc-telefoon.yaml").read_bytes() == before
    for name in ("KCC_telefoon", "kcc--telefoon", "kcc-", "x" * 65, "../kcc"):
        assert main(["--project", str(project), "--lang", "en", "new", "checklist", name]) == 2
        assert f"'{name}' cannot be an id" in capsys.readouterr().err
    assert main(["--project", str(project), "--lang", "en", "new", "checklist", "kcc-x", "--extends", "kcc-fax"]) == 2
    assert "'kcc-fax' is not a checklist in checklists (there are: kcc-balie" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "checklists").glob("*.yaml")) == [
        "kcc-balie.yaml",
        "kcc-chat.yaml",
        "kcc-email.yaml",
        "kcc-telefoon.yaml",
        "kto-telefoon.yaml",
    ]


def test_new_is_documented_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "new", "checklist", "--help"])
    shown = capsys.readouterr().out
    assert "--extends BASE" in shown and "REPLACE" in shown and "NAME" in shown
    assert "--quiet" in shown and "--lang" in shown and "Exit status: 0" in shown
    with pytest.raises(SystemExit):
        main(["--lang", "nl", "--help"])
    assert "maak een nieuw bestand om mee te beginnen" in capsys.readouterr().out


# --- a version against its archived copy, in a project --------------------------------------------------------


def test_check_warns_when_a_criterion_text_changed_but_the_version_did_not(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project), "archive"]) == 0  # keep 2.1.0 as published
    path = project / "checklists" / "kcc-telefoon.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "De naam van de gemeente valt in de eerste zin.", "De naam van de gemeente valt meteen.", 1
    )
    path.write_text(text, encoding="utf-8")
    diagnostics = load_project(project).diagnostics
    assert found(diagnostics, Code.TEXT_CHANGED_SAME_VERSION) == [
        ("checklists/kcc-telefoon.yaml", line_no(text, "indicators:"))
    ]
    (warning,) = diagnostics
    assert "'indicators' of criterion 'begroeten-en-voorstellen' differs from the kept version 2.1.0" in warning.render(
        "en"
    )
    assert check(project, capsys)[0] == 0  # a warning: exit 1 only with --strict
    assert main(["--project", str(project), "check", "--strict"]) == 1
    # raising the version without a changelog entry for it is an error, not only a warning
    path.write_text(text.replace('version: "2.1.0"', 'version: "2.1.1"', 1), encoding="utf-8")
    diagnostics = load_project(project).diagnostics
    changelog_line = line_no(text, '- version: "2.1.0"')
    assert found(diagnostics, Code.CHANGELOG_VERSION) == [("checklists/kcc-telefoon.yaml", changelog_line)]


def test_two_files_with_the_id_of_one_variant_are_both_read_and_reported(project: Path) -> None:
    write(project, "kcc-variant.yaml", HEAD)
    write(project, "kopie.yaml", HEAD)
    loaded = load_project(project)
    assert [f.file.name for f in loaded.checklists if f.checklist.id == "kcc-variant"] == [
        "kcc-variant.yaml",
        "kopie.yaml",
    ]
    assert found(loaded.diagnostics, Code.DUPLICATE_CHECKLIST) == [("checklists/kopie.yaml", 1)]
    assert found(loaded.diagnostics, Code.FILE_NAME_MISMATCH) == [("checklists/kopie.yaml", 1)]


def test_hostile_text_in_a_variant_is_refused_where_it_is_written(project: Path) -> None:
    text = HEAD + (
        "change:\n  criteria:\n    empathie:\n"
        "      definition: Toont begrip <img src=x onerror=alert(1)> voor de inwoner.\n"
        "  bands:\n    goed:\n      label: '[Goed](javascript:alert(1))'\n"
    )
    write(project, "kcc-variant.yaml", text)
    diagnostics = load_project(project).diagnostics
    assert found(diagnostics, Code.RAW_HTML) == [("checklists/kcc-variant.yaml", line_no(text, "definition:"))]
    assert found(diagnostics, Code.UNSAFE_LINK) == [("checklists/kcc-variant.yaml", line_no(text, "label:"))]


def test_a_problem_inherited_from_an_archived_base_points_into_the_archived_file(project: Path) -> None:
    text = HEAD.replace("extends: kcc-telefoon\n", 'extends: kcc-telefoon\nextends_version: "2.0.0"\n') + (
        "change:\n  criteria:\n    laten-uitpraten:\n"
        "      title: Luistert actief en neemt alles mee wat de inwoner noemt\n"
    )
    write(project, "kcc-variant.yaml", text)
    ((file, line),) = found(load_project(project).diagnostics, Code.DUPLICATE_TITLE)
    archived = project / file
    assert file.startswith("checklists/archief/kcc-telefoon/") and file.endswith(".json")
    assert line == line_no(archived.read_text(encoding="utf-8"), '"title": "Luistert actief en neemt alles mee')
