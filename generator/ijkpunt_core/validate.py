"""Validate a checklist document and report every problem at once.

Two passes: pydantic checks the structure (types, required and unknown keys);
when the structure holds, :func:`consistency_problems` checks what pydantic
cannot see (references between parts, unique ids, n.v.t. rules).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .checklist import ID_PATTERN, Checklist
from .problems import Path, Problem

RESERVED_IDS = frozenset({"relationship", "outcome"})


@dataclass(frozen=True)
class ChecklistResult:
    """The outcome of validating one checklist document."""

    checklist: Checklist | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.checklist is not None and not any(p.severity == "error" for p in self.problems)


def validate_checklist(data: object) -> ChecklistResult:
    """Validate raw checklist data (parsed YAML or JSON); never raises on bad input."""
    problems = consistency_problems(data)
    try:
        checklist = Checklist.model_validate(data, context={"defer_consistency": True})
    except ValidationError as exc:
        structural = [problem_from_pydantic(Checklist, e) for e in exc.errors()]
        return ChecklistResult(None, structural + problems)
    failed = any(p.severity == "error" for p in problems)
    return ChecklistResult(None if failed else checklist, problems)


def consistency_problems(data: object) -> list[Problem]:
    """Problems between parts of a checklist: references, unique ids, n.v.t. rules.

    Works on raw data and skips what is malformed (pydantic reports that), so a
    file with both kinds of mistakes gets them all in one run.
    """
    document = data if isinstance(data, dict) else {}
    return [*_scale_problems(document), *_section_problems(document)]


def _items(node: object) -> list[tuple[int, dict[str, Any]]]:
    return [(i, item) for i, item in enumerate(node) if isinstance(item, dict)] if isinstance(node, list) else []


def _text(node: dict[str, Any], key: str) -> str | None:
    """A string field, or None when it is missing or malformed (pydantic reports that)."""
    value = node.get(key)
    return value if isinstance(value, str) else None


def _mapping(node: object) -> dict[str, Any]:
    return node if isinstance(node, dict) else {}


def _scale_problems(document: dict[str, Any]) -> Iterator[Problem]:
    used = {_text(c, "scale") for _, s in _items(document.get("sections")) for _, c in _items(s.get("criteria"))}
    for scale_id, scale in _mapping(document.get("scales")).items():
        path: Path = ("scales", scale_id)
        if not isinstance(scale, dict):
            continue
        options = _items(scale.get("options"))
        seen: set[object] = set()
        for i, option in options:
            option_id = _text(option, "id")
            if option_id is not None and option_id in seen:
                yield Problem(
                    "E207",
                    f"option id '{option_id}' appears twice; give every option its own id",
                    (*path, "options", i, "id"),
                )
            seen.add(option_id)
        points = {o.get("points") for _, o in options if isinstance(o.get("points"), int | float)}
        if scale.get("type") == "options" and len(options) >= 2 and len(points) == 1:
            yield Problem(
                "E208", "all options have the same points; give the best option more points", (*path, "options")
            )
        if scale.get("type") == "grade":
            low, high, mark = scale.get("min", 1), scale.get("max", 10), scale.get("pass_mark", 6)
            if all(isinstance(v, int) for v in (low, high, mark)) and not (low < high and low <= mark <= high):
                yield Problem("E210", "need min < max and min ≤ pass_mark ≤ max", path)
        if scale_id not in used:
            yield Problem(
                "W301",
                f"scale '{scale_id}' is not used by any criterion; remove it or use it",
                path,
                severity="warning",
            )


def _section_problems(document: dict[str, Any]) -> Iterator[Problem]:
    section_ids: dict[str, int] = {}
    criterion_ids: dict[str, str | None] = {}
    scale_ids = tuple(_mapping(document.get("scales")))
    source_ids = tuple(_mapping(document.get("sources")))
    for s, section in _items(document.get("sections")):
        section_id = _text(section, "id")
        if section_id is not None and section_id in section_ids:
            yield Problem(
                "E203",
                f"section id '{section_id}' is already used by section "
                f"{section_ids[section_id] + 1}; rename one of them",
                ("sections", s, "id"),
            )
        if section_id is not None:
            section_ids.setdefault(section_id, s)
        for c, criterion in _items(section.get("criteria")):
            path: Path = ("sections", s, "criteria", c)
            criterion_id = _text(criterion, "id")
            if criterion_id in RESERVED_IDS:
                yield Problem("E209", f"'{criterion_id}' is reserved; choose another criterion id", (*path, "id"))
            if criterion_id is not None and criterion_id in criterion_ids:
                yield Problem(
                    "E202",
                    f"criterion id '{criterion_id}' is already used in section "
                    f"'{criterion_ids[criterion_id]}'; ids must be unique in a checklist",
                    (*path, "id"),
                )
            if criterion_id is not None:
                criterion_ids.setdefault(criterion_id, section_id)
            scale = _text(criterion, "scale")
            if isinstance(scale, str) and scale not in scale_ids:
                yield Problem("E201", f"unknown scale '{scale}'", (*path, "scale"), allowed=scale_ids)
            yield from _source_problems(criterion.get("sources"), (*path, "sources"), source_ids)
            na = _mapping(criterion.get("na"))
            if na.get("when") is not None and na.get("allowed") is not True:
                yield Problem(
                    "E205",
                    "`na.when` is given but `na.allowed` is not true; set allowed: true or remove when",
                    (*path, "na", "when"),
                )
            if na.get("allowed") is True and na.get("when") is None:
                yield Problem("E206", "n.v.t. is allowed: add `na.when` saying when it applies", (*path, "na"))
    relationship = _mapping(document.get("relationship"))
    yield from _source_problems(relationship.get("sources"), ("relationship", "sources"), source_ids)


def _source_problems(sources: object, path: Path, known: tuple[str, ...]) -> Iterator[Problem]:
    for k, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, str) and source not in known:
            yield Problem("E204", f"unknown source '{source}'", (*path, k), allowed=known)


# --- pydantic errors → problems -------------------------------------------------------


def problem_from_pydantic(model: type[BaseModel], error: ErrorDetails) -> Problem:
    """Translate one pydantic error into a catalogued problem with a clean document path."""
    path, target = _resolve(model, tuple(error["loc"]))
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    got = error.get("input")
    if kind == "extra_forbidden":
        allowed = tuple(target.model_fields) if target else ()
        return Problem("E101", f"unknown key '{path[-1]}'; check the spelling", path, allowed=allowed)
    if kind == "missing":
        return Problem("E102", f"required field '{path[-1]}' is missing; add it", path)
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ID_PATTERN:
            return Problem(
                "E104",
                f"malformed id {got!r}",
                path,
                allowed=("lowercase letters, digits and single hyphens, e.g. 'voorstellen-met-naam'",),
            )
        return Problem("E103", f"{got!r} has the wrong form", path, allowed=(f"pattern {ctx.get('pattern')}",))
    if kind == "string_type" and isinstance(got, int | float):
        return Problem("E103", f'{got!r} must be text; put it in quotes, e.g. "{got}"', path)
    if kind == "string_too_short":
        return Problem("E105", "text is empty; write it in Dutch", path)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "> ", "greater_than_equal": "≥ ", "less_than": "< ", "less_than_equal": "≤ "}[kind]
        limit = next(iter(ctx.values()), "")
        return Problem("E106", f"{got!r} is out of range", path, allowed=(f"a number {bound}{limit}",))
    if kind == "too_short":
        return Problem("E107", f"needs at least {ctx.get('min_length', 1)} item(s)", path)
    if kind == "literal_error":
        return Problem("E103", f"{got!r} is not allowed", path, allowed=_split_expected(str(ctx.get("expected", ""))))
    if kind == "union_tag_invalid":
        return Problem(
            "E103",
            f"type {ctx.get('tag')!r} is not allowed",
            (*path, "type"),
            allowed=_split_expected(str(ctx.get("expected_tags", ""))),
        )
    if kind == "union_tag_not_found":
        return Problem(
            "E102",
            "required field 'type' is missing; add it",
            (*path, "type"),
            allowed=_union_tags(model, tuple(error["loc"])),
        )
    return Problem("E103", f"{error['msg']} (got {got!r})", path)


def _split_expected(expected: str) -> tuple[str, ...]:
    cleaned = expected.replace(" or ", ", ")
    return tuple(p.strip().strip("'") for p in cleaned.split(",") if p.strip())


def _union_tags(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, ...]:
    members = _models_in(_annotation_at(model, loc))
    return tuple(str(typing.get_args(m.model_fields["type"].annotation)[0]) for m in members)


def _annotation_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    annotation: Any = model
    for key in loc:
        annotation = _step(annotation, key)[0]
    return annotation


def _resolve(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Path, type[BaseModel] | None]:
    """Drop pydantic's union-tag segments from `loc`; also return the model holding the last key."""
    annotation: Any = model
    path: list[str | int] = []
    holder: type[BaseModel] | None = None
    for key in loc:
        if key == "[key]":  # pydantic's marker for an error in a mapping's key, not a key itself
            continue
        models = _models_in(annotation)
        holder = models[0] if len(models) == 1 else None
        annotation, consumed = _step(annotation, key)
        if consumed:
            path.append(key)
    return tuple(path), holder


def _step(annotation: Any, key: Any) -> tuple[Any, bool]:
    """Move one loc segment into a type; False when the segment is a union tag, not a key."""
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(key))
        return (field.annotation if field else None), True
    if origin in (list, tuple):
        return typing.get_args(annotation)[0], True
    if origin is dict:
        return typing.get_args(annotation)[1], True
    if origin in (Union, types.UnionType):
        for member in typing.get_args(annotation):
            member = _unwrap(member)
            tagged = isinstance(member, type) and issubclass(member, BaseModel) and "type" in member.model_fields
            if tagged and key in typing.get_args(member.model_fields["type"].annotation):
                return member, False
        return annotation, True
    return None, True


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return annotation


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _models_in(a)]
    return []
