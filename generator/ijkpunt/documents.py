"""One loader for every document: read, parse with line numbers, validate with a core model.

Checklists, the worked example, evaluations (and later kits and settings) all
come through :func:`load_document`. It never raises on bad content: a file
that is too large, not UTF-8, holds control characters, nests too deep,
expands aliases without end, or is not valid YAML/JSON gives a diagnostic
with file and line, like every problem the core finds in a parsed document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml as pyyaml
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.problems import Path as DocPath
from ijkpunt_core.text_safety import LONG_NUMBER, MAX_DIGITS
from ijkpunt_core.validate import problem_from_pydantic

from . import yaml_tree
from .diagnostics import Diagnostic
from .yaml_tree import Lines, depth, line_of

Syntax = Literal["yaml", "json"]


@dataclass(frozen=True)
class Limits:
    """What a document may cost to read: enough for any real checklist, far from a bomb."""

    max_bytes: int = 2_000_000
    max_depth: int = 40
    max_aliases: int = 100
    max_values: int = 200_000


DEFAULT_LIMITS = Limits()
# C0 control characters other than tab, newline and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


@dataclass(frozen=True)
class Parsed:
    """A parsed document: plain data for the models, and the line of each of its parts.

    A document built on another one (a checklist variant with `extends:`) names it in `base`; a
    problem in a part it did not write itself is then placed in the base's file and line.
    """

    file: Path
    text: str
    syntax: Syntax
    data: Any
    lines: Lines = None
    base: Parsed | None = None

    def line_of(self, path: DocPath) -> int:
        return line_of(self.lines, path)

    def locate(self, path: DocPath) -> tuple[Path, int]:
        """The file and line of the document that wrote the deepest part of `path`."""
        if self.base is not None and depth(self.base.lines, path) > depth(self.lines, path):
            return self.base.locate(path)
        return self.file, self.line_of(path)


@dataclass(frozen=True)
class Loaded[T]:
    """A loaded document: its text (when readable), its model (when valid) and every diagnostic."""

    file: Path
    text: str | None
    value: T | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: Parsed | None = None

    @property
    def ok(self) -> bool:
        return self.value is not None and not any(d.is_error for d in self.diagnostics)


def load_document[T](
    path: Path,
    validate: Callable[[Parsed], tuple[T | None, list[Problem]]],
    *,
    display: Path | None = None,
    text: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Loaded[T]:
    """Read, parse and validate one document; every problem becomes a diagnostic with file and line."""
    shown = display or path
    if text is None:
        read, problem = read_text(path, limits)
        if read is None or problem is not None:
            assert problem is not None
            line = problem.params.get("line", 1)
            return Loaded(shown, None, None, [Diagnostic.at(shown, line, _without_line(problem))])
        text = read
    syntax: Syntax = "json" if path.suffix.lower() in (".json", ".jsonl") else "yaml"
    parsed, diagnostics = parse(text, shown, syntax, limits)
    if parsed is None:
        return Loaded(shown, text, None, diagnostics)
    value, problems = validate(parsed)
    diagnostics = [Diagnostic.in_document(parsed, p) for p in problems]
    return Loaded(shown, text, value, diagnostics, parsed)


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem that stops reading it (a `line` param says where)."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return None, Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": limits.max_bytes})
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(Code.FILE_NOT_FOUND)
    except OSError as exc:
        return None, Problem(Code.FILE_UNREADABLE, (), {"detail": exc.strerror or type(exc).__name__})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(Code.NOT_UTF8, (), {"position": exc.start, "line": line})
    return text, None


def parse(
    text: str, file: Path, syntax: Syntax = "yaml", limits: Limits = DEFAULT_LIMITS
) -> tuple[Parsed | None, list[Diagnostic]]:
    """Parse YAML or JSON text within the limits; the diagnostics say why not."""
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        char = f"U+{ord(control.group(0)):04X}"
        return None, [Diagnostic.at(file, line, Problem(Code.CONTROL_CHARACTER, (), {"character": char}))]
    if len(text.encode("utf-8")) > limits.max_bytes:
        size = len(text.encode("utf-8"))
        return None, [
            Diagnostic.at(file, 1, Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": limits.max_bytes}))
        ]
    if syntax == "json":
        return _parse_json(text, file, limits)
    return _parse_yaml(text, file, limits)


def _parse_yaml(text: str, file: Path, limits: Limits) -> tuple[Parsed | None, list[Diagnostic]]:
    try:
        problem = _yaml_shape_problem(text, limits)
        if problem is not None:
            return None, [Diagnostic.at(file, problem.params.get("line", 1), _without_line(problem))]
        data, lines = yaml_tree.load(text, limits.max_values)
    except ValueError:  # not a YAML error: Python refuses to turn a number of thousands of digits into an int
        return None, [_number_too_long(text, file)]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        if type(exc).__name__ == "DuplicateKeyError":
            key = _duplicate_key(str(exc.problem or exc))
            return None, [Diagnostic.at(file, line, Problem(Code.DUPLICATE_KEY, (), {"key": key}))]
        detail = " ".join(str(exc.problem or exc).split())
        return None, [Diagnostic.at(file, line, Problem(Code.YAML_SYNTAX, (), {"detail": detail}))]
    except YAMLError as exc:
        detail = " ".join(str(exc).split())
        return None, [Diagnostic.at(file, 1, Problem(Code.YAML_SYNTAX, (), {"detail": detail}))]
    except yaml_tree.TooManyValues:
        return None, [Diagnostic.at(file, 1, Problem(Code.TOO_MANY_VALUES, (), {"limit": limits.max_values}))]
    return Parsed(file, text, "yaml", data, lines), []


def _yaml_shape_problem(text: str, limits: Limits) -> Problem | None:
    """Depth and alias count from the event stream, before anything is built from it.

    The stream comes from libyaml (PyYAML's C parser), some forty times faster than ruamel's pure-Python one,
    which reads every document twice otherwise; the events' shape (nesting, aliases) is the same in YAML 1.1
    and 1.2. Text libyaml refuses is counted with ruamel's parser, so nothing ruamel accepts goes unchecked.
    """
    try:
        return _shape_problem(pyyaml.parse(text, Loader=yaml_tree.FAST_LOADER), limits)
    except pyyaml.YAMLError:
        return _shape_problem(YAML(typ="rt").parse(text), limits)


def _shape_problem(events: Iterable[Any], limits: Limits) -> Problem | None:
    depth = aliases = 0
    for event in events:
        kind = type(event).__name__
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            depth += 1
            if depth > limits.max_depth:
                return Problem(Code.TOO_DEEP, (), {"limit": limits.max_depth, "line": _event_line(event)})
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1
        elif kind == "AliasEvent":
            aliases += 1
            if aliases > limits.max_aliases:
                return Problem(Code.TOO_MANY_ALIASES, (), {"limit": limits.max_aliases, "line": _event_line(event)})
    return None


def _without_line(problem: Problem) -> Problem:
    """Readers say where with a `line` parameter; the diagnostic carries the line instead."""
    params = {k: v for k, v in problem.params.items() if k != "line"}
    return Problem(problem.code, problem.path, params, problem.allowed)


def _event_line(event: Any) -> int:
    mark = getattr(event, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 1


def _duplicate_key(problem: str) -> str:
    found = re.search(r'found duplicate key "([^"]*)"', problem)
    return found.group(1) if found else "?"


def _parse_json(text: str, file: Path, limits: Limits) -> tuple[Parsed | None, list[Diagnostic]]:
    depth_line = _json_too_deep(text, limits.max_depth)
    if depth_line:
        return None, [Diagnostic.at(file, depth_line, Problem(Code.TOO_DEEP, (), {"limit": limits.max_depth}))]
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateJsonKey as exc:
        return None, [Diagnostic.at(file, 1, Problem(Code.DUPLICATE_KEY, (), {"key": exc.key}))]
    except json.JSONDecodeError as exc:
        return None, [Diagnostic.at(file, exc.lineno, Problem(Code.JSON_SYNTAX, (), {"detail": exc.msg}))]
    except ValueError:  # not a syntax error: Python refuses to turn a number of thousands of digits into an int
        return None, [_number_too_long(text, file)]
    # JSON is YAML: its reading gives line numbers for the diagnostics
    return Parsed(file, text, "json", data, yaml_tree.lines_only(text)), []


def _number_too_long(text: str, file: Path) -> Diagnostic:
    """At the line of the first number longer than Python turns into an int (sys.get_int_max_str_digits)."""
    found = LONG_NUMBER.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else 1
    return Diagnostic.at(file, line, Problem(Code.NUMBER_TOO_LONG, (), {"limit": MAX_DIGITS}))


class _DuplicateJsonKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateJsonKey(key)
        result[key] = value
    return result


def _json_too_deep(text: str, limit: int) -> int:
    """The line where nesting first passes `limit`, or 0 (a scan outside strings, so the parser never recurses deep)."""
    depth = 0
    in_string = escaped = False
    for i, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, i) + 1
        elif char in "]}":
            depth -= 1
    return 0


def model_validator[M: BaseModel](
    model: type[M], *, strict: bool = False
) -> Callable[[Parsed], tuple[M | None, list[Problem]]]:
    """Validate a parsed document with a core model; JSON is validated from its text (strict: "1" is no number)."""

    def validate(parsed: Parsed) -> tuple[M | None, list[Problem]]:
        try:
            if parsed.syntax == "json":
                return model.model_validate_json(parsed.text, strict=strict), []
            return model.model_validate(parsed.data, strict=strict or None), []
        except ValidationError as exc:
            return None, [problem_from_pydantic(model, e) for e in exc.errors()]

    return validate
