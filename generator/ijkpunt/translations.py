"""Part of step 1 of the build: read the translation files and lay them over the project for a language.

``checklists/en/<id>.yaml`` translates a checklist, ``calibration_kits/<kit>/en/kit.yaml`` a kit and
``calibration_kits/<kit>/en/contacts/<id>.yaml`` (with the transcript beside it) a kit's contact. The format and
the rules are in :mod:`ijkpunt_core.translation`. Errors in a translation file are reported in every build (they
are mistakes in the project); that a text or a file is not translated, or may be stale, only when building or
checking in that language, where it matters.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import Field

from ijkpunt_core.checklist import Checklist, Document, Text, reference
from ijkpunt_core.kit import parse_transcript, transcript_privacy_problems
from ijkpunt_core.problems import Code, Lang, Problem
from ijkpunt_core.problems import Path as DocPath
from ijkpunt_core.text_safety import unsafe_text_problems
from ijkpunt_core.translation import (
    ChecklistTranslation,
    KitContactTranslation,
    KitTranslation,
    contact_translation_problems,
    kit_translation_problems,
    published_json,
    texts_for,
    transcript_turn_problems,
    translate,
    translate_contact,
    translate_kit,
    translation_problems,
)

from .diagnostics import Diagnostic
from .documents import Parsed, load_document, model_validator, read_text

# project imports this module inside load_project, not at the top
from .project import EXAMPLE_FILE, ChecklistFile, KitContactFile, KitFolder, Project, _load_example

TRANSLATED_LANGS: tuple[Lang, ...] = ("en",)
"""The languages a project may carry texts for beside the Dutch; the folder of each is named after it."""
ONLY_IN_LANG = frozenset({Code.TRANSLATION_MISSING, Code.NOT_TRANSLATED, Code.TRANSLATION_STALE})
"""What is reported only when checking or building in the translation's language."""


@dataclass(frozen=True)
class ContactTranslation:
    translation: KitContactTranslation
    transcript: str | None  # the translated transcript, when there is one


@dataclass(frozen=True)
class KitTranslations:
    kit: KitTranslation | None
    contacts: dict[str, ContactTranslation] = field(default_factory=dict)


@dataclass(frozen=True)
class Translations:
    """Every translation file of one language that loaded (a file with errors is left out)."""

    lang: Lang
    checklists: dict[str, ChecklistTranslation] = field(default_factory=dict)
    kits: dict[str, KitTranslations] = field(default_factory=dict)
    example: list[str] = field(default_factory=list)  # the worked example's story, when translated
    files: int = 0  # translation files read, for the count `ijkpunt check` reports


class ExampleTranslation(Document):
    """site/examples/<lang>/rekenvoorbeeld.yaml: the worked example's story; its answers come from the Dutch file."""

    model_config = reference("Vertaald rekenvoorbeeld", "Het verhaal van het rekenvoorbeeld in de taal.")

    contact: Text = Field(description="Wat er in het contact gebeurde, voor de lezer van het handboek.")


def load_translations(
    root: Path, files: list[ChecklistFile], kits: list[KitFolder], lang: Lang | None, archive: list[Checklist]
) -> tuple[list[Translations], list[Diagnostic]]:
    """The translation files of every language, checked against the Dutch (current and archived versions); warnings
    only for ``lang``, and only in a project that has texts in that language."""
    current = [(f.file, f.checklist, _archived(archive, f.checklist.id)) for f in files]
    found: list[Translations] = []
    diagnostics: list[Diagnostic] = []
    for language in TRANSLATED_LANGS:
        translations, found_diagnostics = _load_language(root, language, current, kits)
        found.append(translations)
        # A project that has no texts in this language at all is not told file by file that it lacks them
        # (`--lang` also sets the language of the messages, and may come from the environment).
        started = (root / "checklists" / language).is_dir() or any((root / k.folder / language).is_dir() for k in kits)
        diagnostics += [
            d for d in found_diagnostics if d.problem.code not in ONLY_IN_LANG or (language == lang and started)
        ]
    return found, diagnostics


def _archived(archive: list[Checklist], checklist_id: str) -> dict[str, Checklist]:
    return {c.version: c for c in archive if c.id == checklist_id}


