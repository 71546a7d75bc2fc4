"""`ijkpunt check`, `ijkpunt score` and a build that fails without touching the old site."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from ijkpunt.cli import main
from ijkpunt.project import load_checklist_file
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Outcome

from ..builders import a_draft

BROKEN = """\
id: kcc-test
version: 1.0.0
title: Test
channel: telefoon
license: CC-BY-4.0
description: Een checklist met fouten.
critical_policy: fail-contact
scales:
  ja-nee:
    type: options
    title: Ja / nee
    options: [{id: nee, label: Nee, points: 0}, {id: ja, label: Ja, points: 1}]
sections:
  - id: opening
    title: Opening
    criteria:
      - id: groet
        titel: Groet
        kind: quality
        scale: ja-neee
        weight: 0
        definition: Groet.
        anchors: {nee: Geen groet., ja: Groet.}
        indicators: [Groet.]
        examples: {good: [Goedemorgen.], poor: [Ja?]}
        rationale: Omdat.
        kpi: klanttevredenheid
        sources: [bron]
bands: [{id: onvoldoende, label: Onvoldoende, min: 0, description: Onder de maat.}]
relationship:
  title: Relatie?
  definition: Ja.
  anchors: {weakened: Minder., kept: Gelijk., strengthened: Meer.}
  indicators: [Ja.]
  rationale: Omdat.
  sources: [bron]
targets:
  as_of: 2026-11-28
  source: bron
  direct_min: 0.8
  transferred_or_callback_max: 0.2
  transferred_once_max: 0.15
  transferred_repeatedly_max: 0.05
changes: [{version: 1.0.0, date: 2026-11-28, summary: Eerste versie.}]
sources:
  bron: {title: Bron, publisher: Iemand, year: 2020}
