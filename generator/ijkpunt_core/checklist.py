"""The checklist format: what evaluators score and the handbook publishes.

The models describe structure only; cross-references (scale names, unique ids,
sources) are checked by :mod:`ijkpunt_core.validate`, which reports every
problem with its location instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SEMVER_PATTERN = r"^\d+\.\d+\.\d+$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(description="Stabiele id: kleine letters, cijfers en koppeltekens, bijv. `voorstellen-met-naam`."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
# Points and weights feed sums and divisions: only ordinary, bounded numbers (no .inf, no 1e308).
Points = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]

Channel = Literal["telefoon", "e-mail", "chat", "balie"]
Kind = Literal["quality", "compliance", "importance"]
ChecklistKind = Literal["quality", "survey"]
Kpi = Literal["klanttevredenheid", "eerste-contactoplossing", "vertrouwen", "compliance"]
CriticalPolicy = Literal["zero-score", "fail-contact"]
Relationship = Literal["weakened", "kept", "strengthened"]
Percentage = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Share = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
SettingName = Literal["records_calls"]
"""The municipality's settings (instellingen.yaml, :mod:`ijkpunt_core.settings`) a criterion may depend on."""


def reference(title: str, description: str) -> ConfigDict:
    """How a part of a format is named and explained to authors (format reference, JSON Schema): in Dutch."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


class Strict(BaseModel):
    """Base for every format: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Document(Strict):
    """Base for authored documents: values must already have the right type ("1" is not a number)."""

    model_config = ConfigDict(strict=True)


class Option(Document):
    """One answer on an options scale."""

    model_config = reference("Antwoord", "Eén antwoord op een schaal met antwoorden, met de punten die het oplevert.")

    id: Id
    label: Text = Field(description="Tekst op het formulier, bijv. `Ja`.")
    points: Points = Field(description="Punten voor dit antwoord (0 tot en met 1000).")
    description: Text | None = Field(default=None, description="Wanneer dit antwoord past.")


class OptionsScale(Document):
    """An ordered scale of options with points (ja/nee, 3- or 4-punts)."""

    model_config = reference(
        "Schaal met antwoorden", "Geordende antwoorden met punten, zoals ja/nee of een 4-puntsschaal."
    )

    type: Literal["options"] = Field(description="Altijd `options` voor deze soort schaal.")
    title: Text = Field(description="Naam van de schaal in het handboek.")
    options: list[Option] = Field(min_length=2, description="Antwoorden, van laag naar hoog.")

    # Scoring asks these for every answer of every evaluation; the scale is frozen, so they are computed once.
    @cached_property
    def max_points(self) -> float:
        return max(o.points for o in self.options)

    @cached_property
    def min_points(self) -> float:
        return min(o.points for o in self.options)

    @cached_property
    def _by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    def option(self, option_id: str) -> Option | None:
        return self._by_id.get(option_id)

    @cached_property
    def values(self) -> dict[str, tuple[float, bool]]:
        """Per option id: its points on a 0–1 scale (lowest option 0, highest 1) and whether it is met (the best)."""
        low, high = self.min_points, self.max_points
        return {o.id: ((o.points - low) / (high - low), o.points == high) for o in self.options}


class GradeScale(Document):
    """A whole-number grade, e.g. the Dutch 1–10 *rapportcijfer*."""

    model_config = reference("Cijferschaal", "Een heel cijfer, zoals het rapportcijfer van 1 tot en met 10.")

    type: Literal["grade"] = Field(description="Altijd `grade` voor deze soort schaal.")
    title: Text = Field(description="Naam van de schaal in het handboek.")
    min: int = Field(default=1, ge=0, le=100, description="Laagste cijfer.")
    max: int = Field(default=10, ge=0, le=100, description="Hoogste cijfer.")
    pass_mark: int = Field(default=6, ge=0, le=100, description="Vanaf dit cijfer geldt het criterium als voldaan.")


