"""Step 1 of the build: read and validate everything into one project, keeping every diagnostic.

`ijkpunt check` runs exactly this step; `ijkpunt build` runs it and stops on
errors before anything is rendered or written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from ijkpunt_core.checklist import Channel, Checklist
from ijkpunt_core.kit import (
    Kit,
    KitContact,
    Turn,
    contact_problems,
    kit_problems,
    parse_transcript,
    transcript_privacy_problems,
)
from ijkpunt_core.problems import Code, Lang, Problem
from ijkpunt_core.text_safety import unsafe_text_problems
from ijkpunt_core.validate import validate_checklist

from .diagnostics import Diagnostic
from .documents import Loaded, Parsed, load_document, model_validator, read_text
from .example import ExampleInput, WorkedExample, worked_example
from .settings_file import SettingsFile, load_settings
from .variant_files import VariantOf, load_checklists

CHECKLIST_DIR = "checklists"
ARCHIVE_DIR = "checklists/archief"  # earlier published versions, as {id}/{hash}.json (see `ijkpunt archive`)
EXAMPLE_FILE = Path("site/examples/rekenvoorbeeld.yaml")
GUIDES_DIR = "site/pages"
KITS_DIR = "calibration_kits"
CHANNEL_ORDER = list(get_args(Channel))


@dataclass(frozen=True)
class ChecklistFile:
    """A checklist file as read: the text is published as a download, the model drives everything else."""

    file: Path
    text: str
    checklist: Checklist
    parsed: Parsed
    variant: VariantOf | None = None  # a checklist that `extends:` another: its base and what it changed


@dataclass(frozen=True)
class KitContactFile:
    """One contact of a kit: its key and its transcript, split into turns."""

    contact: KitContact
    transcript: str
    turns: list[Turn]
    audio: bytes | None = None  # the recording, published beside the kit's data


@dataclass(frozen=True)
class KitFolder:
    """A calibration kit with its contacts, checked against the checklist version it names."""

    folder: Path
    kit: Kit
    checklist: Checklist | None
    contacts: list[KitContactFile]


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
    kits: list[KitFolder] = field(default_factory=list)
    example_data: dict[str, bytes] = field(default_factory=dict)  # the dashboard's "try with example data"
    # Built in another language (load_project's `lang`): the published document of each translated version, by
    # content hash (the Dutch checklist with the texts beside it; see ijkpunt_core.translation).
    documents: dict[str, str] = field(default_factory=dict)
    settings: SettingsFile = field(default_factory=SettingsFile)  # instellingen.yaml (optional) and its logo

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


def load_project(root: Path, lang: Lang | None = None, *, untranslated: bool = True) -> Project:
    """Read and validate the project at `root`: checklists, archived versions, the worked example.

    With a `lang` other than Dutch the project comes in that language: its translations laid over the
    checklists and kits (what is not translated stays Dutch, with a warning unless `untranslated` is false).
    """
    root = root.resolve()
    diagnostics: list[Diagnostic] = []
    folder = root / CHECKLIST_DIR
    if not folder.is_dir():
        problem = Problem(Code.NOT_A_PROJECT, (), {"path": str(root)})
        return Project(root, [], [], None, [Diagnostic.at(Path(CHECKLIST_DIR), 1, problem)])
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        diagnostics.append(Diagnostic.at(Path(CHECKLIST_DIR), 1, Problem(Code.NO_CHECKLISTS)))
    archive, archive_diagnostics = _load_archive(root)
    diagnostics += archive_diagnostics
    # variants (`extends:`) are resolved against their base; every file is checked against its archived versions
    loaded_files, checklist_diagnostics = load_checklists(root, paths, archive, root / ARCHIVE_DIR)
    diagnostics += checklist_diagnostics
    files = [ChecklistFile(f.file, f.text, f.checklist, f.parsed, f.variant) for f in loaded_files]
    diagnostics += _project_problems(files)
    example, example_diagnostics = _load_example(root, [f.checklist for f in files])
    diagnostics += example_diagnostics
    kits, kit_diagnostics = _load_kits(root, [*archive, *(f.checklist for f in files)])
    diagnostics += kit_diagnostics
    from .translations import load_translations, localized  # translations imports this module

    translations, translation_diagnostics = load_translations(
        root, files, kits, lang if untranslated else None, archive
    )
    diagnostics += translation_diagnostics
    settings = load_settings(root, [f.checklist for f in files])
    diagnostics += settings.diagnostics
    ordered = sorted(diagnostics, key=lambda d: (str(d.file), d.line))
    documents = len(paths) + sum(1 + 2 * len(k.contacts) for k in kits)  # a contact is its key and its transcript
    documents += sum(t.files for t in translations) + settings.found
    project = Project(
        root,
        files,
        archive,
        example,
        ordered,
        documents,
        _read_guides(root),
        kits,
        _example_data(root),
        settings=settings,
    )
    found = next((t for t in translations if t.lang == lang), None)
    return localized(project, found) if found is not None else project


def _load_kits(root: Path, checklists: list[Checklist]) -> tuple[list[KitFolder], list[Diagnostic]]:
    """Every calibration_kits/<id>/kit.yaml with its contacts; each checked against its exact checklist version."""
    by_version = {(c.id, c.version): c for c in checklists}
    known = sorted(f"{c.id} {c.version}" for c in checklists)
    kits: list[KitFolder] = []
    diagnostics: list[Diagnostic] = []
    for kit_file in sorted((root / KITS_DIR).glob("*/kit.yaml")):
        loaded = load_document(kit_file, model_validator(Kit), display=kit_file.relative_to(root))
        diagnostics += loaded.diagnostics
        if loaded.value is None or loaded.parsed is None:
            continue
        kit, parsed = loaded.value, loaded.parsed
        if kit_file.parent.name != kit.id:
            problem = Problem(Code.KIT_FOLDER_MISMATCH, ("id",), {"expected": kit_file.parent.name})
            diagnostics.append(Diagnostic.in_document(parsed, problem))
        checklist = by_version.get((kit.checklist.id, kit.checklist.version))
        diagnostics += [Diagnostic.in_document(parsed, p) for p in kit_problems(kit, checklist, known)]
        diagnostics += [Diagnostic.in_document(parsed, p) for p in unsafe_text_problems(parsed.data)]
        contacts: list[KitContactFile] = []
        for i, contact_id in enumerate(kit.contacts):
            contact, contact_diagnostics = _load_kit_contact(root, kit_file.parent, contact_id, checklist)
            if contact is None and not contact_diagnostics:
                file = f"contacts/{contact_id}.yaml"
                missing = Problem(Code.KIT_CONTACT_MISSING, ("contacts", i), {"contact": contact_id, "file": file})
                contact_diagnostics = [Diagnostic.in_document(parsed, missing)]
            diagnostics += contact_diagnostics
            if contact is not None:
                contacts.append(contact)
        kits.append(KitFolder(kit_file.parent.relative_to(root), kit, checklist, contacts))
    return kits, diagnostics


def _load_kit_contact(
    root: Path, folder: Path, contact_id: str, checklist: Checklist | None
) -> tuple[KitContactFile | None, list[Diagnostic]]:
    path = folder / "contacts" / f"{contact_id}.yaml"
    if not path.exists():
        return None, []
    loaded = load_document(path, model_validator(KitContact), display=path.relative_to(root))
    if loaded.value is None or loaded.parsed is None:
        return None, loaded.diagnostics
    contact, parsed = loaded.value, loaded.parsed
    diagnostics = list(loaded.diagnostics)
    if contact.id != contact_id:
        mismatch = Problem(Code.FILE_NAME_MISMATCH, ("id",), {"expected": f"{contact.id}.yaml"})
        diagnostics.append(Diagnostic.in_document(parsed, mismatch))
    transcript_path = path.parent / contact.transcript
    text, unreadable = read_text(transcript_path)
    if text is None:
        assert unreadable is not None
        return None, [*diagnostics, Diagnostic.at(transcript_path.relative_to(root), 1, unreadable)]
    turns = parse_transcript(text)
    diagnostics += [Diagnostic.in_document(parsed, p) for p in unsafe_text_problems(parsed.data)]
    shown = transcript_path.relative_to(root)
    for number, text_line in enumerate(text.splitlines(), start=1):  # the same rule as every text: no HTML, web links
        diagnostics += [Diagnostic.at(shown, number, p) for p in unsafe_text_problems(text_line)]
    if checklist is not None:
        diagnostics += [Diagnostic.in_document(parsed, p) for p in contact_problems(contact, checklist, turns)]
    for finding in transcript_privacy_problems(text, contact.fictitious):
        line = int(finding.params["line"])
        params = {k: v for k, v in finding.params.items() if k != "line"}
        diagnostics.append(Diagnostic.at(shown, line, Problem(finding.code, (), params)))
    for name in ("reference_material", "registration"):  # what the evaluator reads beside the transcript
        for finding in transcript_privacy_problems(getattr(contact, name) or "", contact.fictitious):
            params = {k: v for k, v in finding.params.items() if k != "line"}
            diagnostics.append(Diagnostic.in_document(parsed, Problem(finding.code, (name,), params)))
    audio = None
    if contact.audio is not None:
        audio, problem = _read_audio(path.parent / contact.audio)
        if problem is not None:
            diagnostics.append(Diagnostic.in_document(parsed, Problem(problem.code, ("audio",), problem.params)))
    return KitContactFile(contact, text, turns, audio), diagnostics


MAX_AUDIO_BYTES = 50_000_000
"""A recording of a long call is a few megabytes; more than this does not belong in a static site."""


def _read_audio(path: Path) -> tuple[bytes | None, Problem | None]:
    if not path.is_file():
        return None, Problem(Code.FILE_NOT_FOUND)
    size = path.stat().st_size
    if size > MAX_AUDIO_BYTES:
        return None, Problem(Code.FILE_TOO_LARGE, (), {"size": size, "limit": MAX_AUDIO_BYTES})
    return path.read_bytes(), None


EXAMPLE_DATA_DIR = "examples/evaluaties-voorbeeld"
EXAMPLE_DATA_MAX = 20_000_000


def _example_data(root: Path) -> dict[str, bytes]:
    """The example evaluations the dashboard offers: the JSON Lines file and the broken files beside it.

    Not checked here: the dashboard checks them in front of the user, which is the point of the broken ones.
    """
    folder = root / EXAMPLE_DATA_DIR
    if not folder.is_dir():
        return {}
    files = sorted([*folder.glob("*.jsonl"), *(folder / "kapot").glob("kapot-*.json")])
    if sum(f.stat().st_size for f in files) > EXAMPLE_DATA_MAX:
        return {}
    return {f.name: f.read_bytes() for f in files}


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
