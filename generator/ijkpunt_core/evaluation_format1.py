"""Evaluation format 1, frozen: the first published format (IJkpunt 0.1, until checklist format 2.0).

Kept only to read old files: :mod:`ijkpunt_core.migrate` validates a format-1 file with these models, so
that a damaged old file is refused at its own field names, and then converts it to the current format.
The parts that did not change (answers, outcome, checklist reference, section and compliance scores) are
the current models; a test checks that this module still generates the schema format 1 was published with.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .checklist import Channel, Id, Strict, reference
from .evaluation import FORMAT, Answer, ChecklistRef, Code, ComplianceResult, Mode, Outcome, SectionScore, Uuid

FORMAT_VERSION: Literal[1] = 1


class KnockOut(Strict):
    """A knock-out criterion that was not met."""

    model_config = reference("Knock-out", "Een knock-outcriterium dat niet is voldaan.")

    criterion: Id = Field(description="Id van het criterium.")
    title: str = Field(description="Titel van het criterium.")


class Scores(Strict):
    """Scores computed by the core; never typed by a person."""

    model_config = reference("Scores", "Wat de rekenregels berekenen; nooit met de hand ingevuld.")

    complete: bool = Field(description="Alles ingevuld: criteria, relatievraag en uitkomst.")
    missing: list[str] = Field(description="Ids van onbeantwoorde criteria, en `relationship` / `outcome`.")
    quality: float | None = Field(
        description="Kwaliteitsscore 0–100 na knock-outs; leeg bij een onvolledige evaluatie."
    )
    quality_before_knockout: float | None = Field(description="Kwaliteitsscore zonder de knock-outs.")
    knockouts: list[KnockOut] = Field(description="Knock-outcriteria die niet zijn voldaan.")
    sections: list[SectionScore] = Field(description="Score per sectie.")
    compliance: ComplianceResult = Field(description="Compliance, apart gerapporteerd.")
    relationship_kept: bool | None = Field(description="Antwoord op de relatievraag.")


class Evaluation(Strict):
    """An exported evaluation."""

    model_config = reference(
        "Evaluatie", "Eén geëxporteerde beoordeling: wie, wat, de antwoorden en de berekende scores."
    )

    format: Literal["ijkpunt-evaluation"] = Field(default=FORMAT, description="Altijd `ijkpunt-evaluation`.")
    format_version: Literal[1] = Field(default=FORMAT_VERSION, description="Versie van dit formaat.")
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
    relationship: bool | None = Field(description="Relatievraag: vertrouwen behouden of versterkt?")
    outcome: Outcome | None = Field(description="Uitkomst van het contact.")
    notes: str = Field(default="", max_length=4000, description="Algemene opmerkingen van de beoordelaar.")
    scores: Scores = Field(description="De berekende scores.")
