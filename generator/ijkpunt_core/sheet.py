"""An evaluation as a person reads it: the feedback sheet for the agent, and two evaluations side by side.

The page puts these into words; what counts as a strength or a point to improve, the points, and where two
evaluations differ is decided here, once, for every page that shows it.

* **Strength**: an answered, applicable criterion that is met (the best option, or a grade at or above the
  pass mark). **To improve**: one that is not met, with its definition, the comment and the points.
  n.v.t. is listed apart; importance questions (surveys) are left out.
* **Differs** (comparison): the two answers to a criterion are another choice (option, grade or n.v.t.);
  comments may differ without that.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .checklist import Checklist, Criterion, GradeScale, OptionsScale
from .evaluation import AgentResponse, Answer, Evaluation, Position, Ruling
from .problems import Code, Problem
from .review import State, original_answers, state
from .scoring import is_met

__all__ = ["AnswerView", "Comparison", "FeedbackSheet", "compare", "feedback_sheet"]


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Choice(_View):
    """One answer the coach can choose when correcting a criterion."""

    label: str
    answer: Answer


class AnswerView(_View):
    """One criterion's answer in words and numbers."""

    criterion: str
    title: str
    section: str
    kind: str
    critical: bool
    definition: str
    answered: bool
    na: bool
    label: str = Field(description="The option's label, the grade, or '' when n.v.t. or unanswered.")
    points: float | None = Field(description="The option's points or the grade.")
    max_points: float | None = Field(description="The scale's highest points or grade.")
    pass_mark: int | None = Field(description="A grade scale's pass mark.")
    met: bool | None
    comment: str
    choices: list[Choice] = Field(default_factory=list, description="Every answer the scale allows (corrections).")


class HistoryItem(_View):
    criterion: str
    title: str
    comment: str
    decision: Ruling | None = None
    before: str = ""
    after: str = ""


class HistoryEntry(_View):
    type: Literal["response", "outcome"]
    by: str
    at: datetime
    position: Position | None = None
    comment: str = ""
    items: list[HistoryItem]
    quality_before: float | None = None
    quality_after: float | None = None
    passed_before: bool | None = None
    passed_after: bool | None = None


class Summary(_View):
    """Who, when, what kind, and the scores of one evaluation."""

    id: str
    checklist: str
    checklist_title: str
    version: str
    channel: str
    mode: str
    evaluator: str
    agent: str
    team: str
    contact_date: date
    complete: bool
    quality: float | None
    band: str | None = Field(description="The band's label.")
    band_description: str | None
    passed: bool | None
    critical: list[str] = Field(description="Titles of the critical criteria not met and critical errors flagged.")
    compliance_passed: int
    compliance_applicable: int
    relationship: str | None
    outcome: str | None
    transfers: int
    notes: str


class FeedbackSheet(_View):
    summary: Summary
    strengths: list[AnswerView]
    improvements: list[AnswerView]
    not_applicable: list[AnswerView]
    criteria: list[AnswerView] = Field(description="Every criterion in form order (to respond or correct).")
    state: State
    history: list[HistoryEntry]
    disputed: list[str] = Field(description="The criteria of the dispute awaiting the coach's outcome.")
    changed: list[str] = Field(description="Criteria whose answer an outcome changed.")


class ComparisonRow(_View):
    criterion: str
    title: str
    section: str
    first: AnswerView | None
    second: AnswerView | None
    differs: bool


class Comparison(_View):
    first: Summary
    second: Summary
    rows: list[ComparisonRow]
    differing: int


def answer_view(checklist: Checklist, criterion: Criterion, section: str, answer: Answer | None) -> AnswerView:
    scale = checklist.scale_of(criterion)
    answered = answer is not None and answer.answered
    na = answer is not None and answer.na
    label, points, met = "", None, None
    if answer is not None and answered and not na:
        if isinstance(scale, OptionsScale):
            option = scale.option(answer.option or "")
            label = option.label if option is not None else str(answer.option)
            points = option.points if option is not None else None
        else:
            label = str(answer.grade)
            points = float(answer.grade) if answer.grade is not None else None
        met = is_met(scale, answer)
    return AnswerView(
        criterion=criterion.id,
        title=criterion.title,
        section=section,
        kind=criterion.kind,
        critical=criterion.critical,
        definition=criterion.definition,
        answered=answered,
        na=na,
        label=label,
        points=points,
        max_points=scale.max_points if isinstance(scale, OptionsScale) else float(scale.max),
        pass_mark=scale.pass_mark if isinstance(scale, GradeScale) else None,
        met=met,
        comment=answer.comment if answer is not None else "",
    )


def _choices(checklist: Checklist, criterion: Criterion) -> list[Choice]:
    scale = checklist.scale_of(criterion)
    if isinstance(scale, OptionsScale):
        found = [Choice(label=o.label, answer=Answer(option=o.id)) for o in reversed(scale.options)]
    else:
        found = [Choice(label=str(g), answer=Answer(grade=g)) for g in range(scale.max, scale.min - 1, -1)]
    if criterion.na.allowed:
        found.append(Choice(label="n.v.t.", answer=Answer(na=True)))
    return found


def _label(checklist: Checklist, criterion_id: str, answer: Answer) -> str:
    criterion = checklist.criterion(criterion_id)
    if criterion is None:
        return ""
    view = answer_view(checklist, criterion, "", answer)
    return "n.v.t." if view.na else view.label


