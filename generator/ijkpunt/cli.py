"""`ijkpunt build | serve | check | score | archive | schemas`.

Every command builds a result first and prints it second: for people in
Dutch or English (`--lang`, default from the environment, else Dutch), or as
JSON (`--json`) for `check` and `score`. The exit status follows from the
report: 0 in order, 1 problems found, 2 input or installation unusable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ijkpunt_core.evaluate import format_version_problem, rescore
from ijkpunt_core.evaluation import Evaluation
from ijkpunt_core.messages import WORDS
from ijkpunt_core.problems import LANGUAGES, Code, Lang, Problem

from .build import build
from .diagnostics import BuildError, Diagnostic
from .documents import Loaded, Parsed, load_document, model_validator
from .project import ARCHIVE_DIR, CHECKLIST_DIR, archive_entries, load_project
from .reports import ChecklistMatch, Report, check_report, score_report, summary
from .schemas import schema_files
from .serve import make_server

INSTALLED_PROJECT = Path(__file__).resolve().parents[2]  # the repository this CLI was installed from

TEXT: dict[Lang, dict[str, str]] = {
    "nl": {
        "description": "IJkpunt: checklists → een statische site voor kwaliteitsmonitoring.",
        "epilog": "Exitstatus: 0 in orde, 1 problemen gevonden, 2 invoer of installatie onbruikbaar.",
        "project": "projectmap (standaard: de huidige map, anders de map waaruit IJkpunt is geïnstalleerd)",
        "lang": "taal van de meldingen: nl of en (standaard: uit de omgeving, anders nl)",
        "build": "bouw de site",
        "serve": "bouw de site en serveer hem lokaal",
        "check": "controleer alle checklists en het rekenvoorbeeld; meldt alle problemen tegelijk",
        "score": "reken een geëxporteerde beoordeling opnieuw uit",
        "archive": "bewaar de huidige versie van elke checklist in checklists/archief/",
        "schemas": "schrijf de JSON-schema's van de formaten",
        "out": "uitvoermap",
        "strict": "behandel waarschuwingen als fouten",
        "json": "druk het rapport af als JSON",
        "built": "{pages} pagina's gebouwd in {out}",
        "serving": "{out} is te zien op http://{host}:{port}/ (Ctrl+C stopt)",
        "stopped": "bouwen gestopt: {errors} fout(en), {warnings} waarschuwing(en)",
        "wrote": "geschreven: {path}",
        "kept": "al bewaard: {path}",
        "scored_with": "herberekend met {id} {version}{exact}",
        "not_exact": " (niet de versie van de beoordeling)",
    },
    "en": {
        "description": "IJkpunt: checklists → a static quality-monitoring site.",
        "epilog": "Exit status: 0 in order, 1 problems found, 2 input or installation unusable.",
        "project": "project folder (default: the current folder, else the folder IJkpunt was installed from)",
        "lang": "language of the messages: nl or en (default: from the environment, else nl)",
        "build": "build the site",
        "serve": "build the site and serve it locally",
        "check": "validate every checklist and the worked example; lists all problems at once",
        "score": "recompute an exported evaluation",
        "archive": "keep the current version of every checklist in checklists/archief/",
        "schemas": "write the JSON Schemas of the formats",
        "out": "output folder",
        "strict": "treat warnings as errors",
        "json": "print the report as JSON",
        "built": "built {pages} pages into {out}",
        "serving": "serving {out} at http://{host}:{port}/ (Ctrl+C stops)",
        "stopped": "build stopped: {errors} error(s), {warnings} warning(s)",
        "wrote": "wrote {path}",
        "kept": "already kept: {path}",
        "scored_with": "recomputed with {id} {version}{exact}",
        "not_exact": " (not the version the evaluation was made with)",
    },
}


def environment_lang(environ: dict[str, str] | None = None) -> Lang:
    """English when the environment asks for it (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else Dutch."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def parser(lang: Lang) -> argparse.ArgumentParser:
    t = TEXT[lang]
    main_parser = argparse.ArgumentParser(
        prog="ijkpunt", description=t["description"], epilog=t["epilog"], allow_abbrev=False
    )
    main_parser.add_argument("--project", type=Path, default=None, help=t["project"])
    main_parser.add_argument("--lang", choices=LANGUAGES, default=lang, help=t["lang"])
    commands = main_parser.add_subparsers(dest="command", required=True)
    for name in ("build", "serve"):
        command = commands.add_parser(name, help=t[name], description=t[name], epilog=t["epilog"])
        command.add_argument("--out", type=Path, default=Path("public"), help=f"{t['out']} (public)")
        command.add_argument("--strict", action="store_true", help=t["strict"])
        if name == "serve":
            command.add_argument("--port", type=int, default=8000)
            command.add_argument("--host", default="127.0.0.1")
    check_cmd = commands.add_parser("check", help=t["check"], description=t["check"], epilog=t["epilog"])
    check_cmd.add_argument("--strict", action="store_true", help=t["strict"])
    check_cmd.add_argument("--json", action="store_true", help=t["json"])
    score_cmd = commands.add_parser("score", help=t["score"], description=t["score"], epilog=t["epilog"])
    score_cmd.add_argument("evaluation", type=Path)
    score_cmd.add_argument("--json", action="store_true", help=t["json"])
    commands.add_parser("archive", help=t["archive"], description=t["archive"], epilog=t["epilog"])
    schemas_cmd = commands.add_parser("schemas", help=t["schemas"], description=t["schemas"], epilog=t["epilog"])
    schemas_cmd.add_argument("--out", type=Path, default=Path("schemas"), help=f"{t['out']} (schemas)")
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args_list) or environment_lang()
    args = parser(lang).parse_args(args_list)
    args.project = project_folder(args.project)
    handler = {
        "build": _build,
        "serve": _serve,
        "check": _check,
        "score": _score,
        "archive": _archive,
        "schemas": _schemas,
    }
    return handler[args.command](args)


