"""English texts beside the Dutch: translation files for checklists and calibration kits.

A checklist stays one Dutch document. Its translation (``checklists/en/<id>.yaml``, :class:`ChecklistTranslation`)
holds prose keyed by id and nothing else: ids, scales' points, weights and conditions come from the Dutch file.
:func:`translation_problems` checks a translation against the Dutch checklist; :func:`translate` lays it over a
version of the checklist.

**The content hash stays the Dutch one.** Evaluations name the checklist by id, version and content hash; an
evaluation made on the English site must be the same record as one made on the Dutch site, so a translated
checklist keeps the hash of the Dutch checklist it was made from, and the site publishes the Dutch document
with the English texts beside it (:func:`published_json`, :func:`read_published`): the hash can be recomputed
from what is published, and the texts are laid over it again when a page reads it.

**Another version.** A translation is written from one Dutch version (``translates.version``). Laid over another
version (an archived one a kit pins, or a current one that changed since), each text is used only where the
Dutch text of that version equals the Dutch text the translation was written from; elsewhere the Dutch text
stays. So a criterion reworded since the translation shows in Dutch rather than in a stale English version, and
an archived version gets every text that did not change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from .checklist import SEMVER_PATTERN, Checklist, Document, Id, Text, reference
from .kit import Kit, KitContact
from .problems import Code, Path, Problem
from .text_safety import unsafe_text_problems

Version = Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)]
TRANSLATION_KEY = "translation"
"""The key beside the Dutch checklist in a published document that holds the texts in the site's language."""


class Translates(Document):
    """Which Dutch document a translation was written from."""

    model_config = reference("Vertaalt", "De Nederlandse checklist of kit en de versie waaruit vertaald is.")

    id: Id
    version: Version = Field(description="De Nederlandse versie waaruit de teksten vertaald zijn, bijv. `2.1.0`.")


class OptionText(Document):
    model_config = reference("Vertaald antwoord", "De vertaling van één antwoord van een schaal.")

    label: Text | None = Field(default=None, description='Tekst op het formulier, bijv. `"Yes"`.')
    description: Text | None = Field(default=None, description="Alleen als het Nederlandse antwoord er een heeft.")


class ScaleText(Document):
    model_config = reference("Vertaalde schaal", "De vertaling van een schaal; bij een cijferschaal alleen de naam.")

    title: Text | None = Field(default=None, description="Naam van de schaal.")
    options: dict[Id, OptionText] = Field(default_factory=dict, description="Per antwoord (op id).")


class BandText(Document):
    model_config = reference("Vertaalde scoreband", "De vertaling van een scoreband.")

    label: Text | None = Field(default=None, description="Naam van de band.")
    description: Text | None = Field(default=None, description="Wat een score in deze band betekent.")


class SectionText(Document):
    model_config = reference("Vertaalde sectie", "De vertaling van een sectie.")

    title: Text | None = Field(default=None, description="Naam van de sectie.")
    description: Text | None = Field(default=None, description="Alleen als de Nederlandse sectie er een heeft.")


class ExamplesText(Document):
    model_config = reference(
        "Vertaalde voorbeelden", "Evenveel voorbeelden als in het Nederlands, in dezelfde volgorde."
    )

    good: list[Text] | None = Field(default=None, description="Goede uitvoering, evenveel als in het Nederlands.")
    poor: list[Text] | None = Field(default=None, description="Onvoldoende uitvoering, evenveel als in het Nederlands.")


