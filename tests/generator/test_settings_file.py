"""The settings file (instellingen.yaml) in the build: `ijkpunt check` reports what is wrong with file and line,
hostile files get a clear message and no traceback, and the pages show what the settings say."""

from __future__ import annotations

import itertools
import json
import os
from html import unescape
from pathlib import Path

import pytest

from ijkpunt.cli import main
from ijkpunt.pages import render_pages
from ijkpunt.project import load_project
from ijkpunt.render import Renderer
from ijkpunt.settings_file import SETTINGS_FILE
from ijkpunt_core.problems import Code
from ijkpunt_core.settings import MAX_LOGO_BYTES

from ..builders import line_no

RECORDING = "opname-melden-medewerker"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#036"/></svg>\n'
SETTINGS = """\
# Instellingen van de gemeente
municipality:
  name: Gemeente Lindeveld
  logo: huisstijl/logo.svg
records_calls: false
targets:
  quality: 75
  channels:
    telefoon:
      as_of: 2026-03-01
      basis: Besluit MT klantcontact, maart 2026
      direct_min: 0.7
      transferred_or_callback_max: 0.3
      transferred_once_max: 0.2
      transferred_repeatedly_max: 0.1
"""


def telefoon_with_setting(project_root: Path) -> str:
    """The shipped telefoon checklist with its recording criterion marked as depending on `records_calls`."""
    text = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    if "requires_setting: records_calls" in text:
        return text
    marker = f"      - id: {RECORDING}\n"
    assert marker in text
    start = text.index(marker)
    kind = text.index("        kind: compliance\n", start)
    return text[:kind] + "        requires_setting: records_calls\n" + text[kind:]


def municipality_project(folder: Path, project_root: Path) -> Path:
    """A project of one municipality: the telephone checklist with a setting-bound criterion, a logo and settings."""
    (folder / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, folder / name)
    (folder / "checklists" / "kcc-telefoon.yaml").write_text(telefoon_with_setting(project_root), encoding="utf-8")
    (folder / "huisstijl").mkdir()
    (folder / "huisstijl" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (folder / SETTINGS_FILE).write_text(SETTINGS, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path, project_root: Path) -> Path:
    return municipality_project(tmp_path / "project", project_root)


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--project", str(project), "check"])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, text


def test_a_good_settings_file_checks_clean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loaded = load_project(project)
    assert loaded.diagnostics == []
    assert loaded.settings.found and loaded.settings.logo is not None
    assert loaded.settings.settings.records_calls is False
    assert check(project, capsys)[0] == 0


def test_without_a_settings_file_the_site_is_the_standard(project: Path) -> None:
    (project / SETTINGS_FILE).unlink()
    loaded = load_project(project)
    assert loaded.diagnostics == [] and not loaded.settings.found
    site = render_pages(loaded, Renderer(project / "site" / "templates", "nl"))
    assert "site_name" not in site.settings and "logo" not in site.settings["theme"]
    assert "data-settings" not in site.pages["scoren/kcc-telefoon.md"]
    assert f'name="answer:{RECORDING}"' in site.pages["scoren/kcc-telefoon.md"]


@pytest.mark.parametrize(
    ("edit", "needle", "code"),
    [
        (("records_calls: false", "records_calls: nee"), "records_calls", "E111"),
        (("records_calls: false", "gesprekken_opnemen: false"), "gesprekken_opnemen", "E101"),
        (("      direct_min: 0.7", "      direct_min: 70"), "direct_min", "E106"),
        (("    telefoon:", "    fax:"), "fax:", "E108"),
        (("  logo: huisstijl/logo.svg", "  logo: huisstijl/weg.svg"), "logo:", "E340"),
    ],
)
def test_check_reports_bad_settings_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str], edit: tuple[str, str], needle: str, code: str
) -> None:
    text = SETTINGS.replace(*edit)
    (project / SETTINGS_FILE).write_text(text, encoding="utf-8")
    exit_code, output = check(project, capsys)
    assert exit_code == 1
    assert f"instellingen.yaml:{line_no(text, needle)}:" in output and f"[{code}]" in output, output


