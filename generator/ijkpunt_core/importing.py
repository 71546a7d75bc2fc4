"""Import: one evaluation file's text in, the evaluation (in the current format) with warnings, or a refusal.

One implementation for the browser's import (through :mod:`ijkpunt_core.import_api`), ``ijkpunt score`` and
the aggregation's refusals. Reading (:func:`read_text`, :func:`read_data`) needs no checklist: size, JSON,
nesting, the format and its version, migration of older versions (:mod:`ijkpunt_core.migrate`) and the
model. Checking (:func:`check`) needs the checklists: the checklist it names, answers that fit it, no BSN or
IBAN in the text, and stored scores that match the answers (:func:`ijkpunt_core.evaluate.rescore`).

Nothing here raises on bad input: every refusal is a :class:`~ijkpunt_core.problems.Problem`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError

from .aggregate import MAX_EVALUATION_CHARS, ChecklistIndex
from .checklist import Checklist
from .evaluate import format_version_problem, rescore
from .evaluation import FORMAT, Evaluation
from .migrate import STEPS, Migrated, migrate
from .problems import Code, Param, Problem
from .scoring import Judged
from .text_safety import LONG_NUMBER, MAX_DIGITS

__all__ = [
    "MAX_IMPORT_CHARS",
    "Imported",
    "Read",
    "check",
    "import_evaluation",
    "import_file",
    "read_data",
    "read_text",
]

MAX_IMPORT_CHARS = MAX_EVALUATION_CHARS
"""One evaluation is a few kilobytes; the core refuses far larger text without parsing it (the browser page
refuses files over 50 MB before reading them; a JSON Lines file is measured per line)."""
_MAX_DEPTH = sys.getrecursionlimit()  # what json.loads itself allows
JSON_DEPTH = 200
"""pydantic's JSON reader stops at this depth (an evaluation nests five levels); deeper text is refused as such."""


@dataclass(frozen=True)
class Read:
    """An evaluation read from a file, in the current format, not yet checked against its checklist."""

    evaluation: Evaluation
    notes: tuple[Problem, ...] = ()  # warnings of the migration from an older format
    unrecorded: frozenset[str] = frozenset()  # score fields the older format did not record


@dataclass(frozen=True)
class Imported:
    """The result of importing one evaluation: refused (``evaluation`` is None) or checked, with its warnings."""

    evaluation: Evaluation | None  # as rescored: the scores the core computes, the checklist it was checked with
    problems: list[Problem]  # every problem: errors (it is refused) and warnings (it is read)
    checklist: Checklist | None = None
    exact: bool = False  # the checklist is exactly the version the evaluation was made with
    judged: tuple[Judged, ...] = field(default=(), repr=False)
    rescored: Evaluation | None = None  # the scores the core computes, also when refused for stored scores that differ

    @property
    def refusal(self) -> Problem | None:
        """The first reason to refuse, if any."""
        return next((p for p in self.problems if p.is_error), None)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def read_text(text: str) -> Read | Problem:
    """One evaluation's text, read as the current format (older versions migrated), or why it cannot be."""
    if len(text) > MAX_IMPORT_CHARS:
        return Problem(Code.FILE_TOO_LARGE, (), {"size": len(text), "limit": MAX_IMPORT_CHARS})
    try:  # the common case in one step: pydantic's own JSON parser
        return Read(Evaluation.model_validate_json(text))
    except ValidationError as exc:
        return read_carefully(text, exc)


def read_carefully(text: str, json_error: ValidationError) -> Read | Problem:
    """Text that is not a current evaluation as it stands: say precisely why, or migrate an older version."""
    if _too_deep(json_error):  # said before Python's own reader recurses (in the browser: a JS stack overflow)
        return Problem(Code.TOO_DEEP, (), {"limit": JSON_DEPTH})
    try:
        data = json.loads(text)
    except RecursionError:  # the only nesting that can hurt: the model has no free-form fields to nest in
        return Problem(Code.TOO_DEEP, (), {"limit": _MAX_DEPTH})
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError) and LONG_NUMBER.search(text):  # Python's int limit, no syntax
            return Problem(Code.NUMBER_TOO_LONG, (), {"limit": MAX_DIGITS})
        if "\ufffd" in text:  # a browser reads bytes that are not UTF-8 as U+FFFD: say that, not a JSON detail
            return Problem(Code.NOT_UTF8, (), {"position": text.index("\ufffd")})
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)[:120]  # the place is its line
        return Problem(Code.JSON_SYNTAX, (), {"detail": detail})
    return read_data(data, json_error)


