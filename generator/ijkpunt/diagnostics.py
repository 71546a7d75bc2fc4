"""Problems tied to a file and line, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ijkpunt_core.problems import Problem


@dataclass(frozen=True)
class Diagnostic:
    """A core problem placed in a file: `checklists/x.yaml:12: criterion 'y' → scale: …`."""

    file: Path
    line: int
    where: str
    problem: Problem

    @property
    def is_error(self) -> bool:
        return self.problem.severity == "error"

    def __str__(self) -> str:
        allowed = f" (allowed: {', '.join(self.problem.allowed)})" if self.problem.allowed else ""
        level = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}: {self.where}: {level}{self.problem.message}{allowed} [{self.problem.code}]"


class BuildError(Exception):
    """Raised by the build when its inputs have errors; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(map(str, diagnostics)))