Scale = Annotated[OptionsScale | GradeScale, Field(discriminator="type")]


class NotApplicable(Document):
    """Whether *n.v.t.* may be chosen, and when."""

    model_config = reference("N.v.t.-regel", "Of de beoordelaar *niet van toepassing* mag kiezen, en wanneer.")

    allowed: bool = Field(default=False, description="Mag de beoordelaar n.v.t. kiezen?")
    when: Text | None = Field(
        default=None, description="Wanneer n.v.t. van toepassing is (verplicht als `allowed` waar is)."
    )


class Examples(Document):
    """Concrete examples that show the difference between good and poor practice."""

    model_config = reference("Voorbeelden", "Concrete voorbeelden van goede en onvoldoende uitvoering.")

    good: list[Text] = Field(min_length=1, description="Voorbeelden van goede uitvoering.")
    poor: list[Text] = Field(min_length=1, description="Voorbeelden van onvoldoende uitvoering.")


class Condition(Document):
    """When a criterion applies: only when an earlier criterion got one of the named answers."""

    model_config = reference(
        "Voorwaarde",
        "Wanneer een criterium geldt: alleen als een eerder criterium op het formulier een van de genoemde "
        "antwoorden kreeg. Anders is het criterium vanzelf n.v.t.",
    )

    criterion: Id = Field(
        description="Id van het criterium waarvan het antwoord beslist. Het moet eerder op het formulier staan "
        "en een schaal met antwoorden hebben (geen cijferschaal)."
    )
    options: list[Id] = Field(
        min_length=1,
        description="Ids van de antwoorden van dat criterium waarbij dit criterium geldt, bijv. `[ja]`. "
        "Kreeg het een ander antwoord, n.v.t. of nog geen antwoord, of geldt het zelf niet, dan is dit criterium "
        "n.v.t.",
    )


class Criterion(Document):
    """One thing the evaluator judges, described in observable behaviour."""

    model_config = reference("Criterium", "Eén ding dat de beoordelaar beoordeelt, beschreven in waarneembaar gedrag.")

    id: Id
    title: Text = Field(description="Korte naam, zoals op het formulier.")
    kind: Kind = Field(
        description="`quality` telt mee in de kwaliteitsscore; `compliance` wordt apart gerapporteerd; "
        "`importance` (alleen in een enquête) vraagt hoe belangrijk de inwoner de vraag in `importance_of` vindt "
        "en telt nergens in mee, behalve in de volledigheid."
    )
    importance_of: Id | None = Field(
        default=None,
        description="Alleen bij `kind: importance`: id van de vraag (een `quality`-criterium van deze checklist) "
        "waarvan deze vraag het belang meet. Per vraag hoogstens één belangvraag.",
    )
    scale: Id = Field(description="Id van een schaal uit `scales`.")
    weight: float = Field(
        default=1.0, gt=0, le=100, allow_inf_nan=False, description="Gewicht in de gewogen score (groter dan 0)."
    )
    critical: bool = Field(
        default=False,
        description="Kritiek: niet voldaan laat het contact zakken volgens `critical_policy` van de checklist.",
    )
    na: NotApplicable = Field(default_factory=NotApplicable, description="Regels voor n.v.t.")
    applies_when: Condition | None = Field(
        default=None,
        description="Alleen als dit criterium niet altijd geldt: het antwoord op een eerder criterium dat "
        "beslist of het geldt, bijv. `applies_when: {criterion: melding-gedaan, options: [ja]}`. Geldt het niet, "
        "dan verbergt het formulier het, is het vanzelf n.v.t. en telt een eerder gegeven antwoord niet mee.",
    )
    requires_setting: SettingName | None = Field(
        default=None,
        description="Alleen als dit criterium afhangt van een instelling van de gemeente in `instellingen.yaml`: "
        "de naam van die instelling. Nu kan dat `records_calls` zijn (de gemeente neemt gesprekken op). Staat die "
        "instelling op `false`, dan is het criterium altijd n.v.t.: het formulier toont het als n.v.t., het telt "
        "nergens mee, en de beoordeling legt de instelling vast.",
    )
    definition: Text = Field(description="Wat de beoordelaar ziet of hoort als het goed gaat.")
    anchors: dict[Id, Text] = Field(
        default_factory=dict,
        description="Per antwoord van de schaal (op id): wat je dan waarneemt, voor dit criterium. "
        "Verplicht voor elk antwoord van een schaal met antwoorden.",
    )
    indicators: list[Text] = Field(min_length=1, description="Waarneembare aanwijzingen.")
    examples: Examples = Field(description="Voorbeelden van goede en onvoldoende uitvoering.")
    rationale: Text = Field(description="Waarom dit criterium op het formulier staat.")
    kpi: Kpi = Field(description="De prestatie-indicator die dit criterium dient.")
    sources: list[Id] = Field(
        description="Ids uit de bronnenlijst `sources` van de checklist; mag leeg zijn met `basis`."
    )
    basis: Text | None = Field(
        default=None, description="Waarop het criterium steunt als er geen bron is (eigen oordeel, en waarom)."
    )


