"""A JSON-in, JSON-out facade over the core, for the browser worker.

Strings cross the JavaScript/Python boundary, so the browser needs no
knowledge of the models and every rule stays in Python.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from .checklist import Checklist
from .evaluate import answer_problems, evaluate, export_filename
from .evaluation import Draft
from .privacy import personal_data_problems
from .problems import Lang, Problem, render
from .scoring import score
from .validate import problem_from_pydantic


class Form:
    """One checklist, parsed once, scoring drafts as the evaluator answers."""

    def __init__(self, checklist_json: str, lang: Lang = "nl") -> None:
        self.checklist = Checklist.model_validate_json(checklist_json)
        self.lang: Lang = lang

    def live(self, draft_json: str) -> str:
        """Scores for the draft so far, problems that stop scoring, and privacy notices."""
        draft, problems = self._draft(draft_json)
        if draft is None:
            return _dump({"scores": None, "problems": problems, "privacy": []})
        privacy = [self._problem(p) for p in personal_data_problems(draft)]
        problems = [self._problem(p) for p in answer_problems(self.checklist, draft)]
        if problems:
            return _dump({"scores": None, "problems": problems, "privacy": privacy})
        scores = score(self.checklist, draft.answers, draft.relationship, draft.outcome)
        return _dump({"scores": scores.model_dump(mode="json"), "problems": [], "privacy": privacy})

    def export(self, draft_json: str) -> str:
        """The evaluation to download and its file name, or what stops the export."""
        draft, problems = self._draft(draft_json)
        if draft is None:
            return _dump({"evaluation": None, "filename": None, "problems": problems, "privacy": []})
        privacy = [self._problem(p) for p in personal_data_problems(draft)]
        result = evaluate(self.checklist, draft)
        if result.evaluation is None:
            problems = [self._problem(p) for p in result.problems]
            return _dump({"evaluation": None, "filename": None, "problems": problems, "privacy": privacy})
        return _dump(
            {
                "evaluation": result.evaluation.model_dump(mode="json"),
                "filename": export_filename(result.evaluation),
                "problems": [],
                "privacy": privacy,
            }
        )

    def _draft(self, draft_json: str) -> tuple[Draft | None, list[dict[str, Any]]]:
        try:
            return Draft.model_validate_json(draft_json), []
        except ValidationError as exc:
            return None, [self._problem(problem_from_pydantic(Draft, e)) for e in exc.errors()]

    def _problem(self, problem: Problem) -> dict[str, Any]:
        """A problem as the page shows it: the code and place as data, the text in the page's language."""
        return {
            "code": problem.code.value,
            "severity": problem.severity,
            "path": list(problem.path),
            "params": problem.params,
            "message": render(problem, self.lang),
        }


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)
