"""Variants: a checklist that `extends:` another one and says only what it does differently.

A municipality adapts a standard checklist (say `kcc-telefoon`) without copying it: the variant file
names its base and lists, keyed by id, the criteria it removes, the weights and texts it changes, and
the criteria and sections it adds. Everything else is inherited, so the shared criteria keep their ids
and their meaning, and results stay comparable with every other municipality on the same standard.

What a variant may change on a shared criterion, and why:

* its texts (title, definition, anchors, indicators, examples, rationale, sources, basis, `na.when`):
  they explain the same measurement in the municipality's own words;
* its weight, when the weight counts (a quality criterion of a quality checklist): the answer stays the
  same, only its share of the municipality's own score changes;
* its scale, only for a scale with the same answers worth the same (the same option ids with the same
  points, or the same grades with the same pass mark): a relabelled scale records the same answer.

Not its kind, criticality, n.v.t. permission, condition or answers' points: with those the same id
would measure something else, and comparing it across municipalities would mislead. Such a change is
a new criterion with its own id (remove the shared one, add the new one).

Pure: works on parsed data and returns problems with paths; the build places them in the variant's
file or, for inherited parts, in the base's file, through :attr:`Resolution.origins`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .checklist import (
    SEMVER_PATTERN,
    Change,
    Checklist,
    Criterion,
    Document,
    Examples,
    Id,
    Scale,
    Source,
    Text,
    reference,
)
from .problems import Code, Path, Problem
from .validate import problem_from_pydantic, validate_checklist

__all__ = [
    "Resolution",
    "Variant",
    "VariantDifference",
    "base_of",
    "is_variant",
    "resolve_variant",
    "text_changes",
    "variant_differences",
]

Version = Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)]
Weight = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]


class NaText(Document):
    """The explanation of n.v.t. on a shared criterion (whether n.v.t. is allowed stays the base's)."""

    model_config = reference("N.v.t.-tekst", "Alleen de uitleg wanneer n.v.t. geldt; of n.v.t. mag, blijft gelijk.")

    when: Text = Field(description="Wanneer n.v.t. van toepassing is, in eigen woorden.")


class CriterionEdit(Document):
    """What a variant changes on a criterion of its base: texts, weight, or a scale with the same answers."""

    model_config = reference(
        "Wijziging van een criterium",
        "Wat de variant verandert aan een criterium van de basis, op id. Alleen wat je noemt verandert; de rest "
        "blijft zoals in de basis. Soort, kritiek, n.v.t.-toestemming en voorwaarde kun je niet veranderen: dan "
        "meet dezelfde id iets anders en zijn de resultaten niet meer te vergelijken.",
    )

    title: Text | None = Field(default=None, description="Nieuwe korte naam.")
    definition: Text | None = Field(default=None, description="Nieuwe definitie.")
    anchors: dict[Id, Text] | None = Field(
        default=None, description="Nieuwe ankers, per antwoord; antwoorden die je niet noemt, houden hun anker."
    )
    indicators: list[Text] | None = Field(default=None, min_length=1, description="Vervangt de aanwijzingen.")
    examples: Examples | None = Field(default=None, description="Vervangt de voorbeelden.")
    rationale: Text | None = Field(default=None, description="Nieuwe uitleg waarom het criterium er staat.")
    sources: list[Id] | None = Field(default=None, description="Vervangt de bronnen (ids uit `sources`).")
    basis: Text | None = Field(default=None, description="Nieuwe basis als er geen bron is.")
    na: NaText | None = Field(default=None, description="Nieuwe uitleg wanneer n.v.t. geldt.")
    weight: Weight | None = Field(
        default=None,
        description="Nieuw gewicht (groter dan 0, hoogstens 100). Alleen voor criteria van soort `quality` in een "
        "checklist die geen enquête is: bij andere criteria telt het gewicht nergens in mee.",
    )
    scale: Id | None = Field(
        default=None,
        description="Een andere schaal, alleen met dezelfde antwoorden voor dezelfde punten (bijv. eigen "
        "namen voor de antwoorden); anders zijn de resultaten niet te vergelijken.",
    )


class SectionEdit(Document):
    """New texts for a section of the base."""

    model_config = reference("Wijziging van een sectie", "Nieuwe teksten voor een sectie van de basis, op id.")

    title: Text | None = Field(default=None, description="Nieuwe naam van de sectie.")
    description: Text | None = Field(default=None, description="Nieuwe inleiding.")


class BandEdit(Document):
    """New texts for a score band of the base (where it starts stays the base's)."""

    model_config = reference(
        "Wijziging van een scoreband", "Nieuwe teksten voor een scoreband van de basis, op id; `min` blijft gelijk."
    )

    label: Text | None = Field(default=None, description="Nieuwe naam van de band.")
    description: Text | None = Field(default=None, description="Nieuwe betekenis.")


class OptionEdit(Document):
    """New texts for an answer of a scale of the base (its points stay the base's)."""

    model_config = reference(
        "Wijziging van een antwoord", "Nieuwe teksten voor een antwoord van een schaal, op id; de punten blijven."
    )

    label: Text | None = Field(default=None, description="Nieuwe tekst op het formulier.")
    description: Text | None = Field(default=None, description="Nieuwe uitleg wanneer dit antwoord past.")


class ScaleEdit(Document):
    """New texts for a scale of the base and its answers."""

    model_config = reference("Wijziging van een schaal", "Nieuwe teksten voor een schaal van de basis, op id.")

    title: Text | None = Field(default=None, description="Nieuwe naam van de schaal.")
    options: dict[Id, OptionEdit] = Field(default_factory=dict, description="Per antwoord (op id): nieuwe teksten.")


class Edits(Document):
    """Everything a variant changes in parts of its base, keyed by id."""

    model_config = reference(
        "Wijzigingen", "Wat de variant verandert aan onderdelen van de basis, per soort onderdeel en op id."
    )

    criteria: dict[Id, CriterionEdit] = Field(default_factory=dict, description="Criteria, op id.")
    sections: dict[Id, SectionEdit] = Field(default_factory=dict, description="Secties, op id.")
    bands: dict[Id, BandEdit] = Field(default_factory=dict, description="Scorebanden, op id.")
    scales: dict[Id, ScaleEdit] = Field(default_factory=dict, description="Schalen, op id.")


class Addition(Document):
    """New criteria in a section, at a position."""

    model_config = reference(
        "Toevoeging", "Nieuwe criteria in een sectie (van de basis of een nieuwe), op een plek in die sectie."
    )

    section: Id = Field(description="Id van de sectie: een sectie van de basis of een uit `add_sections`.")
    after: Id | None = Field(
        default=None, description="Id van het criterium waarna de nieuwe komen. Zonder `after` en `before`: achteraan."
    )
    before: Id | None = Field(default=None, description="Of: id van het criterium waarvoor de nieuwe komen.")
    criteria: list[Criterion] = Field(
        min_length=1, description="De nieuwe criteria, volledig uitgeschreven, met ids die de basis niet heeft."
    )


class NewSection(Document):
    """A new section with its own criteria, at a position among the sections."""

    model_config = reference("Nieuwe sectie", "Een nieuwe sectie met eigen criteria, op een plek tussen de secties.")

    id: Id = Field(description="Id die de basis niet heeft.")
    title: Text = Field(description="Naam van de sectie.")
    description: Text | None = Field(default=None, description="Korte inleiding op de sectie.")
    after: Id | None = Field(
        default=None, description="Id van de sectie waarna deze komt. Zonder `after` en `before`: achteraan."
    )
    before: Id | None = Field(default=None, description="Of: id van de sectie waarvoor deze komt.")
    criteria: list[Criterion] = Field(min_length=1, description="Minstens één nieuw criterium.")


class Variant(Document):
    """A checklist that extends another one: only what differs is written down."""

    model_config = reference(
        "Variant",
        "Een checklist die een andere checklist (de basis) uitbreidt: alleen wat anders is, staat erin. Criteria "
        "die je niet noemt, neemt de variant over met hun id, zodat resultaten vergelijkbaar blijven met iedereen "
        "die dezelfde basis gebruikt. Kanaal, soort, regel voor kritieke fouten, relatievraag en streefwaarden "
        "komen uit de basis.",
    )

    id: Id = Field(description="Eigen stabiele id, anders dan die van de basis; ook de bestandsnaam.")
    version: Version = Field(description="Eigen semantische versie, los van die van de basis.")
    extends: Id = Field(description="Id van de basis, bijv. `kcc-telefoon`.")
    extends_version: Version | None = Field(
        default=None,
        description="Vaste versie van de basis (uit `checklists/archief/` als het niet de huidige is). Zonder: "
        "de huidige versie, zodat de variant meegroeit met de standaard.",
    )
    title: Text = Field(description="Eigen naam in het handboek en boven het formulier.")
    description: Text | None = Field(default=None, description="Eigen inleiding; zonder: die van de basis.")
    license: Text | None = Field(default=None, description="Licentie van de tekst; zonder: die van de basis.")
    changes: list[Change] = Field(min_length=1, description="Eigen wijzigingslogboek, nieuwste eerst.")
    remove: list[Id] = Field(
        default_factory=list, description="Ids van criteria van de basis die in deze variant niet gelden."
    )
    change: Edits = Field(
        default_factory=Edits, description="Nieuwe gewichten en teksten voor onderdelen van de basis, op id."
    )
    add: list[Addition] = Field(default_factory=list, description="Nieuwe criteria, per sectie en plek.")
    add_sections: list[NewSection] = Field(default_factory=list, description="Nieuwe secties met eigen criteria.")
    scales: dict[Id, Scale] = Field(
        default_factory=dict, description="Nieuwe schalen voor nieuwe criteria (ids die de basis niet heeft)."
    )
    sources: dict[Id, Source] = Field(default_factory=dict, description="Nieuwe bronnen (ids die de basis niet heeft).")


# What a variant may never set on a shared part: the same id would then measure something else.
FIXED_CRITERION_FIELDS = ("id", "kind", "critical", "applies_when", "importance_of")
FIXED_OPTION_FIELDS = ("id", "points")
FIXED_SCALE_FIELDS = ("type", "min", "max", "pass_mark")
FIXED_BAND_FIELDS = ("id", "min")
TEXT_FIELDS = ("title", "definition", "anchors", "indicators", "examples", "rationale", "sources", "basis", "na")

Origin = tuple[Literal["base", "variant"], Path]


def is_variant(data: object) -> bool:
    """Whether parsed data is a variant (it names a base) rather than a whole checklist."""
    return isinstance(data, dict) and "extends" in data


def base_of(data: object) -> tuple[str, str | None] | None:
    """The base a variant names (id, pinned version), when it names one in the right shape."""
    if not isinstance(data, dict):
        return None
    base, version = data.get("extends"), data.get("extends_version")
    if not isinstance(base, str):
        return None
    return base, version if isinstance(version, str) else None


@dataclass
class Resolution:
    """A variant applied to its base.

    ``problems`` are placed in the variant's own document; ``checklist_problems`` are about the resolved
    checklist, whose parts came from the base or the variant: :meth:`origin` says which, and where.
    """

    checklist: Checklist | None
    data: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)
    checklist_problems: list[Problem] = field(default_factory=list)
    origins: dict[Path, Origin] = field(default_factory=dict)

    def origin(self, path: Path) -> Origin:
        """Where the part of the resolved checklist at ``path`` was written: base or variant, and its path there."""
        for length in range(len(path), -1, -1):
            found = self.origins.get(path[:length])
            if found is not None:
                return found[0], (*found[1], *path[length:])
        return "variant", ()


