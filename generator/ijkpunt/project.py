"""Step 1 of the build: read and validate everything into one project, keeping every diagnostic.

`ijkpunt check` runs exactly this step; `ijkpunt build` runs it and stops on
errors before anything is rendered or written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from ijkpunt_core.checklist import Channel, Checklist
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.validate import validate_checklist

from .diagnostics import Diagnostic
from .documents import Loaded, Parsed, load_document, model_validator
from .example import ExampleInput, WorkedExample, worked_example

CHECKLIST_DIR = "checklists"
ARCHIVE_DIR = "checklists/archief"  # earlier published versions, as {id}/{hash}.json (see `ijkpunt archive`)
EXAMPLE_FILE = Path("site/examples/rekenvoorbeeld.yaml")
GUIDES_DIR = "site/pages"
CHANNEL_ORDER = list(get_args(Channel))


@dataclass(frozen=True)
class ChecklistFile:
    """A checklist file as read: the text is published as a download, the model drives everything else."""

    file: Path
    text: str
    checklist: Checklist
    parsed: Parsed


@dataclass(frozen=True)
class Project:
    """Everything the site is made from, validated."""

    root: Path
    checklists: list[ChecklistFile]
    archive: list[Checklist]
    example: WorkedExample | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    guides: dict[str, dict[str, str]] = field(default_factory=dict)  # language → page name → Markdown

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def stops(self, strict: bool = False) -> bool:
        """Whether the build must stop: errors, or warnings too when strict."""
        return bool(self.errors or (strict and self.warnings))

    def current(self) -> list[Checklist]:
        """The current checklists, in the order of the site: by channel, then id."""
        return sorted((f.checklist for f in self.checklists), key=lambda c: (CHANNEL_ORDER.index(c.channel), c.id))

    def versions(self) -> dict[str, Checklist]:
        """Every published version (current and archived) by content hash."""
        return {c.content_hash(): c for c in [*self.archive, *self.current()]}


def validate_checklist_document(parsed: Parsed) -> tuple[Checklist | None, list[Problem]]:
    result = validate_checklist(parsed.data)
    return result.checklist, result.problems


def load_checklist_file(path: Path, root: Path | None = None, text: str | None = None) -> Loaded[Checklist]:
    """One checklist file, loaded and validated; shown relative to `root` when given."""
    display = path.relative_to(root) if root is not None else path
    return load_document(path, validate_checklist_document, display=display, text=text)


def load_project(root: Path) -> Project:
    """Read and validate the project at `root`: checklists, archived versions, the worked example."""
    root = root.resolve()
    diagnostics: list[Diagnostic] = []
    folder = root / CHECKLIST_DIR
    if not folder.is_dir():
        problem = Problem(Code.NOT_A_PROJECT, (), {"path": str(root)})
        return Project(root, [], [], None, [Diagnostic.at(Path(CHECKLIST_DIR), 1, problem)])
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        diagnostics.append(Diagnostic.at(Path(CHECKLIST_DIR), 1, Problem(Code.NO_CHECKLISTS)))
    files: list[ChecklistFile] = []
    for path in paths:
        loaded = load_checklist_file(path, root)
        diagnostics += loaded.diagnostics
        if loaded.ok and loaded.value is not None and loaded.text is not None and loaded.parsed is not None:
            files.append(ChecklistFile(loaded.file, loaded.text, loaded.value, loaded.parsed))
    diagnostics += _project_problems(files)
    archive, archive_diagnostics = _load_archive(root)
    diagnostics += archive_diagnostics
    example, example_diagnostics = _load_example(root, [f.checklist for f in files])
    diagnostics += example_diagnostics
    ordered = sorted(diagnostics, key=lambda d: (str(d.file), d.line))
    return Project(root, files, archive, example, ordered, len(paths), _read_guides(root))


def _read_guides(root: Path) -> dict[str, dict[str, str]]:
    """Hand-written handbook pages, one Markdown file per language (site/pages/{lang}/{name}.md)."""
    return (
        {
            folder.name: {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}
            for folder in sorted((root / GUIDES_DIR).iterdir())
            if folder.is_dir()
        }
        if (root / GUIDES_DIR).is_dir()
        else {}
    )


def _project_problems(files: list[ChecklistFile]) -> list[Diagnostic]:
    diagnostics = []
    owners: dict[str, Path] = {}
    for f in files:
        other = owners.setdefault(f.checklist.id, f.file)
        if other != f.file:
            problem = Problem(Code.DUPLICATE_CHECKLIST, ("id",), {"id": f.checklist.id, "other": other.name})
            diagnostics.append(Diagnostic.in_document(f.parsed, problem))
        expected = f"{f.checklist.id}.yaml"
        if f.file.name != expected:
            problem = Problem(Code.FILE_NAME_MISMATCH, ("id",), {"expected": expected})
            diagnostics.append(Diagnostic.in_document(f.parsed, problem))
    return diagnostics


def _load_archive(root: Path) -> tuple[list[Checklist], list[Diagnostic]]:
    """Earlier versions kept as JSON, named by their content hash; a file whose name lies is an error."""
    versions: list[Checklist] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted((root / ARCHIVE_DIR).glob("*/*.json")):
        loaded = load_document(path, model_validator(Checklist, strict=True), display=path.relative_to(root))
        diagnostics += loaded.diagnostics
        if loaded.value is None:
            continue
        expected = loaded.value.content_hash().removeprefix("sha256:")
        if path.stem != expected or path.parent.name != loaded.value.id:
            problem = Problem(Code.ARCHIVE_MISMATCH, (), {"expected": f"{loaded.value.id}/{expected}.json"})
            diagnostics.append(Diagnostic.at(loaded.file, 1, problem))
            continue
        versions.append(loaded.value)
    return versions, diagnostics


def _load_example(root: Path, checklists: list[Checklist]) -> tuple[WorkedExample | None, list[Diagnostic]]:
    path = root / EXAMPLE_FILE  # required: the handbook's page on scoring is built around it
    loaded = load_document(path, model_validator(ExampleInput), display=EXAMPLE_FILE)
    if loaded.value is None or loaded.parsed is None:
        return None, loaded.diagnostics
    if not checklists:  # nothing to score against; the checklists' own errors say why
        return None, loaded.diagnostics
    example, problems = worked_example(loaded.value, checklists)
    return example, [*loaded.diagnostics, *(Diagnostic.in_document(loaded.parsed, p) for p in problems)]


def archive_entries(project: Project) -> dict[str, str]:
    """`{id}/{hash}.json` → canonical JSON text for every current checklist, for `ijkpunt archive`."""
    return {
        f"{c.id}/{c.content_hash().removeprefix('sha256:')}.json": c.model_dump_json(indent=1) + "\n"
        for c in project.current()
    }
