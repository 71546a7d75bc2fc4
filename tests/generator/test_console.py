"""The CLI's output: --quiet and --verbose, options before or after the command, colour only on a terminal,
help and refusals in the user's language with the exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ijkpunt.cli import main
from ijkpunt.console import QUIET, VERBOSE, Console

from .test_cli import BROKEN, project_with

COMMANDS = ["build", "serve", "check", "score", "calibrate", "aggregate", "archive", "schemas", "example-data", "new"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_keeps_problems_and_results_only(
    tmp_path: Path, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(project_root), "schemas", "--out", str(tmp_path / "a")]) == 0
    assert "schema.json" in capsys.readouterr().out
    assert main(["--project", str(project_root), "schemas", "-q", "--out", str(tmp_path / "b")]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "b" / "evaluation.schema.json").is_file()
    assert main(["--project", str(project_root), "check", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    broken = project_with(tmp_path, project_root, BROKEN)
    assert main(["--project", str(broken), "-q", "check"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "checklists/kcc-test.yaml:21:" in err
    assert main(["--project", str(broken), "check", "-q", "--json"]) == 1  # the report asked for is a result
    assert '"exit_code": 1' in capsys.readouterr().out


def test_quiet_and_verbose_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", "-q", "-v"])
    assert stopped.value.code == 2
    assert "niet samen met" in capsys.readouterr().err


def test_common_options_work_after_the_command(project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--project", str(project_root), "--lang", "en"]) == 0
    assert "file(s) checked" in capsys.readouterr().out
    # given before the command and not after it, the first stays
    assert main(["--lang", "en", "--project", str(project_root), "check"]) == 0
    assert "file(s) checked" in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", ("gebruik:", "opties:", "Exitstatus: 0")), ("en", ("usage:", "options:", "Exit status: 0"))],
)
def test_every_command_has_help_with_its_exit_codes(
    command: str, lang: str, words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", lang, command, "--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert all(word in out for word in words), out
    assert ("--quiet" in out) and ("--verbose" in out)


@pytest.mark.parametrize(
    ("lang", "refusal"),
    [
        ("nl", "fout: argument --engine: ongeldige keuze: 'hugo'"),
        ("en", "error: argument --engine: invalid choice: 'hugo'"),
    ],
)
def test_a_bad_option_is_refused_in_the_users_language(
    lang: str, refusal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", lang, "build", "--engine", "hugo"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert refusal in err and "mkdocs" in err and "zensical" in err


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal, pipe = Terminal(), io.StringIO()
    Console(err=terminal).problem("a.yaml:3: fout", is_error=True)
    Console(err=pipe).problem("a.yaml:3: fout", is_error=True)
    assert terminal.getvalue() == "\x1b[31ma.yaml:3: fout\x1b[0m\n"
    assert pipe.getvalue() == "a.yaml:3: fout\n"
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    Console(err=plain).problem("a.yaml:3: fout", is_error=False)
    assert plain.getvalue() == "a.yaml:3: fout\n"


def test_steps_show_on_a_terminal_or_with_verbose_never_when_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # a terminal without colour still shows steps
    shown = {}
    for name, console in {
        "terminal": Console(err=Terminal()),
        "pipe": Console(err=io.StringIO()),
        "pipe, verbose": Console(VERBOSE, err=io.StringIO()),
        "terminal, quiet": Console(QUIET, err=Terminal()),
    }.items():
        console.step("pagina's maken")
        shown[name] = "pagina's maken" in console.err.getvalue()  # type: ignore[attr-defined]
    assert shown == {"terminal": True, "pipe": False, "pipe, verbose": True, "terminal, quiet": False}