def resolve_variant(data: dict[str, Any], base: Checklist | None) -> Resolution:
    """Apply a parsed variant to its (valid) base; never raises on bad input.

    Without a base (it could not be found) only the variant's own shape is checked.
    """
    fixed = list(_fixed_field_problems(data, base.id if base else str(data.get("extends"))))
    try:
        variant = Variant.model_validate(_without_fixed(data))
    except ValidationError as exc:
        return Resolution(None, None, fixed + [problem_from_pydantic(Variant, e) for e in exc.errors()])
    if base is None:
        return Resolution(None, None, fixed)
    builder = _Builder(variant, base)
    builder.apply()
    problems = fixed + builder.problems
    if any(p.is_error for p in problems):
        return Resolution(None, None, problems, [], builder.origins)
    result = validate_checklist(builder.data)
    return Resolution(result.checklist, builder.data, problems, result.problems, builder.origins)


def _fixed_field_problems(data: dict[str, Any], base_id: str) -> list[Problem]:
    """A change to what a shared part measures: named as such, not as an unknown key."""
    problems: list[Problem] = []
    edits = data.get("change")
    if not isinstance(edits, dict):
        return problems
    params = {"base": base_id}
    groups = (
        ("criteria", FIXED_CRITERION_FIELDS),
        ("bands", FIXED_BAND_FIELDS),
        ("scales", FIXED_SCALE_FIELDS),
    )
    for group, fixed in groups:
        items = edits.get(group)
        for item_id, item in items.items() if isinstance(items, dict) else ():
            if not isinstance(item, dict):
                continue
            for key in fixed:
                if key in item:
                    problems.append(
                        Problem(Code.VARIANT_FIXED_FIELD, ("change", group, item_id, key), {**params, "key": key})
                    )
            na = item.get("na") if group == "criteria" else None
            if isinstance(na, dict) and "allowed" in na:
                path: Path = ("change", group, item_id, "na", "allowed")
                problems.append(Problem(Code.VARIANT_FIXED_FIELD, path, {**params, "key": "na.allowed"}))
            options = item.get("options") if group == "scales" else None
            for option_id, option in options.items() if isinstance(options, dict) else ():
                for key in FIXED_OPTION_FIELDS:
                    if isinstance(option, dict) and key in option:
                        path = ("change", group, item_id, "options", option_id, key)
                        problems.append(Problem(Code.VARIANT_FIXED_FIELD, path, {**params, "key": key}))
    return problems


