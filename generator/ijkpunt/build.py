"""The build, top to bottom: load → validate → render → assemble.

`read_sources` does all reading, `compile_site` is pure (models in, files
out) and `assemble` is the only step that writes: it builds into a staging
folder next to the output and swaps it in, so a failed build never leaves a
half-written site behind.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml  # PyYAML ships with mkdocs; mkdocs.yml holds no tags, so safe_load is enough
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from pydantic import Field, ValidationError
from ruamel.yaml import YAML

from ijkpunt_core.checklist import Channel, Checklist, Id, Strict
from ijkpunt_core.evaluate import answer_problems
from ijkpunt_core.evaluation import Answer, Draft, Evaluation, Outcome
from ijkpunt_core.problems import CATALOGUE, Problem, describe_path
from ijkpunt_core.scoring import score
from ijkpunt_core.validate import problem_from_pydantic

from . import reference
from .diagnostics import BuildError, Diagnostic
from .load import LoadedChecklist, line_of, load_checklists, plain
from .render import Renderer, WorkedExample, example_rows
from .schemas import schema_files
from .vendor import CORE_NAME, RUNTIME_FILES, Wheel, core_wheel, lock_file, pinned_versions

ASSETS = "assets/ijkpunt"
EXAMPLE_FILE = Path("site/examples/rekenvoorbeeld.yaml")
WATCHDOG_SECONDS = 45  # a cold start takes 2–5 s; far slower means the runtime is not coming
CHANNEL_ORDER = list(get_args(Channel))


@dataclass(frozen=True)
class Sources:
    """Everything the build reads, read once."""

    root: Path
    checklists: list[LoadedChecklist]
    example: object
    mkdocs_config: dict[str, Any]
    assets: dict[str, bytes]
    web_config: bytes
    runtime: dict[str, bytes]
    runtime_lock: dict[str, Any]
    wheels: list[Wheel]

    @property
    def templates(self) -> Path:
        return self.root / "site" / "templates"


@dataclass
class Site:
    """The compiled site: Markdown pages for mkdocs and files copied as they are."""

    pages: dict[str, str] = field(default_factory=dict)
    docs_files: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)


def read_sources(root: Path) -> Sources:
    """Read the project: checklists, templates' data, runtime and wheels."""
    root = root.resolve()
    runtime_dir = root / "node_modules" / "pyodide"
    wheel_dir = root / ".cache" / "browser-wheels"
    missing = [p for p in (runtime_dir, wheel_dir) if not p.is_dir()]
    if missing:
        raise FileNotFoundError(f"{', '.join(map(str, missing))} not found: run `make install` first")
    requirements = (root / "site" / "browser-requirements.txt").read_text(encoding="utf-8")
    pins = pinned_versions(requirements)
    wheels = [Wheel(p.name, p.read_bytes()) for p in sorted(wheel_dir.glob("*.whl"))]
    found = {w.file_name.split("-")[0].replace("_", "-").lower() for w in wheels}
    if found != set(pins):
        raise FileNotFoundError(
            f"{wheel_dir} holds {sorted(found)}, site/browser-requirements.txt pins {sorted(pins)}: run `make install`"
        )
    wheels.append(core_wheel(root / "generator" / "ijkpunt_core", pins))
    return Sources(
        root=root,
        checklists=load_checklists((root / "checklists").glob("*.yaml"), root),
        example=YAML(typ="rt").load((root / EXAMPLE_FILE).read_text(encoding="utf-8")),
        mkdocs_config=yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")),
        assets={p.name: p.read_bytes() for p in sorted((root / "site" / "assets").iterdir()) if p.is_file()},
        web_config=(root / "site" / "web.config").read_bytes(),
        runtime={name: (runtime_dir / name).read_bytes() for name in RUNTIME_FILES},
        runtime_lock=json.loads((runtime_dir / "pyodide-lock.json").read_text(encoding="utf-8")),
        wheels=wheels,
    )


