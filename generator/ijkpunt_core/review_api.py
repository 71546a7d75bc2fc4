"""A JSON-in, JSON-out facade for the evaluation page (``beoordeling/``): read, respond, decide, compare.

The page opens an evaluation file (or one kept on the device) and hands its text here. Every answer carries
the evaluation as it now stands (current format, scores computed by the core), the feedback sheet of
:mod:`ijkpunt_core.sheet` and the problems in the page's language; the page changes nothing unless the
answer has an evaluation. Every request reads the evaluation again through the import, so an evaluation the
page holds is checked as a file would be.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from .aggregate import ChecklistIndex
from .evaluate import export_filename
from .evaluation import AgentResponse, Evaluation
from .importing import Imported, import_evaluation, import_file
from .problems import Lang, Path, Problem, describe_path, render
from .review import OutcomeInput, decide, respond
from .sheet import compare, feedback_sheet

__all__ = ["Reviewer"]


class Reviewer:
    """The checklists evaluations may name (current and published versions), and the review of one evaluation."""

    def __init__(self, checklists_json: str, lang: Lang = "nl") -> None:
        """``checklists_json``: ``{"current": [checklist, …], "versions": [checklist, …]}`` (as the dashboard)."""
        self.index = ChecklistIndex.from_json(checklists_json)
        self.lang: Lang = lang

    def open(self, name: str, text: str) -> str:
        """The first evaluation in a file (``count`` says how many it has), or why it is refused."""
        found = list(import_file(name, text, self.index))
        if not found:
            return self._answer(None, [], count=0)
        _, imported = found[0]
        return self._answer(imported, imported.problems, count=len(found))

    def respond(self, evaluation_json: str, response_json: str) -> str:
        """The agent's response (``{by, at, position, comment, disputes: [{criterion, comment}]}``) appended."""
        imported = import_evaluation(evaluation_json, self.index)
        evaluation, checklist = imported.evaluation, imported.checklist
        if evaluation is None or checklist is None:
            return self._answer(None, imported.problems)
        index = len(evaluation.review.history) if evaluation.review else 0
        given = _parse(AgentResponse, {"type": "response", **_object(response_json)}, ("review", "history", index))
        if isinstance(given, Problem):
            return self._answer(None, [given])
        result = respond(checklist, evaluation, given)
        return self._changed(result.evaluation, result.problems, imported)

    def decide(self, evaluation_json: str, outcome_json: str) -> str:
        """The coach's outcome (``{by, at, rulings: [{criterion, decision, comment, answer}]}``) appended."""
        imported = import_evaluation(evaluation_json, self.index)
        evaluation, checklist = imported.evaluation, imported.checklist
        if evaluation is None or checklist is None:
            return self._answer(None, imported.problems)
        index = len(evaluation.review.history) if evaluation.review else 0
        given = _parse(OutcomeInput, _object(outcome_json), ("review", "history", index))
        if isinstance(given, Problem):
            return self._answer(None, [given])
        result = decide(checklist, evaluation, given)
        return self._changed(result.evaluation, result.problems, imported)

    def compare(self, first_json: str, second_json: str) -> str:
        """Two evaluations side by side: ``{comparison, problems}`` (comparison null when they cannot be)."""
        first = import_evaluation(first_json, self.index)
        second = import_evaluation(second_json, self.index)
        problems = [*first.problems, *second.problems]
        if first.evaluation is None or first.checklist is None or second.evaluation is None or second.checklist is None:
            return _dump({"comparison": None, "problems": self._located(problems)})
        comparison, found = compare(first.checklist, first.evaluation, second.checklist, second.evaluation)
        shown = comparison.model_dump(mode="json") if comparison is not None else None
        return _dump({"comparison": shown, "problems": self._located([*found, *problems])})

    # answers ------------------------------------------------------------------------------------------------

    def _changed(self, evaluation: Evaluation | None, problems: list[Problem], imported: Imported) -> str:
        if evaluation is None or imported.checklist is None:
            return self._answer(None, problems)
        # the new entry is checked once more as a file would be: what the page saves is what an import accepts
        again = import_evaluation(evaluation.model_dump_json(), self.index)
        return self._answer(again, [*problems, *(p for p in again.problems if p not in problems)])

    def _answer(self, imported: Imported | None, problems: list[Problem], count: int = 1) -> str:
        evaluation = imported.evaluation if imported is not None else None
        checklist = imported.checklist if imported is not None else None
        if evaluation is None or checklist is None:
            return _dump({"evaluation": None, "count": count, "problems": self._located(problems)})
        return _dump(
            {
                "evaluation": evaluation.model_dump(mode="json"),
                "filename": export_filename(evaluation),
                "count": count,
                "sheet": feedback_sheet(checklist, evaluation).model_dump(mode="json"),
                "problems": self._located(problems),
            }
        )

    def _located(self, problems: list[Problem]) -> list[dict[str, Any]]:
        return [
            {
                "code": p.code.value,
                "severity": p.severity,
                "path": list(p.path),
                "where": describe_path(None, p.path, self.lang) if p.path else "",
                "params": dict(p.params),
                "message": render(p, self.lang),
            }
            for p in problems
        ]


def _object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _parse[M: BaseModel](model: type[M], data: dict[str, Any], at: Path) -> M | Problem:
    """Input from the page as a model, or its first problem placed in the evaluation's history."""
    from .validate import problem_from_pydantic

    try:
        return model.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        problem = problem_from_pydantic(model, exc.errors()[0])
        return Problem(problem.code, (*at, *problem.path), problem.params, problem.allowed)


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)