def _without_fixed(data: dict[str, Any]) -> dict[str, Any]:
    """The variant without the fixed fields already reported, so they are not reported twice as unknown keys."""
    cleaned = copy.deepcopy(data)
    edits = cleaned.get("change")
    if not isinstance(edits, dict):
        return cleaned
    for group, fixed in (
        ("criteria", FIXED_CRITERION_FIELDS),
        ("bands", FIXED_BAND_FIELDS),
        ("scales", FIXED_SCALE_FIELDS),
    ):
        items = edits.get(group)
        for item in items.values() if isinstance(items, dict) else ():
            if not isinstance(item, dict):
                continue
            for key in fixed:
                item.pop(key, None)
            if group == "criteria" and isinstance(item.get("na"), dict):
                item["na"].pop("allowed", None)
                if not item["na"]:
                    item.pop("na")
            options = item.get("options") if group == "scales" else None
            for option in options.values() if isinstance(options, dict) else ():
                if isinstance(option, dict):
                    for key in FIXED_OPTION_FIELDS:
                        option.pop(key, None)
    return cleaned


class _Builder:
    """Applies a valid variant to its base, in a fixed order: remove, change, new sections, additions."""

    def __init__(self, variant: Variant, base: Checklist) -> None:
        self.variant = variant
        self.base = base
        self.problems: list[Problem] = []
        self.origins: dict[Path, Origin] = {(): ("variant", ())}
        self.data: dict[str, Any] = base.model_dump()
        for key in self.data:
            self.origins[(key,)] = ("base", (key,))
        # sections as (origin, section data, [(origin, criterion data)])
        self.sections: list[tuple[Origin, dict[str, Any], list[tuple[Origin, dict[str, Any]]]]] = [
            (
                ("base", ("sections", s)),
                section,
                [
                    (("base", ("sections", s, "criteria", c)), criterion)
                    for c, criterion in enumerate(section["criteria"])
                ],
            )
            for s, section in enumerate(self.data["sections"])
        ]
        self.text_origins: dict[tuple[str, ...], Origin] = {}  # (criterion id, field[, key]) → where it was written

    def apply(self) -> None:
        v = self.variant
        for key in ("id", "version", "title", "description", "license", "changes"):
            value = getattr(v, key)
            if value is not None:
                self.data[key] = [c.model_dump() for c in value] if key == "changes" else value
                self.origins[(key,)] = ("variant", (key,))
        if v.id == v.extends:
            self.problems.append(Problem(Code.VARIANT_SAME_ID, ("id",), {"id": v.id}))
        self._add_parts("scales")
        self._add_parts("sources")
        removed = self._remove()
        self._change(removed)
        self._add_sections()
        self._add_criteria()
        self._dependents(removed)
        self._assemble()

    # --- parts -------------------------------------------------------------------------

    def _add_parts(self, key: Literal["scales", "sources"]) -> None:
        own: dict[str, Any] = getattr(self.variant, key)
        for part_id, part in own.items():
            if part_id in self.data[key]:
                self.problems.append(Problem(Code.VARIANT_PART_EXISTS, (key, part_id), {"id": part_id, "part": key}))
                continue
            self.data[key][part_id] = part.model_dump()
            self.origins[(key, part_id)] = ("variant", (key, part_id))

    def _criterion_ids(self) -> list[str]:
        return [c["id"] for _, _, criteria in self.sections for _, c in criteria]

    def _remove(self) -> set[str]:
        base_ids = [c.id for c in self.base.criteria()]
        removed: set[str] = set()
        for i, criterion_id in enumerate(self.variant.remove):
            if criterion_id not in base_ids:
                self._unknown(("remove", i), criterion_id, "criterion", tuple(base_ids))
                continue
            removed.add(criterion_id)
        self.sections = [
            (origin, section, [(o, c) for o, c in criteria if c["id"] not in removed])
            for origin, section, criteria in self.sections
        ]
        # a section left without criteria is left out: it held only what this municipality does not score
        self.sections = [s for s in self.sections if s[2]]
        return removed

    def _change(self, removed: set[str]) -> None:
        edits = self.variant.change
        by_id = {c["id"]: (o, c) for _, _, criteria in self.sections for o, c in criteria}
        base_ids = tuple(c.id for c in self.base.criteria())
        for criterion_id, edit in edits.criteria.items():
            where: Path = ("change", "criteria", criterion_id)
            if criterion_id in removed:
                self.problems.append(Problem(Code.VARIANT_CHANGE_REMOVED, where, {"id": criterion_id}))
                continue
            if criterion_id not in by_id:
                self._unknown(where, criterion_id, "criterion", tuple(i for i in base_ids if i not in removed))
                continue
            self._edit_criterion(by_id[criterion_id][1], edit, where)
        sections = {s["id"]: s for _, s, _ in self.sections}
        for section_id, section_edit in edits.sections.items():
            where = ("change", "sections", section_id)
            if section_id not in sections:
                self._unknown(where, section_id, "section", tuple(sections))
                continue
            for key, value in section_edit.model_dump(exclude_none=True).items():
                sections[section_id][key] = value
                self.text_origins[("section", section_id, key)] = ("variant", (*where, key))
        bands = {b["id"]: (i, b) for i, b in enumerate(self.data["bands"])}
        for band_id, band_edit in edits.bands.items():
            where = ("change", "bands", band_id)
            if band_id not in bands:
                self._unknown(where, band_id, "band", tuple(bands))
                continue
            index, band = bands[band_id]
            for key, value in band_edit.model_dump(exclude_none=True).items():
                band[key] = value
                self.origins[("bands", index, key)] = ("variant", (*where, key))
        for scale_id, scale_edit in edits.scales.items():
            self._edit_scale(scale_id, scale_edit)

    def _edit_criterion(self, criterion: dict[str, Any], edit: CriterionEdit, where: Path) -> None:
        criterion_id = criterion["id"]
        for key in edit.model_fields_set:
            value = getattr(edit, key)
            if value is None:
                continue
            if key == "weight" and (criterion["kind"] != "quality" or self.base.is_survey):
                params = {"id": criterion_id, "criterion_kind": "survey" if self.base.is_survey else criterion["kind"]}
                self.problems.append(Problem(Code.VARIANT_WEIGHT_NOT_COUNTED, (*where, key), params))
                continue
            if key == "scale" and not self._comparable(criterion, value, (*where, key)):
                continue
            if key == "anchors":
                for option_id, text in value.items():
                    criterion["anchors"][option_id] = text
                    self.text_origins[("criterion", criterion_id, "anchors", option_id)] = (
                        "variant",
                        (*where, "anchors", option_id),
                    )
                continue
            if key == "na":
                criterion["na"] = {**criterion["na"], "when": value.when}
                self.text_origins[("criterion", criterion_id, "na", "when")] = ("variant", (*where, "na", "when"))
                continue
            criterion[key] = value.model_dump() if isinstance(value, BaseModel) else value
            self.text_origins[("criterion", criterion_id, key)] = ("variant", (*where, key))

    def _comparable(self, criterion: dict[str, Any], scale_id: str, where: Path) -> bool:
        """A shared criterion may move to a scale with the same answers worth the same (see the module's text)."""
        old, new = self.data["scales"].get(criterion["scale"]), self.data["scales"].get(scale_id)
        if new is None:
            known = tuple(self.data["scales"])
            self.problems.append(Problem(Code.UNKNOWN_SCALE, where, {"scale": scale_id}, allowed=known))
            return False
        if _answers(old) != _answers(new):
            params = {"id": criterion["id"], "scale": scale_id, "base_scale": criterion["scale"]}
            self.problems.append(Problem(Code.VARIANT_SCALE_NOT_COMPARABLE, where, params))
            return False
        return True

    def _edit_scale(self, scale_id: str, edit: ScaleEdit) -> None:
        where: Path = ("change", "scales", scale_id)
        scale = self.data["scales"].get(scale_id)
        if scale is None or self.origins.get(("scales", scale_id), ("base",))[0] == "variant":
            inherited = tuple(s for s in self.data["scales"] if ("scales", s) not in self.origins)
            self._unknown(where, scale_id, "scale", inherited)
            return
        if edit.title is not None:
            scale["title"] = edit.title
            self.origins[("scales", scale_id, "title")] = ("variant", (*where, "title"))
        options = {o["id"]: (i, o) for i, o in enumerate(scale.get("options", []))}
        for option_id, option_edit in edit.options.items():
            at: Path = (*where, "options", option_id)
            if option_id not in options:
                self._unknown(at, option_id, "option", tuple(options))
                continue
            index, option = options[option_id]
            for key, value in option_edit.model_dump(exclude_none=True).items():
                option[key] = value
                self.origins[("scales", scale_id, "options", index, key)] = ("variant", (*at, key))

    def _add_sections(self) -> None:
        for a, new in enumerate(self.variant.add_sections):
            where: Path = ("add_sections", a)
            section_ids = [s["id"] for _, s, _ in self.sections]
            if new.id in section_ids or new.id in {s.id for s in self.base.sections}:
                self.problems.append(Problem(Code.VARIANT_ID_EXISTS, (*where, "id"), {"id": new.id, "part": "section"}))
                continue
            if not self._new_criteria_ids(new.criteria, where):
                continue
            section = new.model_dump(exclude={"after", "before", "criteria"})
            criteria: list[tuple[Origin, dict[str, Any]]] = [
                (("variant", (*where, "criteria", c)), x.model_dump()) for c, x in enumerate(new.criteria)
            ]
            index = self._position(new.after, new.before, section_ids, where, "section")
            if index is None:
                continue
            origin: Origin = ("variant", where)
            self.sections.insert(index, (origin, section, criteria))

    def _add_criteria(self) -> None:
        for a, addition in enumerate(self.variant.add):
            where: Path = ("add", a)
            sections = {s["id"]: criteria for _, s, criteria in self.sections}
            if addition.section not in sections:
                self._unknown((*where, "section"), addition.section, "section", tuple(sections))
                continue
            if not self._new_criteria_ids(addition.criteria, where):
                continue
            criteria = sections[addition.section]
            index = self._position(addition.after, addition.before, [c["id"] for _, c in criteria], where, "criterion")
            if index is None:
                continue
            criteria[index:index] = [
                (("variant", (*where, "criteria", c)), x.model_dump()) for c, x in enumerate(addition.criteria)
            ]

    def _new_criteria_ids(self, criteria: list[Criterion], where: Path) -> bool:
        """New criteria need ids the base does not use (also removed ones: an id keeps its meaning)."""
        taken = {c.id for c in self.base.criteria()} | set(self._criterion_ids())
        fine = True
        for c, criterion in enumerate(criteria):
            if criterion.id in taken:
                path: Path = (*where, "criteria", c, "id")
                self.problems.append(Problem(Code.VARIANT_ID_EXISTS, path, {"id": criterion.id, "part": "criterion"}))
                fine = False
        return fine

    def _position(self, after: str | None, before: str | None, ids: list[str], where: Path, part: str) -> int | None:
        if after is not None and before is not None:
            self.problems.append(Problem(Code.VARIANT_AFTER_AND_BEFORE, (*where, "before")))
            return None
        anchor, key = (after, "after") if after is not None else (before, "before")
        if anchor is None:
            return len(ids)
        if anchor not in ids:
            self._unknown((*where, key), anchor, part, tuple(ids))
            return None
        return ids.index(anchor) + (1 if key == "after" else 0)

    def _dependents(self, removed: set[str]) -> None:
        """A removed criterion that a remaining one depends on (its condition, or the question it weighs)."""
        for i, criterion_id in enumerate(self.variant.remove):
            for _, _, criteria in self.sections:
                for _, criterion in criteria:
                    condition = criterion.get("applies_when") or {}
                    if criterion_id in (condition.get("criterion"), criterion.get("importance_of")):
                        params = {"id": criterion_id, "dependent": criterion["id"]}
                        self.problems.append(Problem(Code.VARIANT_REMOVES_DEPENDENCY, ("remove", i), params))
        del removed

    def _unknown(self, path: Path, value: str, part: str, allowed: tuple[str, ...]) -> None:
        params = {"id": value, "part": part, "base": self.base.id}
        self.problems.append(Problem(Code.VARIANT_UNKNOWN_ID, path, params, allowed=allowed))

    def _assemble(self) -> None:
        """The resolved sections, with the origin of every section, criterion and changed text."""
        sections = []
        for s, (origin, section, criteria) in enumerate(self.sections):
            self.origins[("sections", s)] = origin
            for key in ("title", "description"):
                text = self.text_origins.get(("section", section["id"], key))
                if text is not None:
                    self.origins[("sections", s, key)] = text
            for c, (criterion_origin, criterion) in enumerate(criteria):
                path: Path = ("sections", s, "criteria", c)
                self.origins[path] = criterion_origin
                for parts, text in self.text_origins.items():
                    if parts[0] == "criterion" and parts[1] == criterion["id"]:
                        self.origins[(*path, *parts[2:])] = text
            sections.append({**section, "criteria": [c for _, c in criteria]})
        self.data["sections"] = sections
        # an inherited scale that no criterion uses any more is left out, as a section without criteria is;
        # a scale the variant adds itself stays, so that an unused one is reported (W201)
        used = {c["scale"] for s in sections for c in s["criteria"]}
        self.data["scales"] = {
            k: v for k, v in self.data["scales"].items() if k in used or ("scales", k) in self.origins
        }