def check(checklists: list[LoadedChecklist], strict: bool = False) -> list[Diagnostic]:
    """Every diagnostic of the checklists; errors (and warnings when strict) stop the build."""
    diagnostics = [d for loaded in checklists for d in loaded.diagnostics]
    ids: dict[str, Path] = {}
    for loaded in checklists:
        if loaded.checklist is None:
            continue
        other = ids.setdefault(loaded.checklist.id, loaded.path)
        if other != loaded.path:
            diagnostics.append(
                Diagnostic(
                    loaded.path,
                    1,
                    "id",
                    Problem(
                        "E202", f"checklist id '{loaded.checklist.id}' is also used by {other.name}; ids must be unique"
                    ),
                )
            )
        expected = f"{loaded.checklist.id}.yaml"
        if loaded.path.name != expected:
            diagnostics.append(
                Diagnostic(
                    loaded.path,
                    1,
                    "id",
                    Problem("E103", f"file name should match the checklist id: rename the file to {expected}"),
                )
            )
    return sorted((d for d in diagnostics if d.is_error or strict), key=lambda d: (str(d.file), d.line))


def compile_site(sources: Sources) -> Site:
    """Render every page and file of the site; reads nothing but the templates, writes nothing."""
    checklists = sorted(
        (loaded.checklist for loaded in sources.checklists if loaded.checklist is not None),
        key=lambda c: (CHANNEL_ORDER.index(c.channel), c.id),
    )
    renderer = Renderer(sources.templates)
    site = Site()
    site.pages["index.md"] = renderer.render("home.md.j2", checklists=checklists)
    for loaded in sources.checklists:
        c = loaded.checklist
        assert c is not None  # check() ran first
        site.pages[f"handboek/{c.id}.md"] = renderer.render("checklist.md.j2", c=c, content_hash=c.content_hash())
        site.pages[f"scoren/{c.id}.md"] = renderer.render(
            "form.md.j2",
            c=c,
            watchdog_seconds=WATCHDOG_SECONDS,
            data_url=f"../../data/{c.id}.json",
            handbook_url=f"../../handboek/{c.id}/",
        )
        site.docs_files[f"downloads/{c.id}.yaml"] = loaded.text.encode("utf-8")
        site.files[f"data/{c.id}.json"] = c.model_dump_json(indent=None).encode("utf-8")
    example = worked_example(checklists, sources.example)
    site.pages["handboek/scores.md"] = renderer.render(
        "scores.md.j2", ex=example, section_titles={s.id: s.title for s in example.checklist.sections}
    )
    site.pages["handboek/formaat.md"] = renderer.render(
        "reference.md.j2", formats=format_reference(), catalogue=CATALOGUE
    )
    site.pages["downloads.md"] = renderer.render("downloads.md.j2", checklists=checklists)
    for name, text in schema_files().items():
        site.docs_files[f"downloads/{name}"] = text.encode("utf-8")
    for name, data in sources.assets.items():
        site.docs_files[f"{ASSETS}/{name}"] = data
    site.files["web.config"] = sources.web_config
    for name, data in sources.runtime.items():
        site.files[f"pyodide/{name}"] = data
    for wheel in sources.wheels:
        site.files[f"pyodide/{wheel.file_name}"] = wheel.data
    lock = lock_file(sources.runtime_lock, sources.wheels)
    assert CORE_NAME in lock["packages"]
    site.files["pyodide/pyodide-lock.json"] = json.dumps(lock, indent=1).encode("utf-8")
    site.nav = [
        {"Home": "index.md"},
        {
            "Handboek": [{c.title: f"handboek/{c.id}.md"} for c in checklists]
            + [{"Hoe scores worden berekend": "handboek/scores.md"}, {"Formaat voor auteurs": "handboek/formaat.md"}]
        },
        {"Scoren": [{c.title: f"scoren/{c.id}.md"} for c in checklists]},
        {"Downloads": "downloads.md"},
    ]
    return site


