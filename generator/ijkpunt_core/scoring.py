"""Scores from answers: one implementation, run by the CLI and in the browser.

Quality score = Σ(weight × normalised points) / Σ(weight) over the answered,
applicable quality criteria, as a percentage. n.v.t. leaves the denominator.
Compliance criteria are reported apart as passed/failed. Importance questions (a survey's "how important
is this to you?") count only for completeness: never in the quality score, compliance or critical results.
A critical criterion
that is not met, or a flagged critical error, fails the contact: the checklist's
policy either sets the quality score to 0 or keeps it and marks the contact failed.

Conditional criteria (``applies_when``): a criterion applies only when the criterion its condition names
applies itself and was answered with one of the condition's options. Otherwise it is not applicable, exactly as
if n.v.t. had been chosen: it leaves the quality score and compliance, is not missing, and an answer given to it
anyway is ignored. The condition names an earlier criterion (the loader refuses anything else), so one pass in
form order resolves chains: a criterion whose controlling criterion does not apply does not apply either.

Criteria that depend on a setting of the municipality (``requires_setting``, see :mod:`ijkpunt_core.settings`): a
criterion whose setting is off does not apply either, in the same way. The settings come with the evaluation
(``Evaluation.settings``), never from the settings file of the moment, so a rescore gives what the export says.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .checklist import Checklist, Criterion, GradeScale, OptionsScale, Relationship, Section
from .evaluation import (
    Answer,
    CriticalResult,
    Outcome,
    Scores,
)
from .settings import ScoringSettings, not_applicable_by_setting


def normalised(scale: OptionsScale | GradeScale, answer: Answer) -> float:
    """Points of an answer on a 0–1 scale (lowest option 0, highest 1)."""
    return _value(scale, answer)[0]


def is_met(scale: OptionsScale | GradeScale, answer: Answer) -> bool:
    """Met means the best option, or a grade at or above the pass mark."""
    if isinstance(scale, OptionsScale):
        found = scale.values.get(answer.option or "")
        return found is not None and found[1]
    return answer.grade is not None and answer.grade >= scale.pass_mark


def _value(scale: OptionsScale | GradeScale, answer: Answer) -> tuple[float, bool]:
    """Normalised points and met, in one look-up (the aggregation judges every answer it reads)."""
    if isinstance(scale, OptionsScale):
        found = scale.values.get(answer.option or "")
        if found is None:
            raise ValueError(f"option {answer.option!r} is not on scale {scale.title!r}")
        return found
    if answer.grade is None:
        raise ValueError(f"scale {scale.title!r} needs a grade")
    return (answer.grade - scale.min) / (scale.max - scale.min), answer.grade >= scale.pass_mark


def percentage(weighted: list[tuple[float, float]]) -> float | None:
    """Weighted mean of (weight, value) pairs as a percentage with one decimal."""
    if not weighted:
        return None
    weights = [w for w, _ in weighted]
    total_weight = sum(weights)
    if not total_weight:
        return None
    weighted_sum: float = sum(map(operator.mul, weights, [v for _, v in weighted]))
    return round(100 * weighted_sum / total_weight, 1)


def score(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    relationship: Relationship | None = None,
    outcome: Outcome | None = None,
    critical_errors: Sequence[str] = (),
    settings: ScoringSettings | None = None,
) -> Scores:
    """Compute every score for a set of answers (answers and flagged errors must fit the checklist)."""
    # One validation of plain data, not a model per part: the aggregation scores every evaluation it reads.
    return Scores.model_validate(
        scores_data(checklist, judge(checklist, answers, settings), relationship, outcome, critical_errors)
    )


def scores_data(
    checklist: Checklist,
    judged: Sequence[Judged],
    relationship: Relationship | None = None,
    outcome: Outcome | None = None,
    critical_errors: Sequence[str] = (),
) -> dict[str, Any]:
    """The scores as plain data, equal to ``Scores.model_dump()`` of the model :func:`score` returns.

    Rescoring compares this with the stored scores' dump: no model is built for an evaluation that is right.
    """
    missing = [j.criterion.id for j in judged if not j.answered]
    if relationship is None:
        missing.append("relationship")
    if outcome is None:
        missing.append("outcome")
    complete = not missing

    computed = percentage(_quality_points(judged)) if complete else None
    critical = _critical(checklist, judged, critical_errors)
    failed = bool(critical["failed"])
    quality = _apply_policy(checklist, computed, failed)
    band = checklist.band_of(quality)
    by_id = {j.criterion.id: j for j in judged}
    return {
        "complete": complete,
        "missing": missing,
        "quality": quality,
        "quality_computed": computed,
        "band": band.id if band else None,
        "passed": None if not complete else not failed,
        "critical": critical,
        "sections": [_section_score([by_id[c.id] for c in s.criteria], s) for s in checklist.sections],
        "compliance": _compliance(judged),
        "relationship": relationship,
    }


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to make, and one is made per answer read
class Judged:
    """One criterion's answer, judged once: answered, n.v.t., its normalised points and whether it is met."""

    criterion: Criterion
    answered: bool
    na: bool
    value: float | None  # 0–1, for an answered, applicable quality criterion
    met: bool | None  # for an answered, applicable criterion
    applies: bool = True  # False: its condition does not hold, so it counts as n.v.t. whatever was answered


