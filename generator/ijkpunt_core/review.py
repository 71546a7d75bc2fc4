"""The agent's side of an evaluation: acknowledge or dispute it, and the coach's outcome of a dispute.

An evaluation's ``review`` is a history, oldest first, that is only ever appended to:

* the agent's **response** (:class:`~ijkpunt_core.evaluation.AgentResponse`): acknowledged, with an optional
  comment, or disputed per criterion, each with a comment;
* the coach's **outcome** (:class:`~ijkpunt_core.evaluation.ReviewOutcome`) of a dispute: per disputed
  criterion upheld, partly upheld or rejected, with a comment; when upheld (or partly) the corrected answer.
  The entry keeps each answer before and after, and the quality score and pass before and after it.

The evaluation's ``answers`` and ``scores`` are those after the last outcome, computed by the core, so that
``ijkpunt score``, the import and the aggregation check and count the evaluation as it now stands. The answers
before any outcome follow from the history (each ruling's ``before``), and :func:`review_problems` replays the
history on import: an entry that breaks a rule below, or numbers that differ from the replay, refuse the file.

Rules (each a problem code, tested in ``tests/core/test_review.py``):

* only a finished evaluation of a coach (mode monitoring or training) gets a response;
* a response follows nothing, or an outcome; after a dispute comes the coach's outcome first, and an
  acknowledged evaluation is closed;
* acknowledged has no disputed criteria; disputed has at least one; each on a criterion of the checklist,
  once, with a comment;
* an outcome follows a dispute and rules on exactly the disputed criteria, each with a comment; upheld and
  partly upheld change the answer (one that fits the checklist), rejected keeps it;
* no BSN or IBAN in any comment (the privacy guard's errors, as for the evaluator's text).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .checklist import Checklist, Id, Strict
from .evaluate import answer_problems
from .evaluation import (
    AgentResponse,
    Answer,
    CriterionRuling,
    Evaluation,
    Review,
    ReviewEntry,
    ReviewOutcome,
    Ruling,
)
from .evaluation import Code as Pseudonym
from .privacy import personal_data_problems
from .problems import Code, Path, Problem
from .scoring import score

__all__ = [
    "REVIEWED_MODES",
    "OutcomeInput",
    "RulingInput",
    "State",
    "decide",
    "original_answers",
    "respond",
    "review_problems",
    "state",
]

State = Literal["none", "acknowledged", "disputed", "resolved"]
"""none: no response yet; acknowledged; disputed: awaiting the coach's outcome; resolved: outcome recorded."""
REVIEWED_MODES = ("monitoring", "training")
"""A coach's evaluations of an agent; a self-assessment or a calibration exercise is nobody else's judgement."""


class RulingInput(Strict):
    """What the coach decides on one disputed criterion: the corrected ``answer`` when upheld (or partly)."""

    criterion: Id
    decision: Ruling
    comment: str = Field(default="", max_length=4000)
    answer: Answer | None = None


class OutcomeInput(Strict):
    """The coach's outcome as the page sends it; the core adds the answers before and after and the scores."""

    by: Annotated[Pseudonym, StringConstraints(min_length=1)]
    at: datetime
    rulings: list[RulingInput]


@dataclass(frozen=True)
class Reviewed:
    """The evaluation with the new entry and its scores recomputed, or None and why not."""

    evaluation: Evaluation | None
    problems: list[Problem]


def state(evaluation: Evaluation) -> State:
    """Where the review stands, from the last entry of its history."""
    if evaluation.review is None:
        return "none"
    last = evaluation.review.history[-1]
    if isinstance(last, ReviewOutcome):
        return "resolved"
    return last.position


def respond(checklist: Checklist, evaluation: Evaluation, response: AgentResponse) -> Reviewed:
    """Append the agent's response, or say why it cannot be (nothing changes then)."""
    index = len(evaluation.review.history) if evaluation.review else 0
    problems = [*_open_problems(evaluation, response, index), *_response_problems(checklist, response, index)]
    updated = _appended(evaluation, response)
    problems += _privacy(updated, index)
    if any(p.is_error for p in problems):
        return Reviewed(None, problems)
    return Reviewed(updated, problems)