def summary(checklist: Checklist, evaluation: Evaluation) -> Summary:
    scores = evaluation.scores
    band = next((b for b in checklist.bands if b.id == scores.band), None)
    critical = [c.title for c in scores.critical.criteria] + [e.title for e in scores.critical.errors]
    compliance = scores.compliance
    return Summary(
        id=evaluation.id,
        checklist=checklist.id,
        checklist_title=checklist.title,
        version=checklist.version,
        channel=evaluation.channel,
        mode=evaluation.mode,
        evaluator=evaluation.evaluator,
        agent=evaluation.agent,
        team=evaluation.team,
        contact_date=evaluation.contact_date,
        complete=scores.complete,
        quality=scores.quality,
        band=band.label if band else None,
        band_description=band.description if band else None,
        passed=scores.passed,
        critical=critical,
        compliance_passed=len(compliance.passed),
        compliance_applicable=len(compliance.passed) + len(compliance.failed),
        relationship=evaluation.relationship,
        outcome=evaluation.outcome.result if evaluation.outcome else None,
        transfers=evaluation.outcome.transfers if evaluation.outcome else 0,
        notes=evaluation.notes,
    )


def _views(checklist: Checklist, evaluation: Evaluation) -> list[AnswerView]:
    return [
        answer_view(checklist, c, s.title, evaluation.answers.get(c.id))
        for s in checklist.sections
        for c in s.criteria
        if c.kind != "importance"
    ]


def feedback_sheet(checklist: Checklist, evaluation: Evaluation) -> FeedbackSheet:
    """The evaluation for the agent: strengths, points to improve, n.v.t., the history of the review."""
    views = _views(checklist, evaluation)
    for view in views:
        criterion = checklist.criterion(view.criterion)
        assert criterion is not None
        view.choices = _choices(checklist, criterion)
    titles = {c.id: c.title for c in checklist.criteria()}
    history: list[HistoryEntry] = []
    for entry in evaluation.review.history if evaluation.review else []:
        if isinstance(entry, AgentResponse):
            items = [
                HistoryItem(criterion=d.criterion, title=titles.get(d.criterion, d.criterion), comment=d.comment)
                for d in entry.disputes
            ]
            history.append(
                HistoryEntry(
                    type="response",
                    by=entry.by,
                    at=entry.at,
                    position=entry.position,
                    comment=entry.comment,
                    items=items,
                )
            )
        else:
            items = [
                HistoryItem(
                    criterion=r.criterion,
                    title=titles.get(r.criterion, r.criterion),
                    comment=r.comment,
                    decision=r.decision,
                    before=_label(checklist, r.criterion, r.before),
                    after=_label(checklist, r.criterion, r.after),
                )
                for r in entry.rulings
            ]
            history.append(
                HistoryEntry(
                    type="outcome",
                    by=entry.by,
                    at=entry.at,
                    items=items,
                    quality_before=entry.quality_before,
                    quality_after=entry.quality_after,
                    passed_before=entry.passed_before,
                    passed_after=entry.passed_after,
                )
            )
    current = state(evaluation)
    last = evaluation.review.history[-1] if evaluation.review else None
    disputed = [d.criterion for d in last.disputes] if current == "disputed" and isinstance(last, AgentResponse) else []
    original = original_answers(evaluation)
    changed = [c for c, a in evaluation.answers.items() if original.get(c) != a]
    return FeedbackSheet(
        summary=summary(checklist, evaluation),
        strengths=[v for v in views if v.answered and not v.na and v.met],
        improvements=[v for v in views if v.answered and not v.na and not v.met],
        not_applicable=[v for v in views if v.na],
        criteria=views,
        state=current,
        history=history,
        disputed=disputed,
        changed=changed,
    )


def compare(
    first_checklist: Checklist, first: Evaluation, second_checklist: Checklist, second: Evaluation
) -> tuple[Comparison | None, list[Problem]]:
    """Two evaluations of the same contact side by side (e.g. the agent's self-assessment and the coach's).

    None with the reason when they cannot be compared; warnings beside a comparison.
    """
    if first_checklist.id != second_checklist.id:
        return None, [
            Problem(
                Code.COMPARE_OTHER_CHECKLIST,
                ("checklist", "id"),
                {"first": first_checklist.id, "second": second_checklist.id},
            )
        ]
    problems = []
    if (first.agent, first.contact_date) != (second.agent, second.contact_date):
        params = {
            "first": f"{first.agent}, {first.contact_date.isoformat()}",
            "second": f"{second.agent}, {second.contact_date.isoformat()}",
        }
        problems.append(Problem(Code.COMPARE_OTHER_CONTACT, ("agent",), params))
    a = {v.criterion: v for v in _views(first_checklist, first)}
    b = {v.criterion: v for v in _views(second_checklist, second)}
    rows = []
    for criterion_id in [*a, *(c for c in b if c not in a)]:
        x, y = a.get(criterion_id), b.get(criterion_id)
        shown = x or y
        assert shown is not None
        differs = (
            x is None or y is None or (x.answered, x.na, x.label, x.points) != (y.answered, y.na, y.label, y.points)
        )
        rows.append(
            ComparisonRow(
                criterion=criterion_id, title=shown.title, section=shown.section, first=x, second=y, differs=differs
            )
        )
    comparison = Comparison(
        first=summary(first_checklist, first),
        second=summary(second_checklist, second),
        rows=rows,
        differing=sum(r.differs for r in rows),
    )
    return comparison, problems
