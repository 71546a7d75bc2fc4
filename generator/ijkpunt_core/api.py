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
from .problems import Problem
from .scoring import score


class Form:
    """One checklist, parsed once, scoring drafts as the evaluator answers."""

    def __init__(self, checklist_json: str) -> None:
        self.checklist = Checklist.model_validate_json(checklist_json)

    def live(self, draft_json: str) -> str:
        """Scores for the draft so far, problems that stop scoring, and privacy notices."""
        draft, problems = self._draft(draft_json)
        if draft is None:
            return _dump({"scores": None, "problems": problems, "privacy": []})
        privacy = [_problem(p) for p in personal_data_problems(draft)]
        problems = [_problem(p) for p in answer_problems(self.checklist, draft)]
        if problems:
            return _dump({"scores": None, "problems": problems, "privacy": privacy})
        scores = score(self.checklist, draft.answers, draft.relationship, draft.outcome)
        return _dump({"scores": scores.model_dump(mode="json"), "problems": [], "privacy": privacy})

    def export(self, draft_json: str) -> str:
        """The evaluation to download and its file name, or what stops the export."""
        draft, problems = self._draft(draft_json)
        if draft is None:
            return _dump({"evaluation": None, "filename": None, "problems": problems, "privacy": []})
        privacy = [_problem(p) for p in personal_data_problems(draft)]
        result = evaluate(self.checklist, draft)
        if result.evaluation is None:
            problems = [_problem(p) for p in result.problems]
            return _dump({"evaluation": None, "filename": None, "problems": problems, "privacy": privacy})
        return _dump(
            {
                "evaluation": result.evaluation.model_dump(mode="json"),
                "filename": export_filename(result.evaluation),
                "problems": [],
                "privacy": privacy,
            }
        )

    @staticmethod
    def _draft(draft_json: str) -> tuple[Draft | None, list[dict[str, Any]]]:
        try:
            return Draft.model_validate_json(draft_json), []
        except ValidationError as exc:
            return None, [{"code": "E103", "message": e["msg"], "path": list(e["loc"])} for e in exc.errors()]


def _problem(problem: Problem) -> dict[str, Any]:
    return {"code": problem.code, "message": problem.message, "path": list(problem.path)}


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)
