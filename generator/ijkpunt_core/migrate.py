"""Older evaluation formats, migrated one version at a time to the current one.

Each step reads one format version (validated with that version's frozen model, so a damaged old file is
refused at its own field names) and writes the next; :func:`migrate` chains the steps (1 → 2 → 3). Tested
from the first published version on (``tests/core/test_import.py``, with real format-1 and format-2 files
made by the code of that time).

A step changes the shape, never a judgement: what an old format did not record is left for the checklist
to fill in (``unrecorded``), and where an old answer has to be read in a new way the step says so with a
warning. The scores an old file carries are kept, so that the import still checks them against the answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from . import evaluation_format1, evaluation_format2
from .evaluation import FORMAT_VERSION
from .problems import Code, Problem

type Data = dict[str, Any]


@dataclass
class Migrated:
    """An evaluation's data in the current format, what was read in a new way, and what the old format lacked."""

    data: Data
    found: int
    notes: list[Problem] = field(default_factory=list)
    unrecorded: set[str] = field(default_factory=set)  # score fields the old format did not record


@dataclass(frozen=True)
class Step:
    reads: type[BaseModel]  # the frozen model of the version this step reads
    migrate: Callable[[Data, Migrated], Data]


def _format1_to_2(data: Data, migrated: Migrated) -> Data:
    """Format 1 → 2: the relationship question got three levels, knock-outs became critical criteria.

    * ``relationship`` yes/no → ``kept`` / ``weakened`` (format 1 asked "trust kept or strengthened?");
    * ``critical_errors`` (new) → none were flagged;
    * scores: ``quality_before_knockout`` → ``quality_computed``; ``knockouts`` → ``critical`` with the
      ``zero-score`` policy (a knock-out set the score to 0); ``passed`` follows from complete and knock-outs;
      ``relationship_kept`` → ``relationship``; the score ``band`` did not exist: the checklist fills it in.
    """
    old_scores: Data = data["scores"]
    relationship = _relationship(data.get("relationship"))
    if relationship is not None:
        note = {"old": json.dumps(data["relationship"]), "new": relationship}
        migrated.notes.append(Problem(Code.RELATIONSHIP_MIGRATED, ("relationship",), note))
    knockouts = old_scores["knockouts"]
    failed = bool(knockouts)
    scores = {
        "complete": old_scores["complete"],
        "missing": old_scores["missing"],
        "quality": old_scores["quality"],
        "quality_computed": old_scores["quality_before_knockout"],
        "band": None,
        "passed": None if not old_scores["complete"] else not failed,
        "critical": {"policy": "zero-score", "failed": failed, "criteria": knockouts, "errors": []},
        "sections": old_scores["sections"],
        "compliance": old_scores["compliance"],
        "relationship": _relationship(old_scores["relationship_kept"]),
    }
    migrated.unrecorded.add("band")
    return {**data, "format_version": 2, "relationship": relationship, "critical_errors": [], "scores": scores}


def _format2_to_3(data: Data, migrated: Migrated) -> Data:
    """Format 2 → 3: the agent's response and the coach's outcome (``review``); a format-2 file has none yet.

    Nothing else changed: the answers and scores are read as they are.
    """
    return {**data, "format_version": 3, "review": None}


def _relationship(kept: bool | None) -> str | None:
    return None if kept is None else ("kept" if kept else "weakened")


STEPS: dict[int, Step] = {
    1: Step(evaluation_format1.Evaluation, _format1_to_2),
    2: Step(evaluation_format2.Evaluation, _format2_to_3),
}
"""Format version → the step that reads it and writes the next version."""
OLDEST = min(STEPS)


def migrate(data: Data) -> Migrated | Problem:
    """Bring an evaluation of an older format version to the current one, or say why it cannot be read.

    ``data`` is parsed JSON whose ``format_version`` is a supported older version (:data:`STEPS`).
    """
    found = data.get("format_version")
    assert isinstance(found, int) and found in STEPS, found
    migrated = Migrated(data, found, [Problem(Code.FORMAT_MIGRATED, (), {"found": found, "current": FORMAT_VERSION})])
    version = found
    while version < FORMAT_VERSION:
        step = STEPS[version]
        try:
            # JSON mode, as the current format is read: dates arrive as text
            checked = step.reads.model_validate(migrated.data).model_dump(mode="json")
        except ValidationError as exc:
            from .validate import problem_from_pydantic  # only a damaged old file needs it

            return problem_from_pydantic(step.reads, exc.errors()[0])
        migrated.data = step.migrate(checked, migrated)
        version += 1
    return migrated