class CriterionText(Document):
    model_config = reference("Vertaald criterium", "De vertaling van één criterium, op id.")

    title: Text | None = Field(default=None, description="Korte naam, zoals op het formulier.")
    definition: Text | None = Field(default=None, description="Wat de beoordelaar ziet of hoort als het goed gaat.")
    anchors: dict[Id, Text] = Field(
        default_factory=dict, description="Per antwoord (dezelfde ids als in het Nederlands)."
    )
    indicators: list[Text] | None = Field(default=None, description="Evenveel als in het Nederlands.")
    examples: ExamplesText | None = Field(default=None, description="Voorbeelden van goede en onvoldoende uitvoering.")
    rationale: Text | None = Field(default=None, description="Waarom dit criterium op het formulier staat.")
    basis: Text | None = Field(default=None, description="Alleen als het Nederlandse criterium er een heeft.")
    na_when: Text | None = Field(default=None, description="De tekst van `na.when`, als het Nederlands die heeft.")


class CriticalErrorText(Document):
    model_config = reference("Vertaalde kritieke fout", "De vertaling van een kritieke fout, op id.")

    title: Text | None = Field(default=None, description="Naam op het formulier.")
    description: Text | None = Field(default=None, description="Wanneer je deze fout aanvinkt.")


class RelationshipAnchorsText(Document):
    model_config = reference("Vertaalde ankers van de relatievraag", "Wat je waarneemt bij elk van de drie antwoorden.")

    weakened: Text | None = Field(default=None, description="Verzwakt: wat je dan waarneemt.")
    kept: Text | None = Field(default=None, description="Behouden: wat je dan waarneemt.")
    strengthened: Text | None = Field(default=None, description="Versterkt: wat je dan waarneemt.")


class RelationshipText(Document):
    model_config = reference("Vertaalde relatievraag", "De vertaling van de relatievraag.")

    title: Text | None = Field(default=None, description="De vraag zoals op het formulier.")
    definition: Text | None = Field(default=None, description="Waar de vraag over gaat.")
    anchors: RelationshipAnchorsText | None = Field(
        default=None, description="Wat je waarneemt bij verzwakt, behouden en versterkt."
    )
    indicators: list[Text] | None = Field(default=None, description="Evenveel als in het Nederlands.")
    rationale: Text | None = Field(default=None, description="Waarom deze vraag op het formulier staat.")
    basis: Text | None = Field(default=None, description="Alleen als de Nederlandse relatievraag er een heeft.")


class TargetsText(Document):
    model_config = reference("Vertaalde streefwaarden", "Alleen de teksten die de Nederlandse streefwaarden hebben.")

    note: Text | None = Field(
        default=None, description="Toelichting bij de streefwaarden (als het Nederlands die heeft)."
    )
    basis: Text | None = Field(default=None, description="Waarop de waarden steunen (als het Nederlands dat zegt).")


class SourceText(Document):
    model_config = reference(
        "Vertaalde bron",
        "Alleen de toelichting: titel en uitgever blijven zoals gepubliceerd (Nederlandse documenten).",
    )

    note: Text | None = Field(default=None, description="Wat uit deze bron is gebruikt.")


class ChecklistTexts(Document):
    """The texts of one checklist version, keyed by id: what a translation of a checklist gives."""

    title: Text | None = Field(default=None, description="Naam van de checklist.")
    description: Text | None = Field(default=None, description="Inleiding voor het handboek.")
    bands: dict[Id, BandText] = Field(default_factory=dict, description="Per scoreband (op id).")
    scales: dict[Id, ScaleText] = Field(default_factory=dict, description="Per schaal (op id).")
    sections: dict[Id, SectionText] = Field(default_factory=dict, description="Per sectie (op id).")
    criteria: dict[Id, CriterionText] = Field(
        default_factory=dict, description="Elk criterium van elke sectie, plat, op id."
    )
    critical_errors: dict[Id, CriticalErrorText] = Field(default_factory=dict, description="Per kritieke fout.")
    relationship: RelationshipText | None = Field(default=None, description="De relatievraag.")
    targets: TargetsText | None = Field(default=None, description="Toelichting bij de streefwaarden.")
    changes: dict[Version, Text] = Field(default_factory=dict, description="Per versie: de samenvatting.")
    sources: dict[Id, SourceText] = Field(default_factory=dict, description="Per bron (op id): alleen `note`.")


