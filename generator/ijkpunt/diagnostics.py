"""Problems placed in a file and line, and how they are shown to people and machines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ijkpunt_core.messages import WORDS
from ijkpunt_core.problems import Lang, Problem, Segment, describe_segments, path_segments, render

if TYPE_CHECKING:
    from .documents import Parsed


@dataclass(frozen=True)
class Diagnostic:
    """A core problem placed in a file: `checklists/x.yaml:12: criterium 'y' → scale: … [E201]`.

    `file` is the file the problem is in; for an inherited field that is the file it was inherited from.
    """

    file: Path
    line: int
    where: tuple[Segment, ...]
    problem: Problem

    @classmethod
    def at(cls, file: Path, line: int | str | float, problem: Problem) -> Diagnostic:
        """A problem with the file as a whole or at a known line (reading and parsing)."""
        return cls(file, int(line), (), problem)

    @classmethod
    def in_document(cls, parsed: Parsed, problem: Problem) -> Diagnostic:
        """A problem inside a parsed document, placed by its path (in the file the part came from)."""
        file, line = parsed.locate(problem.path)
        return cls(file, line, path_segments(parsed.data, problem.path), problem)

    @property
    def is_error(self) -> bool:
        return self.problem.is_error

    def render(self, lang: Lang = "nl") -> str:
        """`file:line: where: [waarschuwing: ]message (toegestaan: …) [code]`."""
        where, message = describe_segments(self.where, lang), render(self.problem, lang)
        return diagnostic_line(str(self.file), self.line, where, message, self.problem.code, self.is_error, lang)

    def __str__(self) -> str:
        return self.render("nl")

    def to_json(self, lang: Lang = "nl") -> dict[str, Any]:
        return {
            "file": self.file.as_posix(),
            "line": self.line,
            "path": list(self.problem.path),
            "where": describe_segments(self.where, lang),
            "code": self.problem.code.value,
            "severity": self.problem.severity,
            "message": render(self.problem, lang),
            "params": self.problem.params,
            "allowed": list(self.problem.allowed),
        }


def diagnostic_line(file: str, line: int, where: str, message: str, code: str, is_error: bool, lang: Lang) -> str:
    """The one printed form of a diagnostic, for diagnostics and for the diagnostics of a report."""
    level = "" if is_error else f"{WORDS[lang]['warning']}: "
    return f"{file}:{line}: {where}: {level}{message} [{code}]"


class BuildError(Exception):
    """Raised when the project has errors; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(map(str, diagnostics)))
