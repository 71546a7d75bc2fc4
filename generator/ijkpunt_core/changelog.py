"""A checklist's version against its archived copies: a change needs a new version and a changelog entry.

An evaluation names the version it was scored with. When a criterion is reworded but the version stays
the same, two evaluations that name the same version were scored against different texts, and the
handbook's changelog says nothing about it. The archived copy of the same version
(`checklists/archief/<id>/<hash>.json`, written by `ijkpunt archive`) shows what that version said.
"""

from __future__ import annotations

from collections.abc import Iterable

from .checklist import Checklist
from .problems import Code, Path, Problem
from .variants import text_changes

__all__ = ["version_problems"]

# what decides an answer or its weight, beside the texts (see versions.checklist_changes)
_SCORING_FIELDS = ("scale", "weight", "kind", "critical")


def version_problems(current: Checklist, archive: Iterable[Checklist]) -> list[Problem]:
    """Warnings for `current` against the archived versions of the same checklist.

    * a criterion whose text (or scale or weight) differs from the archived copy of the same version;
    * a criterion added or removed since the archived copy of the same version;
    * an archived version that has no entry in the changelog.
    """
    problems: list[Problem] = []
    own = [c for c in archive if c.id == current.id]
    logged = {change.version for change in current.changes}
    for version in sorted({c.version for c in own} - logged):
        problems.append(Problem(Code.VERSION_NOT_IN_CHANGELOG, ("changes",), {"version": version}))
    for archived in own:
        if archived.version != current.version or archived.content_hash() == current.content_hash():
            continue
        problems += _changed_criteria(current, archived)
    return problems


def _changed_criteria(current: Checklist, archived: Checklist) -> list[Problem]:
    problems: list[Problem] = []
    before = {c.id: c for c in archived.criteria()}
    kept_name = archived.content_hash().removeprefix("sha256:")[:12]
    params = {"version": current.version, "archived": kept_name}
    for s, section in enumerate(current.sections):
        for c, criterion in enumerate(section.criteria):
            path: Path = ("sections", s, "criteria", c)
            old = before.get(criterion.id)
            if old is None:
                added = {**params, "id": criterion.id, "change": "added"}
                problems.append(Problem(Code.CRITERIA_CHANGED_SAME_VERSION, (*path, "id"), added))
                continue
            changed = text_changes(old, criterion)
            changed += [f for f in _SCORING_FIELDS if getattr(old, f) != getattr(criterion, f)]
            if changed:
                key = changed[0].split(".")[0]
                problems.append(
                    Problem(
                        Code.TEXT_CHANGED_SAME_VERSION, (*path, key), {**params, "id": criterion.id, "key": changed[0]}
                    )
                )
    kept = {c.id for c in current.criteria()}
    for criterion in archived.criteria():
        if criterion.id not in kept:
            removed = {**params, "id": criterion.id, "change": "removed"}
            problems.append(Problem(Code.CRITERIA_CHANGED_SAME_VERSION, ("version",), removed))
    return problems
