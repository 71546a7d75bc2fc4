"""What changed between two versions of a checklist, criterion by criterion.

A draft started on one version of a checklist is never silently scored with another: the form shows this list
and asks first. Criteria are matched by id (ids are stable across versions, which is what keeps results
comparable), so a reworded criterion is "changed", not "removed and added".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .checklist import Checklist, Criterion

__all__ = ["CriterionChange", "checklist_changes"]

Aspect = Literal["title", "definition", "scale", "weight", "kind", "critical", "na", "anchors", "section"]
# what matters to someone scoring; examples, indicators and sources change the handbook, not the answer
_ASPECTS: tuple[Aspect, ...] = ("title", "definition", "scale", "weight", "kind", "critical", "na", "anchors")


class CriterionChange(BaseModel):
    """One criterion that was added, removed or changed between two versions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    change: Literal["added", "removed", "changed"]
    criterion: str
    title: str  # the new title; the old one for a removed criterion
    aspects: list[Aspect] = []  # for "changed": what changed


def checklist_changes(old: Checklist, new: Checklist) -> list[CriterionChange]:
    """Criteria added, removed or changed from ``old`` to ``new``, in the new form order (removed ones last)."""
    before = {c.id: (c, _section_of(old, c)) for c in old.criteria()}
    changes: list[CriterionChange] = []
    for criterion in new.criteria():
        if criterion.id not in before:
            changes.append(CriterionChange(change="added", criterion=criterion.id, title=criterion.title))
            continue
        previous, section = before[criterion.id]
        aspects = [a for a in _ASPECTS if _aspect(old, previous, a) != _aspect(new, criterion, a)]
        if section != _section_of(new, criterion):
            aspects.append("section")
        if aspects:
            changes.append(
                CriterionChange(change="changed", criterion=criterion.id, title=criterion.title, aspects=aspects)
            )
    kept = {c.id for c in new.criteria()}
    changes += [
        CriterionChange(change="removed", criterion=c.id, title=c.title) for c in old.criteria() if c.id not in kept
    ]
    return changes


def _aspect(checklist: Checklist, criterion: Criterion, aspect: Aspect) -> object:
    if aspect == "scale":  # the scale's content, not its id: renaming a scale changes nothing for the answer
        return checklist.scale_of(criterion).model_dump(exclude={"title"})
    if aspect == "na":
        return criterion.na.allowed
    return getattr(criterion, aspect)


def _section_of(checklist: Checklist, criterion: Criterion) -> str:
    return next(s.id for s in checklist.sections if any(c.id == criterion.id for c in s.criteria))
