"""What the CLI prints, and where: results on stdout, everything about the work on stderr.

`--quiet` keeps only problems and the results a command exists for (a report, JSON); `--verbose` adds the
steps of long work. On a terminal the steps show as they happen and problems are coloured; in a pipe, a
file or CI nothing is coloured (nor when NO_COLOR is set, https://no-color.org).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

QUIET, NORMAL, VERBOSE = -1, 0, 1

RED, YELLOW, DIM, RESET = "\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[0m"


def is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wants_colour(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Colour only on a terminal that can show it, and never when NO_COLOR is set."""
    env = os.environ if environ is None else environ
    return "NO_COLOR" not in env and env.get("TERM") != "dumb" and is_terminal(stream)


@dataclass
class Console:
    """The CLI's output, at one verbosity."""

    verbosity: int = NORMAL
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _started: float = field(default_factory=time.monotonic)

    def result(self, text: str) -> None:
        """What the command was asked for (a report, a score, JSON): always printed, on stdout."""
        print(text, file=self.out)

    def done(self, text: str) -> None:
        """The closing line of work that succeeded ('34 pages built in public'): not with --quiet."""
        if self.verbosity > QUIET:
            print(text, file=self.out)

    def note(self, text: str) -> None:
        """Something about the work the user should read, such as a warning that did not stop it."""
        if self.verbosity > QUIET:
            print(text, file=self.err)

    def problem(self, text: str, is_error: bool) -> None:
        """A diagnostic: always printed, coloured on a terminal."""
        if wants_colour(self.err):
            text = f"{RED if is_error else YELLOW}{text}{RESET}"
        print(text, file=self.err)

    def plain_problem(self, text: str) -> None:
        """A refusal with no severity of its own (a missing path, a bad option): always printed."""
        self.problem(text, is_error=True)

    @property
    def shows_steps(self) -> bool:
        return self.verbosity >= VERBOSE or (self.verbosity == NORMAL and is_terminal(self.err))

    def step(self, text: str) -> None:
        """A step of long work, with the time since the start: with --verbose, or on a terminal."""
        if not self.shows_steps:
            return
        line = f"[{time.monotonic() - self._started:5.1f} s] {text}"
        print(f"{DIM}{line}{RESET}" if wants_colour(self.err) else line, file=self.err, flush=True)
