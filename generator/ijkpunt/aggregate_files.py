"""`ijkpunt aggregate`: files, folders and JSON Lines streamed into the core's Aggregator.

Reads one evaluation at a time (a `.json` file, or one line of a `.jsonl` file), never the whole set;
the long CSV (one row per evaluation × criterion) is written on the way, so it costs no memory either.
Everything about what counts and what is refused is the core's (:mod:`ijkpunt_core.aggregate`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ijkpunt_core.aggregate import (
    MAX_EVALUATION_CHARS,
    QUADRANTS,
    AggregateConfig,
    AggregateReport,
    Aggregator,
    ChecklistIndex,
    Fact,
)
from ijkpunt_core.problems import Code, Lang, Problem
from ijkpunt_core.text_safety import spreadsheet_text

SUFFIXES = (".json", ".jsonl")
AGGREGATE_FILES = ("rapport.html", "beoordelingen.csv", "samenvatting.xlsx")
MAX_JSONL_BYTES = 2_000_000_000
"""A JSON Lines file of 100,000 evaluations is ~1 GB; beyond 2 GB something else is going on."""

CSV_COLUMNS = (
    "evaluation",
    "checklist",
    "version",
    "channel",
    "department",
    "team",
    "agent",
    "evaluator",
    "mode",
    "contact_date",
    "quality",
    "failed",
    "criterion",
    "kind",
    "points",
    "met",
    "measure",
    "answer",
)
"""``measure`` is ``quality`` for an evaluation of a contact and ``survey`` for a citizen survey, whose rows
(``kind`` ``quality`` for a mark, ``importance`` for how important the citizen finds that question) carry the
answer as given in ``answer``; filter on ``measure`` so the two are never mixed."""


@dataclass(frozen=True)
class Source:
    """One evaluation's text and where it came from (file, and line for JSON Lines)."""

    file: Path
    line: int
    text: str | None
    problem: Problem | None = None