def decide(checklist: Checklist, evaluation: Evaluation, given: OutcomeInput) -> Reviewed:
    """Append the coach's outcome of the open dispute and recompute the scores, or say why it cannot be."""
    rulings = given.rulings
    index = len(evaluation.review.history) if evaluation.review else 0
    if state(evaluation) != "disputed":
        return Reviewed(None, [Problem(Code.OUTCOME_NOT_EXPECTED, ("review", "history", index), {})])
    if not rulings:
        return Reviewed(None, list(_missing_rulings(evaluation, [], index)))
    entries = []
    for ruling in rulings:
        before = evaluation.answers.get(ruling.criterion, Answer())
        after = before
        if ruling.decision != "rejected" and ruling.answer is not None:
            # the evaluator's comment explained the old answer; a corrected answer without a comment of its own
            # gets the coach's explanation of the outcome
            after = (
                ruling.answer if ruling.answer.comment else ruling.answer.model_copy(update={"comment": ruling.comment})
            )
        entries.append(
            CriterionRuling(
                criterion=ruling.criterion, decision=ruling.decision, comment=ruling.comment, before=before, after=after
            )
        )
    outcome = ReviewOutcome(
        type="outcome",
        by=given.by,
        at=given.at,
        rulings=entries,
        quality_before=evaluation.scores.quality,
        quality_after=None,
        passed_before=evaluation.scores.passed,
        passed_after=None,
    )
    problems = list(_outcome_problems(checklist, evaluation, outcome, index))
    if any(p.is_error for p in problems):  # a corrected answer that does not fit cannot be scored
        return Reviewed(None, _unique(problems))
    answers = dict(evaluation.answers)
    for entry in entries:
        answers[entry.criterion] = entry.after
    after_scores = score(
        checklist, answers, evaluation.relationship, evaluation.outcome, evaluation.critical_errors, evaluation.settings
    )
    outcome = outcome.model_copy(update={"quality_after": after_scores.quality, "passed_after": after_scores.passed})
    updated = _appended(evaluation, outcome).model_copy(update={"answers": answers, "scores": after_scores})
    problems += _privacy(updated, index)
    if any(p.is_error for p in problems):
        return Reviewed(None, _unique(problems))
    return Reviewed(updated, _unique(problems))


def review_problems(checklist: Checklist, evaluation: Evaluation) -> list[Problem]:
    """Replay the history on the answers before any outcome: every rule above, and the numbers each entry keeps.

    Empty for an evaluation without a review. The aggregation and the import call it through ``rescore``.
    """
    if evaluation.review is None:
        return []
    history = evaluation.review.history
    replayed = evaluation.model_copy(update={"review": None, "answers": original_answers(evaluation)})
    if answer_problems(checklist, replayed):  # the answers before the first outcome must fit, as any answers
        return [Problem(Code.REVIEW_INCONSISTENT, ("review", "history"), {"entry": 1})]
    problems: list[Problem] = []
    for index, entry in enumerate(history):
        if isinstance(entry, AgentResponse):
            problems += _open_problems(replayed, entry, index)
            problems += _response_problems(checklist, entry, index)
            replayed = _appended(replayed, entry)
            continue
        if state(replayed) != "disputed":
            problems.append(Problem(Code.OUTCOME_NOT_EXPECTED, ("review", "history", index), {}))
        problems += _outcome_problems(checklist, replayed, entry, index)
        if any(p.is_error for p in problems):  # what follows cannot be replayed (nor scored)
            return _unique(problems)
        answers = dict(replayed.answers)
        for ruling in entry.rulings:
            answers[ruling.criterion] = ruling.after
        before = score(
            checklist,
            replayed.answers,
            replayed.relationship,
            replayed.outcome,
            replayed.critical_errors,
            replayed.settings,
        )
        after = score(
            checklist, answers, replayed.relationship, replayed.outcome, replayed.critical_errors, replayed.settings
        )
        kept = (entry.quality_before, entry.quality_after, entry.passed_before, entry.passed_after)
        if kept != (before.quality, after.quality, before.passed, after.passed):
            problems.append(Problem(Code.REVIEW_INCONSISTENT, ("review", "history", index), {"entry": index + 1}))
        replayed = _appended(replayed, entry).model_copy(update={"answers": answers})
    if replayed.answers != evaluation.answers:
        problems.append(Problem(Code.REVIEW_INCONSISTENT, ("answers",), {"entry": len(history)}))
    return _unique(problems)


def original_answers(evaluation: Evaluation) -> dict[str, Answer]:
    """The answers before the first outcome: each ruling's ``before``, undone from the last outcome back."""
    answers = dict(evaluation.answers)
    if evaluation.review is None:
        return answers
    for entry in reversed(evaluation.review.history):
        if isinstance(entry, ReviewOutcome):
            for ruling in reversed(entry.rulings):
                answers[ruling.criterion] = ruling.before
    return answers


# the rules --------------------------------------------------------------------------------------------


def _open_problems(evaluation: Evaluation, response: AgentResponse, index: int) -> Iterator[Problem]:
    """Whether a response may follow: a finished evaluation of a coach, not acknowledged or awaiting an outcome."""
    at: Path = ("review", "history", index)
    if evaluation.mode not in REVIEWED_MODES:
        yield Problem(Code.REVIEW_MODE, ("mode",), {"mode": evaluation.mode}, allowed=REVIEWED_MODES)
    elif not evaluation.scores.complete:
        yield Problem(Code.REVIEW_NOT_FINISHED, ("scores", "complete"), {})
    current = state(evaluation)
    if current in ("acknowledged", "disputed"):
        yield Problem(Code.RESPONSE_NOT_EXPECTED, at, {"state": current})


