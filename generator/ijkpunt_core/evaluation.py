"""The evaluation format: what an evaluator fills in and what leaves the browser.

A :class:`Draft` is the form as it is being filled in (anything may still be
empty). An :class:`Evaluation` is the exported record: who evaluated whom, the
answers, the checklist it was scored against (id, version, content hash) and
the scores the core computed. Calibration and aggregation read this format.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from .checklist import Channel, CriticalPolicy, Id, Relationship, Strict, reference
from .settings import ScoringSettings

Mode = Literal["monitoring", "calibration", "training", "self-assessment"]
Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Code = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)]

FORMAT: Literal["ijkpunt-evaluation"] = "ijkpunt-evaluation"
FORMAT_VERSION: Literal[3] = 3


class Answer(Strict):
    """The answer to one criterion: an option, a grade, or n.v.t., with an optional comment."""

    model_config = reference(
        "Antwoord", "Het antwoord op één criterium: een antwoord, een cijfer of n.v.t., met toelichting."
    )

    option: Id | None = Field(default=None, description="Id van het gekozen antwoord (optieschaal).")
    grade: int | None = Field(default=None, description="Gekozen cijfer (cijferschaal).")
    na: bool = Field(default=False, description="Niet van toepassing.")
    comment: str = Field(default="", max_length=4000, description="Toelichting van de beoordelaar.")

    @model_validator(mode="after")
    def _one_choice(self) -> Answer:
        # runs for every answer of every evaluation read: the common case (at most one set) is decided first
        if (self.option is not None) + (self.grade is not None) + self.na > 1:
            raise PydanticCustomError("one_choice", "choose one of option, grade or na")
        return self

    @property
    def answered(self) -> bool:
        return self.option is not None or self.grade is not None or self.na


class Outcome(Strict):
    """How the contact ended: answered directly, transferred n times, or a call-back note."""

    model_config = reference(
        "Uitkomst", "Hoe het contact afliep: direct beantwoord, doorverbonden (hoe vaak) of terugbelnotitie."
    )

    result: Literal["direct", "transferred", "callback"] = Field(
        description="`direct` beantwoord, `transferred` doorverbonden/doorgezet, `callback` terugbelnotitie."
    )
    transfers: int = Field(default=0, ge=0, le=20, description="Aantal keren doorverbonden (alleen bij `transferred`).")

    @model_validator(mode="after")
    def _transfers_match(self) -> Outcome:
        if (self.result == "transferred") != (self.transfers > 0):
            raise PydanticCustomError("transfers_mismatch", "transfers must be 1 or more exactly when 'transferred'")
        return self


class Draft(Strict):
    """The form while it is being filled in; every field may still be empty."""

    id: Uuid
    mode: Mode = "monitoring"
    evaluator: Code = Field(default="", description="Pseudoniem of code van de beoordelaar.")
    agent: Code = Field(default="", description="Code van de beoordeelde medewerker (geen naam van een inwoner).")
    team: Code = ""
    department: Code = ""
    contact_date: date | None = None
    created_at: datetime | None = None
    answers: dict[Id, Answer] = Field(default_factory=dict)
    relationship: Relationship | None = Field(
        default=None, description="Relatievraag: verzwakt, behouden of versterkt."
    )
    outcome: Outcome | None = None
    critical_errors: list[Id] = Field(default_factory=list, description="Aangevinkte kritieke fouten (ids).")
    notes: str = Field(default="", max_length=4000)


class ChecklistRef(Strict):
    """The exact checklist an evaluation was scored against."""

    model_config = reference("Checklistverwijzing", "Precies de checklist waarmee is beoordeeld.")

    id: Id
    version: str = Field(description="Versie van de checklist.")
    content_hash: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")] = Field(
        description="sha256 over de inhoud van de checklist; zo is een latere wijziging te herkennen."
    )


class SectionScore(Strict):
    """The score of one section."""

    model_config = reference("Sectiescore", "De score van één sectie.")

    section: Id = Field(description="Id van de sectie.")
    score: float | None = Field(
        description="Percentage 0–100 over de toepasselijke kwaliteitscriteria; leeg zolang de sectie onvolledig is."
    )
    answered: int = Field(description="Aantal beantwoorde criteria in de sectie.")
    total: int = Field(description="Aantal criteria in de sectie.")


class CriticalCriterion(Strict):
    """A critical criterion that was not met."""

    model_config = reference("Kritiek criterium", "Een kritiek criterium dat niet is voldaan.")

    criterion: Id = Field(description="Id van het criterium.")
    title: str = Field(description="Titel van het criterium.")


class CriticalFlag(Strict):
    """A critical error the evaluator flagged."""

    model_config = reference("Aangevinkte kritieke fout", "Een kritieke fout die de beoordelaar aanvinkte.")

    error: Id = Field(description="Id van de kritieke fout.")
    title: str = Field(description="Naam van de kritieke fout.")


class CriticalResult(Strict):
    """Whether the contact failed on something critical, why, and what the checklist does about it."""

    model_config = reference("Kritieke uitkomst", "Of het contact zakte op iets kritieks, waardoor, en wat dat doet.")

    policy: CriticalPolicy = Field(description="Het beleid van de checklist (`zero-score` of `fail-contact`).")
    failed: bool = Field(description="Zakte het contact op een kritiek criterium of een kritieke fout?")
    criteria: list[CriticalCriterion] = Field(description="Kritieke criteria die niet zijn voldaan.")
    errors: list[CriticalFlag] = Field(description="Aangevinkte kritieke fouten.")


class ComplianceResult(Strict):
    """Compliance criteria by result, reported apart from the quality score."""

    model_config = reference("Complianceresultaat", "De compliancecriteria per uitkomst, los van de kwaliteitsscore.")

    passed: list[Id] = Field(description="Ids van voldane compliancecriteria.")
    failed: list[Id] = Field(description="Ids van niet voldane compliancecriteria.")
    not_applicable: list[Id] = Field(description="Ids van compliancecriteria die n.v.t. waren.")
    score: float | None = Field(description="Percentage voldaan van de toepasselijke compliancecriteria.")


class Scores(Strict):
    """Scores computed by the core; never typed by a person."""

    model_config = reference("Scores", "Wat de rekenregels berekenen; nooit met de hand ingevuld.")

    complete: bool = Field(description="Alles ingevuld: criteria, relatievraag en uitkomst.")
    missing: list[str] = Field(description="Ids van onbeantwoorde criteria, en `relationship` / `outcome`.")
    quality: float | None = Field(
        description="Kwaliteitsscore 0–100 na het kritieke beleid; leeg bij een onvolledige evaluatie."
    )
    quality_computed: float | None = Field(description="Kwaliteitsscore zoals berekend, vóór het kritieke beleid.")
    band: Id | None = Field(description="Id van de scoreband waarin `quality` valt.")
    passed: bool | None = Field(
        description="Geslaagd: volledig en niet gezakt op iets kritieks; leeg zolang de beoordeling onvolledig is."
    )
    critical: CriticalResult = Field(description="Kritieke criteria en fouten.")
    sections: list[SectionScore] = Field(description="Score per sectie.")
    compliance: ComplianceResult = Field(description="Compliance, apart gerapporteerd.")
    relationship: Relationship | None = Field(description="Antwoord op de relatievraag.")


Position = Literal["acknowledged", "disputed"]
Ruling = Literal["upheld", "partly-upheld", "rejected"]


class Dispute(Strict):
    """One criterion the agent disputes, and why."""

    model_config = reference("Bezwaar", "Eén criterium waar de medewerker het niet mee eens is, en waarom.")

    criterion: Id = Field(description="Id van het betwiste criterium.")
    comment: str = Field(max_length=4000, description="Waarom de medewerker het er niet mee eens is (verplicht).")


class AgentResponse(Strict):
    """The agent's response to an evaluation: acknowledged, or disputed per criterion."""

    model_config = reference(
        "Reactie van de medewerker", "Gezien en akkoord, of bezwaar per criterium, met wie en wanneer."
    )

    type: Literal["response"] = Field(description="Altijd `response` voor een reactie van de medewerker.")
    by: Annotated[Code, StringConstraints(min_length=1)] = Field(description="Code of pseudoniem van wie reageert.")
    at: datetime = Field(description="Wanneer de reactie is vastgelegd.")
    position: Position = Field(description="`acknowledged` gezien en akkoord, `disputed` bezwaar.")
    comment: str = Field(default="", max_length=4000, description="Algemene opmerking (niet verplicht).")
    disputes: list[Dispute] = Field(
        default_factory=list, description="De betwiste criteria (alleen en minstens één bij `disputed`)."
    )