def judge(checklist: Checklist, answers: Mapping[str, Answer], settings: ScoringSettings | None = None) -> list[Judged]:
    """Every criterion's answer in form order, judged once (answers must fit the checklist)."""
    judged: list[Judged] = []
    counted: dict[str, Answer] = {}  # the answers that count so far: of applicable criteria only
    switched_off = not_applicable_by_setting(checklist, settings)
    for criterion in checklist.criteria():
        answer = answers.get(criterion.id)
        if criterion.id in switched_off or (criterion.applies_when is not None and not _holds(criterion, counted)):
            judged.append(Judged(criterion, True, True, None, None, applies=False))
            continue
        if answer is not None:
            counted[criterion.id] = answer
        if answer is None or not answer.answered:
            judged.append(Judged(criterion, False, False, None, None))
        elif answer.na:
            judged.append(Judged(criterion, True, True, None, None))
        else:
            scale = checklist.scale_of(criterion)
            if criterion.kind == "quality":
                value, met = _value(scale, answer)
                judged.append(Judged(criterion, True, False, value, met))
            else:  # only met counts, and an answer that does not fit is simply not met
                judged.append(Judged(criterion, True, False, None, is_met(scale, answer)))
    return judged


def _holds(criterion: Criterion, counted: Mapping[str, Answer]) -> bool:
    """Whether a criterion applies, given the answers that count of the criteria before it."""
    condition = criterion.applies_when
    if condition is None:
        return True
    answer = counted.get(condition.criterion)
    return answer is not None and answer.option is not None and answer.option in condition.options


def applicability(
    checklist: Checklist, answers: Mapping[str, Answer], settings: ScoringSettings | None = None
) -> dict[str, bool]:
    """For every criterion with a condition: whether it applies to these answers (the form shows only those).

    A criterion that a setting switches off is not in it: the form shows it, as n.v.t., from the build on.
    """
    switched_off = not_applicable_by_setting(checklist, settings)
    return {
        j.criterion.id: j.applies
        for j in judge(checklist, answers, settings)
        if j.criterion.applies_when is not None and j.criterion.id not in switched_off
    }


def counted_answers(
    checklist: Checklist, answers: Mapping[str, Answer], settings: ScoringSettings | None = None
) -> dict[str, Answer]:
    """The answers as an evaluation records them: the choice given to a criterion that does not apply is dropped.

    Its comment is kept (nothing typed is thrown away); an answer left with only a comment counts as unanswered,
    which for a criterion that does not apply changes nothing.
    """
    applies = {j.criterion.id: j.applies for j in judge(checklist, answers, settings)}
    kept: dict[str, Answer] = {}
    for criterion_id, answer in answers.items():
        if applies.get(criterion_id, True) or not answer.answered:
            kept[criterion_id] = answer
        elif answer.comment:
            kept[criterion_id] = Answer(comment=answer.comment)
    return kept


def critical_result(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    critical_errors: Sequence[str] = (),
    settings: ScoringSettings | None = None,
) -> CriticalResult:
    """Critical criteria not met and critical errors flagged: either fails the contact."""
    return CriticalResult.model_validate(_critical(checklist, judge(checklist, answers, settings), critical_errors))


def _critical(checklist: Checklist, judged: Sequence[Judged], critical_errors: Sequence[str]) -> dict[str, object]:
    criteria = [
        {"criterion": j.criterion.id, "title": j.criterion.title}
        for j in judged
        if j.criterion.critical and j.criterion.kind != "importance" and j.met is False
    ]
    flagged = [{"error": e.id, "title": e.title} for e in checklist.critical_errors if e.id in critical_errors]
    return {
        "policy": checklist.critical_policy,
        "failed": bool(criteria or flagged),
        "criteria": criteria,
        "errors": flagged,
    }


def _apply_policy(checklist: Checklist, computed: float | None, failed: bool) -> float | None:
    """zero-score sets a failed contact's quality to 0; fail-contact keeps it (the contact is marked failed)."""
    if computed is not None and failed and checklist.critical_policy == "zero-score":
        return 0.0
    return computed


def running_quality(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    critical_errors: Sequence[str] = (),
    settings: ScoringSettings | None = None,
) -> float | None:
    """Provisional quality score over the criteria answered so far, with the critical policy applied.

    Shown while the form is being filled in; not part of an exported evaluation, whose
    quality score exists only once every criterion is answered. None until an applicable
    quality criterion is answered.
    """
    judged = judge(checklist, answers, settings)
    so_far = percentage(_quality_points(judged))
    return _apply_policy(checklist, so_far, bool(_critical(checklist, judged, critical_errors)["failed"]))


def _section_score(judged: Sequence[Judged], section: Section) -> dict[str, object]:
    answered = len([j for j in judged if j.answered])
    complete = answered == len(judged)
    return {
        "section": section.id,
        "score": percentage(_quality_points(judged)) if complete else None,
        "answered": answered,
        "total": len(judged),
    }


def _quality_points(judged: Sequence[Judged]) -> list[tuple[float, float]]:
    return [(j.criterion.weight, j.value) for j in judged if j.criterion.kind == "quality" and j.value is not None]


def _compliance(judged: Sequence[Judged]) -> dict[str, object]:
    passed, failed, not_applicable = [], [], []
    for j in judged:
        if j.criterion.kind != "compliance" or not j.answered:
            continue
        if j.na:
            not_applicable.append(j.criterion.id)
        elif j.met:
            passed.append(j.criterion.id)
        else:
            failed.append(j.criterion.id)
    applicable = len(passed) + len(failed)
    return {
        "passed": passed,
        "failed": failed,
        "not_applicable": not_applicable,
        "score": round(100 * len(passed) / applicable, 1) if applicable else None,
    }
