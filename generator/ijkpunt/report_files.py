"""The aggregation's files: a self-contained HTML report and a summary workbook (XLSX).

Both show the same :class:`ijkpunt_core.aggregate.AggregateReport`; neither computes anything.
The workbook holds numbers as numbers (shares as fractions with a percent format), so Dutch Excel
shows decimal commas by itself and a pivot table can use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # ships no type information
from markupsafe import Markup

from ijkpunt_core.aggregate import AggregateReport, GroupFigures
from ijkpunt_core.charts import charts
from ijkpunt_core.problems import Code, Lang, Problem, render
from ijkpunt_core.stats import MeanFigure, RateFigure

from .render import Renderer, Strings

DIMENSION_SHEETS = ("channel", "department", "team", "agent", "evaluator", "mode", "period")


def refusal_messages(report: AggregateReport, lang: Lang) -> list[str]:
    """Each refused evaluation as `file:line: message [code]`."""
    return [
        f"{r.source}:{r.line}: {render(Problem(Code(r.code), (), r.params), lang)} [{r.code}]" for r in report.refused
    ]


VEGA_LITE = "6.4"
"""The Vega-Lite version vl-convert renders with: the one vendored for the dashboard (package.json)."""


def chart_svgs(report: AggregateReport, labels: dict[str, str]) -> dict[str, Markup]:
    """The report's charts as inline SVG (vl-convert escapes every text it draws)."""
    import vl_convert

    return {
        name: Markup(vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE))
        for name, spec in charts(report, labels).items()
    }


def write_html(report: AggregateReport, renderer: Renderer, path: Path, lang: Lang, **context: Any) -> None:
    """The report a KCC manager reads or prints: opens from disk, no network, no script."""
    html = renderer.render(
        "report.html.j2",
        report=report,
        by_dimension={b.dimension: b for b in report.breakdowns},
        refusals=refusal_messages(report, lang),
        **context,
    )
    path.write_text(html, encoding="utf-8")


def write_xlsx(report: AggregateReport, path: Path, t: Strings, lang: Lang) -> None:
    """The summary workbook: one sheet for the whole, one per breakdown, criteria, evaluators, refusals."""
    columns = t.group("report.col")
    dimensions = t.group("report.dimension")
    kinds = t.group("kind")
    # Names come from files anyone can write: a text that looks like a formula or a link stays a text cell.
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        bold = workbook.add_format({"bold": True})
        share = workbook.add_format({"num_format": "0.0%"})
        number = workbook.add_format({"num_format": "0.0"})
        everything = t("report.everything")
        formats = (bold, share, number)
        _groups_sheet(workbook, t("report.sheet_overall"), [report.overall], columns, everything, formats)
        for breakdown in report.breakdowns:
            _groups_sheet(workbook, dimensions[breakdown.dimension], breakdown.groups, columns, everything, formats)
        sheet = workbook.add_worksheet(t("report.sheet_criteria"))
        head = ["checklist", "criterion", "title", "kind", "n", "score", "low", "high"]
        sheet.write_row(0, 0, [columns[h] for h in head], bold)
        for row, c in enumerate(report.criteria, start=1):
            low, high = _bounds(c.figure)
            sheet.write_row(row, 0, [c.checklist, c.criterion, c.title, kinds[c.kind], c.figure.n])
            sheet.write(row, 5, c.score, number) if c.score is not None else None
            sheet.write(row, 6, low, number) if low is not None else None
            sheet.write(row, 7, high, number) if high is not None else None
        sheet = workbook.add_worksheet(t("report.sheet_evaluators"))
        head = ["evaluator", "checklist", "n", "mean", "others_n", "others_mean", "difference", "low", "high"]
        sheet.write_row(0, 0, [columns[h] for h in head], bold)
        for row, d in enumerate(report.drift, start=1):
            values = [d.evaluator, d.checklist, d.n, d.mean, d.others_n, d.others_mean, d.difference, d.low, d.high]
            for col, value in enumerate(values):
                if value is not None:
                    sheet.write(row, col, value, number if isinstance(value, float) else None)
        if report.surveys:
            _survey_sheet(workbook, report, t, formats)
        sheet = workbook.add_worksheet(t("report.sheet_refused"))
        sheet.write_row(0, 0, [columns["source"], columns["line"], columns["code"], columns["reason"]], bold)
        for row, r in enumerate(report.refused, start=1):
            sheet.write_row(row, 0, [r.source, r.line, r.code, render(Problem(Code(r.code), (), r.params), lang)])
    finally:
        workbook.close()


