"""Turn a draft into an evaluation, and check an evaluation against its checklist."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import __version__
from .checklist import Checklist, OptionsScale
from .evaluation import FORMAT, FORMAT_VERSION, ChecklistRef, Draft, Evaluation, Scores
from .privacy import personal_data_problems
from .problems import Code, Problem
from .scoring import Judged, counted_answers, judge, score, scores_data
from .settings import ScoringSettings, not_applicable_by_setting

REQUIRED_FOR_EXPORT = ("evaluator", "agent", "contact_date", "created_at")


@dataclass(frozen=True)
class EvaluationResult:
    evaluation: Evaluation | None
    problems: list[Problem]
    judged: tuple[Judged, ...] = ()  # the answers as scored (rescore fills it: the aggregation reuses it)


def answer_problems(checklist: Checklist, draft: Draft | Evaluation) -> list[Problem]:
    """Answers that do not fit the checklist: unknown criteria, options, grades, forbidden n.v.t."""
    return list(_answer_problems(checklist, draft))


def _answer_problems(checklist: Checklist, draft: Draft | Evaluation) -> Iterator[Problem]:
    for i, error_id in enumerate(draft.critical_errors):
        if checklist.critical_error(error_id) is None:
            params = {"error": error_id, "checklist": checklist.id}
            allowed = tuple(e.id for e in checklist.critical_errors)
            yield Problem(Code.UNKNOWN_CRITICAL_ERROR, ("critical_errors", i), params, allowed=allowed)
    for criterion_id, answer in draft.answers.items():
        criterion = checklist.criterion(criterion_id)
        if criterion is None:
            yield Problem(
                Code.UNKNOWN_CRITERION,
                ("answers", criterion_id),
                {"criterion": criterion_id, "checklist": checklist.id},
            )
            continue
        scale = checklist.scale_of(criterion)
        if answer.na:
            if not criterion.na.allowed:
                yield Problem(Code.NA_NOT_ALLOWED, ("answers", criterion_id, "na"), {"criterion": criterion.title})
        elif isinstance(scale, OptionsScale):
            if answer.grade is not None:
                allowed = tuple(o.id for o in scale.options)
                yield Problem(Code.GRADE_FOR_OPTION, ("answers", criterion_id, "grade"), allowed=allowed)
            elif answer.option is not None and answer.option not in scale.values:
                yield Problem(
                    Code.UNKNOWN_OPTION,
                    ("answers", criterion_id, "option"),
                    {"option": answer.option, "scale": criterion.scale},
                    allowed=tuple(o.id for o in scale.options),
                )
        elif answer.option is not None:
            yield Problem(Code.OPTION_FOR_GRADE, ("answers", criterion_id, "option"))
        elif answer.grade is not None and not scale.min <= answer.grade <= scale.max:
            yield Problem(
                Code.GRADE_OUT_OF_SCALE,
                ("answers", criterion_id, "grade"),
                {"grade": answer.grade, "low": scale.min, "high": scale.max},
            )


def format_version_problem(data: object) -> Problem | None:
    """An evaluation written by another version of the format, said plainly instead of as a wrong value."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    found = data.get("format_version")
    if found == FORMAT_VERSION:
        return None
    params: dict[str, str | int | float] = {"found": str(found), "supported": FORMAT_VERSION}
    if isinstance(found, int) and not isinstance(found, bool) and found > FORMAT_VERSION:
        return Problem(Code.NEWER_FORMAT_VERSION, ("format_version",), params)  # "update IJkpunt", not "broken"
    return Problem(Code.UNSUPPORTED_FORMAT_VERSION, ("format_version",), params)


def reference(checklist: Checklist) -> ChecklistRef:
    return ChecklistRef(id=checklist.id, version=checklist.version, content_hash=checklist.content_hash())


def evaluate(
    checklist: Checklist, draft: Draft, tool_version: str = __version__, settings: ScoringSettings | None = None
) -> EvaluationResult:
    """Score a draft and build the exportable evaluation, or say what stops it.

    ``settings``: the municipality's settings; recorded in the evaluation when they made a criterion n.v.t.
    """
    recorded = settings if not_applicable_by_setting(checklist, settings) else None
    problems = _export_problems(checklist, draft, recorded)
    if problems:
        return EvaluationResult(None, problems)
    # The draft keeps a choice made for a criterion that no longer applies (it comes back if the controlling
    # answer does); the evaluation records only what counts.
    answers = counted_answers(checklist, draft.answers, recorded)
    scores = score(checklist, answers, draft.relationship, draft.outcome, draft.critical_errors, recorded)
    evaluation = Evaluation.model_validate(
        {
            **draft.model_dump(),
            "answers": {k: a.model_dump() for k, a in answers.items()},
            "checklist": reference(checklist),
            "channel": checklist.channel,
            "tool_version": tool_version,
            "scores": scores,
            "settings": recorded,
        }
    )
    return EvaluationResult(evaluation, [])


def _export_problems(
    checklist: Checklist, draft: Draft | Evaluation, settings: ScoringSettings | None = None
) -> list[Problem]:
    """What stops an export: answers that do not fit, a BSN or IBAN in the text, a required field left empty.

    An answer to a criterion that a setting switched off is not checked: it is not counted either.
    """
    switched_off = not_applicable_by_setting(checklist, settings)
    problems = [
        p
        for p in answer_problems(checklist, draft)
        if not (p.path[:1] == ("answers",) and len(p.path) > 1 and p.path[1] in switched_off)
    ]
    problems += personal_data_problems(draft, errors_only=True)
    for name in REQUIRED_FOR_EXPORT:
        if getattr(draft, name) in ("", None):
            problems.append(Problem(Code.REQUIRED_FOR_EXPORT, (name,), {"field": name}))
    return problems


