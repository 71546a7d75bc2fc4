"""Validate a checklist document and report every problem at once.

Two passes: pydantic checks the structure (types, required and unknown keys);
when the structure holds, :func:`consistency_problems` checks what pydantic
cannot see (references between parts, unique ids, n.v.t. rules).
"""

from __future__ import annotations

import itertools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .checklist import ID_PATTERN, SEMVER_PATTERN, Checklist
from .problems import Code, Param, Path, Problem
from .text_safety import unsafe_text_problems

RESERVED_IDS = frozenset({"relationship", "outcome"})


@dataclass(frozen=True)
class ChecklistResult:
    """The outcome of validating one checklist document."""

    checklist: Checklist | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.checklist is not None and not any(p.is_error for p in self.problems)


def validate_checklist(data: object) -> ChecklistResult:
    """Validate raw checklist data (parsed YAML or JSON); never raises on bad input."""
    problems = consistency_problems(data)
    try:
        checklist = Checklist.model_validate(data, context={"defer_consistency": True})
    except ValidationError as exc:
        structural = [problem_from_pydantic(Checklist, e) for e in exc.errors()]
        return ChecklistResult(None, structural + problems)
    failed = any(p.is_error for p in problems)
    return ChecklistResult(None if failed else checklist, problems)


def consistency_problems(data: object) -> list[Problem]:
    """Problems between parts of a checklist: references, unique ids, n.v.t. rules.

    Works on raw data and skips what is malformed (pydantic reports that), so a
    file with both kinds of mistakes gets them all in one run.
    """
    document = data if isinstance(data, dict) else {}
    return [
        *_scale_problems(document),
        *_section_problems(document),
        *_criterion_text_problems(document),
        *_checklist_problems(document),
        *_importance_problems(document),
        *_condition_problems(document),
        *unsafe_text_problems(document),
    ]


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
                yield Problem(Code.DUPLICATE_OPTION, (*path, "options", i, "id"), {"id": option_id})
            seen.add(option_id)
        points = {o.get("points") for _, o in options if isinstance(o.get("points"), int | float)}
        if scale.get("type") == "options" and len(options) >= 2 and len(points) == 1:
            yield Problem(Code.SCALE_WITHOUT_SPREAD, (*path, "options"))
        if scale.get("type") == "grade":
            low, high, mark = scale.get("min", 1), scale.get("max", 10), scale.get("pass_mark", 6)
            if all(isinstance(v, int) for v in (low, high, mark)) and not (low < high and low <= mark <= high):
                yield Problem(Code.GRADE_SCALE_ORDER, path)
        if scale_id not in used:
            yield Problem(Code.UNUSED_SCALE, path, {"scale": scale_id})


def _section_problems(document: dict[str, Any]) -> Iterator[Problem]:
    section_ids: dict[str, int] = {}
    criterion_ids: dict[str, str | None] = {}
    scale_ids = tuple(_mapping(document.get("scales")))
    source_ids = tuple(_mapping(document.get("sources")))
    for s, section in _items(document.get("sections")):
        section_id = _text(section, "id")
        if section_id is not None and section_id in section_ids:
            yield Problem(
                Code.DUPLICATE_SECTION, ("sections", s, "id"), {"id": section_id, "number": section_ids[section_id] + 1}
            )
        if section_id is not None:
            section_ids.setdefault(section_id, s)
        for c, criterion in _items(section.get("criteria")):
            path: Path = ("sections", s, "criteria", c)
            criterion_id = _text(criterion, "id")
            if criterion_id in RESERVED_IDS:
                yield Problem(Code.RESERVED_ID, (*path, "id"), {"id": criterion_id})
            if criterion_id is not None and criterion_id in criterion_ids:
                yield Problem(
                    Code.DUPLICATE_CRITERION,
                    (*path, "id"),
                    {"id": criterion_id, "section": criterion_ids[criterion_id] or "?"},
                )
            if criterion_id is not None:
                criterion_ids.setdefault(criterion_id, section_id)
            scale = _text(criterion, "scale")
            if isinstance(scale, str) and scale not in scale_ids:
                yield Problem(Code.UNKNOWN_SCALE, (*path, "scale"), {"scale": scale}, allowed=scale_ids)
            yield from _source_problems(criterion.get("sources"), (*path, "sources"), source_ids)
            yield from _basis_problems(criterion, path)
            yield from _anchor_problems(criterion, _mapping(document.get("scales")).get(scale or ""), path)
            na = _mapping(criterion.get("na"))
            if na.get("when") is not None and na.get("allowed") is not True:
                yield Problem(Code.NA_WHEN_WITHOUT_ALLOWED, (*path, "na", "when"))
            if na.get("allowed") is True and na.get("when") is None:
                yield Problem(Code.NA_ALLOWED_WITHOUT_WHEN, (*path, "na"))
    relationship = _mapping(document.get("relationship"))
    yield from _source_problems(relationship.get("sources"), ("relationship", "sources"), source_ids)
    if relationship:
        yield from _basis_problems(relationship, ("relationship",))


