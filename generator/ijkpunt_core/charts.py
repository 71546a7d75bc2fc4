"""Chart specifications (Vega-Lite) of an aggregation report, written once for both front ends.

The CLI renders them to SVG inside its HTML report (vl-convert); the dashboard renders the very same
specs with vega-embed. Every chart shows the interval as well as the value, and states n, so a reader
sees how sure a figure is. The texts (titles, axis names) are the caller's, in the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .aggregate import AggregateReport, SurveyFigures
from .stats import MeanFigure, RateFigure

__all__ = ["SCHEMA", "charts"]

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
"""Only an identifier: nothing is fetched from it (the renderers carry their own schema)."""
WIDTH = 560
MAX_CRITERIA = 12


def _base(title: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": WIDTH,
        "data": {"values": values},
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }


def _trend(report: AggregateReport, labels: Mapping[str, str]) -> dict[str, Any] | None:
    period = next(b for b in report.breakdowns if b.dimension == "period")
    values = [
        {"period": g.key, "mean": g.quality.mean, "low": g.quality.low, "high": g.quality.high, "n": g.n}
        for g in period.groups
        if g.quality.mean is not None
    ]
    if not values:
        return None
    x = {"field": "period", "type": "ordinal", "title": labels["period"], "sort": None}
    scale = {"domain": [0, 100]}
    # the interval layers share the value's scale and axis: the same title merges them into one
    hidden = {"type": "quantitative", "scale": scale, "title": labels["quality"]}
    spec = _base(labels["trend_title"], values)
    spec["layer"] = [
        {
            "mark": {"type": "rule", "strokeWidth": 2, "opacity": 0.6},
            "encoding": {
                "x": x,
                "y": {**hidden, "field": "low"},
                "y2": {"field": "high"},
            },
        },
        {
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": x,
                "y": {"field": "mean", "type": "quantitative", "title": labels["quality"], "scale": scale},
                "tooltip": [
                    {"field": "period"},
                    {"field": "mean"},
                    {"field": "low"},
                    {"field": "high"},
                    {"field": "n"},
                ],
            },
        },
    ]
    return spec


def _bars(title: str, values: list[dict[str, Any]], y: dict[str, Any], axis_title: str, with_n: bool) -> dict[str, Any]:
    """Horizontal bars of ``value`` (0–100), each with its interval ``low``–``high`` and, if asked, its n."""
    # the interval layers share the value's scale and axis: the same title merges them into one
    x = {"type": "quantitative", "scale": {"domain": [0, 100]}, "title": axis_title}
    spec = _base(title, values)
    spec["layer"] = [
        {"mark": {"type": "bar", "opacity": 0.35}, "encoding": {"y": y, "x": {**x, "field": "value"}}},
        {
            "mark": {"type": "rule", "strokeWidth": 2},
            "encoding": {"y": y, "x": {**x, "field": "low"}, "x2": {"field": "high"}},
        },
    ]
    if with_n:
        spec["layer"].append(
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "baseline": "middle"},
                "encoding": {"y": y, "x": {**x, "field": "high"}, "text": {"field": "n", "format": "d"}},
            }
        )
    return spec


def _groups(report: AggregateReport, dimension: str, labels: Mapping[str, str]) -> dict[str, Any] | None:
    breakdown = next(b for b in report.breakdowns if b.dimension == dimension)
    values = [
        {"group": g.key or "—", "value": g.quality.mean, "low": g.quality.low, "high": g.quality.high, "n": g.n}
        for g in breakdown.groups
        if g.quality.mean is not None
    ]
    if len(values) < 2:
        return None
    y = {"field": "group", "type": "nominal", "title": labels[dimension], "sort": None}
    title = labels["groups_title"].format(what=labels[dimension])
    return _bars(title, values, y, labels["quality"], with_n=True)


def _criteria(report: AggregateReport, labels: Mapping[str, str]) -> dict[str, Any] | None:
    values = []
    for c in report.criteria[:MAX_CRITERIA]:
        figure = c.figure
        if isinstance(figure, RateFigure):
            low = None if figure.low is None else round(100 * figure.low, 1)
            high = None if figure.high is None else round(100 * figure.high, 1)
        else:
            assert isinstance(figure, MeanFigure)
            low, high = figure.low, figure.high
        if c.score is not None:
            # the same criterion in two checklists is two bars: the checklist names which
            label = f"{c.title} ({c.checklist})"
            values.append({"criterion": label, "value": c.score, "low": low, "high": high, "n": figure.n})
    if not values:
        return None
    y = {"field": "criterion", "type": "nominal", "title": None, "sort": None}
    return _bars(labels["criteria_title"], values, y, labels["score"], with_n=False)


MATRIX_MARGIN = 0.4
"""How far the priority matrix's axes reach beyond its points (in the scales' own units)."""


def _span(values: list[float], centre: float, low: float, high: float) -> list[float]:
    """An axis domain around the points and the split line, within the scale."""
    return [max(low, min(*values, centre) - MATRIX_MARGIN), min(high, max(*values, centre) + MATRIX_MARGIN)]


def _matrix(survey: SurveyFigures, labels: Mapping[str, str]) -> dict[str, Any] | None:
    """The priority matrix: importance (x) against the mean mark (y), split at the means over the questions.

    Each point is labelled with its question; the four quadrants carry their names in their corners.
    """
    if survey.mean_mark is None or survey.mean_importance is None:
        return None
    values: list[dict[str, Any]] = [
        {
            "question": q.title,
            "importance": q.importance.mean,
            "mark": q.mark.mean,
            "n": q.mark.n,
            "quadrant": labels[f"quadrant_{q.quadrant.replace('-', '_')}"],
            # the label points away from the split line, so neighbours either side of it do not collide
            "side": "right" if q.importance.mean >= survey.mean_importance else "left",
        }
        for q in survey.questions
        if q.importance is not None and q.importance.mean is not None and q.mark.mean is not None and q.quadrant
    ]
    if len(values) < 2:
        return None
    low_i, high_i = survey.importance_min or 0.0, survey.importance_max or 10.0
    x_domain = _span([float(v["importance"]) for v in values], survey.mean_importance, low_i, high_i)
    y_domain = _span([float(v["mark"]) for v in values], survey.mean_mark, survey.mark_min, survey.mark_max)
    x = {"type": "quantitative", "title": labels["importance"], "scale": {"domain": x_domain, "zero": False}}
    y = {"type": "quantitative", "title": labels["mark"], "scale": {"domain": y_domain, "zero": False}}
    # quadrant names in the corners: (importance high?, mark high?) → corner of the domain
    corners = {
        "improve": (x_domain[1], y_domain[0], "right", "bottom"),
        "strength": (x_domain[1], y_domain[1], "right", "top"),
        "low-priority": (x_domain[0], y_domain[0], "left", "bottom"),
        "less-important-strength": (x_domain[0], y_domain[1], "left", "top"),
    }
    spec = _base(labels["matrix_title"].format(survey=survey.title), values)
    spec["height"] = 360
    spec["layer"] = [
        {"mark": {"type": "rule", "strokeDash": [4, 4], "color": "#666"},
         "data": {"values": [{"at": survey.mean_importance}]}, "encoding": {"x": {**x, "field": "at"}}},
        {"mark": {"type": "rule", "strokeDash": [4, 4], "color": "#666"},
         "data": {"values": [{"at": survey.mean_mark}]}, "encoding": {"y": {**y, "field": "at"}}},
        *(
            {
                "mark": {"type": "text", "align": align, "baseline": baseline, "dx": 4 if align == "left" else -4,
                         "dy": 4 if baseline == "top" else -4, "fontStyle": "italic", "color": "#555"},
                "data": {"values": [{"x": cx, "y": cy, "text": labels[f"quadrant_{name.replace('-', '_')}"]}]},
                "encoding": {"x": {**x, "field": "x"}, "y": {**y, "field": "y"}, "text": {"field": "text"}},
            }
            for name, (cx, cy, align, baseline) in corners.items()
        ),
        {
            "mark": {"type": "point", "filled": True, "size": 80},
            "encoding": {
                "x": {**x, "field": "importance"},
                "y": {**y, "field": "mark"},
                "tooltip": [{"field": "question"}, {"field": "mark"}, {"field": "importance"},
                            {"field": "quadrant"}, {"field": "n"}],
            },
        },
        *(
            {
                "transform": [{"filter": {"field": "side", "equal": side}}],
                "mark": {"type": "text", "align": "left" if side == "right" else "right",
                         "dx": 7 if side == "right" else -7, "baseline": "middle"},
                "encoding": {"x": {**x, "field": "importance"}, "y": {**y, "field": "mark"},
                             "text": {"field": "question"}},
            }
            for side in ("left", "right")
        ),
    ]  # fmt: skip
    return spec


def charts(report: AggregateReport, labels: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """The report's charts by name (trend, team, criteria, and ``matrix:{survey}`` per survey); a chart
    without data to show is left out.

    ``labels``: ``period``, ``quality``, ``score``, ``team``, ``trend_title``, ``groups_title`` (with
    ``{what}``) and ``criteria_title``; for the priority matrix ``matrix_title`` (with ``{survey}``),
    ``importance``, ``mark`` and ``quadrant_improve``, ``quadrant_strength``, ``quadrant_low_priority``,
    ``quadrant_less_important_strength``.
    """
    found = {
        "trend": _trend(report, labels),
        "team": _groups(report, "team", labels),
        "criteria": _criteria(report, labels),
        **{f"matrix:{s.checklist}": _matrix(s, labels) for s in report.surveys if not s.hidden},
    }
    return {name: spec for name, spec in found.items() if spec is not None}