def _load_language(
    root: Path, lang: Lang, current: list[tuple[Path, Checklist, dict[str, Checklist]]], kits: list[KitFolder]
) -> tuple[Translations, list[Diagnostic]]:
    translations = Translations(lang)
    diagnostics: list[Diagnostic] = []
    by_id = {c.id: (file, c, archived) for file, c, archived in current}
    folder = root / "checklists" / lang
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        shown = path.relative_to(root)
        loaded = load_document(path, model_validator(ChecklistTranslation), display=shown)
        diagnostics += loaded.diagnostics
        if loaded.value is None or loaded.parsed is None:
            continue
        if path.stem not in by_id:
            problem = Problem(Code.TRANSLATION_WITHOUT_ORIGINAL, (), {"file": f"checklists/{path.stem}.yaml"})
            diagnostics.append(Diagnostic.at(shown, 1, problem))
            continue
        _, checklist, archived = by_id[path.stem]
        problems = translation_problems(checklist, loaded.value, archived)
        diagnostics += _placed(loaded.parsed, problems)
        if not any(p.is_error for p in problems):
            translations.checklists[path.stem] = loaded.value
    for checklist_id, (file, _, _) in sorted(by_id.items()):
        if checklist_id not in translations.checklists and not (folder / f"{checklist_id}.yaml").exists():
            params = {"id": checklist_id, "file": f"checklists/{lang}/{checklist_id}.yaml"}
            diagnostics.append(Diagnostic.at(file, 1, Problem(Code.NOT_TRANSLATED, (), params)))
    example = root / EXAMPLE_FILE.parent / lang / EXAMPLE_FILE.name
    if example.exists():
        shown = example.relative_to(root)
        story = load_document(example, model_validator(ExampleTranslation), display=shown)
        diagnostics += story.diagnostics
        if story.value is not None and story.parsed is not None:
            unsafe = list(unsafe_text_problems(story.value.model_dump()))
            diagnostics += _placed(story.parsed, unsafe)
            if not unsafe:
                translations.example.append(story.value.contact)
    else:
        params = {"id": EXAMPLE_FILE.stem, "file": (EXAMPLE_FILE.parent / lang / EXAMPLE_FILE.name).as_posix()}
        diagnostics.append(Diagnostic.at(EXAMPLE_FILE, 1, Problem(Code.NOT_TRANSLATED, (), params)))
    for k in kits:
        kit_translations, kit_diagnostics = _load_kit(root, lang, k)
        diagnostics += kit_diagnostics
        translations.kits[k.kit.id] = kit_translations
    read = [*folder.glob("*.yaml"), example] + [
        p for k in kits for p in [root / k.folder / lang / "kit.yaml", *(root / k.folder / lang / "contacts").glob("*")]
    ]
    return replace(translations, files=sum(p.is_file() for p in read)), diagnostics


def _placed(parsed: Parsed, problems: list[Problem]) -> list[Diagnostic]:
    return [Diagnostic.in_document(parsed, p) for p in problems]