def rescore(checklist: Checklist, evaluation: Evaluation) -> EvaluationResult:
    """Recompute an exported evaluation; problems if it does not fit its checklist or its stored scores differ.

    The evaluation returned carries the computed scores (and the checklist it was scored with now).
    """
    claimed = evaluation.checklist
    if claimed.id != checklist.id:
        return EvaluationResult(
            None, [Problem(Code.OTHER_CHECKLIST, ("checklist", "id"), {"found": claimed.id, "expected": checklist.id})]
        )
    problems = []
    if evaluation.channel != checklist.channel:
        problems.append(
            Problem(
                Code.CHANNEL_MISMATCH,
                ("channel",),
                {"found": evaluation.channel, "checklist": checklist.id, "expected": checklist.channel},
            )
        )
    same_content = claimed.content_hash == checklist.content_hash()
    if same_content and claimed.version != checklist.version:
        problems.append(
            Problem(
                Code.VERSION_MISMATCH,
                ("checklist", "version"),
                {"found": claimed.version, "expected": checklist.version},
            )
        )
    if problems:
        return EvaluationResult(None, problems)
    # The evaluation itself is checked and scored (it has every field of a draft): no second model is
    # validated, which made rescoring most of the aggregation's time.
    problems = _export_problems(checklist, evaluation, evaluation.settings)
    if evaluation.review is not None:  # the agent's response and the coach's outcomes, replayed
        from .review import review_problems  # review builds on this module

        problems += review_problems(checklist, evaluation)
    if problems:
        return EvaluationResult(None, problems)
    judged = judge(checklist, evaluation.answers, evaluation.settings)
    problems += list(_ignored_answers(checklist, evaluation, judged))
    data = scores_data(checklist, judged, evaluation.relationship, evaluation.outcome, evaluation.critical_errors)
    # Compared as plain data: an evaluation whose scores are right (nearly all) needs no second Scores model.
    computed = evaluation.scores if data == evaluation.scores.model_dump() else Scores.model_validate(data)
    rescored = evaluation
    if not same_content:
        problems.append(
            Problem(
                Code.CHECKLIST_CHANGED,
                ("checklist", "content_hash"),
                {"old": claimed.version, "new": checklist.version},
            )
        )
        rescored = rescored.model_copy(update={"checklist": reference(checklist)})
    if computed != evaluation.scores:
        differences = score_differences(evaluation.scores, computed)
        if differences:
            problems.append(Problem(Code.SCORES_DIFFER, ("scores",), {"differences": "; ".join(differences)}))
        rescored = rescored.model_copy(update={"scores": computed})
    return EvaluationResult(rescored, problems, tuple(judged))


def _ignored_answers(checklist: Checklist, evaluation: Evaluation, judged: list[Judged]) -> Iterator[Problem]:
    """A warning for each choice made for a criterion whose condition does not hold: scoring ignores it."""
    switched_off = not_applicable_by_setting(checklist, evaluation.settings)
    for j in judged:
        answer = evaluation.answers.get(j.criterion.id)
        condition = j.criterion.applies_when
        if j.applies or answer is None or not answer.answered:
            continue
        if j.criterion.id in switched_off:
            setting = switched_off[j.criterion.id]
            params = {"criterion": j.criterion.title, "setting": setting}
            yield Problem(Code.ANSWER_SWITCHED_OFF, ("answers", j.criterion.id), params)
            continue
        if condition is None:
            continue
        controller = checklist.criterion(condition.criterion)
        scale = checklist.scale_of(controller) if controller else None
        labels = [
            option.label if isinstance(scale, OptionsScale) and (option := scale.option(o)) else o
            for o in condition.options
        ]
        yield Problem(
            Code.ANSWER_NOT_APPLICABLE,
            ("answers", j.criterion.id),
            {
                "criterion": j.criterion.title,
                "controller": controller.title if controller else condition.criterion,
                "options": ", ".join(labels),
            },
        )


def score_differences(stored: Scores, computed: Scores) -> list[str]:
    """`scores.quality: 99.9 ≠ 82.4` for every stored value that differs from the computed one.

    Titles are left out: they are the checklist's words in the language of the site the evaluation was made on
    (an English and a Dutch site score the same checklist), not figures.
    """
    return [
        f"scores.{path}: {_plain(old)} ≠ {_plain(new)}"
        for path, old, new in _leaves(stored.model_dump(mode="json"), computed.model_dump(mode="json"), "")
        if old != new and not path.endswith(".title")
    ]


def _leaves(old: Any, new: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from _leaves(old.get(key), new.get(key), f"{path}.{key}" if path else key)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new) and not _flat(old + new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _leaves(a, b, f"{path}[{i}]")
    else:
        yield path, old, new


def _flat(items: list[Any]) -> bool:
    return all(not isinstance(i, dict | list) for i in items)


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def export_filename(evaluation: Evaluation) -> str:
    """A file name that sorts by contact date: 2026-11-24_kcc-telefoon_A123_3f2a9c1b.json.

    An evaluation that is not complete (criteria, relationship question or outcome open) ends
    in ``_concept``, so that nobody mistakes it for a finished one: …_3f2a9c1b_concept.json.
    """
    agent = re.sub(r"[^A-Za-z0-9-]+", "-", evaluation.agent).strip("-") or "medewerker"
    draft = "" if evaluation.scores.complete else "_concept"
    return f"{evaluation.contact_date.isoformat()}_{evaluation.checklist.id}_{agent}_{evaluation.id[:8]}{draft}.json"
