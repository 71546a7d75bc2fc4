"""Turn a draft into an evaluation, and check an evaluation against its checklist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from . import __version__
from .checklist import Checklist, GradeScale, OptionsScale
from .evaluation import ChecklistRef, Draft, Evaluation
from .privacy import personal_data_problems
from .problems import Problem
from .scoring import score

# Dutch names of the fields a person fills in, for messages shown on the form.
FIELD_LABELS = {
    "evaluator": "Beoordelaar",
    "agent": "Medewerker (code)",
    "team": "Team",
    "department": "Afdeling",
    "contact_date": "Datum van het contact",
    "created_at": "Aangemaakt op",
    "mode": "Soort beoordeling",
}
REQUIRED_FOR_EXPORT = ("evaluator", "agent", "contact_date", "created_at")


@dataclass(frozen=True)
class EvaluationResult:
    evaluation: Evaluation | None
    problems: list[Problem]


def answer_problems(checklist: Checklist, draft: Draft) -> list[Problem]:
    """Answers that do not fit the checklist: unknown criteria, options, grades, forbidden n.v.t."""
    return list(_answer_problems(checklist, draft))


def _answer_problems(checklist: Checklist, draft: Draft) -> Iterator[Problem]:
    for criterion_id, answer in draft.answers.items():
        path = ("answers", criterion_id)
        criterion = checklist.criterion(criterion_id)
        if criterion is None:
            yield Problem("E401", f"criterion '{criterion_id}' is not on checklist '{checklist.id}'", path)
            continue
        scale = checklist.scale_of(criterion)
        if answer.na and not criterion.na.allowed:
            yield Problem("E403", f"n.v.t. is not allowed for '{criterion.title}'", (*path, "na"))
        elif isinstance(scale, OptionsScale) and answer.grade is not None:
            yield Problem(
                "E405",
                "this criterion takes an option, not a grade",
                (*path, "grade"),
                allowed=tuple(o.id for o in scale.options),
            )
        elif isinstance(scale, OptionsScale) and answer.option is not None and scale.option(answer.option) is None:
            yield Problem(
                "E402",
                f"option '{answer.option}' is not on scale '{criterion.scale}'",
                (*path, "option"),
                allowed=tuple(o.id for o in scale.options),
            )
        elif isinstance(scale, GradeScale) and answer.option is not None:
            yield Problem("E405", "this criterion takes a grade, not an option", (*path, "option"))
        elif isinstance(scale, GradeScale) and answer.grade is not None and not scale.min <= answer.grade <= scale.max:
            yield Problem("E404", f"grade {answer.grade} is outside {scale.min}–{scale.max}", (*path, "grade"))


def reference(checklist: Checklist) -> ChecklistRef:
    return ChecklistRef(id=checklist.id, version=checklist.version, content_hash=checklist.content_hash())


def evaluate(checklist: Checklist, draft: Draft, tool_version: str = __version__) -> EvaluationResult:
    """Score a draft and build the exportable evaluation, or say what stops it (in Dutch)."""
    problems = answer_problems(checklist, draft)
    problems += [p for p in personal_data_problems(draft) if p.severity == "error"]
    for name in REQUIRED_FOR_EXPORT:
        if getattr(draft, name) in ("", None):
            problems.append(Problem("E501", f"Vul '{FIELD_LABELS[name]}' in.", (name,)))
    if problems:
        return EvaluationResult(None, problems)
    scores = score(checklist, draft.answers, draft.relationship, draft.outcome)
    try:
        evaluation = Evaluation.model_validate(
            {
                **draft.model_dump(),
                "checklist": reference(checklist),
                "channel": checklist.channel,
                "tool_version": tool_version,
                "scores": scores,
            }
        )
    except ValidationError as exc:  # a draft that passed the checks above should always fit
        return EvaluationResult(None, [Problem("E103", e["msg"], tuple(e["loc"])) for e in exc.errors()])
    return EvaluationResult(evaluation, [])


def rescore(checklist: Checklist, evaluation: Evaluation) -> EvaluationResult:
    """Recompute an exported evaluation; problems if it does not fit or its stored scores differ."""
    if evaluation.checklist.id != checklist.id:
        return EvaluationResult(
            None,
            [
                Problem(
                    "E406",
                    f"evaluation is for checklist '{evaluation.checklist.id}', not '{checklist.id}'",
                    ("checklist", "id"),
                )
            ],
        )
    result = evaluate(checklist, evaluation.draft(), evaluation.tool_version)
    if result.evaluation is None:
        return result
    problems = []
    if result.evaluation.checklist.content_hash != evaluation.checklist.content_hash:
        problems.append(
            Problem(
                "E406",
                "the checklist has changed since this evaluation was scored "
                f"(version {evaluation.checklist.version} → {checklist.version})",
                ("checklist", "content_hash"),
                severity="warning",
            )
        )
    if result.evaluation.scores != evaluation.scores:
        problems.append(Problem("E407", "stored scores differ from the scores the core computes", ("scores",)))
    return EvaluationResult(result.evaluation, problems)


def export_filename(evaluation: Evaluation) -> str:
    """A file name that sorts by contact date: 2026-11-24_kcc-telefoon_A123_3f2a9c1b.json.

    An evaluation that is not complete (criteria, relationship question or outcome open) ends
    in ``_concept``, so that nobody mistakes it for a finished one: …_3f2a9c1b_concept.json.
    """
    agent = re.sub(r"[^A-Za-z0-9-]+", "-", evaluation.agent).strip("-") or "medewerker"
    draft = "" if evaluation.scores.complete else "_concept"
    return f"{evaluation.contact_date.isoformat()}_{evaluation.checklist.id}_{agent}_{evaluation.id[:8]}{draft}.json"