class Section(Document):
    """A group of criteria, such as *Opening* or *Afsluiting*."""

    model_config = reference("Sectie", "Een groep criteria, zoals *Opening* of *Afsluiting*.")

    id: Id
    title: Text = Field(description="Naam van de sectie op het formulier en in het handboek.")
    description: Text | None = Field(default=None, description="Korte inleiding op de sectie in het handboek.")
    criteria: list[Criterion] = Field(min_length=1, description="Minstens één criterium.")


class RelationshipAnchors(Document):
    """What each answer to the relationship question looks like."""

    model_config = reference("Ankers van de relatievraag", "Wat je waarneemt bij elk van de drie antwoorden.")

    weakened: Text = Field(description="Verzwakt: wat je dan waarneemt.")
    kept: Text = Field(description="Behouden: wat je dan waarneemt.")
    strengthened: Text = Field(description="Versterkt: wat je dan waarneemt.")


class RelationshipQuestion(Document):
    """The relationship question (after the KSF *Relatie Quotiënt*): weakened, kept or strengthened."""

    model_config = reference(
        "Relatievraag",
        "De vraag of het contact de relatie van de inwoner met de gemeente verzwakte, behield of versterkte.",
    )

    title: Text = Field(description="De vraag zoals op het formulier.")
    definition: Text = Field(description="Waar de vraag over gaat, in waarneembaar gedrag.")
    anchors: RelationshipAnchors = Field(description="Wat je waarneemt bij verzwakt, behouden en versterkt.")
    indicators: list[Text] = Field(min_length=1, description="Waarneembare aanwijzingen.")
    rationale: Text = Field(description="Waarom deze vraag op het formulier staat.")
    sources: list[Id] = Field(
        description="Ids uit de bronnenlijst `sources` van de checklist; mag leeg zijn met `basis`."
    )
    basis: Text | None = Field(default=None, description="Waarop de vraag steunt als er geen bron is.")


class Band(Document):
    """What a range of quality scores means."""

    model_config = reference("Scoreband", "Wat een kwaliteitsscore vanaf een bepaalde hoogte betekent.")

    id: Id
    label: Text = Field(description="Naam van de band, bijv. `Voldoende`.")
    min: Percentage = Field(description="Laagste kwaliteitsscore (0–100) van deze band; de eerste band begint bij 0.")
    description: Text = Field(description="Wat een score in deze band betekent.")


class CriticalError(Document):
    """A flag for an error so serious that the contact fails, whatever the criteria say."""

    model_config = reference(
        "Kritieke fout", "Een fout die zo ernstig is dat het contact zakt, wat de criteria ook zeggen."
    )

    id: Id
    title: Text = Field(description="Naam op het formulier.")
    description: Text = Field(description="Wanneer je deze fout aanvinkt, in waarneembaar gedrag.")