class EarlierTexts(ChecklistTexts):
    """The texts of an archived version where its Dutch differs from the version the translation was made from."""

    model_config = reference(
        "Teksten van een eerdere versie",
        "Alleen de teksten waarvan het Nederlands in die versie anders was dan in de versie waaruit vertaald is "
        "(de andere komen uit de vertaling zelf), op dezelfde sleutels.",
    )


class ChecklistTranslation(ChecklistTexts):
    """checklists/en/<id>.yaml: the English texts of one checklist, keyed by id."""

    model_config = reference(
        "Vertaling van een checklist",
        "De Engelse teksten van een checklist (`checklists/en/<id>.yaml`), op id. Ids, schalen, punten, gewichten "
        "en voorwaarden komen uit het Nederlandse bestand. Elke sleutel mag ontbreken (de tekst blijft dan "
        "Nederlands, met een waarschuwing bij `--lang en`); een id die de Nederlandse checklist niet kent is een fout.",
    )

    translates: Translates = Field(description="De Nederlandse checklist en de versie waaruit vertaald is.")
    earlier: dict[Version, EarlierTexts] = Field(
        default_factory=dict,
        description="Per gearchiveerde versie (`checklists/archief/`), bijv. een die een kit vastpint: de teksten "
        "die in die versie anders luidden. `ijkpunt check --lang en` noemt de teksten die nog Nederlands zijn.",
    )


class KitTranslation(Document):
    """calibration_kits/<kit>/en/kit.yaml: the English texts of a kit."""

    model_config = reference(
        "Vertaling van een kit",
        "De Engelse teksten van een kalibratiekit (`calibration_kits/<kit>/en/kit.yaml`); de contacten staan in "
        "`en/contacts/<id>.yaml` met hun transcript ernaast.",
    )

    translates: Translates = Field(description="De Nederlandse kit en de versie waaruit vertaald is.")
    title: Text | None = Field(default=None, description="Naam van de kit.")
    description: Text | None = Field(default=None, description="Inleiding voor het handboek.")
    facilitator_notes: Text | None = Field(default=None, description="Voor de gespreksleider.")
    discussion_questions: list[Text] | None = Field(default=None, description="Evenveel als in het Nederlands.")


class KeyAnswerText(Document):
    model_config = reference("Vertaald sleutelantwoord", "De reden van een sleutelantwoord.")

    rationale: Text | None = Field(default=None, description="Waarom dit het antwoord is; noem het moment.")


class KitContactTranslation(Document):
    """calibration_kits/<kit>/en/contacts/<id>.yaml: the English texts of one contact; its transcript beside it."""

    model_config = reference(
        "Vertaling van een kitcontact",
        "De Engelse teksten van één contact. Het Engelse transcript staat ernaast, met dezelfde bestandsnaam en "
        "dezelfde beurtnummers als het Nederlandse.",
    )

    title: Text | None = Field(default=None, description="Korte titel voor deelnemers.")
    summary: Text | None = Field(default=None, description="Eén zin over het contact.")
    agent: Text | None = Field(default=None, description="Schuilnaam van de medewerker in het contact.")
    reference_material: Text | None = Field(
        default=None, description="Wat de beoordelaar naast het contact ziet (als het Nederlands dat heeft)."
    )
    registration: Text | None = Field(
        default=None, description="Wat de medewerker registreerde (als het Nederlands dat heeft)."
    )
    fictitious: list[Text] = Field(
        default_factory=list, description="Verzonnen waarden in het Engelse transcript, naast die van het Nederlandse."
    )
    key: dict[Id, KeyAnswerText] = Field(default_factory=dict, description="Per criterium: de reden.")
    critical_errors: dict[Id, KeyAnswerText] = Field(default_factory=dict, description="Per kritieke fout: de reden.")
    relationship: KeyAnswerText | None = Field(
        default=None, description="De reden van het antwoord op de relatievraag."
    )