def _response_problems(checklist: Checklist, response: AgentResponse, index: int) -> Iterator[Problem]:
    at: Path = ("review", "history", index)
    if (response.position == "disputed") != bool(response.disputes):
        yield Problem(Code.DISPUTE_MISMATCH, (*at, "disputes"), {"position": response.position})
    seen: set[str] = set()
    for i, dispute in enumerate(response.disputes):
        where: Path = (*at, "disputes", i)
        criterion = checklist.criterion(dispute.criterion)
        if criterion is None:
            params = {"criterion": dispute.criterion, "checklist": checklist.id}
            yield Problem(Code.DISPUTE_UNKNOWN_CRITERION, (*where, "criterion"), params)
        elif dispute.criterion in seen:
            yield Problem(Code.DISPUTE_TWICE, (*where, "criterion"), {"criterion": criterion.title})
        if not dispute.comment.strip():
            title = criterion.title if criterion is not None else dispute.criterion
            yield Problem(Code.DISPUTE_WITHOUT_COMMENT, (*where, "comment"), {"criterion": title})
        seen.add(dispute.criterion)


def _outcome_problems(
    checklist: Checklist, evaluation: Evaluation, outcome: ReviewOutcome, index: int
) -> Iterator[Problem]:
    """An outcome against the dispute it answers (the last entry of ``evaluation``'s history)."""
    at: Path = ("review", "history", index)
    disputed = _open_dispute(evaluation)
    ruled: set[str] = set()
    for i, ruling in enumerate(outcome.rulings):
        where: Path = (*at, "rulings", i)
        criterion = checklist.criterion(ruling.criterion)
        title = criterion.title if criterion is not None else ruling.criterion
        if ruling.criterion not in disputed or ruling.criterion in ruled:
            yield Problem(Code.RULING_NOT_DISPUTED, (*where, "criterion"), {"criterion": title})
        ruled.add(ruling.criterion)
        if not ruling.comment.strip():
            yield Problem(Code.RULING_WITHOUT_COMMENT, (*where, "comment"), {"criterion": title})
        current = evaluation.answers.get(ruling.criterion, Answer())
        if ruling.before != current:
            yield Problem(Code.REVIEW_INCONSISTENT, (*where, "before"), {"entry": index + 1})
        changed = _choice(ruling.after) != _choice(ruling.before)
        if changed == (ruling.decision == "rejected") or (
            ruling.decision == "rejected" and ruling.after != ruling.before
        ):
            yield Problem(Code.RULING_ANSWER, (*where, "after"), {"criterion": title})
        elif changed:
            probe = evaluation.model_copy(update={"answers": {ruling.criterion: ruling.after}, "critical_errors": []})
            for problem in answer_problems(checklist, probe):
                yield Problem(problem.code, (*where, "after", *problem.path[2:]), problem.params, problem.allowed)
    if disputed:
        yield from _missing_rulings(evaluation, [r.criterion for r in outcome.rulings], index)


def _missing_rulings(evaluation: Evaluation, ruled: Sequence[str], index: int) -> Iterator[Problem]:
    for criterion in _open_dispute(evaluation):
        if criterion not in ruled:
            yield Problem(Code.RULING_MISSING, ("review", "history", index, "rulings"), {"criterion": criterion})


def _open_dispute(evaluation: Evaluation) -> list[str]:
    """The criteria of the dispute awaiting an outcome (the last entry), in the agent's order."""
    if evaluation.review is None:
        return []
    last = evaluation.review.history[-1]
    if isinstance(last, AgentResponse) and last.position == "disputed":
        return [d.criterion for d in last.disputes]
    return []


def _choice(answer: Answer) -> tuple[str | None, int | None, bool]:
    return answer.option, answer.grade, answer.na


def _appended(evaluation: Evaluation, entry: ReviewEntry) -> Evaluation:
    history = [*(evaluation.review.history if evaluation.review else []), entry]
    return evaluation.model_copy(update={"review": Review(history=history)})


def _privacy(evaluation: Evaluation, index: int) -> list[Problem]:
    """The privacy guard's findings in the new entry's text."""
    return [p for p in personal_data_problems(evaluation) if p.path[:3] == ("review", "history", index)]


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Code, tuple[str | int, ...]]] = set()
    found = []
    for p in problems:
        if (p.code, p.path) not in seen:
            seen.add((p.code, p.path))
            found.append(p)
    return found