class Change(Document):
    """One entry of a checklist's changelog."""

    model_config = reference("Wijziging", "Eén regel uit het wijzigingslogboek van de checklist.")

    version: Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)] = Field(description="De versie.")
    date: dt.date = Field(description="Datum (JJJJ-MM-DD).")
    summary: Text = Field(description="Wat er veranderde, in een paar zinnen.")


class OutcomeTargets(Document):
    """This channel's targets for the contact outcome, dated and sourced."""

    model_config = reference(
        "Streefwaarden",
        "Streefwaarden voor de uitkomst van contacten in dit kanaal, als aandeel van 0 tot 1, met datum en bron.",
    )

    as_of: dt.date = Field(description="Sinds wanneer deze streefwaarden gelden (JJJJ-MM-DD).")
    source: Id | None = Field(default=None, description="Id uit `sources` waar de waarden vandaan komen.")
    basis: Text | None = Field(default=None, description="Waarop de waarden steunen als er geen bron is.")
    note: Text | None = Field(default=None, description="Toelichting, bijv. hoe oud of streng de norm is.")
    direct_min: Share = Field(description="Minimaal aandeel direct beantwoord.")
    transferred_or_callback_max: Share = Field(description="Maximaal aandeel doorverbonden of terugbelnotitie.")
    transferred_once_max: Share = Field(description="Maximaal aandeel één keer doorverbonden.")
    transferred_repeatedly_max: Share = Field(description="Maximaal aandeel twee of meer keer doorverbonden.")


class Source(Document):
    """A document a criterion is grounded in."""

    model_config = reference("Bron", "Een document waarop een criterium steunt.")

    title: Text = Field(description="Titel van het document.")
    publisher: Text = Field(description="Wie het document uitgaf.")
    year: int = Field(ge=1900, le=2100, description="Jaar van uitgave.")
    note: Text | None = Field(default=None, description="Wat uit deze bron is gebruikt.")