# ------------------------------------------------------------------------------------------------ text slots


@dataclass(frozen=True)
class Slot:
    """One translatable text: where it is in the translation, where in the Dutch document, and its Dutch value."""

    key: Path  # in the translation, e.g. ("criteria", "groet", "title")
    target: Path  # in the Dutch document, e.g. ("sections", 0, "criteria", 2, "title")
    dutch: str | list[str]


def checklist_slots(checklist: Checklist) -> list[Slot]:
    """Every text of a checklist a translation may give, in document order."""
    data = checklist.model_dump(mode="json")
    return list(_checklist_slots(data))


def _checklist_slots(d: dict[str, Any]) -> Iterator[Slot]:
    def slot(key: Path, target: Path) -> Iterator[Slot]:
        value = _get(d, target)
        if value is not None:
            yield Slot(key, target, value)

    yield from slot(("title",), ("title",))
    yield from slot(("description",), ("description",))
    for i, band in enumerate(d["bands"]):
        for name in ("label", "description"):
            yield from slot(("bands", band["id"], name), ("bands", i, name))
    for scale_id, scale in d["scales"].items():
        yield from slot(("scales", scale_id, "title"), ("scales", scale_id, "title"))
        for j, option in enumerate(scale.get("options", [])):
            for name in ("label", "description"):
                yield from slot(
                    ("scales", scale_id, "options", option["id"], name), ("scales", scale_id, "options", j, name)
                )
    for i, section in enumerate(d["sections"]):
        for name in ("title", "description"):
            yield from slot(("sections", section["id"], name), ("sections", i, name))
        for k, criterion in enumerate(section["criteria"]):
            key: Path = ("criteria", criterion["id"])
            at: Path = ("sections", i, "criteria", k)
            for name in ("title", "definition"):
                yield from slot((*key, name), (*at, name))
            for option_id in criterion["anchors"]:
                yield from slot((*key, "anchors", option_id), (*at, "anchors", option_id))
            yield from slot((*key, "indicators"), (*at, "indicators"))
            for kind in ("good", "poor"):
                yield from slot((*key, "examples", kind), (*at, "examples", kind))
            for name in ("rationale", "basis"):
                yield from slot((*key, name), (*at, name))
            yield from slot((*key, "na_when"), (*at, "na", "when"))
    for i, error in enumerate(d["critical_errors"]):
        for name in ("title", "description"):
            yield from slot(("critical_errors", error["id"], name), ("critical_errors", i, name))
    for name in ("title", "definition"):
        yield from slot(("relationship", name), ("relationship", name))
    for answer in ("weakened", "kept", "strengthened"):
        yield from slot(("relationship", "anchors", answer), ("relationship", "anchors", answer))
    for name in ("indicators", "rationale", "basis"):
        yield from slot(("relationship", name), ("relationship", name))
    for name in ("note", "basis"):
        yield from slot(("targets", name), ("targets", name))
    for i, change in enumerate(d["changes"]):
        yield from slot(("changes", change["version"]), ("changes", i, "summary"))
    for source_id in d["sources"]:
        yield from slot(("sources", source_id, "note"), ("sources", source_id, "note"))


def kit_slots(kit: Kit) -> list[Slot]:
    data = kit.model_dump(mode="json")
    names = ("title", "description", "facilitator_notes", "discussion_questions")
    return [Slot((n,), (n,), data[n]) for n in names]


def contact_slots(contact: KitContact) -> list[Slot]:
    d = contact.model_dump(mode="json")
    names = ("title", "summary", "agent", "reference_material", "registration")
    slots = [Slot((n,), (n,), d[n]) for n in names if d[n]]
    slots += [Slot(("key", c, "rationale"), ("key", c, "rationale"), a["rationale"]) for c, a in d["key"].items()]
    slots += [
        Slot(("critical_errors", f["id"], "rationale"), ("critical_errors", i, "rationale"), f["rationale"])
        for i, f in enumerate(d["critical_errors"])
    ]
    slots.append(Slot(("relationship", "rationale"), ("relationship", "rationale"), d["relationship"]["rationale"]))
    return slots


