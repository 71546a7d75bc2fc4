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

from .checklist import Channel, Id, Strict

Mode = Literal["monitoring", "calibration", "training", "self-assessment"]
Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Code = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)]

FORMAT: Literal["ijkpunt-evaluation"] = "ijkpunt-evaluation"
FORMAT_VERSION: Literal[1] = 1


class Answer(Strict):
    """The answer to one criterion: an option, a grade, or n.v.t., with an optional comment."""

    option: Id | None = Field(default=None, description="Id van het gekozen antwoord (optieschaal).")
    grade: int | None = Field(default=None, description="Gekozen cijfer (cijferschaal).")
    na: bool = Field(default=False, description="Niet van toepassing.")
    comment: str = Field(default="", max_length=4000, description="Toelichting van de beoordelaar.")

    @model_validator(mode="after")
    def _one_choice(self) -> Answer:
        if sum((self.option is not None, self.grade is not None, self.na)) > 1:
            raise PydanticCustomError("one_choice", "choose one of option, grade or na")
        return self

    @property
    def answered(self) -> bool:
        return self.option is not None or self.grade is not None or self.na


class Outcome(Strict):
    """How the contact ended: answered directly, transferred n times, or a call-back note."""

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
    relationship: bool | None = Field(default=None, description="Relatievraag: vertrouwen behouden of versterkt?")
    outcome: Outcome | None = None
    notes: str = Field(default="", max_length=4000)


class ChecklistRef(Strict):
    """The exact checklist an evaluation was scored against."""

    id: Id
    version: str
    content_hash: Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]


class SectionScore(Strict):
    section: Id
    score: float | None = Field(
        description="Percentage 0–100 over de toepasselijke kwaliteitscriteria; leeg zolang de sectie onvolledig is."
    )
    answered: int
    total: int


class KnockOut(Strict):
    criterion: Id
    title: str


class ComplianceResult(Strict):
    passed: list[Id]
    failed: list[Id]
    not_applicable: list[Id]
    score: float | None = Field(description="Percentage voldaan van de toepasselijke compliancecriteria.")


class Scores(Strict):
    """Scores computed by the core; never typed by a person."""

    complete: bool
    missing: list[str] = Field(description="Ids van onbeantwoorde criteria, en `relationship` / `outcome`.")
    quality: float | None = Field(
        description="Kwaliteitsscore 0–100 na knock-outs; leeg bij een onvolledige evaluatie."
    )
    quality_before_knockout: float | None
    knockouts: list[KnockOut]
    sections: list[SectionScore]
    compliance: ComplianceResult
    relationship_kept: bool | None


class Evaluation(Strict):
    """An exported evaluation."""

    format: Literal["ijkpunt-evaluation"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    id: Uuid
    checklist: ChecklistRef
    channel: Channel
    tool_version: str
    mode: Mode
    evaluator: Annotated[Code, StringConstraints(min_length=1)]
    agent: Annotated[Code, StringConstraints(min_length=1)]
    team: Code = ""
    department: Code = ""
    contact_date: date
    created_at: datetime
    answers: dict[Id, Answer]
    relationship: bool | None
    outcome: Outcome | None
    notes: str = Field(default="", max_length=4000)
    scores: Scores

    def draft(self) -> Draft:
        """The answers and metadata, without what the core derived."""
        return Draft.model_validate(self.model_dump(include=set(Draft.model_fields)))
