"""Chart specifications (Vega-Lite) of an aggregation report, written once for both front ends.

The CLI renders them to SVG inside its HTML report (vl-convert); the dashboard renders the very same
specs with vega-embed. Every chart shows the interval as well as the value, and states n, so a reader
sees how sure a figure is. The texts (titles, axis names) are the caller's, in the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .aggregate import AggregateReport
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


def charts(report: AggregateReport, labels: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """The report's charts by name (trend, team, criteria); a chart without data to show is left out.

    ``labels``: ``period``, ``quality``, ``score``, ``team``, ``trend_title``, ``groups_title`` (with
    ``{what}``) and ``criteria_title``.
    """
    found = {
        "trend": _trend(report, labels),
        "team": _groups(report, "team", labels),
        "criteria": _criteria(report, labels),
    }
    return {name: spec for name, spec in found.items() if spec is not None}