# ------------------------------------------------------------------------------------------------ checks

_ID_LEVELS = {
    ("bands",): "band",
    ("scales",): "scale",
    ("sections",): "section",
    ("criteria",): "criterion",
    ("critical_errors",): "critical_error",
    ("changes",): "version",
    ("sources",): "source",
    ("key",): "criterion",
}
"""Where a key of a translation is an id of the Dutch document (deeper: options and anchors, by their parent)."""


def texts_of(translation: Document) -> dict[Path, str | list[str]]:
    """The texts a translation gives, by their key (``translates`` and empty parts left out)."""
    found: dict[Path, str | list[str]] = {}
    _collect(
        translation.model_dump(mode="json", exclude_none=True, exclude={"translates", "fictitious", "earlier"}),
        (),
        found,
    )
    return found


def _collect(node: Any, path: Path, found: dict[Path, str | list[str]]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _collect(value, (*path, key), found)
    elif isinstance(node, str | list):
        found[path] = node


def text_problems(slots: list[Slot], translation: Document, what: str, *, scan: bool = True) -> list[Problem]:
    """Errors of a translation against its Dutch document: ids it does not have, texts it does not have, lists
    of another length; and the warning for texts left in Dutch. ``what`` names the document in the messages;
    ``scan`` also looks for unsafe text (off for a part of a document that is scanned whole)."""
    given = texts_of(translation)
    by_key = {s.key: s for s in slots}
    prefixes = {s.key[:n] for s in slots for n in range(len(s.key) + 1)}
    problems: list[Problem] = []
    for key, value in given.items():
        slot = by_key.get(key)
        if slot is None:
            problems.append(_unknown(key, prefixes, what))
        elif isinstance(slot.dutch, list) and isinstance(value, list) and len(value) != len(slot.dutch):
            params = {"found": len(value), "expected": len(slot.dutch)}
            problems.append(Problem(Code.TRANSLATION_LIST_LENGTH, key, params))
    missing: dict[Path, list[str]] = {}
    for slot in slots:
        if slot.key not in given:
            group = slot.key[:2] if slot.key[0] in _BY_ID and len(slot.key) > 2 else slot.key[:1]
            missing.setdefault(group, []).append(".".join(map(str, slot.key[len(group) :])) or str(slot.key[-1]))
    for group, names in missing.items():
        problems.append(Problem(Code.TRANSLATION_MISSING, group, {"texts": ", ".join(names)}))
    if scan:
        problems += list(unsafe_text_problems(translation.model_dump(mode="json", exclude_none=True)))
    return problems


_BY_ID = {"bands", "scales", "sections", "criteria", "critical_errors", "sources", "key"}
"""Missing texts are reported per item of these (one warning per criterion), else per top-level key."""


def _unknown(key: Path, prefixes: set[Path], what: str) -> Problem:
    """An id the Dutch document does not have, or a text it does not have (an optional one it left out)."""
    depth = max(n for n in range(len(key) + 1) if key[:n] in prefixes)
    parent, name = key[:depth], str(key[depth])
    known = tuple(sorted({str(p[depth]) for p in prefixes if len(p) > depth and p[:depth] == parent}))
    is_id = parent in _ID_LEVELS or (depth >= 2 and parent[-1] in ("options", "anchors"))
    if is_id:
        return Problem(Code.TRANSLATION_UNKNOWN_ID, key[: depth + 1], {"id": name, "document": what}, allowed=known)
    return Problem(Code.TRANSLATION_NO_ORIGINAL, key[: depth + 1], {"key": name, "document": what})


def translation_problems(
    checklist: Checklist, translation: ChecklistTranslation, archived: Mapping[str, Checklist] | None = None
) -> list[Problem]:
    """Every problem of a checklist's translation against the current Dutch checklist, and of its texts for
    earlier versions against ``archived`` (the checklist's archived versions, by version)."""
    problems: list[Problem] = []
    ref = translation.translates
    if ref.id != checklist.id:
        params = {"found": ref.id, "expected": checklist.id}
        return [Problem(Code.TRANSLATION_OTHER_DOCUMENT, ("translates", "id"), params)]
    problems += _version_problems(ref.version, checklist.version)
    problems += text_problems(checklist_slots(checklist), translation, checklist.id)
    problems += _earlier_problems(checklist, translation, archived or {})
    return problems


def _earlier_problems(
    checklist: Checklist, translation: ChecklistTranslation, archived: Mapping[str, Checklist]
) -> Iterator[Problem]:
    """Texts for versions that are not archived, wrong texts for those that are, and the texts of an archived
    version that would still show in Dutch where its Dutch differs from the current version's (a warning)."""
    for version, texts in translation.earlier.items():
        if version not in archived:
            params = {"version": version, "id": checklist.id}
            yield Problem(Code.TRANSLATION_UNKNOWN_VERSION, ("earlier", version), params, allowed=tuple(archived))
            continue
        # unsafe text in the block is found by the scan of the whole translation, with this path
        for p in text_problems(checklist_slots(archived[version]), texts, checklist.id, scan=False):
            if p.code != Code.TRANSLATION_MISSING:
                yield replace(p, path=("earlier", version, *p.path))
    source = archived.get(translation.translates.version, checklist)
    now = {s.key: s.dutch for s in checklist_slots(checklist)}
    for version, old in archived.items():
        shown = texts_for(old, translation, source)
        # a text the current version has word for word is reported with the current version's missing texts
        left = [
            ".".join(map(str, s.key)) for s in checklist_slots(old) if s.key not in shown and now.get(s.key) != s.dutch
        ]
        if left:
            path: Path = ("earlier", version) if version in translation.earlier else ()
            yield Problem(Code.TRANSLATION_MISSING, path, {"texts": f"{version}: {', '.join(left)}"})


def _version_problems(translated: str, current: str) -> list[Problem]:
    if translated == current:
        return []
    params = {"translated": translated, "current": current}
    if _semver(translated) > _semver(current):
        return [Problem(Code.TRANSLATION_NEWER_VERSION, ("translates", "version"), params)]
    return [Problem(Code.TRANSLATION_STALE, ("translates", "version"), params)]


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def kit_translation_problems(kit: Kit, translation: KitTranslation) -> list[Problem]:
    ref = translation.translates
    if ref.id != kit.id:
        return [Problem(Code.TRANSLATION_OTHER_DOCUMENT, ("translates", "id"), {"found": ref.id, "expected": kit.id})]
    return [*_version_problems(ref.version, kit.version), *text_problems(kit_slots(kit), translation, kit.id)]


def contact_translation_problems(contact: KitContact, translation: KitContactTranslation) -> list[Problem]:
    return text_problems(contact_slots(contact), translation, contact.id)


def transcript_turn_problems(dutch: list[int], english: list[int], file: str) -> list[Problem]:
    """The key names turns by number: a translated transcript must have exactly the Dutch turn numbers."""
    if dutch == english:
        return []
    return [Problem(Code.TRANSLATION_TURNS, (), {"file": file, "expected": len(dutch), "found": len(english)})]


# ------------------------------------------------------------------------------------------------ applying


def texts_for(version: Checklist, translation: ChecklistTexts, source: Checklist | None) -> dict[Path, str | list[str]]:
    """The translated texts that apply to ``version``: each where its Dutch text equals the text it was translated
    from (``source``, the Dutch version named in ``translates``; None when that version is not known: then every
    text the version has is used), and the translation's own texts for exactly this version (``earlier``). Keys with
    an unknown id or a list of another length are left out."""
    given = texts_of(translation)
    original = {s.key: s.dutch for s in checklist_slots(source)} if source is not None else None
    found: dict[Path, str | list[str]] = {}
    for slot in checklist_slots(version):
        value = given.get(slot.key)
        if value is None or (
            isinstance(slot.dutch, list) and (not isinstance(value, list) or len(value) != len(slot.dutch))
        ):
            continue
        if original is not None and original.get(slot.key) != slot.dutch:
            continue
        found[slot.key] = value
    earlier = translation.earlier.get(version.version) if isinstance(translation, ChecklistTranslation) else None
    if earlier is not None:
        found |= texts_for(version, earlier, None)
    return found


def translate(checklist: Checklist, texts: Mapping[Path, str | list[str]]) -> Checklist:
    """The checklist with these texts laid over it (keys as in the translation), keeping its Dutch content hash."""
    if not texts:
        return checklist
    data = checklist.model_dump(mode="json")
    for slot in checklist_slots(checklist):
        if slot.key in texts:
            _set(data, slot.target, texts[slot.key])
    translated = Checklist.model_validate_json(json.dumps(data), context={"defer_consistency": True})
    # The hash names the checklist's content, which is the Dutch document: see the module's docstring. It is a
    # cached property, so the Dutch value is put where the first call would have put its own.
    translated.__dict__["_content_hash"] = checklist.content_hash()
    return translated


def published_json(checklist: Checklist, texts: Mapping[Path, str | list[str]] | None = None) -> str:
    """The published document of a checklist version: the Dutch checklist, with its texts in the site's language
    beside it under ``translation`` (a list of ``[key, text]`` pairs) when there are any."""
    if not texts:
        return checklist.model_dump_json()
    pairs = [[list(key), value] for key, value in texts.items()]
    return json.dumps({**checklist.model_dump(mode="json"), TRANSLATION_KEY: pairs}, ensure_ascii=False)


def read_published(document: str | dict[str, Any]) -> Checklist:
    """A published checklist document as the pages use it: the Dutch checklist with its published texts laid over
    it; its content hash is the Dutch one."""
    data = json.loads(document) if isinstance(document, str) else dict(document)
    pairs = data.pop(TRANSLATION_KEY, None) if isinstance(data, dict) else None
    checklist = Checklist.model_validate_json(json.dumps(data))
    if not pairs:
        return checklist
    texts: dict[Path, str | list[str]] = {tuple(key): value for key, value in pairs}
    return translate(checklist, texts)


def translate_kit(kit: Kit, translation: KitTranslation | None) -> Kit:
    if translation is None:
        return kit
    texts = texts_of(translation)
    return kit.model_copy(update={k[0]: v for k, v in texts.items() if len(k) == 1 and k[0] in Kit.model_fields})


def translate_contact(contact: KitContact, translation: KitContactTranslation | None) -> KitContact:
    if translation is None:
        return contact
    texts = texts_of(translation)
    data = contact.model_dump(mode="json")
    for slot in contact_slots(contact):
        if slot.key in texts:
            _set(data, slot.target, texts[slot.key])
    data["fictitious"] = [*contact.fictitious, *translation.fictitious]
    return KitContact.model_validate_json(json.dumps(data))


def _get(data: Any, path: Path) -> Any:
    for key in path:
        in_map = isinstance(data, dict) and key in data
        in_list = isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data)
        if not (in_map or in_list):
            return None
        data = data[key]
    return data


def _set(data: Any, path: Path, value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


__all__ = [
    "TRANSLATION_KEY",
    "ChecklistTranslation",
    "KitContactTranslation",
    "KitTranslation",
    "checklist_slots",
    "contact_translation_problems",
    "kit_translation_problems",
    "published_json",
    "read_published",
    "texts_for",
    "translate",
    "translate_contact",
    "translate_kit",
    "translation_problems",
]