"""


def project_with(tmp_path: Path, project_root: Path, checklist_text: str) -> Path:
    """A project folder that shares the real site/, runtime and wheels, with its own checklists."""
    project = tmp_path / "project"
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    shutil.copy(project_root / "checklists" / "kcc-telefoon.yaml", project / "checklists")
    (project / "checklists" / "kcc-test.yaml").write_text(checklist_text, encoding="utf-8")
    return project


def test_check_lists_every_problem_with_file_and_line(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path, project_root, BROKEN)
    assert main(["--project", str(project), "--lang", "en", "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    where = "section 'opening' → criterion 'groet'"
    assert err == [
        "checklists/kcc-test.yaml:9: scale 'ja-nee': warning: scale 'ja-nee' is not used by any criterion [W201]",
        f"checklists/kcc-test.yaml:17: {where} → title: required field 'title' is missing; add it [E102]",
        f"checklists/kcc-test.yaml:18: {where} → titel: unknown key 'titel'; check the spelling (allowed: id, title, "
        "kind, importance_of, scale, weight, critical, na, applies_when, definition, anchors, indicators, examples, "
        "rationale, kpi, "
        "sources, "
        "basis) [E101]",
        f"checklists/kcc-test.yaml:20: {where} → scale: unknown scale 'ja-neee' (allowed: ja-nee) [E201]",
        f"checklists/kcc-test.yaml:21: {where} → weight: 0 is out of range: it must be > 0.0 [E106]",
    ]


def test_check_passes_on_the_shipped_checklists(project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project_root), "check"]) == 0
    assert re.search(r"\d+ bestand\(en\) gecontroleerd: 0 fout\(en\), 0 waarschuwing\(en\)", capsys.readouterr().out)


def test_failed_build_leaves_the_previous_site_untouched(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path, project_root, BROKEN.replace("titel:", "title:"))
    out = tmp_path / "public"
    out.mkdir()
    (out / "index.html").write_text("vorige versie", encoding="utf-8")
    assert main(["--project", str(project), "build", "--out", str(out)]) == 1
    assert "onbekende schaal 'ja-neee' (toegestaan: ja-nee) [E201]" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not list(tmp_path.glob(".ijkpunt-build-*"))


@pytest.fixture
def exported(tmp_path: Path, project_root: Path) -> Path:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    answers = {c.id: Answer(option="ja") for c in checklist.criteria() if checklist.scale_of(c).title == "Ja / nee"}
    answers |= {c.id: Answer(na=True) for c in checklist.criteria() if c.id not in answers and c.na.allowed}
    answers |= {c.id: Answer(option="voldoende") for c in checklist.criteria() if c.id not in answers}
    draft = a_draft(answers=answers, relationship="kept", outcome=Outcome(result="direct"))
    evaluation = evaluate(checklist, draft).evaluation
    assert evaluation is not None
    path = tmp_path / "evaluatie.json"
    path.write_text(evaluation.model_dump_json(indent=2), encoding="utf-8")
    return path


def test_score_recomputes_an_export(exported: Path, project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project_root), "score", str(exported)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(exported.read_text(encoding="utf-8"))["scores"]
    assert printed["complete"] is True


def test_score_fails_when_stored_scores_were_changed(
    exported: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["scores"]["quality"] = 99.9
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--project", str(project_root), "score", str(exported)]) == 1
    captured = capsys.readouterr()
    assert "scores.quality: 99.9 ≠" in captured.err
    assert "[E408]" in captured.err
    assert json.loads(captured.out)["quality"] != 99.9


def test_score_rejects_a_file_that_is_not_an_evaluation(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"format": "iets anders"}', encoding="utf-8")
    assert main(["--project", str(project_root), "score", str(bad)]) == 2
    assert "format" in capsys.readouterr().err


def test_a_worked_example_that_no_longer_fits_is_reported(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(
        tmp_path,
        project_root,
        BROKEN.replace("titel:", "title:").replace("ja-neee", "ja-nee").replace("weight: 0", "weight: 1"),
    )
    (project / "site").unlink()
    (project / "site" / "examples").mkdir(parents=True)
    for item in (project_root / "site").iterdir():
        if item.name != "examples":
            os.symlink(item, project / "site" / item.name)
    example = (project_root / "site" / "examples" / "rekenvoorbeeld.yaml").read_text(encoding="utf-8")
    (project / "site" / "examples" / "rekenvoorbeeld.yaml").write_text(
        example.replace("informatie-juist: {option: goed}", "informatie-juist: {option: heel-goed}"), encoding="utf-8"
    )
    assert main(["--project", str(project), "build", "--out", str(tmp_path / "public")]) == 1
    err = capsys.readouterr().err
    line = example.splitlines().index("  informatie-juist: {option: goed}") + 1
    where = "antwoord op 'informatie-juist' → option: antwoord 'heel-goed' staat"
    assert f"site/examples/rekenvoorbeeld.yaml:{line}: {where}" in err
    assert "[E402]" in err
    assert not (tmp_path / "public").exists()


def test_score_finds_the_archived_version_an_evaluation_was_made_with(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path, project_root, BROKEN.replace("titel:", "title:").replace("ja-neee", "ja-nee"))
    (project / "checklists" / "kcc-test.yaml").unlink()
    assert main(["--project", str(project), "archive"]) == 0
    assert "kcc-telefoon" in capsys.readouterr().out
    old = load_checklist_file(project / "checklists" / "kcc-telefoon.yaml").value
    assert old is not None
    path = project / "checklists" / "kcc-telefoon.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'version: "{old.version}"', 'version: "9.0.0"', 1), encoding="utf-8")
    draft = a_draft()
    evaluation = evaluate(old, draft).evaluation
    assert evaluation is not None
    exported = tmp_path / "oud.json"
    exported.write_text(evaluation.model_dump_json(), encoding="utf-8")
    assert main(["--project", str(project), "score", str(exported), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["checklist"] == {
        "id": "kcc-telefoon",
        "version": old.version,
        "content_hash": old.content_hash(),
        "exact": True,
    }
    assert report["diagnostics"] == []


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({}, "nl"),
    ],
)
def test_the_language_comes_from_the_environment_else_dutch(environ: dict[str, str], lang: str) -> None:
    from ijkpunt.cli import environment_lang

    assert environment_lang(environ) == lang


def test_help_and_messages_follow_the_language(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["--project", str(project_root), "check"]) == 0
    assert re.search(r"\d+ file\(s\) checked: 0 error\(s\), 0 warning\(s\)", capsys.readouterr().out)
    with pytest.raises(SystemExit):
        main(["--lang", "nl", "--help"])
    assert "taal van de meldingen" in capsys.readouterr().out


def test_build_shows_warnings_and_strict_stops_on_them(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = BROKEN.replace("titel:", "title:").replace("ja-neee", "ja-nee").replace("weight: 0", "weight: 1")
    unused = fixed.replace("scales:\n", "scales:\n  ongebruikt:\n    type: grade\n    title: Cijfer\n", 1)
    project = project_with(tmp_path, project_root, unused)
    assert main(["--project", str(project), "build", "-v", "--out", str(tmp_path / "public")]) == 0
    err = capsys.readouterr().err
    assert "[W201]" in err
    # --verbose shows the steps as they start, in order
    steps = ["checklists, kits en voorbeelden lezen", "pagina's maken", "site bouwen met mkdocs", "rekenmodule"]
    assert [err.index(step) for step in steps] == sorted(err.index(step) for step in steps)
    assert main(["--project", str(project), "build", "--strict", "--out", str(tmp_path / "public2")]) == 1
    err = capsys.readouterr().err
    assert "[W201]" in err and "pagina's maken" not in err  # not a terminal, not verbose: no steps
    assert not (tmp_path / "public2").exists()
