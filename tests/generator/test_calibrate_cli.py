"""`ijkpunt calibrate`: a file of result codes for the shipped kit kalibratie-telefoon, as tables and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ijkpunt.cli import main
from ijkpunt.project import load_project
from ijkpunt.reports import CalibrationReport
from ijkpunt_core.calibration import calibrate
from ijkpunt_core.evaluation import Answer
from ijkpunt_core.result_code import Result, ResultContact, decode, encode, layout

KIT = "kalibratie-telefoon"


@pytest.fixture(scope="module")
def codes(project_root: Path) -> list[str]:
    """Three participants: like the key, more lenient on empathy, and n.v.t. where the key answers."""
    folder = next(k for k in load_project(project_root).kits if k.kit.id == KIT)
    assert folder.checklist is not None
    kit_layout = layout(folder.kit, folder.checklist)
    made = []
    for name, change in (
        ("AB", {}),
        ("Sanne", {"empathie": Answer(option="goed")}),
        ("Zoë", {"meedenken": Answer(na=True)}),
    ):
        scored = []
        for file in folder.contacts[:3]:
            answers = {c: Answer(option=k.option, grade=k.grade, na=k.na) for c, k in file.contact.key.items()}
            scored.append(ResultContact(contact=file.contact.id, answers={**answers, **change}))
        made.append(encode(kit_layout, name, scored))
    return made


def codes_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "codes.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_tables_for_people(tmp_path: Path, codes: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    path = codes_file(tmp_path, ["# sessie van dinsdag", "", *codes])
    assert main(["--lang", "nl", "calibrate", str(path), "--kit", KIT]) == 0
    out = capsys.readouterr().out
    assert "Kit kalibratie-telefoon 1.0.0 (checklist kcc-telefoon 2.0.0): 3 deelnemer(s), 3 contact(en)" in out
    assert "minste overeenstemming eerst" in out
    assert "* empathie" in out  # a focus criterion
    assert "Zoë" in out and "Sanne" in out
    assert main(["--lang", "en", "calibrate", str(path), "--kit", KIT]) == 0
    assert "least agreement first" in capsys.readouterr().out


def test_json_equals_the_core_on_the_same_codes(
    tmp_path: Path, codes: list[str], project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = codes_file(tmp_path, codes)
    assert main(["calibrate", str(path), "--kit", KIT, "--json", "--threshold", "3"]) == 0
    report = CalibrationReport.model_validate_json(capsys.readouterr().out)
    assert (report.exit_code, report.codes_read, report.codes_used, report.errors) == (0, 3, 3, 0)
    folder = next(k for k in load_project(project_root).kits if k.kit.id == KIT)
    assert folder.checklist is not None
    kit_layout = layout(folder.kit, folder.checklist)
    decoded = [decode(c, kit_layout) for c in codes]
    assert all(isinstance(r, Result) for r in decoded)
    expected = calibrate(
        folder.kit,
        folder.checklist,
        [f.contact for f in folder.contacts],
        decoded,
        3.0,  # type: ignore[arg-type]
    )
    assert report.calibration == expected
    empathie = next(c for c in expected.criteria if c.criterion == "empathie")
    assert empathie.spread["goed"] >= 3
    assert report.calibration.agenda[0] in {"empathie", "meedenken"}


def test_bad_codes_are_placed_and_the_good_ones_combined(
    tmp_path: Path, codes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = codes[1][:20] + ("B" if codes[1][20] != "B" else "C") + codes[1][21:]
    path = codes_file(
        tmp_path, [codes[0], "[10:02] Bram: IJK2HALLO", damaged, codes[2][:-4], codes[2], "# opmerking", codes[0]]
    )
    assert main(["--lang", "nl", "calibrate", str(path), "--kit", KIT]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: (document): dit is geen resultaatcode" in err and "[E440]" in err
    assert f"{path}:3:" in err and "[E442]" in err
    assert f"{path}:4:" in err and "[E443]" in err
    assert f"{path}:7:" in err and "[W440]" in err
    assert main(["calibrate", str(path), "--kit", KIT, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["codes_read"], report["codes_used"], report["errors"], report["warnings"]) == (6, 2, 3, 1)
    assert [d["code"] for d in report["diagnostics"]] == ["E440", "E442", "E443", "W440"]


def test_a_result_json_file_is_read_by_its_code(
    tmp_path: Path, codes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = tmp_path / "resultaat.json"
    result.write_text(
        json.dumps(
            {
                "kit": KIT,
                "kit_version": "1.0.0",
                "fingerprint": "00",
                "participant": "AB",
                "contacts": [],
                "code": codes[0][:-3],
            }
        ),
        encoding="utf-8",
    )
    assert main(["calibrate", str(codes_file(tmp_path, codes[1:])), str(result), "--kit", KIT, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["codes_used"] == 2
    (diagnostic,) = report["diagnostics"]
    assert (
        diagnostic["code"] == "E443"
        and diagnostic["file"].endswith("resultaat.json")
        and diagnostic["path"] == ["code"]
    )


def test_nothing_usable_and_an_unknown_kit_exit_2(
    tmp_path: Path, codes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calibrate", str(codes_file(tmp_path, ["# leeg"])), "--kit", KIT]) == 2
    assert "geen bruikbare resultaatcode" in capsys.readouterr().out
    assert main(["calibrate", str(tmp_path / "weg.txt"), "--kit", KIT]) == 2
    assert "[E001]" in capsys.readouterr().err
    assert main(["calibrate", str(codes_file(tmp_path, codes)), "--kit", "kalibratie-balie", "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"][0]["code"] == "E448"
    assert KIT in report["diagnostics"][0]["allowed"]
    assert main(["calibrate", str(codes_file(tmp_path, codes)), "--kit", "kalibratie-chat", "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert {d["code"] for d in report["diagnostics"]} == {"E444"}