def _too_deep(json_error: ValidationError) -> bool:
    return any(
        e["type"] == "json_invalid" and "recursion limit" in str((e.get("ctx") or {}).get("error", ""))
        for e in json_error.errors(include_input=False)
    )


def read_data(data: object, json_error: ValidationError | None = None) -> Read | Problem:
    """Parsed JSON as an evaluation (``json_error``: pydantic's reason when it read the same text as JSON)."""
    from .validate import problem_from_pydantic  # the document rules; imported late: only refusals need it

    if not isinstance(data, dict):
        return Problem(Code.NOT_AN_EVALUATION)
    if data.get("format", FORMAT) != FORMAT or not ({"format", "format_version"} & data.keys()):
        return Problem(Code.NOT_AN_EVALUATION, ("format",) if "format" in data else ())
    found = data.get("format_version")
    migrated: Migrated | None = None
    if isinstance(found, int) and not isinstance(found, bool) and found in STEPS:
        result = migrate(data)
        if isinstance(result, Problem):
            return result
        migrated, data = result, result.data
    else:
        version = format_version_problem(data)
        if version is not None:
            return version
    try:
        evaluation = Evaluation.model_validate(data)
    except ValidationError as exc:
        return problem_from_pydantic(Evaluation, exc.errors()[0])
    if migrated is None:
        if json_error is not None:  # Python's reader accepts what pydantic's refuses (NaN, a lone surrogate)
            return problem_from_pydantic(Evaluation, json_error.errors()[0])
        return Read(evaluation)
    try:  # a migrated file meets the same JSON rules as a current one
        Evaluation.model_validate_json(json.dumps(migrated.data))
    except (ValidationError, ValueError) as exc:
        errors = exc.errors() if isinstance(exc, ValidationError) else []
        if errors:
            return problem_from_pydantic(Evaluation, errors[0])
        return Problem(Code.JSON_SYNTAX, (), {"detail": str(exc)[:120]})
    return Read(evaluation, tuple(migrated.notes), frozenset(migrated.unrecorded))


def check(read: Read, index: ChecklistIndex) -> Imported:
    """A read evaluation against its checklist: known, answers that fit, no BSN or IBAN, scores that match."""
    evaluation = read.evaluation
    checklist = index.find(evaluation.checklist.id, evaluation.checklist.content_hash)
    if checklist is None:
        params: dict[str, Param] = {"checklist": evaluation.checklist.id}
        allowed = tuple(sorted(index.by_id))
        return Imported(None, [*read.notes, Problem(Code.UNKNOWN_CHECKLIST, ("checklist", "id"), params, allowed)])
    exact = checklist.content_hash() == evaluation.checklist.content_hash
    if "band" in read.unrecorded:  # an older format had no bands: the checklist says which band the score is in
        band = checklist.band_of(evaluation.scores.quality)
        scores = evaluation.scores.model_copy(update={"band": band.id if band else None})
        evaluation = evaluation.model_copy(update={"scores": scores})
    result = rescore(checklist, evaluation)
    problems = [*read.notes, *result.problems]
    if any(p.is_error for p in problems):
        return Imported(None, problems, checklist, exact, rescored=result.evaluation)
    return Imported(result.evaluation, problems, checklist, exact, result.judged, result.evaluation)


def import_evaluation(text: str, index: ChecklistIndex) -> Imported:
    """Read and check one evaluation's text."""
    read = read_text(text)
    if isinstance(read, Problem):
        return Imported(None, [read])
    return check(read, index)


def import_file(name: str, text: str, index: ChecklistIndex) -> Iterator[tuple[int, Imported]]:
    """Every evaluation in one file with its line: a ``.jsonl`` file line by line, anything else whole.

    An evaluation whose id came earlier in the same file is refused as a duplicate (it would count twice).
    """
    if name.lower().endswith(".jsonl"):
        items = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    else:
        items = [(1, text)]
    seen: dict[str, int] = {}
    for number, item in items:
        imported = import_evaluation(item, index)
        if imported.evaluation is not None:
            evaluation_id = imported.evaluation.id
            if evaluation_id in seen:
                duplicate = Problem(Code.DUPLICATE_EVALUATION, ("id",), {"id": evaluation_id})
                imported = Imported(None, [duplicate])
            else:
                seen[evaluation_id] = number
        yield number, imported