def hostile_texts() -> dict[str, tuple[str, Code]]:
    names = "abcdefghijklm"
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    bomb += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in itertools.pairwise(names)]
    return {
        "too-large": ("municipality:\n  name: Gemeente Lindeveld\n" + "# opvulling\n" * 20_000, Code.FILE_TOO_LARGE),
        "alias-bomb": ("\n".join(bomb) + "\n", Code.TOO_MANY_ALIASES),
        "deep": ("municipality: " + "[" * 5_000 + "]" * 5_000 + "\n", Code.TOO_DEEP),
        "not-yaml": ("municipality: [name: \n", Code.YAML_SYNTAX),
    }


@pytest.mark.parametrize("name", sorted(hostile_texts()))
def test_a_hostile_settings_file_gets_a_clear_message(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text, expected = hostile_texts()[name]
    (project / SETTINGS_FILE).write_text(text, encoding="utf-8")
    assert [d.problem.code for d in load_project(project).diagnostics] == [expected]
    exit_code, output = check(project, capsys)
    assert exit_code == 1 and f"[{expected.value}]" in output and "instellingen.yaml:" in output


@pytest.mark.parametrize(
    ("file_name", "data", "code"),
    [
        ("logo.png", b"<svg></svg>", Code.LOGO_TYPE),  # says PNG, is not
        ("logo.gif", b"GIF89a", Code.LOGO_TYPE),  # a type the site does not take
        ("logo.webp", b"RIFF\0\0\0\0WEBPVP8 ", Code.LOGO_TYPE),  # nor this: an IIS server may not serve it
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_LOGO_BYTES + 1), Code.LOGO_TOO_LARGE),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', Code.LOGO_UNSAFE),
        ("logo.svg", b"<svg><script>fetch('/')</script></svg>", Code.LOGO_UNSAFE),
        ("logo.svg", b"geen svg", Code.LOGO_TYPE),
    ],
)
def test_a_logo_is_checked_for_type_size_and_script(project: Path, file_name: str, data: bytes, code: Code) -> None:
    (project / "huisstijl" / file_name).write_bytes(data)
    text = SETTINGS.replace("logo: huisstijl/logo.svg", f"logo: huisstijl/{file_name}")
    (project / SETTINGS_FILE).write_text(text, encoding="utf-8")
    [diagnostic] = load_project(project).diagnostics
    assert diagnostic.problem.code == code
    assert diagnostic.line == line_no(text, "logo:")


def test_a_logo_that_links_out_of_the_project_is_not_found(project: Path, tmp_path: Path) -> None:
    (tmp_path / "elders.svg").write_text(LOGO, encoding="utf-8")
    (project / "huisstijl" / "logo.svg").unlink()
    os.symlink(tmp_path / "elders.svg", project / "huisstijl" / "logo.svg")
    assert [d.problem.code for d in load_project(project).diagnostics] == [Code.LOGO_NOT_FOUND]


def test_targets_for_a_channel_without_a_checklist_are_a_warning(project: Path) -> None:
    (project / SETTINGS_FILE).write_text(SETTINGS.replace("    telefoon:", "    balie:"), encoding="utf-8")
    [diagnostic] = load_project(project).diagnostics
    assert diagnostic.problem.code == Code.TARGETS_UNUSED_CHANNEL and not diagnostic.is_error


