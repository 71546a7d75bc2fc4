"""`ijkpunt score` reads older formats through the core's import; `ijkpunt check PATH…` guards evaluation files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ijkpunt.cli import main

from ..builders import to_yaml
from ..core.test_formats import complete_evaluation
from ..core.test_import import FORMAT_1, TEST_DOCUMENT


@pytest.fixture
def format_1_project(tmp_path: Path, project_root: Path) -> Path:
    """A project with the checklist the format-1 fixtures were made with, in today's format."""
    project = tmp_path / "project"
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    shutil.copy(project_root / "checklists" / "kcc-telefoon.yaml", project / "checklists")
    (project / "checklists" / "test.yaml").write_text(to_yaml(TEST_DOCUMENT), encoding="utf-8")
    return project


def test_score_migrates_a_format_1_file_and_checks_it(
    format_1_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FORMAT_1 / "test-knock-out.json"
    assert main(["--project", str(format_1_project), "--lang", "en", "score", str(path)]) == 0
    captured = capsys.readouterr()
    assert "format version 1 and was read as version 3" in captured.err and "[W402]" in captured.err
    assert f"{path}:45: relationship: warning:" in captured.err  # placed on the line of the field
    assert json.loads(captured.out)["critical"]["failed"] is True


def test_score_refuses_changed_format_1_scores_with_the_same_message(
    format_1_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((FORMAT_1 / "test-geslaagd.json").read_text(encoding="utf-8"))
    data["scores"]["quality"] = 75.0
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert main(["--project", str(format_1_project), "score", str(path)]) == 1
    assert "scores.quality: 75.0 ≠ 50.0 [E408]" in capsys.readouterr().err


@pytest.fixture
def evaluations(tmp_path: Path) -> Path:
    folder = tmp_path / "beoordelingen"
    folder.mkdir()
    data = complete_evaluation().model_dump(mode="json")
    leaky = {**data, "notes": "Belt terug op 06-12345678.\nBSN 111222333 genoemd."}
    leaky["answers"] = {**data["answers"], "empathie": {**data["answers"]["empathie"], "comment": "NL91ABNA0417164300"}}
    (folder / "lek.json").write_text(json.dumps(leaky, indent=2), encoding="utf-8")
    lines = [json.dumps(data), "", json.dumps({**data, "notes": "woont 1234 AB 12, mail a@b.nl"}), "{kapot"]
    (folder / "alles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_check_reports_personal_data_in_evaluation_files_by_file_line_and_field(
    project_root: Path, evaluations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project_root), "check", str(evaluations)]) == 1
    err = capsys.readouterr().err.splitlines()
    lek = str(evaluations / "lek.json")
    notes_line = next(
        i for i, line in enumerate((evaluations / "lek.json").read_text().splitlines(), 1) if '"notes"' in line
    )
    assert (
        f"{lek}:{notes_line}: notes: Hier staat waarschijnlijk een BSN. Haal het weg: persoonsgegevens van inwoners "
        "horen niet in een beoordeling. [E601]" in err
    )
    assert any(
        line.startswith(f"{lek}:") and "antwoord op 'empathie' → comment" in line and line.endswith("[E602]")
        for line in err
    )
    assert any(line.startswith(f"{lek}:{notes_line}: notes: waarschuwing:") and line.endswith("[W602]") for line in err)
    jsonl = str(evaluations / "alles.jsonl")
    assert [line.rsplit(" ", 1)[-1] for line in err if line.startswith(f"{jsonl}:3:")] == ["[W601]", "[W603]"]
    assert any(line.startswith(f"{jsonl}:4:") and line.endswith("[E006]") for line in err)


def test_check_of_clean_files_passes_and_warnings_count_only_with_strict(
    project_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = complete_evaluation().model_dump(mode="json")
    clean = tmp_path / "schoon.json"
    clean.write_text(json.dumps({**data, "notes": "Zaak Z-2026-000123, gebeld op 24-11-2026 om 14:30."}))
    assert main(["--project", str(project_root), "check", str(clean)]) == 0
    phone = tmp_path / "telefoon.json"
    phone.write_text(json.dumps({**data, "notes": "belt op +31 (0)6 1234 5678"}))
    assert main(["--project", str(project_root), "check", str(phone)]) == 0
    capsys.readouterr()
    assert main(["--project", str(project_root), "check", "--strict", "--json", str(phone)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["path"]) for d in report["diagnostics"]] == [("W602", ["notes"])]


def test_check_with_a_path_that_does_not_exist_exits_2(project_root: Path, tmp_path: Path) -> None:
    assert main(["--project", str(project_root), "check", str(tmp_path / "nergens.json")]) == 2


@pytest.mark.parametrize(("lang", "words"), [("nl", "Exitstatus: 0 in orde"), ("en", "Exit status: 0 in order")])
def test_check_help_documents_paths_and_exit_status(lang: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", lang, "check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "PATH" in out and words in out and ("BSN of IBAN" in out or "BSN or IBAN" in out)
