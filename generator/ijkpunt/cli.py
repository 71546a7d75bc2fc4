"""`ijkpunt build | serve | check | score | schemas`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ijkpunt_core.evaluate import rescore
from ijkpunt_core.evaluation import Evaluation

from .build import build, check
from .diagnostics import BuildError
from .load import load_checklist, load_checklists
from .schemas import schema_files
from .serve import make_server


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ijkpunt", description="IJkpunt: checklists → a static quality-monitoring site."
    )
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "build the site"), ("serve", "build the site and serve it locally")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--out", type=Path, default=Path("public"), help="output folder (default: public)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        if name == "serve":
            command.add_argument("--port", type=int, default=8000)
            command.add_argument("--host", default="127.0.0.1")
    check_cmd = commands.add_parser("check", help="validate every checklist and list all problems")
    check_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    score_cmd = commands.add_parser("score", help="recompute an exported evaluation and print its scores as JSON")
    score_cmd.add_argument("evaluation", type=Path)
    schemas_cmd = commands.add_parser("schemas", help="write the JSON Schemas of the formats")
    schemas_cmd.add_argument("--out", type=Path, default=Path("schemas"))
    args = parser.parse_args(argv)
    handler = {"build": _build, "serve": _serve, "check": _check, "score": _score, "schemas": _schemas}
    return handler[args.command](args)


def _build(args: argparse.Namespace) -> int:
    out = _in_project(args, args.out)
    try:
        site = build(args.project, out, strict=args.strict)
    except BuildError as exc:
        _print_problems(exc)
        return 1
    print(f"built {len(site.pages)} pages into {out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    status = _build(args)
    if status:
        return status
    out = _in_project(args, args.out)
    server = make_server(out, args.host, args.port)
    print(f"serving {out} at http://{args.host}:{server.server_address[1]}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _check(args: argparse.Namespace) -> int:
    checklists = load_checklists((args.project / "checklists").glob("*.yaml"), args.project.resolve())
    diagnostics = check(checklists, strict=True)
    errors = [d for d in diagnostics if d.is_error or args.strict]
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    total = len(checklists)
    print(f"{total} checklist(s) checked: {len(errors)} error(s), {len(diagnostics) - len(errors)} warning(s)")
    return 1 if errors else 0


def _score(args: argparse.Namespace) -> int:
    try:
        evaluation = Evaluation.model_validate_json(args.evaluation.read_bytes())
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(map(str, error["loc"])) or "(document)"
            print(f"{args.evaluation}: {where}: {error['msg']}", file=sys.stderr)
        return 2
    path = args.project / "checklists" / f"{evaluation.checklist.id}.yaml"
    if not path.exists():
        print(f"{args.evaluation}: checklist '{evaluation.checklist.id}' not found at {path}", file=sys.stderr)
        return 2
    loaded = load_checklist(path)
    if loaded.checklist is None:
        for diagnostic in loaded.diagnostics:
            print(diagnostic, file=sys.stderr)
        return 2
    result = rescore(loaded.checklist, evaluation)
    for problem in result.problems:
        print(
            f"{args.evaluation}: {'.'.join(map(str, problem.path))}: {problem.message} [{problem.code}]",
            file=sys.stderr,
        )
    if result.evaluation is not None:
        print(json.dumps(result.evaluation.scores.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 1 if any(p.severity == "error" for p in result.problems) else 0


def _schemas(args: argparse.Namespace) -> int:
    out = _in_project(args, args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


def _in_project(args: argparse.Namespace, path: Path) -> Path:
    """Relative output paths are taken from the project folder, not the shell's."""
    return path if path.is_absolute() else args.project / path


def _print_problems(exc: BuildError) -> None:
    for diagnostic in exc.diagnostics:
        print(diagnostic, file=sys.stderr)
    errors = sum(d.is_error for d in exc.diagnostics)
    print(f"build stopped: {errors} error(s), {len(exc.diagnostics) - errors} warning(s)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