def _answers(scale: dict[str, Any] | None) -> object:
    """What an answer on a scale is worth: the same for two scales means results compare."""
    if scale is None:
        return None
    if scale.get("type") == "grade":
        return ("grade", scale.get("min"), scale.get("max"), scale.get("pass_mark"))
    options = scale.get("options") or []
    points = [o.get("points") for o in options]
    low, high = min(points), max(points)
    span = (high - low) or 1
    return ("options", sorted((o.get("id"), (o.get("points") - low) / span) for o in options))


# --- what a variant changed against its base (for the handbook) ---------------------------------


class VariantDifference(BaseModel):
    """One criterion that a variant added, removed, reworded or reweighted against its base."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    change: Literal["added", "removed", "changed"]
    criterion: str
    title: str  # the variant's title; the base's for a removed criterion
    section: str  # the id of the section it is in (in the base, for a removed criterion)
    reworded: list[str] = []  # text fields that differ
    weight: tuple[float, float] | None = None  # (base, variant) when reweighted
    scale: tuple[str, str] | None = None  # (base, variant) when moved to a scale with the same answers


def text_changes(old: Criterion, new: Criterion) -> list[str]:
    """The text fields of a criterion that differ between two versions."""
    before, after = old.model_dump(), new.model_dump()
    changed = [key for key in TEXT_FIELDS if key != "na" and before.get(key) != after.get(key)]
    if old.na.when != new.na.when:
        changed.append("na.when")
    return changed


def variant_differences(base: Checklist, variant: Checklist) -> list[VariantDifference]:
    """Criteria added, removed, reworded or reweighted, in the variant's form order (removed ones last)."""
    before = {c.id: c for c in base.criteria()}
    differences: list[VariantDifference] = []
    for section in variant.sections:
        for criterion in section.criteria:
            old = before.get(criterion.id)
            if old is None:
                differences.append(
                    VariantDifference(change="added", criterion=criterion.id, title=criterion.title, section=section.id)
                )
                continue
            reworded = text_changes(old, criterion)
            weight = (old.weight, criterion.weight) if old.weight != criterion.weight else None
            scale = (old.scale, criterion.scale) if old.scale != criterion.scale else None
            if reworded or weight or scale:
                differences.append(
                    VariantDifference(
                        change="changed",
                        criterion=criterion.id,
                        title=criterion.title,
                        section=section.id,
                        reworded=reworded,
                        weight=weight,
                        scale=scale,
                    )
                )
    kept = {c.id for c in variant.criteria()}
    for section in base.sections:
        for criterion in section.criteria:
            if criterion.id not in kept:
                differences.append(
                    VariantDifference(
                        change="removed", criterion=criterion.id, title=criterion.title, section=section.id
                    )
                )
    return differences