def _basis_problems(node: dict[str, Any], path: Path) -> Iterator[Problem]:
    """No source is fine only when the basis (own professional judgement) is written down."""
    if node.get("sources") == [] and not node.get("basis"):
        yield Problem(Code.MISSING_BASIS, (*path, "sources"))


def _anchor_problems(criterion: dict[str, Any], scale: object, path: Path) -> Iterator[Problem]:
    """Each option of an options scale needs its own anchor on every criterion; grade anchors are optional."""
    anchors = _mapping(criterion.get("anchors"))
    scale = _mapping(scale)
    if scale.get("type") == "options":
        option_ids = tuple(str(o.get("id")) for _, o in _items(scale.get("options")))
        if not _usable_options(option_ids):
            return  # the scale's own problems come first; anchors are checked once it holds
        for option_id in option_ids:
            if option_id not in anchors:
                yield Problem(Code.MISSING_ANCHOR, (*path, "anchors"), {"option": option_id})
        allowed = option_ids
    elif scale.get("type") == "grade":
        low, high = scale.get("min", 1), scale.get("max", 10)
        allowed = tuple(str(g) for g in range(low, high + 1)) if isinstance(low, int) and isinstance(high, int) else ()
    else:
        return
    for key in anchors:
        if key not in allowed:
            yield Problem(Code.UNKNOWN_ANCHOR, (*path, "anchors", key), {"option": key}, allowed=allowed)


def _usable_options(option_ids: tuple[str, ...]) -> bool:
    valid = all(re.fullmatch(ID_PATTERN, o) for o in option_ids)
    return len(option_ids) >= 2 and len(set(option_ids)) == len(option_ids) and valid


def _criterion_text_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Two criteria with the same title or definition score the same thing twice, or confuse the evaluator."""
    for field, code in (("title", Code.DUPLICATE_TITLE), ("definition", Code.DUPLICATE_DEFINITION)):
        seen: dict[str, str] = {}
        ids: set[str] = set()
        for s, section in _items(document.get("sections")):
            for c, criterion in _items(section.get("criteria")):
                text = _text(criterion, field)
                criterion_id = str(criterion.get("id"))
                if criterion_id in ids:
                    continue  # a repeated id is reported as such; its copied texts are the same mistake
                ids.add(criterion_id)
                if text is None:
                    continue
                key = " ".join(text.split()).casefold()
                if key in seen:
                    yield Problem(code, ("sections", s, "criteria", c, field), {"other": seen[key]})
                else:
                    seen[key] = str(criterion.get("id"))


def _checklist_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Bands, critical errors, targets and the changelog."""
    bands = _items(document.get("bands"))
    minima = [b.get("min") for _, b in bands]
    if bands and all(isinstance(m, int | float) for m in minima):
        ordered = minima[0] == 0 and all(a < b for a, b in itertools.pairwise(minima))  # type: ignore[operator]
        if not ordered:
            yield Problem(Code.BANDS_OUT_OF_ORDER, ("bands",))
    for field in ("bands", "critical_errors"):
        seen: set[str] = set()
        for i, item in _items(document.get(field)):
            item_id = _text(item, "id")
            if item_id is not None and item_id in seen:
                yield Problem(Code.DUPLICATE_ID, (field, i, "id"), {"id": item_id})
            seen.add(item_id or "")
    targets = _mapping(document.get("targets"))
    source = targets.get("source")
    known = tuple(_mapping(document.get("sources")))
    if isinstance(source, str) and source not in known:
        yield Problem(Code.UNKNOWN_SOURCE, ("targets", "source"), {"source": source}, allowed=known)
    if targets and source is None and not targets.get("basis"):
        yield Problem(Code.MISSING_BASIS, ("targets", "source"))
    changes = _items(document.get("changes"))
    version = document.get("version")
    if changes and isinstance(version, str) and changes[0][1].get("version") != version:
        yield Problem(Code.CHANGELOG_VERSION, ("changes", 0, "version"), {"version": version})