def test_the_pages_show_the_municipality_the_switched_off_criterion_and_own_targets(project: Path) -> None:
    loaded = load_project(project)
    site = render_pages(loaded, Renderer(project / "site" / "templates", "nl"))
    # header and home
    assert site.settings["site_name"] == "IJkpunt · Gemeente Lindeveld"
    assert site.settings["theme"]["logo"] == "assets/gemeente/logo.svg"
    assert site.docs_files["assets/gemeente/logo.svg"] == LOGO.encode("utf-8")
    assert "Gemeente Lindeveld" in site.pages["index.md"] and 'src="assets/gemeente/logo.svg"' in site.pages["index.md"]
    # the feedback sheet carries the name and logo for printing
    assert 'src="../assets/gemeente/logo.svg"' in site.pages["beoordeling.md"]
    # the form: the recording criterion is shown, closed, as n.v.t.; the core gets the settings
    form = site.pages["scoren/kcc-telefoon.md"]
    assert f'name="answer:{RECORDING}"' not in form and f'name="comment:{RECORDING}"' not in form
    assert 'data-switched-off="records_calls"' in form and "de gemeente neemt geen gesprekken op" in form
    assert "data-settings=" in form
    # the handbook: why it is n.v.t., and the municipality's targets in place of the checklist's
    handbook = site.pages["handboek/kcc-telefoon.md"]
    assert "N.v.t. bij deze gemeente" in handbook
    assert "minstens 70%" in handbook and "minstens 80%" not in handbook
    # the targets are a table of their own (a blank line before it), introduced as the municipality's
    assert "Dit zijn de streefwaarden van de gemeente:\n\n| Uitkomst | Streefwaarde |" in handbook
    assert "Besluit MT klantcontact, maart 2026" in handbook and "kwaliteitsscore: 75" in handbook
    # the dashboard's index carries the own targets
    index = json.loads(site.files["data/checklists/index.json"])
    assert index["targets"]["quality"] == 75 and index["targets"]["channels"]["telefoon"]["direct_min"] == 0.7


def test_a_kit_form_ignores_the_settings(project: Path, project_root: Path) -> None:
    """A calibration kit is an exercise with a fixed key: every rater scores the same criteria."""
    os.symlink(project_root / "calibration_kits", project / "calibration_kits")
    for archived in (project_root / "checklists" / "archief").iterdir():
        os.makedirs(project / "checklists" / "archief", exist_ok=True)
        os.symlink(archived, project / "checklists" / "archief" / archived.name)
    site = render_pages(load_project(project), Renderer(project / "site" / "templates", "nl"))
    kit_forms = [text for name, text in site.pages.items() if name.startswith("kalibreren/kalibratie-telefoon/")]
    assert kit_forms and not any("data-switched-off" in text or "data-settings" in text for text in kit_forms)


def test_the_example_settings_file_checks_clean(project: Path, project_root: Path) -> None:
    """examples/instellingen-voorbeeld.yaml is where a quality officer starts: it must be valid as it is."""
    example = (project_root / "examples" / "instellingen-voorbeeld.yaml").read_text(encoding="utf-8")
    (project / SETTINGS_FILE).write_text(example, encoding="utf-8")
    loaded = load_project(project)
    assert loaded.diagnostics == []
    assert loaded.settings.settings.municipality is not None and loaded.settings.settings.targets.quality == 75


def test_the_aggregate_report_uses_own_targets_and_the_recorded_setting(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ijkpunt_core.evaluate import evaluate
    from ijkpunt_core.evaluation import Answer, Outcome
    from ijkpunt_core.settings import ScoringSettings

    from ..builders import a_draft

    loaded = load_project(project)
    [checklist] = loaded.current()
    answers = {c.id: Answer(option=checklist.scale_of(c).options[-1].id) for c in checklist.criteria()}  # type: ignore[union-attr]
    result = evaluate(
        checklist,
        a_draft(answers=answers, relationship="kept", outcome=Outcome(result="direct")),
        settings=ScoringSettings(records_calls=False),
    )
    assert result.evaluation is not None and result.evaluation.settings is not None
    file = tmp_path / "beoordeling.json"
    file.write_text(result.evaluation.model_dump_json(), encoding="utf-8")
    out = tmp_path / "rapport"
    assert main(["--project", str(project), "aggregate", "--json", "--out", str(out), str(file)]) == 0
    report = json.loads(capsys.readouterr().out)
    targets = {t["target"]: t["value"] for t in report["overall"]["targets"]}
    assert targets == {
        "quality_min": 0.75,
        "direct_min": 0.7,
        "transferred_once_max": 0.2,
        "transferred_repeatedly_max": 0.1,
        "transferred_or_callback_max": 0.3,
    }
    assert report["refused"] == []  # the recorded setting makes the export rescore exactly
    html = unescape((out / "rapport.html").read_text(encoding="utf-8"))
    assert "Gemiddelde kwaliteitsscore (minimaal, streefwaarde van de gemeente)</th><td>75%</td>" in html