def _survey_sheet(workbook: Any, report: AggregateReport, t: Strings, formats: tuple[Any, ...]) -> None:
    """One row per survey question: mark with interval, share at or above the pass mark, importance, quadrant."""
    bold, share, number = formats
    columns = t.group("report.survey")
    sheet = workbook.add_worksheet(t("report.sheet_survey")[:31])
    head = [
        t("report.col.checklist"), "n", columns["question"], t("report.col.title"), columns["mark"],
        t("report.col.low"), t("report.col.high"), columns["sufficient"], t("report.col.low"), t("report.col.high"),
        columns["importance"], t("report.col.low"), t("report.col.high"), columns["quadrant"],
    ]  # fmt: skip
    sheet.write_row(0, 0, head, bold)
    row = 1
    for survey in report.surveys:
        for q in survey.questions:
            sheet.write_row(row, 0, [survey.checklist, q.mark.n, q.question, q.title])
            importance = q.importance
            values: list[tuple[float | None, Any]] = [
                (q.mark.mean, number), (q.mark.low, number), (q.mark.high, number),
                (q.sufficient.rate, share), (q.sufficient.low, share), (q.sufficient.high, share),
                (importance.mean if importance else None, number), (importance.low if importance else None, number),
                (importance.high if importance else None, number),
            ]  # fmt: skip
            for col, (value, fmt) in enumerate(values, start=4):
                if value is not None:
                    sheet.write(row, col, value, fmt)
            if q.quadrant is not None:
                sheet.write(row, 13, t.group("report.chart")[f"quadrant_{q.quadrant.replace('-', '_')}"])
            row += 1


def _bounds(figure: MeanFigure | RateFigure) -> tuple[float | None, float | None]:
    if isinstance(figure, RateFigure):
        return (
            None if figure.low is None else round(100 * figure.low, 1),
            None if figure.high is None else round(100 * figure.high, 1),
        )
    return figure.low, figure.high


def _groups_sheet(
    workbook: Any,
    name: str,
    groups: list[GroupFigures],
    columns: dict[str, str],
    everything: str,
    formats: tuple[Any, ...],
) -> None:
    bold, share, number = formats
    sheet = workbook.add_worksheet(name[:31])
    head = [
        "group", "n", "quality", "quality_low", "quality_high", "knockout", "compliance",
        "direct", "transferred_once", "transferred_repeatedly", "callback", "strengthened", "kept", "weakened",
    ]  # fmt: skip
    sheet.write_row(0, 0, [columns[h] for h in head], bold)
    for row, g in enumerate(groups, start=1):
        sheet.write(row, 0, g.key or everything)
        sheet.write(row, 1, g.n)
        for col, value in ((2, g.quality.mean), (3, g.quality.low), (4, g.quality.high)):
            if value is not None:
                sheet.write(row, col, value, number)
        rates = [
            g.knockout, g.compliance, g.outcome["direct"], g.outcome["transferred_once"],
            g.outcome["transferred_repeatedly"], g.outcome["callback"], g.relationship["strengthened"],
            g.relationship["kept"], g.relationship["weakened"],
        ]  # fmt: skip
        for col, figure in enumerate(rates, start=5):
            if figure.rate is not None:
                sheet.write(row, col, figure.rate, share)