def _importance_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Importance questions: only in a survey, each about one existing quality question, one per question."""
    survey = document.get("kind") == "survey"
    located = [
        (("sections", s, "criteria", c), criterion)
        for s, section in _items(document.get("sections"))
        for c, criterion in _items(section.get("criteria"))
    ]
    questions = tuple(str(c.get("id")) for _, c in located if c.get("kind") == "quality")
    asked: dict[str, str] = {}
    for path, criterion in located:
        target = criterion.get("importance_of")
        if criterion.get("kind") != "importance":
            if target is not None:
                yield Problem(Code.IMPORTANCE_OF_NOT_ALLOWED, (*path, "importance_of"))
            continue
        if not survey:
            yield Problem(Code.IMPORTANCE_OUTSIDE_SURVEY, (*path, "kind"))
        if target is None:
            yield Problem(Code.IMPORTANCE_OF_MISSING, (*path, "importance_of"))
        elif not isinstance(target, str):
            continue  # pydantic reports the type
        elif target not in questions:
            yield Problem(Code.IMPORTANCE_OF_UNKNOWN, (*path, "importance_of"), {"target": target}, allowed=questions)
        elif target in asked:
            yield Problem(Code.IMPORTANCE_TWICE, (*path, "importance_of"), {"target": target, "other": asked[target]})
        else:
            asked[target] = str(criterion.get("id"))


def _condition_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Conditions (`applies_when`): on a known, earlier criterion with options, naming its options, no cycles."""
    located = [
        (("sections", s, "criteria", c), criterion)
        for s, section in _items(document.get("sections"))
        for c, criterion in _items(section.get("criteria"))
    ]
    position: dict[str, int] = {}
    for i, (_, criterion) in enumerate(located):
        position.setdefault(str(criterion.get("id")), i)
    # Each criterion has at most one condition: following them from a criterion either ends or runs in a circle.
    controls: dict[str, str] = {}
    for _, criterion in located:
        target = _mapping(criterion.get("applies_when")).get("criterion")
        if isinstance(target, str):
            controls.setdefault(str(criterion.get("id")), target)
    scales = _mapping(document.get("scales"))
    for i, (path, criterion) in enumerate(located):
        condition = criterion.get("applies_when")
        if not isinstance(condition, dict) or not isinstance(condition.get("criterion"), str):
            continue  # none, or malformed: pydantic reports that
        own, target = str(criterion.get("id")), condition["criterion"]
        where: Path = (*path, "applies_when", "criterion")
        cycle = _cycle(own, controls)
        if target == own:
            yield Problem(Code.CONDITION_ON_ITSELF, where)
        elif target not in position:
            earlier = tuple(str(c.get("id")) for _, c in located[:i])
            yield Problem(Code.CONDITION_UNKNOWN_CRITERION, where, {"target": target}, allowed=earlier)
        elif cycle:
            yield Problem(Code.CONDITION_CYCLE, where, {"cycle": " → ".join(cycle)})
        elif position[target] > i:
            yield Problem(Code.CONDITION_LATER, where, {"target": target})
        else:
            scale_id = _text(located[position[target]][1], "scale") or ""
            yield from _condition_option_problems(condition, target, scale_id, _mapping(scales.get(scale_id)), path)


def _cycle(start: str, controls: dict[str, str]) -> list[str]:
    """The circle of conditions `start` is on (`[a, b, a]`), or [] when following them ends somewhere."""
    chain = [start]
    while (step := controls.get(chain[-1])) is not None and step not in chain:
        chain.append(step)
    return [*chain, start] if controls.get(chain[-1]) == start and len(chain) > 1 else []


def _condition_option_problems(
    condition: dict[str, Any], target: str, scale_id: str, scale: dict[str, Any], path: Path
) -> Iterator[Problem]:
    if scale.get("type") == "grade":
        yield Problem(Code.CONDITION_ON_GRADE, (*path, "applies_when", "criterion"), {"target": target})
        return
    option_ids = tuple(str(o.get("id")) for _, o in _items(scale.get("options")))
    if scale.get("type") != "options" or not _usable_options(option_ids):
        return  # an unknown or broken scale is reported where it is used or defined
    options = condition.get("options")
    for k, option in enumerate(options if isinstance(options, list) else []):
        if isinstance(option, str) and option not in option_ids:
            yield Problem(
                Code.CONDITION_UNKNOWN_OPTION,
                (*path, "applies_when", "options", k),
                {"option": option, "target": target, "scale": scale_id},
                allowed=option_ids,
            )


