"""The checklist format: what evaluators score and the handbook publishes.

The models describe structure only; cross-references (scale names, unique ids,
sources) are checked by :mod:`ijkpunt_core.validate`, which reports every
problem with its location instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

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
Kind = Literal["quality", "compliance"]
Kpi = Literal["klanttevredenheid", "eerste-contactoplossing", "vertrouwen", "compliance"]


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

    @property
    def max_points(self) -> float:
        return max(o.points for o in self.options)

    @property
    def min_points(self) -> float:
        return min(o.points for o in self.options)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


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


class Criterion(Document):
    """One thing the evaluator judges, described in observable behaviour."""

    model_config = reference("Criterium", "Eén ding dat de beoordelaar beoordeelt, beschreven in waarneembaar gedrag.")

    id: Id
    title: Text = Field(description="Korte naam, zoals op het formulier.")
    kind: Kind = Field(description="`quality` telt mee in de kwaliteitsscore; `compliance` wordt apart gerapporteerd.")
    scale: Id = Field(description="Id van een schaal uit `scales`.")
    weight: float = Field(
        default=1.0, gt=0, le=100, allow_inf_nan=False, description="Gewicht in de gewogen score (groter dan 0)."
    )
    knockout: bool = Field(default=False, description="Niet voldaan zet de kwaliteitsscore op 0.")
    na: NotApplicable = Field(default_factory=NotApplicable, description="Regels voor n.v.t.")
    definition: Text = Field(description="Wat de beoordelaar ziet of hoort als het goed gaat.")
    indicators: list[Text] = Field(min_length=1, description="Waarneembare aanwijzingen.")
    examples: Examples = Field(description="Voorbeelden van goede en onvoldoende uitvoering.")
    rationale: Text = Field(description="Waarom dit criterium op het formulier staat.")
    kpi: Kpi = Field(description="De prestatie-indicator die dit criterium dient.")
    sources: list[Id] = Field(min_length=1, description="Ids uit de bronnenlijst `sources` van de checklist.")


class Section(Document):
    """A group of criteria, such as *Opening* or *Afsluiting*."""

    model_config = reference("Sectie", "Een groep criteria, zoals *Opening* of *Afsluiting*.")

    id: Id
    title: Text = Field(description="Naam van de sectie op het formulier en in het handboek.")
    description: Text | None = Field(default=None, description="Korte inleiding op de sectie in het handboek.")
    criteria: list[Criterion] = Field(min_length=1, description="Minstens één criterium.")


class RelationshipQuestion(Document):
    """The relationship question (after the KSF *Relatie Quotiënt*), answered ja/nee."""

    model_config = reference(
        "Relatievraag", "De vraag of het contact het vertrouwen van de inwoner behield of versterkte (ja/nee)."
    )

    title: Text = Field(description="De vraag zoals op het formulier.")
    definition: Text = Field(description="Wanneer het antwoord ja is, in waarneembaar gedrag.")
    indicators: list[Text] = Field(min_length=1, description="Waarneembare aanwijzingen.")
    examples: Examples = Field(description="Voorbeelden van ja (`good`) en nee (`poor`).")
    rationale: Text = Field(description="Waarom deze vraag op het formulier staat.")
    sources: list[Id] = Field(min_length=1, description="Ids uit de bronnenlijst `sources` van de checklist.")


class OutcomeTargets(Document):
    """Targets for the contact outcome (defaults: the 14-number norms)."""

    model_config = reference(
        "Streefwaarden",
        "Streefwaarden voor de uitkomst van contacten, als aandeel van 0 tot 1 (standaard: de 14-normen).",
    )

    direct_min: float = Field(default=0.80, ge=0, le=1, description="Minimaal aandeel direct beantwoord.")
    transferred_or_callback_max: float = Field(
        default=0.20, ge=0, le=1, description="Maximaal aandeel doorverbonden of terugbelnotitie."
    )
    transferred_once_max: float = Field(
        default=0.15, ge=0, le=1, description="Maximaal aandeel één keer doorverbonden."
    )
    transferred_repeatedly_max: float = Field(
        default=0.05, ge=0, le=1, description="Maximaal aandeel twee of meer keer doorverbonden."
    )


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
    license: Text = Field(description="Licentie van de tekst, bijv. `CC-BY-4.0`.")
    description: Text = Field(description="Inleiding voor het handboek.")
    scales: dict[Id, Scale] = Field(min_length=1, description="Schalen, op id.")
    sections: list[Section] = Field(min_length=1, description="De secties, in de volgorde van het formulier.")
    relationship: RelationshipQuestion = Field(description="De relatievraag.")
    targets: OutcomeTargets = Field(
        default_factory=OutcomeTargets, description="Streefwaarden voor de uitkomst van contacten."
    )
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
        return [c for s in self.sections for c in s.criteria]

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria() if c.id == criterion_id), None)

    def scale_of(self, criterion: Criterion) -> OptionsScale | GradeScale:
        return self.scales[criterion.scale]

    def content_hash(self) -> str:
        """sha256 over the canonical JSON form: evaluations record what they were scored against."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
