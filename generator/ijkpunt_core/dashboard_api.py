"""A JSON-in, JSON-out facade over the aggregation, for the dashboard's worker.

The page hands over files as text, a batch at a time (so it can show progress); each evaluation is read
and checked once and kept as a small fact. Changing a filter aggregates the kept facts again: the files
are never read twice, and nothing leaves the device.
"""

from __future__ import annotations

import json
from typing import Any

from .aggregate import DIMENSIONS, AggregateConfig, Aggregator, ChecklistIndex, Fact, Refusal
from .charts import charts
from .problems import Code, Lang, Problem, render

__all__ = ["Dashboard"]


class Dashboard:
    """The evaluations dropped on the dashboard, as facts, and the figures for the chosen filters."""

    def __init__(self, checklists_json: str, lang: Lang = "nl") -> None:
        """``checklists_json``: ``{"current": [checklist, …], "versions": [checklist, …]}``."""
        self.index = ChecklistIndex.from_json(checklists_json)
        self.lang: Lang = lang
        self.clear()

    def clear(self) -> None:
        """Forget every file (the page's "start again")."""
        self.reader = Aggregator(self.index, AggregateConfig(modes=(), filters={}))
        self.facts: list[Fact] = []

    def add(self, name: str, text: str, jsonl: bool = False, first_line: int = 1) -> str:
        """Read one file (or a batch of JSON Lines starting at ``first_line``); how many were kept and refused."""
        refused_before = len(self.reader.refused)
        kept = 0
        items = (
            [(first_line + i, line) for i, line in enumerate(text.split("\n")) if line.strip()]
            if jsonl
            else [(1, text)]
        )
        for line, item in items:
            fact = self.reader.add_text(item, name, line)
            if fact is not None:
                self.facts.append(fact)
                kept += 1
        return json.dumps({"kept": kept, "refused": len(self.reader.refused) - refused_before})

    def refuse(self, name: str, detail: str) -> str:
        """A file the page could not read at all (too large for a result of this kind, unreadable)."""
        self.reader.refuse(name, 1, Problem(Code.FILE_UNREADABLE, (), {"detail": detail[:200]}))
        return json.dumps({"kept": 0, "refused": 1})

    def report(self, config_json: str = "{}") -> str:
        """The figures for the filters in ``config_json`` (period, min_n, modes, filters), with what can be chosen.

        With ``chart_labels`` (the texts of :func:`ijkpunt_core.charts.charts`), also the charts' specifications.
        """
        raw: dict[str, Any] = json.loads(config_json)
        config = AggregateConfig(
            period=raw.get("period", "month"),
            min_n=int(raw.get("min_n", 5)),
            modes=tuple(raw.get("modes", AggregateConfig().modes)),
            filters={k: list(v) for k, v in (raw.get("filters") or {}).items() if k in DIMENSIONS and v},
        )
        aggregator = Aggregator(self.index, config)
        aggregator.read = self.reader.read
        aggregator.refused = list(self.reader.refused)
        for fact in self.facts:
            aggregator.add(fact)
        report = aggregator.report()
        choices = {
            dimension: sorted({fact.value(dimension, config.period) for fact in self.facts}) for dimension in DIMENSIONS
        }
        labels = raw.get("chart_labels")
        return json.dumps(
            {
                "report": report.model_dump(mode="json"),
                "charts": charts(report, labels) if isinstance(labels, dict) else {},
                "choices": choices,
                "refusals": [self._message(r) for r in report.refused],
            },
            ensure_ascii=False,
        )

    def _message(self, refusal: Refusal) -> dict[str, Any]:
        problem = Problem(Code(refusal.code), (), refusal.params)
        return {
            "source": refusal.source,
            "line": refusal.line,
            "code": refusal.code,
            "message": render(problem, self.lang),
        }