class CriterionRuling(Strict):
    """The coach's outcome for one disputed criterion, with the answer before and after it."""

    model_config = reference(
        "Besluit per criterium", "Wat de coach besliste over één betwist criterium, met het antwoord ervoor en erna."
    )

    criterion: Id = Field(description="Id van het betwiste criterium.")
    decision: Ruling = Field(description="`upheld` toegekend, `partly-upheld` deels toegekend, `rejected` afgewezen.")
    comment: str = Field(max_length=4000, description="Uitleg van de coach (verplicht).")
    before: Answer = Field(description="Het antwoord vóór dit besluit.")
    after: Answer = Field(description="Het antwoord na dit besluit (gelijk aan `before` bij `rejected`).")


class ReviewOutcome(Strict):
    """The coach's outcome of a dispute: a ruling per disputed criterion, and the scores it changed."""

    model_config = reference(
        "Besluit van de coach", "Het besluit over een bezwaar: per betwist criterium, met de scores ervoor en erna."
    )

    type: Literal["outcome"] = Field(description="Altijd `outcome` voor een besluit van de coach.")
    by: Annotated[Code, StringConstraints(min_length=1)] = Field(description="Code of pseudoniem van de coach.")
    at: datetime = Field(description="Wanneer het besluit is vastgelegd.")
    rulings: list[CriterionRuling] = Field(min_length=1, description="Een besluit per betwist criterium.")
    quality_before: float | None = Field(description="Kwaliteitsscore vóór het besluit (berekend).")
    quality_after: float | None = Field(description="Kwaliteitsscore na het besluit (berekend).")
    passed_before: bool | None = Field(description="Geslaagd vóór het besluit (berekend).")
    passed_after: bool | None = Field(description="Geslaagd na het besluit (berekend).")