class ExampleInput(Strict):
    """site/examples/rekenvoorbeeld.yaml: the answers of the handbook's worked example."""

    checklist: Id
    answers: dict[Id, Answer]
    relationship: bool
    outcome: Outcome
    knockout: Id = Field(description="A knock-out criterion shown failing in the second half of the example.")
    knockout_option: Id


def worked_example(checklists: list[Checklist], data: object) -> WorkedExample:
    """The handbook's worked example, scored by the core; BuildError if the example does not fit."""

    def fail(problems: list[Problem]) -> BuildError:
        return BuildError(
            [Diagnostic(EXAMPLE_FILE, line_of(data, p.path), describe_path(data, p.path), p) for p in problems]
        )

    try:
        example = ExampleInput.model_validate(plain(data))
    except ValidationError as exc:
        raise fail([problem_from_pydantic(ExampleInput, e) for e in exc.errors()]) from exc
    checklist = next((c for c in checklists if c.id == example.checklist), None)
    if checklist is None:
        raise fail(
            [
                Problem(
                    "E406",
                    f"unknown checklist '{example.checklist}'",
                    ("checklist",),
                    allowed=tuple(c.id for c in checklists),
                )
            ]
        )
    knockout = checklist.criterion(example.knockout)
    draft = Draft(id=str(uuid.UUID(int=0)), answers=example.answers)
    problems = answer_problems(checklist, draft)
    if knockout is None or not knockout.knockout:
        problems.append(Problem("E103", f"'{example.knockout}' is not a knock-out criterion", ("knockout",)))
    missing = [c.id for c in checklist.criteria() if c.id not in example.answers]
    if missing:
        problems.append(Problem("E102", f"answer every criterion; missing: {', '.join(missing)}", ("answers",)))
    if problems or knockout is None:
        raise fail(problems)
    scores = score(checklist, example.answers, example.relationship, example.outcome)
    fallen = {**example.answers, knockout.id: Answer(option=example.knockout_option)}
    return WorkedExample(
        checklist=checklist,
        rows=example_rows(checklist, example.answers),
        scores=scores,
        knockout_scores=score(checklist, fallen, example.relationship, example.outcome),
        knockout_criterion=knockout,
    )


def format_reference() -> list[dict[str, Any]]:
    return [
        {
            "title": "Checklist",
            "prefix": "checklist-",
            "intro": "Het bestand als geheel en de onderdelen ervan.",
            "tables": reference.model_tables(Checklist),
        },
        {
            "title": "Evaluatie (export)",
            "prefix": "evaluatie-",
            "intro": "Wat het scoreformulier exporteert. De scores berekent IJkpunt zelf; "
            "je vult ze nooit met de hand in.",
            "tables": reference.model_tables(Evaluation),
        },
    ]


def assemble(site: Site, sources: Sources, out: Path) -> None:
    """Write the site: pages through mkdocs, then the other files; swap into `out` at the end."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".ijkpunt-build-", dir=out.parent) as tmp:
        work = Path(tmp)
        docs, staged = work / "docs", work / "site"
        for name, text in site.pages.items():
            _write(docs / name, text.encode("utf-8"))
        for name, data in site.docs_files.items():
            _write(docs / name, data)
        theme = dict(sources.mkdocs_config.get("theme", {}))
        if "custom_dir" in theme:  # the config is written elsewhere, so relative paths must be resolved here
            theme["custom_dir"] = str(sources.root / theme["custom_dir"])
        config = {
            **sources.mkdocs_config,
            "theme": theme,
            "docs_dir": str(docs),
            "site_dir": str(staged),
            "nav": site.nav,
        }
        config_file = work / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        mkdocs_build(load_config(config_file=str(config_file)))
        for name, data in site.files.items():
            _write(staged / name, data)
        old = work / "previous"
        if out.exists():
            out.rename(old)
        staged.rename(out)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build(root: Path, out: Path, strict: bool = False) -> Site:
    """Build the whole site from the project at `root` into `out`."""
    sources = read_sources(root)
    problems = check(sources.checklists, strict)
    if problems:
        raise BuildError(problems)
    site = compile_site(sources)
    assemble(site, sources, out)
    return site
