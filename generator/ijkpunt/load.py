"""Read checklist YAML with line numbers and validate it with the core."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.problems import Path as DocPath
from ijkpunt_core.problems import Problem, describe_path
from ijkpunt_core.validate import validate_checklist

from .diagnostics import Diagnostic


@dataclass(frozen=True)
class LoadedChecklist:
    """A checklist file: its text, its model (when valid) and every diagnostic."""

    path: Path
    text: str
    checklist: Checklist | None
    diagnostics: list[Diagnostic]


def load_checklist(path: Path, text: str | None = None, display: Path | None = None) -> LoadedChecklist:
    """Parse and validate one checklist file; never raises on bad content."""
    text = path.read_text(encoding="utf-8") if text is None else text
    shown = display or path
    try:
        document = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        code = "E108" if type(exc).__name__ == "DuplicateKeyError" else "E100"
        message = " ".join(str(exc.problem or exc).split())
        return LoadedChecklist(path, text, None, [Diagnostic(shown, line, "(document)", Problem(code, message))])
    result = validate_checklist(plain(document))
    diagnostics = [
        Diagnostic(shown, line_of(document, p.path), describe_path(document, p.path), p) for p in result.problems
    ]
    return LoadedChecklist(path, text, result.checklist, diagnostics)


def load_checklists(paths: Iterable[Path], root: Path) -> list[LoadedChecklist]:
    """Load many files, showing paths relative to the project root."""
    return [load_checklist(p, display=p.relative_to(root)) for p in sorted(paths)]


def plain(node: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists (pydantic sees ordinary data)."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str) else k: plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def line_of(document: Any, path: DocPath) -> int:
    """1-based line of the deepest part of `path` that exists in the YAML document."""
    line = 1
    node = document
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line