ReviewEntry = Annotated[AgentResponse | ReviewOutcome, Field(discriminator="type")]


class Review(Strict):
    """What the agent and the coach said about an evaluation after it was finished, oldest first; append-only."""

    model_config = reference(
        "Reactie en bezwaar",
        "Reacties van de medewerker en besluiten van de coach, oudste eerst; er wordt alleen aan toegevoegd.",
    )

    history: list[ReviewEntry] = Field(min_length=1, description="Reacties en besluiten, in volgorde.")


class Evaluation(Strict):
    """An exported evaluation."""

    model_config = reference(
        "Evaluatie", "Eén geëxporteerde beoordeling: wie, wat, de antwoorden en de berekende scores."
    )

    format: Literal["ijkpunt-evaluation"] = Field(default=FORMAT, description="Altijd `ijkpunt-evaluation`.")
    format_version: Literal[3] = Field(default=FORMAT_VERSION, description="Versie van dit formaat.")
    id: Uuid = Field(description="Unieke id van de beoordeling (UUID).")
    checklist: ChecklistRef = Field(description="De checklist waarmee is beoordeeld.")
    channel: Channel = Field(description="Kanaal van het contact (dat van de checklist).")
    tool_version: str = Field(description="Versie van IJkpunt die de scores berekende.")
    mode: Mode = Field(description="Soort beoordeling: monitoring, kalibratie, training of zelfbeoordeling.")
    evaluator: Annotated[Code, StringConstraints(min_length=1)] = Field(
        description="Pseudoniem of code van de beoordelaar."
    )
    agent: Annotated[Code, StringConstraints(min_length=1)] = Field(
        description="Code van de beoordeelde medewerker (geen naam van een inwoner)."
    )
    team: Code = Field(default="", description="Team van de medewerker.")
    department: Code = Field(default="", description="Afdeling van de medewerker.")
    contact_date: date = Field(description="Datum van het contact.")
    created_at: datetime = Field(description="Wanneer de beoordeling is begonnen.")
    answers: dict[Id, Answer] = Field(description="Antwoorden, op criterium-id.")
    relationship: Relationship | None = Field(description="Relatievraag: verzwakt, behouden of versterkt.")
    outcome: Outcome | None = Field(description="Uitkomst van het contact.")
    critical_errors: list[Id] = Field(default_factory=list, description="Aangevinkte kritieke fouten (ids).")
    notes: str = Field(default="", max_length=4000, description="Algemene opmerkingen van de beoordelaar.")
    scores: Scores = Field(description="De berekende scores.")
    settings: ScoringSettings | None = Field(
        default=None,
        # absent, not null, when no setting changed anything: exports of a site without settings stay as they were
        exclude_if=lambda value: value is None,
        description="Instellingen van de gemeente die criteria n.v.t. maakten (bijv. `records_calls: false`). "
        "Ontbreekt als geen instelling iets veranderde.",
    )
    review: Review | None = Field(
        default=None,
        description="Reactie van de medewerker en besluiten van de coach; de antwoorden en scores zijn die na "
        "het laatste besluit.",
    )

    def draft(self) -> Draft:
        """The answers and metadata, without what the core derived."""
        return Draft.model_validate(self.model_dump(include=set(Draft.model_fields)))