def _load_kit(root: Path, lang: Lang, k: KitFolder) -> tuple[KitTranslations, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    folder = root / k.folder / lang
    kit_file = folder / "kit.yaml"
    kit_translation = None
    if kit_file.exists():
        loaded = load_document(kit_file, model_validator(KitTranslation), display=kit_file.relative_to(root))
        diagnostics += loaded.diagnostics
        if loaded.value is not None and loaded.parsed is not None:
            problems = kit_translation_problems(k.kit, loaded.value)
            diagnostics += _placed(loaded.parsed, problems)
            kit_translation = None if any(p.is_error for p in problems) else loaded.value
    else:
        params = {"id": k.kit.id, "file": (k.folder / lang / "kit.yaml").as_posix()}
        diagnostics.append(Diagnostic.at(k.folder / "kit.yaml", 1, Problem(Code.NOT_TRANSLATED, (), params)))
    contacts: dict[str, ContactTranslation] = {}
    known = {c.contact.id: c for c in k.contacts}
    contact_folder = folder / "contacts"
    for path in sorted(contact_folder.glob("*.yaml")) if contact_folder.is_dir() else []:
        shown = path.relative_to(root)
        if path.stem not in known:
            file = (k.folder / "contacts" / path.name).as_posix()
            diagnostics.append(Diagnostic.at(shown, 1, Problem(Code.TRANSLATION_WITHOUT_ORIGINAL, (), {"file": file})))
            continue
        contact_loaded = load_document(path, model_validator(KitContactTranslation), display=shown)
        diagnostics += contact_loaded.diagnostics
        translation = contact_loaded.value
        if translation is None or contact_loaded.parsed is None:
            continue
        dutch = known[path.stem]
        problems = contact_translation_problems(dutch.contact, translation)
        diagnostics += _placed(contact_loaded.parsed, problems)
        transcript, transcript_diagnostics = _transcript(
            root, contact_folder / dutch.contact.transcript, dutch, translation
        )
        diagnostics += transcript_diagnostics
        if not any(p.is_error for p in problems) and not any(d.is_error for d in transcript_diagnostics):
            contacts[path.stem] = ContactTranslation(translation, transcript)
    for contact_id in known:
        if not (contact_folder / f"{contact_id}.yaml").exists():
            params = {"id": contact_id, "file": (k.folder / lang / "contacts" / f"{contact_id}.yaml").as_posix()}
            shown = k.folder / "contacts" / f"{contact_id}.yaml"
            diagnostics.append(Diagnostic.at(shown, 1, Problem(Code.NOT_TRANSLATED, (), params)))
    return KitTranslations(kit_translation, contacts), diagnostics


def _transcript(
    root: Path, path: Path, dutch: KitContactFile, translation: KitContactTranslation
) -> tuple[str | None, list[Diagnostic]]:
    shown = path.relative_to(root)
    if not path.exists():
        missing = {"id": shown.name, "file": shown.as_posix()}
        return None, [Diagnostic.at(shown, 1, Problem(Code.NOT_TRANSLATED, (), missing))]
    text, unreadable = read_text(path)
    if text is None:
        assert unreadable is not None
        return None, [Diagnostic.at(shown, 1, unreadable)]
    numbers = [t.number for t in parse_transcript(text)]
    expected = [t.number for t in dutch.turns]
    diagnostics = [Diagnostic.at(shown, 1, p) for p in transcript_turn_problems(expected, numbers, shown.as_posix())]
    for finding in transcript_privacy_problems(text, [*dutch.contact.fictitious, *translation.fictitious]):
        line = int(finding.params["line"])
        params = {k: v for k, v in finding.params.items() if k != "line"}
        diagnostics.append(Diagnostic.at(shown, line, Problem(finding.code, (), params)))
    return text, diagnostics


# ------------------------------------------------------------------------------------------------ localizing


@dataclass(frozen=True)
class Localized:
    """What a project becomes in another language: versions by content hash, their published documents."""

    versions: dict[str, Checklist]  # content hash → the version with its texts translated (same hash)
    documents: dict[str, str]  # content hash → the published JSON: Dutch, with the translated texts beside it


def localize_checklists(
    dutch: list[Checklist], translations: Translations, bases: dict[str, Checklist] | None = None
) -> Localized:
    """Every version (current and archived) with the texts of its translation that apply to it.

    A translation applies to every version of its checklist: to each text whose Dutch equals the Dutch of the
    version it was translated from (see :mod:`ijkpunt_core.translation`). A variant (`bases`: its id → the
    Dutch base it extends) gets its base's translation by the same rule, for every text it shares with the base
    word for word; its own translation, if any, comes first.
    """
    by_version = {(c.id, c.version): c for c in dutch}
    versions: dict[str, Checklist] = {}
    documents: dict[str, str] = {}
    for c in dutch:
        texts: dict[DocPath, str | list[str]] = {}
        base = (bases or {}).get(c.id)
        inherited = translations.checklists.get(base.id) if base is not None else None
        if base is not None and inherited is not None:
            texts |= texts_for(c, inherited, by_version.get((base.id, inherited.translates.version), base))
        translation = translations.checklists.get(c.id)
        if translation is not None:
            texts |= texts_for(c, translation, by_version.get((c.id, translation.translates.version)))
        if not texts:
            continue
        versions[c.content_hash()] = translate(c, texts)
        documents[c.content_hash()] = published_json(c, texts)
    return Localized(versions, documents)


def localized_kit(k: KitFolder, translations: Translations, versions: dict[str, Checklist]) -> KitFolder:
    """The kit in the translation's language: its texts, its contacts' texts and transcripts, its checklist."""
    found = translations.kits.get(k.kit.id, KitTranslations(None))
    checklist = versions.get(k.checklist.content_hash(), k.checklist) if k.checklist is not None else None
    contacts: list[KitContactFile] = []
    for c in k.contacts:
        t = found.contacts.get(c.contact.id)
        if t is None:
            contacts.append(c)
            continue
        transcript = t.transcript if t.transcript is not None else c.transcript
        contact = translate_contact(c.contact, t.translation)
        contacts.append(replace(c, contact=contact, transcript=transcript, turns=parse_transcript(transcript)))
    return replace(k, kit=translate_kit(k.kit, found.kit), checklist=checklist, contacts=contacts)


def localized(project: Project, translations: Translations) -> Project:
    """The project in the translations' language: checklists (current and archived), kits and the worked example."""
    bases = {f.checklist.id: f.variant.base for f in project.checklists if f.variant is not None}
    found = localize_checklists([*project.archive, *(f.checklist for f in project.checklists)], translations, bases)

    def version(c: Checklist) -> Checklist:
        return found.versions.get(c.content_hash(), c)

    files = [replace(f, checklist=version(f.checklist)) for f in project.checklists]
    example = project.example
    if example is not None:  # scored again, so that its rows carry the translated titles
        example, _ = _load_example(project.root, [f.checklist for f in files])
        if example is not None and translations.example:
            example = replace(example, contact=translations.example[0])
    return replace(
        project,
        checklists=files,
        archive=[version(c) for c in project.archive],
        example=example,
        kits=[localized_kit(k, translations, found.versions) for k in project.kits],
        documents=found.documents,
    )
