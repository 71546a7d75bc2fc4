"""`ijkpunt aggregate`: a folder of good and bad files → report, CSV and workbook, read back; exit status."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import openpyxl
import pytest

from ijkpunt.cli import main
from ijkpunt_core.aggregate import AggregateReport
from tests.builders import shipped
from tests.generator.evaluation_files import evaluations
from tests.review_files import disputed_files


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 files in a nested folder, 10 in JSON Lines, a repeat, a broken line, a broken file, a calibration."""
    checklist = shipped("kcc-telefoon")
    made = evaluations(checklist, 30)
    calibration = evaluations(checklist, 1, seed=9, mode="calibration")[0]
    root = tmp_path_factory.mktemp("evaluaties")
    (root / "september").mkdir()
    for e in made[:20]:
        (root / "september" / f"{e.id}.json").write_text(e.model_dump_json(), encoding="utf-8")
    lines = [e.model_dump_json() for e in made[20:]] + [
        made[0].model_dump_json(),
        "{kapot",
        calibration.model_dump_json(),
    ]
    (root / "rest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "kapot.json").write_text('{"format": "ijkpunt-evaluation"', encoding="utf-8")
    (root / "notities.txt").write_text("geen beoordeling", encoding="utf-8")  # not .json: not read
    return root


def test_a_folder_becomes_a_report_a_csv_and_a_workbook(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport"
    assert main(["--lang", "nl", "aggregate", str(folder), "--out", str(out), "--min-n", "2"]) == 1
    captured = capsys.readouterr()
    assert "30 van 34 beoordelingen meegeteld, 3 geweigerd" in captured.out
    # files in path order: the copy in rest.jsonl (line 11) comes first, so the original is the repeat
    assert "000100000000.json:1:" in captured.err and "[E422]" in captured.err
    assert "rest.jsonl:12:" in captured.err and "kapot.json:1:" in captured.err
    assert sorted(p.name for p in out.iterdir()) == ["beoordelingen.csv", "rapport.html", "samenvatting.xlsx"]

    assert main(["aggregate", str(folder), "--min-n", "2", "--json"]) == 1
    report = AggregateReport.model_validate_json(capsys.readouterr().out)
    assert (report.read, report.used, report.excluded) == (34, 30, {"mode:calibration": 1})

    # the long CSV: one row per evaluation × applicable criterion, the calibration included (its mode says so)
    with (out / "beoordelingen.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["evaluation"] for r in rows} == {str(i) for i in _ids(folder)}
    quality = {(r["evaluation"], r["quality"]) for r in rows}
    assert len(quality) == 31
    by_mode = {r["mode"] for r in rows}
    assert by_mode == {"monitoring", "calibration"}
    points = [float(r["points"]) for r in rows if r["kind"] == "quality"]
    assert all(0 <= p <= 100 for p in points)

    # the workbook, read back with a real reader: numbers are numbers, the same as the report
    book = openpyxl.load_workbook(out / "samenvatting.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["Alles samen", "kanaal", "afdeling"]
    whole = list(book["Alles samen"].iter_rows(values_only=True))
    assert whole[0][:3] == ("Groep", "Aantal", "Kwaliteitsscore")
    assert whole[1][1] == 30 and whole[1][2] == pytest.approx(report.overall.quality.mean)
    assert whole[1][5] == pytest.approx(report.overall.knockout.rate)
    refused = list(book["Geweigerd"].iter_rows(values_only=True))
    assert [r[2] for r in refused[1:]] == [r.code for r in report.refused]
    teams = {r[0]: r[1] for r in list(book["team"].iter_rows(values_only=True))[1:]}
    assert teams == {"team-noord": 15, "team-zuid": 15}

    page = (out / "rapport.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))  # what a reader sees
    assert "Kwaliteit van het klantcontact" in text and "kapot.json:1: geen geldige JSON" in text
    assert "<script" not in page
    # the charts, drawn at build time as SVG: trend, teams and weakest criteria, nothing fetched
    assert re.findall(r'<figure class="chart" data-chart="(\w+)"><svg', page) == ["trend", "team", "criteria"]
    assert "Kwaliteitsscore per team, met 95%-interval en n" in text
    assert not re.search(r'(?:src|href)="https?:', page)


def test_agents_below_the_minimum_are_hidden(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["aggregate", str(folder), "--min-n", "8", "--json"])
    report = AggregateReport.model_validate_json(capsys.readouterr().out)
    agents = next(b for b in report.breakdowns if b.dimension == "agent")
    assert all(g.n >= 8 for g in agents.groups) and agents.hidden == 2


def test_where_filters_and_exit_statuses(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "goed"
    good.mkdir()
    for file in sorted((folder / "september").iterdir())[:3]:
        (good / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["aggregate", str(good), "--where", "team=team-noord", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["used"] + report["excluded"].get("filter:team", 0) == 3
    assert main(["aggregate", str(tmp_path / "bestaat-niet")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["aggregate", str(good), "--where", "kleur=rood"]) == 2
    assert main(["aggregate", str(folder / "kapot.json")]) == 2  # nothing usable


def _ids(folder: Path) -> set[str]:
    ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in (folder / "september").iterdir()}
    for line in (folder / "rest.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            ids.add(json.loads(line)["id"])
        except ValueError:
            continue
    return ids


EXAMPLE_JSONL = Path(__file__).resolve().parents[2] / "examples" / "evaluaties-voorbeeld" / "alle-beoordelingen.jsonl"


def test_the_survey_block_in_report_csv_and_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example set's citizen surveys: apart in every file, with the figures of the report object."""
    out = tmp_path / "rapport"
    assert main(["--lang", "nl", "aggregate", str(EXAMPLE_JSONL), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["aggregate", str(EXAMPLE_JSONL), "--json"]) == 0
    report = AggregateReport.model_validate_json(capsys.readouterr().out)
    [survey] = report.surveys
    assert survey.checklist == "kto-telefoon" and survey.n == 60 and not survey.hidden
    assert report.used == report.overall.n + 60  # counted as used, never in the quality figures
    assert all(c.checklist != "kto-telefoon" for c in report.criteria)
    by = {q.question: q for q in survey.questions}
    assert [q.quadrant for q in survey.questions].count("improve") >= 1
    assert by["afspraken-nakomen"].quadrant == "improve"  # the example's clear verbeterpunt

    # the long CSV: survey rows say so (measure), with the answer as given; quality rows carry measure=quality
    with (out / "beoordelingen.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    surveyed = [r for r in rows if r["measure"] == "survey"]
    assert {r["checklist"] for r in surveyed} == {"kto-telefoon"}
    assert {r["checklist"] for r in rows if r["measure"] == "quality"} == {
        "kcc-telefoon",
        "kcc-email",
        "kcc-chat",
        "kcc-balie",
    }
    assert all(r["quality"] == "" and r["answer"] for r in surveyed)
    marks = [int(r["answer"]) for r in surveyed if r["criterion"] == "wijze-geholpen" and r["kind"] == "quality"]
    assert round(sum(marks) / len(marks), 1) == by["wijze-geholpen"].mark.mean
    importance = [int(r["answer"]) for r in surveyed if r["criterion"] == "resultaat" and r["kind"] == "importance"]
    assert round(sum(importance) / len(importance), 1) == by["resultaat"].importance.mean  # type: ignore[union-attr]

    # the workbook: one sheet for the survey, numbers as numbers
    book = openpyxl.load_workbook(out / "samenvatting.xlsx", read_only=True)
    sheet = list(book["Enquête"].iter_rows(values_only=True))
    assert sheet[0][:5] == ("Checklist", "n", "Vraag", "Titel", "Gemiddeld cijfer (95%-interval)")
    found = {row[2]: row for row in sheet[1:]}
    assert list(found) == list(by)
    for question, q in by.items():
        row = found[question]
        assert row[1] == q.mark.n and row[4] == pytest.approx(q.mark.mean) and row[5] == pytest.approx(q.mark.low)
        assert row[7] == pytest.approx(q.sufficient.rate) and row[10] == pytest.approx(q.importance.mean)  # type: ignore[union-attr]
    assert found["afspraken-nakomen"][13] == "Verbeterpunt"

    # the HTML report: the section, the table in words and numbers, the matrix drawn as SVG
    page = (out / "rapport.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Klanttevredenheid (enquête)" in text
    g = by["wijze-geholpen"]
    mark = f"{g.mark.mean:.1f} ({g.mark.low:.1f}–{g.mark.high:.1f}, n={g.mark.n})".replace(".", ",")
    assert mark in text
    assert f"{g.sufficient.count} van {g.sufficient.n} gaven een 7 of hoger" in text
    assert re.findall(r'<figure class="chart" data-chart="(matrix:[\w-]+)"><svg', page) == ["matrix:kto-telefoon"]
    assert "Prioriteitenmatrix KTO telefoon" in text and "Verbeterpunt" in text


def test_the_report_counts_disputes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    disputed_files(folder)
    out = tmp_path / "rapport"
    assert main(["--lang", "nl", "aggregate", str(folder), "--out", str(out)]) == 0
    html = (out / "rapport.html").read_text(encoding="utf-8")
    assert "Reacties en bezwaren van medewerkers" in html
    assert re.search(
        r'<tr data-criterion="vraag-samenvatten"><th scope="row">[^<]+</th><td>kcc-telefoon</td>'
        r"<td>1</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>",
        html,
    )
    assert "Met bezwaar: 33%" in html


def test_the_english_report_names_channels_and_modes_in_english(tmp_path: Path) -> None:
    """The stored values (`telefoon`, `monitoring`) are the data; a reader of the English report sees names."""
    out = tmp_path / "report"
    assert main(["--lang", "en", "aggregate", str(EXAMPLE_JSONL), "--out", str(out)]) == 0
    page = (out / "rapport.html").read_text(encoding="utf-8")
    rows = re.findall(r'<th scope="row">([^<]*)</th>', page)
    assert {"Telephone", "E-mail", "Chat", "Front desk", "Monitoring"} <= set(rows), rows
    assert not {"telefoon", "balie", "monitoring"} & set(rows)
