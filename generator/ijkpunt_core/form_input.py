"""From the scoring form's raw values to a draft: defaults, trimming and form rules, in one place.

The page sends the values exactly as the HTML form holds them (strings, keyed by the
inputs' names) plus the draft's identity; this module decides what they mean. Nothing
of this is repeated in JavaScript. A value that does not fit gives a problem located at
the draft field it would fill (``("outcome", "transfers")``), and the draft is built
without it, so the rest of the form can still be scored.

Form names: ``evaluator``, ``agent``, ``team``, ``department``, ``contact_date``, ``mode``,
``notes``, ``answer:<criterion>``, ``comment:<criterion>``, ``critical:<error>`` (a ticked box),
``relationship`` (``weakened``/``kept``/``strengthened``),
``outcome`` (``direct``/``transferred``/``callback``) and ``transfers``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, get_args

from pydantic import ValidationError

from .checklist import Checklist, GradeScale, Relationship
from .evaluation import Draft, Mode
from .problems import Code, Path, Problem

MAX_TRANSFERS = 20
CODE_FIELDS = {"evaluator": 60, "agent": 60, "team": 60, "department": 60}
TEXT_MAX = 4000
MODES: tuple[str, ...] = get_args(Mode)
OUTCOMES = ("direct", "transferred", "callback")
RELATIONSHIP: tuple[str, ...] = get_args(Relationship)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_WHOLE = re.compile(r"^[0-9]+$")


def draft_from_form(raw: Mapping[str, Any], checklist: Checklist) -> tuple[Draft | None, list[Problem]]:
    """The draft the form's raw values describe, and every value that does not fit.

    ``raw`` is ``{"id": uuid, "created_at": iso-datetime, "values": {name: string}}``. The draft is
    None only when its identity is unusable; otherwise fields with a problem are left empty.
    """
    reader = _Reader(raw.get("values"))
    problems = reader.problems
    identity = raw.get("id")
    if not isinstance(identity, str) or not _UUID.match(identity):
        problems.append(Problem(Code.FORM_NO_ID, ("id",)))
        return None, problems
    created_at = _datetime(raw.get("created_at"), problems)

    fields: dict[str, Any] = {"id": identity, "created_at": created_at}
    for name, limit in CODE_FIELDS.items():
        fields[name] = reader.text(name, limit)
    fields["notes"] = reader.text("notes", TEXT_MAX)
    fields["mode"] = reader.choice("mode", MODES, default="monitoring")
    fields["contact_date"] = reader.date("contact_date")
    fields["relationship"] = reader.choice("relationship", RELATIONSHIP)
    fields["critical_errors"] = reader.critical_errors(checklist)
    fields["outcome"] = reader.outcome()
    fields["answers"] = reader.answers(checklist)
    try:
        return Draft.model_validate(fields), problems
    except ValidationError as exc:  # the checks above should leave nothing for pydantic to refuse
        problems += [Problem(Code.FORM_NOT_TEXT, tuple(e["loc"])) for e in exc.errors() if e["loc"]]
        return None, problems


def form_field(path: Path) -> str | None:
    """The name of the form input a problem's path points at (for focusing it), if any."""
    if not path:
        return None
    if path[0] == "answers" and len(path) >= 2:
        return f"{'comment' if path[2:] == ('comment',) else 'answer'}:{path[1]}"
    if path == ("outcome", "transfers"):
        return "transfers"
    if path[0] in ("created_at", "id"):
        return None
    return str(path[0])


class _Reader:
    """Reads named string values, recording a problem for each one that does not fit."""

    def __init__(self, values: object) -> None:
        self.values: Mapping[str, Any] = values if isinstance(values, Mapping) else {}
        self.problems: list[Problem] = []

    def raw(self, name: str) -> str:
        value = self.values.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problems.append(Problem(Code.FORM_NOT_TEXT, (name,)))
            return ""
        return value

    def text(self, name: str, limit: int) -> str:
        value = self.raw(name).strip()
        if len(value) > limit:
            self.problems.append(Problem(Code.FORM_TOO_LONG, (name,), {"limit": limit, "length": len(value)}))
            return ""
        return value

    def choice(self, name: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.raw(name).strip()
        if not value:
            return default
        if value not in allowed:
            self.problems.append(Problem(Code.FORM_CHOICE, (name,), {"value": value[:60]}))
            return default
        return value

    def date(self, name: str) -> date | None:
        value = self.raw(name).strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problems.append(Problem(Code.FORM_DATE, (name,)))
            return None

    def outcome(self) -> dict[str, Any] | None:
        result = self.choice("outcome", OUTCOMES)
        if result is None:
            return None
        if result != "transferred":
            return {"result": result, "transfers": 0}
        value = self.raw("transfers").strip()
        if not _WHOLE.match(value) or not 1 <= int(value) <= MAX_TRANSFERS:
            self.problems.append(
                Problem(Code.FORM_TRANSFERS, ("outcome", "transfers"), {"maximum": MAX_TRANSFERS, "value": value[:20]})
            )
            return None
        return {"result": result, "transfers": int(value)}

    def critical_errors(self, checklist: Checklist) -> list[str]:
        """The ids of the ticked critical-error boxes, in checklist order (a box sends its value when ticked)."""
        return [e.id for e in checklist.critical_errors if self.raw(f"critical:{e.id}").strip()]

    def answers(self, checklist: Checklist) -> dict[str, dict[str, Any]]:
        answers: dict[str, dict[str, Any]] = {}
        for criterion in checklist.criteria():
            path = ("answers", criterion.id)
            comment = self.raw(f"comment:{criterion.id}").strip()
            if len(comment) > TEXT_MAX:
                self.problems.append(
                    Problem(Code.FORM_TOO_LONG, (*path, "comment"), {"limit": TEXT_MAX, "length": len(comment)})
                )
                comment = ""
            choice = self.raw(f"answer:{criterion.id}").strip()
            answer: dict[str, Any] = {"comment": comment}
            scale = checklist.scale_of(criterion)
            if not choice:
                pass
            elif choice == "na":
                answer["na"] = True  # whether n.v.t. is allowed is the checklist's rule: answer_problems (E403)
            elif isinstance(scale, GradeScale):
                if _WHOLE.match(choice) and scale.min <= int(choice) <= scale.max:
                    answer["grade"] = int(choice)
                else:
                    self.problems.append(
                        Problem(Code.FORM_GRADE, (*path, "grade"), {"low": scale.min, "high": scale.max})
                    )
            elif scale.option(choice) is not None:
                answer["option"] = choice
            else:
                self.problems.append(Problem(Code.FORM_CHOICE, (*path, "option"), {"value": choice[:60]}))
            if len(answer) > 1 or comment:
                answers[criterion.id] = answer
        return answers


def _datetime(value: object, problems: list[Problem]) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    problems.append(Problem(Code.FORM_CREATED_AT, ("created_at",)))
    return None
