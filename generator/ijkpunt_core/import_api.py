"""A JSON-in, JSON-out facade over the import, for the worker of the drafts and import page.

The page reads a file the user chose or dropped (it refuses files over 50 MB before reading them) and
hands its name and text to :meth:`Importer.import_text`. The answer says, per evaluation, what was read
and what was refused and why, in the page's language; the page changes nothing on the device unless the
whole file was read without a refusal (its own rule, the answer gives it what it needs).
"""

from __future__ import annotations

import json
from typing import Any

from .aggregate import ChecklistIndex
from .evaluate import export_filename
from .importing import import_file
from .problems import Lang, Problem, describe_path, render

__all__ = ["Importer"]


class Importer:
    """The checklists evaluations may name (current and published versions), and the import of files."""

    def __init__(self, checklists_json: str, lang: Lang = "nl") -> None:
        """``checklists_json``: ``{"current": [checklist, …], "versions": [checklist, …]}`` (as the dashboard)."""
        self.index = ChecklistIndex.from_json(checklists_json)
        self.lang: Lang = lang

    def import_text(self, name: str, text: str) -> str:
        """``{evaluations: [...], refusals: [{line, code, message, …}], warnings: [{line, code, message, …}]}``.

        ``evaluations`` are in the current format with the scores the core computes, each with its ``line``
        in the file, the ``filename`` an export would get and whether its checklist is the ``exact`` version.
        A ``.jsonl`` file is read line by line; any other name as one evaluation.
        """
        evaluations: list[dict[str, Any]] = []
        refusals: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        for line, imported in import_file(name, text, self.index):
            if imported.evaluation is None:
                refusals += [self._entry(line, p) for p in imported.problems if p.is_error]
                continue
            warnings += [self._entry(line, p) for p in imported.warnings]
            evaluations.append(
                {
                    "line": line,
                    "evaluation": imported.evaluation.model_dump(mode="json"),
                    "filename": export_filename(imported.evaluation),
                    "exact": imported.exact,
                }
            )
        return json.dumps({"evaluations": evaluations, "refusals": refusals, "warnings": warnings}, ensure_ascii=False)

    def _entry(self, line: int, problem: Problem) -> dict[str, Any]:
        return {
            "line": line,
            "code": problem.code.value,
            "severity": problem.severity,
            "path": list(problem.path),
            "where": describe_path(None, problem.path, self.lang) if problem.path else "",
            "params": dict(problem.params),
            "message": render(problem, self.lang),
        }
