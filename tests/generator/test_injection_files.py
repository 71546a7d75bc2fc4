"""Hostile text and hostile files on the CLI's paths: names that look like spreadsheet formulas stay text in
the CSV and the workbook, HTML in kits is refused with its place, and numbers too long to read are refused
with file:line instead of a traceback (check, score, aggregate, calibrate, and the import in the browser)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import openpyxl
import pytest

from ijkpunt.cli import main
from ijkpunt_core.calibration import calibrate
from ijkpunt_core.importing import read_text
from ijkpunt_core.kit_api import calibration_csv
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.result_code import ResultContact, decode, encode, layout
from ijkpunt_core.text_safety import MAX_DIGITS, spreadsheet_text
from tests.builders import shipped
from tests.core.test_result_code import key_result, kit_of
from tests.generator.evaluation_files import evaluations
from tests.hostile import PAYLOADS, hostile_kit_project

# OWASP's examples of a cell a spreadsheet would run: each starts with = + - @ or a tab.
FORMULAS = ('=HYPERLINK("https://x")', "+1+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)*cmd", "\t=1+1")


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_that_starts_a_formula_gets_a_quote(text: str) -> None:
    assert spreadsheet_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Team Noord", "A1=B2", "", "'=al gequote", "e-mail"])
def test_an_ordinary_text_is_left_as_it_is(text: str) -> None:
    assert spreadsheet_text(text) == text


def test_names_that_look_like_formulas_stay_text_in_the_csv_and_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checklist = shipped("kcc-telefoon")
    folder = tmp_path / "in"
    folder.mkdir()
    names = {"team": FORMULAS[0], "department": FORMULAS[1], "agent": FORMULAS[2], "evaluator": FORMULAS[3]}
    for i, evaluation in enumerate(evaluations(checklist, 6, seed=3)):
        hostile = evaluation.model_copy(update=names if i % 2 else {"team": PAYLOADS[0], "agent": PAYLOADS[3]})
        (folder / f"e{i}.json").write_text(hostile.model_dump_json(), encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["aggregate", str(folder), "--out", str(out), "--min-n", "1"]) == 0
    capsys.readouterr()

    with (out / "beoordelingen.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    hostile_rows = [r for r in rows if r["team"] != PAYLOADS[0]]
    assert hostile_rows and all(r[k] == "'" + v for r in hostile_rows for k, v in names.items())
    for row in rows:  # no cell a spreadsheet would read as a formula; numbers stay numbers
        assert not any(value.startswith(("=", "+", "-", "@", "\t")) for value in row.values()), row
        assert float(row["quality"]) >= 0

    workbook = openpyxl.load_workbook(out / "samenvatting.xlsx")
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
    assert not [c.coordinate for c in cells if c.hyperlink is not None]
    team_sheet = workbook["Team"] if "Team" in workbook.sheetnames else workbook.worksheets[0]
    shown = {c.value for c in cells}
    assert FORMULAS[0] in shown and PAYLOADS[0] in shown, team_sheet.title  # as written, as text

    report = (out / "rapport.html").read_text(encoding="utf-8")
    assert "<img src=x" not in report and "<script>window" not in report
    assert "&lt;img src=x onerror=window.__pwned=1&gt;" in report


def test_a_participant_name_that_looks_like_a_formula_stays_text_in_the_calibration_csv() -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    kit_layout = layout(kit, checklist)
    results = []
    for name in ("=1+1", "@SUM(A1)", "Eva"):
        code = encode(
            kit_layout, name, [ResultContact(contact=contacts[0].id, answers=key_result(contacts[0]).answers)]
        )
        decoded = decode(code, kit_layout)
        assert not isinstance(decoded, Problem)
        results.append(decoded)
    calibration = calibrate(kit, checklist, contacts, results)
    text = calibration_csv(calibration, "nl")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    participants = {row[1] for row in rows if row[0] == "participant"}
    assert participants == {"'=1+1", "'@SUM(A1)", "Eva"}
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_html_and_script_links_in_a_kit_are_refused_with_their_place(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    hostile_kit_project(project, project_root)
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    kit = "calibration_kits/kalibratie-telefoon/"
    for place in (
        f"{kit}kit.yaml:3: title:",
        f"{kit}kit.yaml:6: description:",
        f"{kit}contacts/herhaalde-melding-lantaarnpaal.yaml:2: title:",
        f"{kit}contacts/herhaalde-melding-lantaarnpaal.md:2:",
    ):
        assert f"{place}" in err and "[E211]" in err, place
    assert "link naar 'javascript:window.__pwned=1' is niet toegestaan" in err and "[E212]" in err


LONG = "9" * (MAX_DIGITS + 1)


def test_a_number_too_long_to_read_is_refused_by_the_import() -> None:
    read = read_text('{"format": "ijkpunt-evaluation", "format_version": ' + LONG + "}")
    assert isinstance(read, Problem) and read.code == Code.NUMBER_TOO_LONG


@pytest.mark.parametrize("command", ["check", "score", "aggregate", "calibrate"])
def test_a_number_too_long_to_read_is_placed_not_a_traceback(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "getal.json"
    path.write_text('{\n  "format": "ijkpunt-evaluation",\n  "format_version": ' + LONG + "\n}\n", encoding="utf-8")
    args = {"calibrate": ["calibrate", "--kit", "kalibratie-telefoon", str(path)]}.get(command, [command, str(path)])
    status = main(["--lang", "nl", *args])
    err = capsys.readouterr().err
    assert status == (1 if command == "check" else 2)
    assert "Traceback" not in err
    line = 1 if command == "aggregate" else 3  # aggregate places a .json file at its start, as every refusal
    assert f"getal.json:{line}:" in err and "[E610]" in err
    assert f"getal van meer dan {MAX_DIGITS} cijfers" in err


def test_a_number_too_long_in_a_checklist_is_placed(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "checklists").mkdir()
    text = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    (tmp_path / "checklists" / "kcc-telefoon.yaml").write_text(f"x_getal: {LONG}\n{text}", encoding="utf-8")
    assert main(["--lang", "en", "--project", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "checklists/kcc-telefoon.yaml:1:" in err and "[E610]" in err and "Traceback" not in err
    assert json.dumps(f"more than {MAX_DIGITS} digits")[1:-1] in err


def test_bytes_a_browser_could_not_read_as_utf8_are_named_so() -> None:
    """A page reads a file as text: bytes that are not UTF-8 arrive as U+FFFD, and are named as such."""
    read = read_text("PK\x03\x04\ufffd\ufffd binary")
    assert isinstance(read, Problem) and read.code == Code.NOT_UTF8 and read.params == {"position": 4}


def hostile_file(folder: Path, kind: str) -> tuple[Path, int, Code]:
    """A file the CLI must refuse: its path, the line the refusal names and the code it gives."""
    if kind == "geen-json":
        path, line, code = folder / "geen.json", 1, Code.JSON_SYNTAX
        path.write_text("Dit is geen JSON, maar een boodschappenlijst.\n", encoding="utf-8")
    elif kind == "binair":
        path, line, code = folder / "binair.json", 1, Code.NOT_UTF8
        path.write_bytes(bytes(range(128, 256)) * 40)
    elif kind == "diep":
        path, line, code = folder / "diep.json", 1, Code.TOO_DEEP
        path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    elif kind == "groot":
        path, line, code = folder / "groot.json", 1, Code.FILE_TOO_LARGE
        with path.open("wb") as handle:  # sparse: 50 MB that are never read
            handle.truncate(50_000_000)
    else:  # one bad line among good ones
        good = [e.model_dump_json() for e in evaluations(shipped("kcc-telefoon"), 2, seed=6)]
        path, line, code = folder / "drie.jsonl", 2, Code.JSON_SYNTAX
        path.write_text(f"{good[0]}\n{{kapot\n{good[1]}\n", encoding="utf-8")
    return path, line, code


COMMANDS = {
    "check": (["check"], 1),
    "score": (["score"], 2),
    "aggregate": (["aggregate"], 2),
    "calibrate": (["calibrate", "--kit", "kalibratie-telefoon"], 2),
}


# score reads one evaluation and calibrate reads codes: only check and aggregate read JSON Lines
CASES = [
    (command, kind)
    for command in COMMANDS
    for kind in ("geen-json", "binair", "diep", "groot", "een-slechte-regel")
    if kind != "een-slechte-regel" or command in ("check", "aggregate")
]


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_a_hostile_file_is_refused_with_its_place_and_the_documented_status(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line, code = hostile_file(tmp_path, kind)
    args, status = COMMANDS[command]
    if command == "aggregate" and kind == "een-slechte-regel":
        status = 1  # the two good lines count; the bad one is refused
    assert main(["--lang", "nl", *args, str(path)]) == status
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{path.name}:{line}:" in err and f"[{code.value}]" in err, err


def test_an_oversized_or_garbled_code_is_refused_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("IJK1" + "A" * 200_000 + "\n\x00\x01 IJK1%%%\nIJK1" + "Z" * 40 + "\n", encoding="utf-8")
    assert main(["--lang", "nl", "calibrate", "--kit", "kalibratie-telefoon", str(codes)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "codes.txt:1:" in err
    assert "codes.txt:2:" in err and "[E441]" in err  # a character that is no part of a code, with its place
    assert "codes.txt:3:" in err and "[E443]" in err  # cut short: how long it is and should be


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("Dit is geen JSON.", "hier hoort een waarde (is het wel JSON?)", "Expecting value"),
        ('{"format": "ijkpunt-evaluation",}', "een komma voor de afsluitende }", "Illegal trailing comma"),
        ('{"format" "ijkpunt-evaluation"}', "hier ontbreekt een dubbele punt", "Expecting ':' delimiter"),
    ],
)
def test_why_a_file_is_no_json_is_said_in_the_users_language(text: str, nl: str, en: str) -> None:
    from ijkpunt_core.problems import render

    read = read_text(text)
    assert isinstance(read, Problem) and read.code == Code.JSON_SYNTAX
    if "trailing" in en and sys.version_info < (3, 13):  # older Pythons say "Expecting property name…"
        return
    assert render(read, "nl") == f"geen geldige JSON: {nl}"
    assert render(read, "en").startswith(f"not valid JSON: {en}")