def _lang_from(argv: list[str]) -> Lang | None:
    """--lang is needed before parsing, so that --help itself is in that language."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" else None
        if value in LANGUAGES:
            return value
    return None


def project_folder(given: Path | None) -> Path:
    """--project, else the current folder when it is a project, else the folder IJkpunt was installed from."""
    if given is not None:
        return given.resolve()
    here = Path.cwd()
    if (here / CHECKLIST_DIR).is_dir() or not (INSTALLED_PROJECT / CHECKLIST_DIR).is_dir():
        return here
    return INSTALLED_PROJECT


def _build(args: argparse.Namespace) -> int:
    out = _in_project(args, args.out)
    try:
        project, site = build(args.project, out, strict=args.strict, lang=args.lang)
    except BuildError as exc:
        _print_stopped(exc.diagnostics, args.lang)
        return 1
    for warning in project.warnings:
        print(warning.render(args.lang), file=sys.stderr)
    print(TEXT[args.lang]["built"].format(pages=len(site.pages), out=out))
    return 0


def _serve(args: argparse.Namespace) -> int:
    status = _build(args)
    if status:
        return status
    out = _in_project(args, args.out)
    server = make_server(out, args.host, args.port)
    print(TEXT[args.lang]["serving"].format(out=out, host=args.host, port=server.server_address[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _check(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    report = check_report(project.diagnostics, project.files_checked, args.strict, args.lang)
    _print_report(report, args, lambda: print(summary(report)))
    return report.exit_code


def _score(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    path = args.evaluation if args.evaluation.is_absolute() else Path.cwd() / args.evaluation
    shown = str(args.evaluation)
    loaded = load_document(path, _evaluation_validator, display=Path(shown))
    evaluation = loaded.value
    if evaluation is None:
        report = score_report(shown, loaded.diagnostics, lang, usable=False)
        _print_report(report, args, lambda: None)
        return report.exit_code
    project = load_project(args.project)
    checklist = project.versions().get(evaluation.checklist.content_hash)
    if checklist is not None and checklist.id != evaluation.checklist.id:
        checklist = None
    exact = checklist is not None
    if checklist is None:
        checklist = next((c for c in project.current() if c.id == evaluation.checklist.id), None)
    if checklist is None:
        problem = Problem(
            Code.UNKNOWN_CHECKLIST,
            ("checklist", "id"),
            {"checklist": evaluation.checklist.id},
            allowed=tuple(c.id for c in project.current()),
        )
        report = score_report(shown, [_placed(loaded, problem)], lang, usable=False)
        _print_report(report, args, lambda: None)
        return report.exit_code
    result = rescore(checklist, evaluation)
    diagnostics = [_placed(loaded, p) for p in result.problems]
    match = ChecklistMatch(
        id=checklist.id, version=checklist.version, content_hash=checklist.content_hash(), exact=exact
    )
    scores = result.evaluation.scores.model_dump(mode="json") if result.evaluation else None
    report = score_report(shown, diagnostics, lang, usable=True, checklist=match, scores=scores)

    def people() -> None:
        exact_note = "" if exact else TEXT[lang]["not_exact"]
        print(TEXT[lang]["scored_with"].format(id=match.id, version=match.version, exact=exact_note), file=sys.stderr)
        if scores is not None:
            print(json.dumps(scores, indent=2, ensure_ascii=False))

    _print_report(report, args, people)
    return report.exit_code


def _evaluation_validator(parsed: Parsed) -> tuple[Evaluation | None, list[Problem]]:
    version = format_version_problem(parsed.data)
    if version is not None:
        return None, [version]
    return model_validator(Evaluation, strict=True)(parsed)


def _placed(loaded: Loaded[Evaluation], problem: Problem) -> Diagnostic:
    if loaded.parsed is None:
        return Diagnostic.at(loaded.file, 1, problem)
    return Diagnostic.in_document(loaded.parsed, problem)


def _archive(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    if project.errors:
        _print_stopped(project.diagnostics, args.lang)
        return 1
    for name, text in archive_entries(project).items():
        path = args.project / ARCHIVE_DIR / name
        shown = path.relative_to(args.project)
        if path.exists():
            print(TEXT[args.lang]["kept"].format(path=shown))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(TEXT[args.lang]["wrote"].format(path=shown))
    return 0


def _schemas(args: argparse.Namespace) -> int:
    out = _in_project(args, args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        print(TEXT[args.lang]["wrote"].format(path=out / name))
    return 0


def _in_project(args: argparse.Namespace, path: Path) -> Path:
    """Relative output paths are taken from the project folder, not the shell's."""
    return path if path.is_absolute() else args.project / path


def _print_report(report: Report, args: argparse.Namespace, people: Callable[[], None]) -> None:
    if args.json:
        print(report.model_dump_json(indent=2))
        return
    for d in report.diagnostics:
        level = "" if d.severity == "error" else f"{WORDS[report.lang]['warning']}: "
        print(f"{d.file}:{d.line}: {d.where}: {level}{d.message} [{d.code}]", file=sys.stderr)
    people()


def _print_stopped(diagnostics: list[Diagnostic], lang: Lang) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.render(lang), file=sys.stderr)
    errors = sum(d.is_error for d in diagnostics)
    print(TEXT[lang]["stopped"].format(errors=errors, warnings=len(diagnostics) - errors), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