def _source_problems(sources: object, path: Path, known: tuple[str, ...]) -> Iterator[Problem]:
    for k, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, str) and source not in known:
            yield Problem(Code.UNKNOWN_SOURCE, (*path, k), {"source": source}, allowed=known)


# --- pydantic errors → problems -------------------------------------------------------

# The patterns of the formats, and how to write a value that fits them (shown in messages).
_NOTATIONS = {
    SEMVER_PATTERN: "x.y.z, bijv. 1.0.0",
    r"^sha256:[0-9a-f]{64}$": "sha256: gevolgd door 64 hexadecimale tekens",
}
_BOUNDS = {"greater_than": "> ", "greater_than_equal": "≥ ", "less_than": "< ", "less_than_equal": "≤ "}
# pydantic error type → the kind of value that was expected (see messages.KINDS)
_EXPECTED = {
    "string_type": "text",
    "float_type": "number",
    "float_parsing": "number",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "bool_type": "yes_no",
    "bool_parsing": "yes_no",
    "list_type": "list",
    "dict_type": "block",
    "model_type": "block",
    "model_attributes_type": "block",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "datetime_type": "datetime",
    "datetime_parsing": "datetime",
    "datetime_from_date_parsing": "datetime",
    "none_required": "nothing",
}


def problem_from_pydantic(model: type[BaseModel], error: ErrorDetails) -> Problem:
    """Translate one pydantic error into a catalogued problem with a clean document path."""
    path, target = _resolve(model, tuple(error["loc"]))
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    got = error.get("input")
    value = shown_value(got)
    key = str(path[-1]) if path else ""
    if kind == "extra_forbidden":
        return Problem(Code.UNKNOWN_KEY, path, {"key": key}, allowed=tuple(target.model_fields) if target else ())
    if kind == "missing":
        return Problem(Code.MISSING_FIELD, path, {"key": key})
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        if pattern == ID_PATTERN:
            return Problem(Code.MALFORMED_ID, path, {"value": value})
        return Problem(Code.BAD_FORMAT, path, {"value": value, "notation": _NOTATIONS.get(pattern, pattern)})
    if kind in _EXPECTED:
        return Problem(Code.WRONG_TYPE, path, {"expected": _EXPECTED[kind], "value": value})
    if kind == "string_too_short":
        return Problem(Code.EMPTY_TEXT, path)
    if kind == "string_too_long":
        return Problem(Code.TEXT_TOO_LONG, path, {"limit": int(ctx.get("max_length", 0))})
    if kind == "finite_number":
        return Problem(Code.NOT_FINITE, path, {"value": value})
    if kind in _BOUNDS:
        return Problem(Code.OUT_OF_RANGE, path, {"value": value, "bound": f"{_BOUNDS[kind]}{_number(ctx)}"})
    if kind == "too_short":
        return Problem(Code.TOO_FEW_ITEMS, path, {"minimum": int(ctx.get("min_length", 1))})
    if kind == "too_long":
        return Problem(Code.TOO_MANY_ITEMS, path, {"maximum": int(ctx.get("max_length", 0))})
    if kind == "literal_error":
        return Problem(Code.NOT_ALLOWED_VALUE, path, {"value": value}, allowed=_split_expected(str(ctx["expected"])))
    if kind == "union_tag_invalid":
        return Problem(
            Code.UNKNOWN_TYPE,
            (*path, "type"),
            {"value": shown_value(ctx.get("tag"))},
            allowed=_split_expected(str(ctx.get("expected_tags", ""))),
        )
    if kind == "union_tag_not_found":
        return Problem(Code.MISSING_TYPE, (*path, "type"), allowed=_union_tags(model, tuple(error["loc"])))
    if kind == "json_invalid":
        return Problem(Code.JSON_SYNTAX, path, {"detail": str(ctx.get("error", error["msg"]))})
    if kind in _CUSTOM:
        return Problem(_CUSTOM[kind], path)
    return Problem(Code.INVALID_VALUE, path, {"value": value, "detail": error["msg"]})


# Error types our own validators raise (PydanticCustomError), by code.
_CUSTOM = {"one_choice": Code.ONE_CHOICE, "transfers_mismatch": Code.TRANSFERS_MISMATCH}


def _number(ctx: dict[str, Any]) -> Param:
    limit = next(iter(ctx.values()), "")
    return limit if isinstance(limit, int | float) else str(limit)


def shown_value(value: object) -> str:
    """A value as a message shows it: quoted text (shortened), numbers as written, `null`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "…"
        return "'" + " ".join(text.split()) + "'"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return type(value).__name__


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
