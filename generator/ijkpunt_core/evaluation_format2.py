"""Evaluation format 2, frozen: IJkpunt 0.2 to 0.4, before the agent's response and the coach's outcome.

Kept only to read old files: :mod:`ijkpunt_core.migrate` validates a format-2 file with this model, so that a
damaged old file is refused at its own field names, and then converts it to the current format. The parts
that did not change (answers, outcome, checklist reference, scores) are the current models; a test checks
that this module still generates the schema format 2 was published with
(``schemas/evaluation-format-2.schema.json``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .checklist import Channel, Id, Relationship, Strict, reference
from .evaluation import FORMAT, Answer, ChecklistRef, Code, Mode, Outcome, Scores, Uuid

FORMAT_VERSION: Literal[2] = 2


class Evaluation(Strict):
    """An exported evaluation."""

    model_config = reference(
        "Evaluatie", "Eén geëxporteerde beoordeling: wie, wat, de antwoorden en de berekende scores."
    )

    format: Literal["ijkpunt-evaluation"] = Field(default=FORMAT, description="Altijd `ijkpunt-evaluation`.")
    format_version: Literal[2] = Field(default=FORMAT_VERSION, description="Versie van dit formaat.")
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
