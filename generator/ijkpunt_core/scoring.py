"""Scores from answers: one implementation, run by the CLI and in the browser.

Quality score = Σ(weight × normalised points) / Σ(weight) over the answered,
applicable quality criteria, as a percentage. n.v.t. leaves the denominator.
Compliance criteria are reported apart as passed/failed. Importance questions (a survey's "how important
is this to you?") count only for completeness: never in the quality score, compliance or critical results.
A critical criterion
that is not met, or a flagged critical error, fails the contact: the checklist's
policy either sets the quality score to 0 or keeps it and marks the contact failed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .checklist import Checklist, Criterion, GradeScale, OptionsScale, Relationship, Section
from .evaluation import (
    Answer,
    ComplianceResult,
    CriticalCriterion,
    CriticalFlag,
    CriticalResult,
    Outcome,
    Scores,
    SectionScore,
)


def normalised(scale: OptionsScale | GradeScale, answer: Answer) -> float:
    """Points of an answer on a 0–1 scale (lowest option 0, highest 1)."""
    if isinstance(scale, OptionsScale):
        option = scale.option(answer.option or "")
        if option is None:
            raise ValueError(f"option {answer.option!r} is not on scale {scale.title!r}")
        return (option.points - scale.min_points) / (scale.max_points - scale.min_points)
    if answer.grade is None:
        raise ValueError(f"scale {scale.title!r} needs a grade")
    return (answer.grade - scale.min) / (scale.max - scale.min)


def is_met(scale: OptionsScale | GradeScale, answer: Answer) -> bool:
    """Met means the best option, or a grade at or above the pass mark."""
    if isinstance(scale, OptionsScale):
        option = scale.option(answer.option or "")
        return option is not None and option.points == scale.max_points
    return answer.grade is not None and answer.grade >= scale.pass_mark


def percentage(weighted: list[tuple[float, float]]) -> float | None:
    """Weighted mean of (weight, value) pairs as a percentage with one decimal."""
    total_weight = sum(w for w, _ in weighted)
    if not total_weight:
        return None
    return round(100 * sum(w * v for w, v in weighted) / total_weight, 1)


def score(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    relationship: Relationship | None = None,
    outcome: Outcome | None = None,
    critical_errors: Sequence[str] = (),
) -> Scores:
    """Compute every score for a set of answers (answers and flagged errors must fit the checklist)."""
    missing = [c.id for c in checklist.criteria() if not _answer(answers, c).answered]
    if relationship is None:
        missing.append("relationship")
    if outcome is None:
        missing.append("outcome")
    complete = not missing

    computed = percentage(_quality_points(checklist, answers, checklist.criteria())) if complete else None
    critical = critical_result(checklist, answers, critical_errors)
    quality = _apply_policy(checklist, computed, critical.failed)
    band = checklist.band_of(quality)
    return Scores(
        complete=complete,
        missing=missing,
        quality=quality,
        quality_computed=computed,
        band=band.id if band else None,
        passed=None if not complete else not critical.failed,
        critical=critical,
        sections=[_section_score(checklist, answers, s) for s in checklist.sections],
        compliance=_compliance(checklist, answers),
        relationship=relationship,
    )


def critical_result(
    checklist: Checklist, answers: Mapping[str, Answer], critical_errors: Sequence[str] = ()
) -> CriticalResult:
    """Critical criteria not met and critical errors flagged: either fails the contact."""
    criteria = [
        CriticalCriterion(criterion=c.id, title=c.title)
        for c in checklist.criteria()
        if c.critical and c.kind != "importance" and _not_met(checklist, c, _answer(answers, c))
    ]
    flagged = [CriticalFlag(error=e.id, title=e.title) for e in checklist.critical_errors if e.id in critical_errors]
    return CriticalResult(
        policy=checklist.critical_policy, failed=bool(criteria or flagged), criteria=criteria, errors=flagged
    )


def _apply_policy(checklist: Checklist, computed: float | None, failed: bool) -> float | None:
    """zero-score sets a failed contact's quality to 0; fail-contact keeps it (the contact is marked failed)."""
    if computed is not None and failed and checklist.critical_policy == "zero-score":
        return 0.0
    return computed


def running_quality(
    checklist: Checklist, answers: Mapping[str, Answer], critical_errors: Sequence[str] = ()
) -> float | None:
    """Provisional quality score over the criteria answered so far, with the critical policy applied.

    Shown while the form is being filled in; not part of an exported evaluation, whose
    quality score exists only once every criterion is answered. None until an applicable
    quality criterion is answered.
    """
    so_far = percentage(_quality_points(checklist, answers, checklist.criteria()))
    return _apply_policy(checklist, so_far, critical_result(checklist, answers, critical_errors).failed)


_UNANSWERED = Answer()


def _answer(answers: Mapping[str, Answer], criterion: Criterion) -> Answer:
    return answers.get(criterion.id, _UNANSWERED)


def _not_met(checklist: Checklist, criterion: Criterion, answer: Answer) -> bool:
    """Answered, applicable and not met: what fails a critical or a compliance criterion."""
    return answer.answered and not answer.na and not is_met(checklist.scale_of(criterion), answer)


def _section_score(checklist: Checklist, answers: Mapping[str, Answer], section: Section) -> SectionScore:
    answered = sum(_answer(answers, c).answered for c in section.criteria)
    complete = answered == len(section.criteria)
    return SectionScore(
        section=section.id,
        score=percentage(_quality_points(checklist, answers, section.criteria)) if complete else None,
        answered=answered,
        total=len(section.criteria),
    )


def _quality_points(
    checklist: Checklist, answers: Mapping[str, Answer], criteria: list[Criterion]
) -> list[tuple[float, float]]:
    return [
        (c.weight, normalised(checklist.scale_of(c), _answer(answers, c)))
        for c in criteria
        if c.kind == "quality" and _answer(answers, c).answered and not _answer(answers, c).na
    ]


def _compliance(checklist: Checklist, answers: Mapping[str, Answer]) -> ComplianceResult:
    passed, failed, not_applicable = [], [], []
    for c in checklist.criteria():
        answer = _answer(answers, c)
        if c.kind != "compliance" or not answer.answered:
            continue
        if answer.na:
            not_applicable.append(c.id)
        elif _not_met(checklist, c, answer):
            failed.append(c.id)
        else:
            passed.append(c.id)
    applicable = len(passed) + len(failed)
    return ComplianceResult(
        passed=passed,
        failed=failed,
        not_applicable=not_applicable,
        score=round(100 * len(passed) / applicable, 1) if applicable else None,
    )