def files_in(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The evaluation files under the given files and folders (recursive, sorted), and paths that do not exist."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            missing.append(path)
    return found, missing


def sources(files: Sequence[Path]) -> Iterator[Source]:
    """Every evaluation in the files, one at a time."""
    for file in files:
        try:
            size = file.stat().st_size
        except OSError as exc:
            yield Source(file, 1, None, Problem(Code.FILE_UNREADABLE, (), {"detail": exc.strerror or str(exc)}))
            continue
        if file.suffix.lower() == ".jsonl":
            if size > MAX_JSONL_BYTES:
                yield Source(file, 1, None, Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": MAX_JSONL_BYTES}))
                continue
            yield from _lines(file)
            continue
        if size > MAX_EVALUATION_CHARS * 4:  # never read a huge file whole; the core measures characters
            yield Source(file, 1, None, Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": MAX_EVALUATION_CHARS}))
            continue
        yield _whole(file)


def _whole(file: Path) -> Source:
    try:
        return Source(file, 1, file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return Source(file, 1, None, Problem(Code.NOT_UTF8, (), {"position": exc.start}))
    except OSError as exc:
        return Source(file, 1, None, Problem(Code.FILE_UNREADABLE, (), {"detail": exc.strerror or str(exc)}))


def _lines(file: Path) -> Iterator[Source]:
    try:
        with file.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                if len(raw) > MAX_EVALUATION_CHARS * 4:
                    size = len(raw)
                    yield Source(
                        file,
                        number,
                        None,
                        Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": MAX_EVALUATION_CHARS}),
                    )
                    continue
                try:
                    yield Source(file, number, raw.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield Source(file, number, None, Problem(Code.NOT_UTF8, (), {"position": exc.start}))
    except OSError as exc:
        yield Source(file, 1, None, Problem(Code.FILE_UNREADABLE, (), {"detail": exc.strerror or str(exc)}))


class LongCsv:
    """The long CSV, one row per evaluation × criterion, for Power BI, DuckDB or a spreadsheet."""

    def __init__(self, handle: IO[str]) -> None:
        self.writer = csv.writer(handle, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, fact: Fact) -> None:
        if fact.survey:
            self._survey(fact)
            return
        common = (
            *_texts(fact),
            fact.date.isoformat(),
            "" if fact.quality is None else f"{fact.quality:g}",
            "true" if fact.failed else "false",
        )
        for criterion, points in fact.points:
            self.writer.writerow((*common, criterion, "quality", f"{points:g}", "", "quality", ""))
        for criterion, met in fact.compliance:
            self.writer.writerow((*common, criterion, "compliance", "", "true" if met else "false", "quality", ""))

    def _survey(self, fact: Fact) -> None:
        """A survey's rows: each mark and each importance as answered; no quality score, nothing failed."""
        common = (*_texts(fact), fact.date.isoformat(), "", "")
        points = dict(fact.points)
        for question, mark in fact.marks:
            self.writer.writerow((*common, question, "quality", f"{points[question]:g}", "", "survey", f"{mark:g}"))
        for question, importance in fact.importance:
            self.writer.writerow((*common, question, "importance", "", "", "survey", f"{importance:g}"))


def _texts(fact: Fact) -> tuple[str, ...]:
    """The evaluation's texts for the CSV: names come from files anyone can write, so none starts a formula."""
    texts = (fact.id, fact.checklist, fact.version, fact.channel, fact.department, fact.team, fact.agent)
    return tuple(spreadsheet_text(text) for text in (*texts, fact.evaluator, fact.mode))


def display(file: Path) -> str:
    """A path as the report shows it: relative to the current folder when it is below it."""
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def aggregate_files(
    files: Sequence[Path],
    index: ChecklistIndex,
    config: AggregateConfig,
    csv_handle: IO[str] | None = None,
    progress: Callable[[int], object] = lambda _: None,
) -> AggregateReport:
    """Stream every evaluation in ``files`` through the aggregation; ``progress`` gets the bytes of each file done."""
    aggregator = Aggregator(index, config)
    long_csv = LongCsv(csv_handle) if csv_handle is not None else None
    previous: Path | None = None
    for source in sources(files):
        if previous is not None and source.file != previous:
            progress(_size(previous))
        previous = source.file
        shown = display(source.file)
        if source.text is None:
            assert source.problem is not None
            aggregator.refuse(shown, source.line, source.problem)
            continue
        fact = aggregator.add_text(source.text, shown, source.line)
        if fact is not None and long_csv is not None:  # every accepted evaluation; the mode column filters
            long_csv.add(fact)
    if previous is not None:
        progress(_size(previous))
    return aggregator.report()


def _size(file: Path) -> int:
    try:
        return os.stat(file).st_size
    except OSError:
        return 0


def run_aggregate(
    files: Sequence[Path], index: ChecklistIndex, config: AggregateConfig, out: Path | None, root: Path, lang: Lang
) -> AggregateReport:
    """The whole `ijkpunt aggregate`: one streamed pass, then the report files (when ``out`` is given).

    Files are written under temporary names and renamed at the end, so a failed run leaves no half report.
    """
    from tqdm import tqdm

    from .render import Renderer
    from .report_files import chart_svgs, write_html, write_xlsx

    total = sum(_size(f) for f in files)
    bar = tqdm(total=total, unit="B", unit_scale=True, disable=not sys.stderr.isatty(), leave=False)
    try:
        if out is None:
            return aggregate_files(files, index, config, None, bar.update)
        out.mkdir(parents=True, exist_ok=True)
        parts = {name: out / f".{name}.tmp" for name in AGGREGATE_FILES}
        try:
            with parts["beoordelingen.csv"].open("w", encoding="utf-8", newline="") as handle:
                report = aggregate_files(files, index, config, handle, bar.update)
            renderer = Renderer(root / "site" / "templates", lang)
            context = {
                "generated": dt.date.today().isoformat(),
                "files": len(files),
                "dimension_labels": renderer.t.group("report.dimension"),
                "target_labels": renderer.t.group("report.targets_names"),
                "quadrant_labels": {
                    q: renderer.t.group("report.chart")[f"quadrant_{q.replace('-', '_')}"] for q in QUADRANTS
                },
                "compliance_titles": {f"{c.id}/{k.id}": k.title for c in index.by_hash.values() for k in c.criteria()}
                | {f"{c.id}/{k.id}": k.title for c in index.by_id.values() for k in c.criteria()},
            }
            context["charts"] = chart_svgs(report, renderer.t.group("report.chart"))
            write_html(report, renderer, parts["rapport.html"], lang, **context)
            write_xlsx(report, parts["samenvatting.xlsx"], renderer.t, lang)
            for name, part in parts.items():
                part.replace(out / name)
        finally:
            for part in parts.values():
                part.unlink(missing_ok=True)
        return report
    finally:
        bar.close()
