"""Training mode: one trainee's answers to a kit contact, next to the expert key, criterion by criterion.

The rules are calibration's: an answer agrees when it is the key's value (n.v.t. counts as an answer,
so n.v.t. where the key says "nee" is a difference); a criterion left open is not compared; the
trainee's quality score is set beside the key's over the criteria the trainee answered
(:func:`ijkpunt_core.calibration.contact_difference`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field

from .calibration import DEFAULT_THRESHOLD, NA, ContactDifference, contact_difference, key_value, value_of
from .checklist import Checklist, Criterion, GradeScale, Relationship
from .evaluation import Answer
from .kit import KitContact

__all__ = ["CriterionComparison", "FlagComparison", "RelationshipComparison", "Training", "compare"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CriterionComparison(_Model):
    """One criterion: the trainee's answer, the key's, and why the key says so."""

    criterion: str
    title: str
    section: str = Field(description="Titel van de sectie.")
    kind: str
    critical: bool
    answer: str | None = Field(description="Waarde van de deelnemer (optie, cijfer of n.v.t.), of null.")
    answer_label: str | None
    key: str | None
    key_label: str | None
    agrees: bool | None = Field(description="Null als de deelnemer niet antwoordde.")
    rationale: str
    turns: list[int]


class FlagComparison(_Model):
    """A critical error: ticked by the trainee, by the key, or by both."""

    id: str
    title: str
    trainee: bool
    key: bool
    agrees: bool
    rationale: str | None


class RelationshipComparison(_Model):
    answer: Relationship | None
    key: Relationship
    agrees: bool | None
    rationale: str
    turns: list[int]


class Training(_Model):
    """What a trainee sees after handing in a kit contact."""

    contact: str
    criteria: list[CriterionComparison]
    critical_errors: list[FlagComparison]
    relationship: RelationshipComparison
    compared: int = Field(description="Beantwoorde criteria, vergeleken met de sleutel.")
    agreed: int
    agreement: float | None = Field(description="Aandeel gelijke antwoorden, of null als niets beantwoord is.")
    unanswered: list[str]
    score: ContactDifference


def _label(checklist: Checklist, criterion: Criterion, value: str | int | None) -> str | None:
    if value is None:
        return None
    if value == NA:
        return NA
    scale = checklist.scale_of(criterion)
    if isinstance(scale, GradeScale):
        return str(value)
    option = scale.option(str(value))
    return option.label if option is not None else str(value)


def compare(
    checklist: Checklist,
    contact: KitContact,
    answers: Mapping[str, Answer],
    critical_errors: Sequence[str] = (),
    relationship: Relationship | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Training:
    """Compare one trainee's answers to a contact with its key (``checklist``: the version the kit pins)."""
    rows: list[CriterionComparison] = []
    for section in checklist.sections:
        for criterion in section.criteria:
            value = value_of(answers.get(criterion.id))
            key = key_value(contact, criterion.id)
            key_answer = contact.key.get(criterion.id)
            rows.append(
                CriterionComparison(
                    criterion=criterion.id,
                    title=criterion.title,
                    section=section.title,
                    kind=criterion.kind,
                    critical=criterion.critical,
                    answer=None if value is None else str(value),
                    answer_label=_label(checklist, criterion, value),
                    key=None if key is None else str(key),
                    key_label=_label(checklist, criterion, key),
                    agrees=None if value is None else value == key,
                    rationale=key_answer.rationale if key_answer else "",
                    turns=list(key_answer.turns) if key_answer else [],
                )
            )
    flagged = {f.id: f for f in contact.critical_errors}
    flags = [
        FlagComparison(
            id=e.id,
            title=e.title,
            trainee=e.id in critical_errors,
            key=e.id in flagged,
            agrees=(e.id in critical_errors) == (e.id in flagged),
            rationale=flagged[e.id].rationale if e.id in flagged else None,
        )
        for e in checklist.critical_errors
    ]
    compared = [r for r in rows if r.agrees is not None]
    agreed = sum(bool(r.agrees) for r in compared)
    return Training(
        contact=contact.id,
        criteria=rows,
        critical_errors=flags,
        relationship=RelationshipComparison(
            answer=relationship,
            key=contact.relationship.answer,
            agrees=None if relationship is None else relationship == contact.relationship.answer,
            rationale=contact.relationship.rationale,
            turns=list(contact.relationship.turns),
        ),
        compared=len(compared),
        agreed=agreed,
        agreement=agreed / len(compared) if compared else None,
        unanswered=[r.criterion for r in rows if r.agrees is None],
        score=contact_difference(checklist, contact, answers, critical_errors, threshold),
    )
