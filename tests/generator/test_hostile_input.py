"""Hostile and broken files: refused with a diagnostic (file, line, code), never a traceback, never live markup."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ijkpunt.assemble import assemble
from ijkpunt.cli import main
from ijkpunt.diagnostics import BuildError
from ijkpunt.documents import Limits, load_document, model_validator
from ijkpunt.pages import Site
from ijkpunt.project import load_checklist_file, load_project
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Answer, Draft, Evaluation, Outcome
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.validate import problem_from_pydantic, validate_checklist

from ..builders import a_draft, criterion, minimal_checklist, section, to_yaml

CHECKLIST = model_validator(Checklist)


def codes_of(path: Path, limits: Limits | None = None) -> list[tuple[Code, int]]:
    loaded = load_document(path, CHECKLIST, limits=limits or Limits())
    assert loaded.value is None
    return [(d.problem.code, d.line) for d in loaded.diagnostics]


# --- reading and parsing ------------------------------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    assert codes_of(tmp_path / "weg.yaml") == [(Code.FILE_NOT_FOUND, 1)]


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").mkdir()
    assert codes_of(tmp_path / "map.yaml") == [(Code.FILE_UNREADABLE, 1)]


def test_an_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text("id: x\n" * 100, encoding="utf-8")
    assert codes_of(path, Limits(max_bytes=100)) == [(Code.FILE_TOO_LARGE, 1)]


def test_not_utf8_points_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: x\ntitle: Caf\xe9\n".encode("latin-1"))
    assert codes_of(path) == [(Code.NOT_UTF8, 2)]


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f"])
def test_control_characters_point_at_the_line(tmp_path: Path, char: str) -> None:
    path = tmp_path / "stuur.yaml"
    path.write_text(f"id: x\ntitle: a{char}b\n", encoding="utf-8")
    assert codes_of(path) == [(Code.CONTROL_CHARACTER, 2)]


def test_deep_nesting_in_yaml_and_json(tmp_path: Path) -> None:
    yaml_path, json_path = tmp_path / "diep.yaml", tmp_path / "diep.json"
    yaml_path.write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    json_path.write_text('{"a": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")
    assert codes_of(yaml_path) == [(Code.TOO_DEEP, 1)]
    assert codes_of(json_path) == [(Code.TOO_DEEP, 1)]


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    names = "abcdefghijklm"
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in itertools.pairwise(names)]
    path = tmp_path / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [c for c, _ in codes_of(path)] == [Code.TOO_MANY_ALIASES]


def test_few_aliases_that_expand_too_far(tmp_path: Path) -> None:
    names = "abcdefghijklmnopqrst"
    lines = ["a: &a [x, x]"] + [f"{n}: &{n} [*{p}, *{p}]" for p, n in itertools.pairwise(names)]
    path = tmp_path / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert codes_of(path) == [(Code.TOO_MANY_VALUES, 1)]


def test_json_with_a_duplicate_key_or_bad_syntax(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"id": "a",\n "id": "b"}', encoding="utf-8")
    assert codes_of(path) == [(Code.DUPLICATE_KEY, 1)]
    path.write_text('{"id": "a",\n "title": }', encoding="utf-8")
    assert codes_of(path) == [(Code.JSON_SYNTAX, 2)]


# --- numbers and texts the scoring cannot handle -------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        ({"weight": float("inf")}, Code.NOT_FINITE),
        ({"weight": 1e308}, Code.OUT_OF_RANGE),
        ({"weight": "2"}, Code.WRONG_TYPE),
        ({"title": "x" * 5001}, Code.TEXT_TOO_LONG),
    ],
)
def test_numbers_and_texts_that_break_scoring_are_refused(edit: dict[str, Any], code: Code) -> None:
    doc = minimal_checklist(section("opening", criterion("groet", **edit)))
    assert code in {p.code for p in validate_checklist(doc).problems}


@pytest.mark.parametrize("points", [float("nan"), "1", 1e308])
def test_points_must_be_ordinary_numbers(points: object) -> None:
    doc = minimal_checklist()
    doc["scales"]["ja-nee"]["options"][1]["points"] = points
    codes = {p.code for p in validate_checklist(doc).problems}
    assert codes & {Code.NOT_FINITE, Code.WRONG_TYPE, Code.OUT_OF_RANGE}, codes


def test_too_many_items() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        Outcome.model_validate({"result": "transferred", "transfers": 99})
    assert problem_from_pydantic(Outcome, info.value.errors()[0]).code == Code.OUT_OF_RANGE
    with pytest.raises(ValidationError) as info:
        Draft.model_validate({"id": "3f2a9c1b-0000-4000-8000-000000000001", "notes": "x" * 4001})
    assert problem_from_pydantic(Draft, info.value.errors()[0]).code == Code.TEXT_TOO_LONG


def test_one_choice_and_transfers_rules_have_their_own_codes() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        Answer.model_validate({"option": "ja", "na": True})
    assert problem_from_pydantic(Answer, info.value.errors()[0]).code == Code.ONE_CHOICE
    with pytest.raises(ValidationError) as info:
        Outcome.model_validate({"result": "direct", "transfers": 2})
    assert problem_from_pydantic(Outcome, info.value.errors()[0]).code == Code.TRANSFERS_MISMATCH


def test_a_rule_outside_the_catalogue_still_gets_a_code() -> None:
    from pydantic import ValidationError

    doc = minimal_checklist(section("opening", criterion("groet", scale="vijf-punts")))
    with pytest.raises(ValidationError) as info:
        Checklist.model_validate(doc)
    assert problem_from_pydantic(Checklist, info.value.errors()[0]).code == Code.INVALID_VALUE


def test_too_many_items_in_a_list() -> None:
    from pydantic import BaseModel, Field, ValidationError

    class Short(BaseModel):
        items: list[int] = Field(max_length=2)

    with pytest.raises(ValidationError) as info:
        Short.model_validate({"items": [1, 2, 3]})
    assert problem_from_pydantic(Short, info.value.errors()[0]).code == Code.TOO_MANY_ITEMS


# --- markup in texts ------------------------------------------------------------------------------

HOSTILE_TITLE = 'KCC: telefoon {: onclick="alert(1)" } [x](javascript:alert(1))\ntemplate: 404.html'


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Zie <img src=x onerror=alert(1)>.", Code.RAW_HTML),
        ("Zie <script>alert(1)</script>.", Code.RAW_HTML),
        ("Zie [hier](javascript:alert(1)).", Code.UNSAFE_LINK),
        ("Zie [hier]( JaVaScRiPt:alert(1) ).", Code.UNSAFE_LINK),
        ("Zie <data:text/html,x>.", Code.UNSAFE_LINK),
    ],
)
def test_markup_in_a_checklist_text_is_refused_with_its_place(text: str, code: Code) -> None:
    doc = minimal_checklist()
    doc["sections"][0]["criteria"][0]["definition"] = text
    loaded = load_checklist_file(Path("x.yaml"), text=to_yaml(doc))
    found = [(d.problem.code, d.problem.path) for d in loaded.diagnostics]
    assert (code, ("sections", 0, "criteria", 0, "definition")) in found


def test_ordinary_text_with_brackets_and_web_links_is_fine() -> None:
    doc = minimal_checklist()
    doc["description"] = "Zie [de bron](https://www.example.nl/a_b) of <https://example.nl>; 3 < 5 en a > b."
    assert validate_checklist(doc).ok


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.scripts.append(f"<{tag} {name}={value}>")
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def hostile_project(tmp_path: Path, project_root: Path) -> Path:
    """The shipped project, with a telephone checklist whose title and attribute lists are hostile."""
    project = tmp_path / "project"
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    yaml = YAML(typ="rt")
    document = yaml.load((project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8"))
    document["title"] = HOSTILE_TITLE
    document["sections"][0]["description"] = 'Opening {: onclick="alert(1)" } *nadruk*'
    with (project / "checklists" / "kcc-telefoon.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    return project


def test_hostile_titles_and_attribute_lists_end_as_text(tmp_path: Path, project_root: Path) -> None:
    project = hostile_project(tmp_path, project_root)
    assert [d.problem.code for d in load_project(project).errors] == [Code.UNSAFE_LINK]
    path = project / "checklists" / "kcc-telefoon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("(javascript:alert(1))", "(#x)"), encoding="utf-8")
    assert load_project(project).errors == []
    out = tmp_path / "public"
    assert main(["--project", str(project), "build", "--out", str(out)]) == 0
    pages = sorted(out.rglob("*.html"))
    found = _Markup()
    for page in pages:
        found.feed(page.read_text(encoding="utf-8"))
    assert found.handlers == [] and found.scripts == []
    form = (out / "scoren" / "kcc-telefoon" / "index.html").read_text(encoding="utf-8")
    assert 'id="ijk-form"' in form  # the front matter was not taken over: the form is still there
    assert any('KCC: telefoon {: onclick="alert(1)" } [x](#x)' in t for t in found.titles)  # as written, as text


def test_the_render_filters_leave_no_markup_even_when_the_checks_are_bypassed() -> None:
    from ijkpunt.safe_text import plain, rich

    for text in ('<img src=x onerror="alert(1)">', "[a](javascript:alert(1))", '{: onclick="x" }', "</textarea>"):
        for html in (str(plain(text)), str(rich(text))):
            found = _Markup()
            found.feed(f"<p>{html}</p>")
            assert found.handlers == [] and found.scripts == [], html
            assert "<img" not in html and "{:" not in html


# --- the project as a whole -----------------------------------------------------------------------


def project_with_checklists(tmp_path: Path, project_root: Path, files: dict[str, str]) -> Path:
    project = tmp_path / "project"
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    for name, text in files.items():
        (project / "checklists" / name).write_text(text, encoding="utf-8")
    return project


def test_project_level_problems(tmp_path: Path, project_root: Path) -> None:
    telefoon = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    project = project_with_checklists(tmp_path, project_root, {"kcc-telefoon.yaml": telefoon, "kopie.yaml": telefoon})
    codes = {d.problem.code for d in load_project(project).diagnostics}
    assert {Code.DUPLICATE_CHECKLIST, Code.FILE_NAME_MISMATCH} <= codes


def test_an_empty_checklists_folder_and_no_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "leeg" / "checklists").mkdir(parents=True)
    assert Code.NO_CHECKLISTS in {d.problem.code for d in load_project(tmp_path / "leeg").diagnostics}
    assert main(["--project", str(tmp_path), "--lang", "en", "check"]) == 1
    assert "is not an IJkpunt project folder" in capsys.readouterr().err
    assert [d.problem.code for d in load_project(tmp_path).diagnostics] == [Code.NOT_A_PROJECT]


def test_relative_project_path(tmp_path: Path, project_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project_root.parent)
    assert main(["--project", project_root.name, "check"]) == 0


def test_an_archived_version_whose_name_lies(tmp_path: Path, project_root: Path) -> None:
    telefoon = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    project = project_with_checklists(tmp_path, project_root, {"kcc-telefoon.yaml": telefoon})
    assert main(["--project", str(project), "archive"]) == 0
    [archived] = (project / "checklists" / "archief" / "kcc-telefoon").glob("*.json")
    assert load_project(project).errors == [] and len(load_project(project).versions()) == 1
    archived.rename(archived.with_name("0" * 64 + ".json"))
    assert {d.problem.code for d in load_project(project).diagnostics} == {Code.ARCHIVE_MISMATCH}


@pytest.mark.parametrize(
    ("replace", "code"),
    [
        ("critical: identiteit-vaststellen", Code.EXAMPLE_NOT_CRITICAL),
        ("  informatie-juist: {option: goed}\n", Code.EXAMPLE_INCOMPLETE),
    ],
)
def test_worked_example_that_no_longer_fits(tmp_path: Path, project_root: Path, replace: str, code: Code) -> None:
    project = tmp_path / "project"
    shutil.copytree(project_root / "checklists", project / "checklists", ignore=shutil.ignore_patterns("archief"))
    (project / "site" / "examples").mkdir(parents=True)
    example = (project_root / "site" / "examples" / "rekenvoorbeeld.yaml").read_text(encoding="utf-8")
    new = "critical: informatie-juist" if code == Code.EXAMPLE_NOT_CRITICAL else ""
    (project / "site" / "examples" / "rekenvoorbeeld.yaml").write_text(example.replace(replace, new), encoding="utf-8")
    assert code in {d.problem.code for d in load_project(project).diagnostics}


# --- the build ------------------------------------------------------------------------------------


def test_a_broken_link_and_a_missing_page_are_reported(tmp_path: Path, project_root: Path) -> None:
    site = Site(pages={"index.md": "# Start\n\n[weg](nergens.md)\n"}, nav=[{"Home": "index.md"}])
    with pytest.raises(BuildError) as info:
        assemble(site, project_root, tmp_path / "public")
    assert [d.problem.code for d in info.value.diagnostics] == [Code.BROKEN_LINK]
    assert "nergens.md" in str(info.value)
    site = Site(pages={"index.md": "# Start\n"}, nav=[{"Home": "index.md"}, {"Weg": "weg.md"}])
    with pytest.raises(BuildError) as info:
        assemble(site, project_root, tmp_path / "public")
    assert {d.problem.code for d in info.value.diagnostics} <= {Code.SITE_GENERATOR, Code.BROKEN_LINK}
    assert not (tmp_path / "public").exists()


def test_an_output_folder_that_cannot_be_made(tmp_path: Path, project_root: Path) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        assemble(
            Site(pages={"index.md": "# x\n"}, nav=[{"Home": "index.md"}]), project_root, tmp_path / "bestand" / "p"
        )
    assert [d.problem.code for d in info.value.diagnostics] == [Code.OUTPUT_NOT_WRITABLE]


def test_missing_runtime_or_wheels_say_what_to_run(tmp_path: Path, project_root: Path) -> None:
    project = tmp_path / "project"
    (project / "site").mkdir(parents=True)
    shutil.copy(project_root / "site" / "browser-requirements.txt", project / "site")
    with pytest.raises(BuildError) as info:
        assemble(Site(), project, tmp_path / "public")
    assert [d.problem.code for d in info.value.diagnostics] == [Code.NOT_INSTALLED]
    assert "make install" in str(info.value)
    os.symlink(project_root / "node_modules", project / "node_modules")
    (project / ".cache" / "browser-wheels").mkdir(parents=True)
    with pytest.raises(BuildError) as info:
        assemble(Site(), project, tmp_path / "public")
    assert [d.problem.code for d in info.value.diagnostics] == [Code.WHEELS_MISMATCH]


# --- evaluations that were changed by hand ----------------------------------------------------------


@pytest.fixture
def export(tmp_path: Path, project_root: Path) -> dict[str, Any]:
    from ijkpunt_core.evaluate import evaluate

    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    draft = a_draft(evaluator="c", agent="A1")
    evaluation = evaluate(checklist, draft).evaluation
    assert evaluation is not None
    return evaluation.model_dump(mode="json")


@pytest.mark.parametrize(
    ("tamper", "code", "status"),
    [
        (lambda e: e.update(channel="chat"), Code.CHANNEL_MISMATCH, 1),
        (lambda e: e["checklist"].update(version="9.9.9"), Code.VERSION_MISMATCH, 1),
        (lambda e: e["checklist"].update(id="kcc-fax"), Code.UNKNOWN_CHECKLIST, 2),
        (lambda e: e["scores"].update(quality="80"), Code.WRONG_TYPE, 2),
    ],
    ids=["channel", "version", "checklist", "number-as-text"],
)
def test_score_refuses_tampered_metadata(
    tmp_path: Path,
    project_root: Path,
    export: dict[str, Any],
    tamper: Any,
    code: Code,
    status: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tamper(export)
    path = tmp_path / "beoordeling.json"
    path.write_text(json.dumps(export, indent=2), encoding="utf-8")
    assert main(["--project", str(project_root), "score", str(path), "--json"]) == status
    report = json.loads(capsys.readouterr().out)
    assert code.value in [d["code"] for d in report["diagnostics"]]
    assert report["exit_code"] == status


def test_score_of_a_missing_file(tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project_root), "--lang", "en", "score", str(tmp_path / "weg.json")]) == 2
    assert "weg.json:1: (document): file not found [E001]" in capsys.readouterr().err


def test_an_evaluation_loads_strictly(export: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    assert load_document(path, model_validator(Evaluation, strict=True)).value is not None


def test_a_problem_in_an_inherited_part_points_into_the_file_it_came_from() -> None:
    from ijkpunt.diagnostics import Diagnostic
    from ijkpunt.documents import parse

    base, _ = parse("id: basis\nsections:\n  - id: opening\n    title: Opening\n", Path("checklists/basis.yaml"))
    variant, _ = parse("id: variant\nextends: basis\ntitle: Eigen titel\n", Path("checklists/variant.yaml"))
    assert base is not None and variant is not None
    variant = replace(variant, base=base)
    inherited = Diagnostic.in_document(variant, Problem(Code.EMPTY_TEXT, ("sections", 0, "title")))
    own = Diagnostic.in_document(variant, Problem(Code.EMPTY_TEXT, ("title",)))
    assert (inherited.file.name, inherited.line) == ("basis.yaml", 4)
    assert (own.file.name, own.line) == ("variant.yaml", 3)


def test_an_evaluation_in_another_format_version_is_named_as_such(
    tmp_path: Path, project_root: Path, export: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "oud.json"
    path.write_text(json.dumps({**export, "format_version": 7}), encoding="utf-8")
    assert main(["--project", str(project_root), "--lang", "en", "score", str(path)]) == 2
    err = capsys.readouterr().err
    assert "format version 7 and was made by a newer version of IJkpunt" in err and "[E423]" in err
    path.write_text(json.dumps({**export, "format_version": "twee"}), encoding="utf-8")
    assert main(["--project", str(project_root), "--lang", "en", "score", str(path)]) == 2
    assert "format version twee; this version of IJkpunt reads version 3 [E421]" in capsys.readouterr().err