class Checklist(Document):
    """A checklist for one channel."""

    model_config = reference("Checklist", "Een checklist voor één kanaal: het bestand als geheel.")

    id: Id = Field(description="Stabiele id; evaluaties verwijzen ernaar met versie en inhoudshash.")
    version: Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)] = Field(
        description="Semantische versie, bijv. `1.0.0`."
    )
    title: Text = Field(description="Naam van de checklist in het handboek en boven het formulier.")
    channel: Channel = Field(description="Het kanaal waarvoor de checklist is.")
    kind: ChecklistKind = Field(
        default="quality",
        description="`quality`: een beoordelaar beoordeelt een contact van een medewerker (standaard). `survey`: "
        "een enquête (klanttevredenheidsonderzoek) die een interviewer afneemt door een inwoner na een contact "
        "met het KCC terug te bellen en zijn antwoorden vast te leggen; de vragen zijn dan criteria van soort "
        "`quality` (het oordeel) en `importance` (het belang). Enquêteresultaten worden apart gerapporteerd en "
        "nooit met kwaliteitsscores gemengd.",
    )
    license: Text = Field(description="Licentie van de tekst, bijv. `CC-BY-4.0`.")
    description: Text = Field(description="Inleiding voor het handboek.")
    critical_policy: CriticalPolicy = Field(
        description="Wat een kritieke fout doet: `zero-score` zet de kwaliteitsscore op 0; `fail-contact` "
        "houdt de berekende score en markeert het contact als niet geslaagd."
    )
    bands: list[Band] = Field(min_length=1, description="Wat een kwaliteitsscore betekent, van laag naar hoog.")
    scales: dict[Id, Scale] = Field(min_length=1, description="Schalen, op id.")
    sections: list[Section] = Field(min_length=1, description="De secties, in de volgorde van het formulier.")
    critical_errors: list[CriticalError] = Field(
        default_factory=list, description="Kritieke fouten die de beoordelaar naast de criteria kan aanvinken."
    )
    relationship: RelationshipQuestion = Field(description="De relatievraag.")
    targets: OutcomeTargets = Field(description="Streefwaarden voor de uitkomst van contacten in dit kanaal.")
    changes: list[Change] = Field(min_length=1, description="Wijzigingslogboek, nieuwste eerst.")
    sources: dict[Id, Source] = Field(min_length=1, description="Bronnen, op id.")

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Checklist:
        # validate_checklist() defers these checks to report them with locations
        if info.context and info.context.get("defer_consistency"):
            return self
        from .problems import render
        from .validate import consistency_problems  # validate imports this module

        errors = [p for p in consistency_problems(self.model_dump()) if p.is_error]
        if errors:
            raise ValueError("; ".join(f"{'.'.join(map(str, p.path))}: {render(p, 'en')}" for p in errors))
        return self

    def criteria(self) -> list[Criterion]:
        """All criteria in form order."""
        return list(self._criteria)

    @property
    def is_survey(self) -> bool:
        return self.kind == "survey"

    def importance_of(self, criterion_id: str) -> Criterion | None:
        """The importance question that asks about criterion ``criterion_id`` (a survey's question), if any."""
        return next((c for c in self.criteria() if c.kind == "importance" and c.importance_of == criterion_id), None)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return self._criteria_by_id.get(criterion_id)

    def scale_of(self, criterion: Criterion) -> OptionsScale | GradeScale:
        return self.scales[criterion.scale]

    def critical_error(self, error_id: str) -> CriticalError | None:
        return next((e for e in self.critical_errors if e.id == error_id), None)

    def band_of(self, quality: float | None) -> Band | None:
        """The band a quality score falls in (the highest whose `min` it reaches)."""
        if quality is None:
            return None
        return next((b for b in reversed(self.bands) if quality >= b.min), None)

    def content_hash(self) -> str:
        """sha256 over the canonical JSON form: evaluations record what they were scored against."""
        return self._content_hash

    # Computed once per instance: rescoring an evaluation asks for it twice, and aggregating 100,000
    # evaluations spent half its time re-serialising the checklist. The model is frozen, so the value
    # cannot go stale, except through model_copy(update=…), which drops it.
    @cached_property
    def _content_hash(self) -> str:
        canonical = json.dumps(
            _hashed_form(self.model_dump(mode="json")), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    # Looked up for every answer of every evaluation read (same reasoning: frozen, dropped by model_copy).
    @cached_property
    def _criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for s in self.sections for c in s.criteria)

    @cached_property
    def _criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self._criteria}

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Checklist:
        copy = super().model_copy(update=update, deep=deep)
        for cached in ("_content_hash", "_criteria", "_criteria_by_id"):
            copy.__dict__.pop(cached, None)
        return copy


_ADDED_CRITERION_FIELDS = frozenset({"importance_of", "applies_when", "requires_setting"})


def _hashed_form(dumped: dict[str, Any]) -> dict[str, Any]:
    """The checklist as its content hash sees it: fields added later are left out while they hold their default.

    ``kind`` (checklist) and ``importance_of`` (criterion) came with the survey, ``applies_when`` (criterion)
    with conditional criteria, ``requires_setting`` (criterion) with the municipality's settings; a checklist
    that uses none of them keeps the hash it had before they existed, so evaluations exported earlier still name
    their exact version.
    """
    if dumped.get("kind") == "quality":
        dumped = {k: v for k, v in dumped.items() if k != "kind"}
    sections = [
        {
            **s,
            "criteria": [
                {k: v for k, v in c.items() if not (k in _ADDED_CRITERION_FIELDS and v is None)} for c in s["criteria"]
            ],
        }
        for s in dumped.get("sections", [])
    ]
    return {**dumped, "sections": sections}
