"""A calibration session's figures: the results of several participants on one kit, combined.

Per criterion: the spread of answers, percent agreement, Krippendorff's alpha (ordinal for an options
scale with three or more options and for a grade scale, nominal for two options) and Gwet's AC1 over
the declared values of the scale. The units are the kit's contacts; n.v.t. is not a category: it
is missing for those coefficients, and agreement on applicability (n.v.t. or not) is reported on
its own. A coefficient that cannot be computed is None with the Dutch reason of
:func:`ijkpunt_core.agreement.explain`.

Per participant: agreement with the key (n.v.t. counts as an answer here: saying n.v.t. where the key
says "nee" is a difference worth discussing), per criterion (the heat map) and overall, and per contact
the participant's quality score next to the key's on 0–100, flagged when they differ by more than the
threshold: "mild" when the participant scored higher than the key, "streng" when lower. When a
participant left criteria open, both scores are taken over the criteria the participant answered
(``complete`` is then False).

The discussion agenda lists the criteria with the least agreement first (percent agreement, then AC1).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .agreement import (
    Level,
    Reason,
    deviation_from_key,
    explain,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    split_not_applicable,
)
from .checklist import Checklist, Criterion, GradeScale, Kind
from .evaluation import Answer
from .kit import Kit, KitContact
from .result_code import Result
from .scoring import running_quality, score

__all__ = [
    "DEFAULT_THRESHOLD",
    "NA",
    "Calibration",
    "ContactDifference",
    "CriterionAgreement",
    "ParticipantAgreement",
    "calibrate",
    "contact_difference",
    "criterion_table",
    "key_value",
    "value_of",
]

DEFAULT_THRESHOLD = 5.0
NA = "n.v.t."
"""The value n.v.t. has in a table before :func:`split_not_applicable` takes it out."""

type Value = str | int


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CriterionAgreement(_Model):
    """How much the participants agree on one criterion, over the kit's contacts."""

    criterion: str
    title: str
    kind: Kind
    focus: bool = Field(description="Een focuscriterium van de kit.")
    level: Level = Field(
        description="Meetniveau van alfa: ordinal bij 3 of meer antwoorden of een cijfer, anders nominal."
    )
    categories: list[str] = Field(description="De waarden van de schaal, van laag naar hoog.")
    spread: dict[str, int] = Field(description="Hoe vaak elke waarde, n.v.t. en geen antwoord gekozen is.")
    spread_per_contact: dict[str, dict[str, int]] = Field(description="Dezelfde telling per contact.")
    answers: dict[str, list[str]] = Field(
        description="Per contact het antwoord van elke deelnemer, in de volgorde van `participants` "
        "('' = geen antwoord of contact niet gescoord): wie koos wat, voor het gesprek."
    )
    ratings: int = Field(description="Antwoorden die meetellen (zonder n.v.t. en zonder lege).")
    percent_agreement: float | None
    percent_agreement_reason: Reason | None
    krippendorff_alpha: float | None
    krippendorff_alpha_reason: Reason | None
    gwet_ac1: float | None
    gwet_ac1_reason: Reason | None
    applicability_agreement: float | None = Field(description="Overeenstemming over wel of niet n.v.t.")
    applicability_agreement_reason: Reason | None
    key_agreement: float | None = Field(description="Aandeel antwoorden gelijk aan de sleutel (n.v.t. telt mee).")


class ContactDifference(_Model):
    """A participant's quality score for one contact next to the key's."""

    contact: str
    quality: float | None
    key_quality: float | None
    difference: float | None = Field(description="Deelnemer min sleutel, in punten op 0–100.")
    complete: bool = Field(description="Waar als de deelnemer elk criterium beantwoordde.")
    flag: Literal["mild", "streng"] | None = Field(description="Verschil groter dan de drempel, en welke kant op.")


class ParticipantAgreement(_Model):
    """One participant against the key."""

    participant: str
    contacts: list[str]
    key_agreement: float | None = Field(description="Aandeel antwoorden gelijk aan de sleutel.")
    compared: int = Field(description="Aantal vergeleken antwoorden.")
    key_agreement_per_criterion: dict[str, float | None] = Field(description="Per criterium: de heatmap.")
    differences: list[ContactDifference]
    mean_difference: float | None = Field(description="Gemiddeld verschil met de sleutel over de contacten.")
    flag: Literal["mild", "streng"] | None


class Calibration(_Model):
    """Everything a facilitator sees after pasting the codes."""

    kit: str
    kit_version: str
    checklist: str
    checklist_version: str
    threshold: float
    participants: list[ParticipantAgreement]
    contacts: list[str] = Field(description="De contacten die minstens één deelnemer scoorde, in kitvolgorde.")
    criteria: list[CriterionAgreement] = Field(description="Per criterium, in de volgorde van het formulier.")
    agenda: list[str] = Field(description="Criteria met de minste overeenstemming eerst.")


def value_of(answer: Answer | None) -> Value | None:
    """An answer as a table value: the option id, the grade, :data:`NA`, or None when not answered."""
    if answer is None or not answer.answered:
        return None
    if answer.na:
        return NA
    return answer.option if answer.option is not None else answer.grade


def key_value(contact: KitContact, criterion_id: str) -> Value | None:
    """The key's answer as a table value."""
    key = contact.key.get(criterion_id)
    if key is None:
        return None
    return value_of(Answer(option=key.option, grade=key.grade, na=key.na))


def _categories(checklist: Checklist, criterion: Criterion) -> list[Value]:
    scale = checklist.scale_of(criterion)
    if isinstance(scale, GradeScale):
        return list(range(scale.min, scale.max + 1))
    return [o.id for o in scale.options]


def _level(categories: Sequence[Value], checklist: Checklist, criterion: Criterion) -> Level:
    if isinstance(checklist.scale_of(criterion), GradeScale) or len(categories) >= 3:
        return "ordinal"
    return "nominal"


def criterion_table(results: Sequence[Result], contacts: Sequence[str], criterion_id: str) -> list[list[Value | None]]:
    """Units (contacts) × raters (results) for one criterion, with n.v.t. as :data:`NA`."""
    table: list[list[Value | None]] = []
    for contact_id in contacts:
        row: list[Value | None] = []
        for result in results:
            scored = next((c for c in result.contacts if c.contact == contact_id), None)
            row.append(value_of(scored.answers.get(criterion_id)) if scored else None)
        table.append(row)
    return table


def _spread(rows: Sequence[Sequence[Value | None]], categories: Sequence[Value]) -> dict[str, int]:
    counts = {str(c): 0 for c in categories} | {NA: 0, "": 0}
    for row in rows:
        for value in row:
            counts["" if value is None else str(value)] += 1
    return counts


def _criterion(
    checklist: Checklist,
    criterion: Criterion,
    results: Sequence[Result],
    contacts: Sequence[str],
    keys: dict[str, KitContact] | None,
    focus: Sequence[str],
) -> CriterionAgreement:
    categories = _categories(checklist, criterion)
    level = _level(categories, checklist, criterion)
    raw = criterion_table(results, contacts, criterion.id)
    # who scored a contact but left this criterion open is missing, not a rating; rows of unscored stay None
    ratings, applicable = split_not_applicable(raw, NA)
    table: list[list[Hashable | None]] = [list(row) for row in ratings]
    key_agreement = None
    if keys is not None:
        key = [key_value(keys[c], criterion.id) for c in contacts]
        # all participants' answers as one rater column against the key: the share of answers equal to it
        pooled = [[v] for row in raw for v in row]
        pooled_key = [k for k, row in zip(key, raw, strict=True) for _ in row]
        key_agreement = _against_key(pooled, pooled_key)[0]
    return CriterionAgreement(
        criterion=criterion.id,
        title=criterion.title,
        kind=criterion.kind,
        focus=criterion.id in focus,
        level=level,
        categories=[str(c) for c in categories],
        spread=_spread(raw, categories),
        spread_per_contact={c: _spread([row], categories) for c, row in zip(contacts, raw, strict=True)},
        answers={c: ["" if v is None else str(v) for v in row] for c, row in zip(contacts, raw, strict=True)},
        ratings=sum(v is not None for row in table for v in row),
        percent_agreement=percent_agreement(table),
        percent_agreement_reason=explain(table, "percent_agreement"),
        krippendorff_alpha=krippendorff_alpha(table, level, categories),
        krippendorff_alpha_reason=explain(table, "krippendorff_alpha", level=level, categories=categories),
        gwet_ac1=gwet_ac1(table, categories),
        gwet_ac1_reason=explain(table, "gwet_ac1", categories=categories),
        applicability_agreement=percent_agreement(applicable),
        applicability_agreement_reason=explain(applicable, "percent_agreement"),
        key_agreement=key_agreement,
    )


def _key_answers(contact: KitContact) -> dict[str, Answer]:
    return {cid: Answer(option=k.option, grade=k.grade, na=k.na) for cid, k in contact.key.items()}


def _flag(difference: float | None, threshold: float) -> Literal["mild", "streng"] | None:
    if difference is None or abs(difference) <= threshold:
        return None
    return "mild" if difference > 0 else "streng"


def contact_difference(
    checklist: Checklist, key: KitContact, answers: Mapping[str, Answer], errors: Sequence[str], threshold: float
) -> ContactDifference:
    """A participant's quality score for one contact next to the key's, over the criteria they answered."""
    key_answers = _key_answers(key)
    key_errors = [e.id for e in key.critical_errors]
    answered = {cid: a for cid, a in answers.items() if a.answered}
    complete = all(c.id in answered for c in checklist.criteria())
    if complete:
        # relationship and outcome do not enter the quality score; the key's make both sets complete
        rel, outcome = key.relationship.answer, key.outcome
        quality = score(checklist, answered, rel, outcome, errors).quality
        key_quality = score(checklist, key_answers, rel, outcome, key_errors).quality
    else:
        quality = running_quality(checklist, answered, errors)
        same = {cid: a for cid, a in key_answers.items() if cid in answered}
        key_quality = running_quality(checklist, same, key_errors)
    difference = None if quality is None or key_quality is None else round(quality - key_quality, 1)
    return ContactDifference(
        contact=key.id,
        quality=quality,
        key_quality=key_quality,
        difference=difference,
        complete=complete,
        flag=_flag(difference, threshold),
    )


def _participant(
    index: int,
    results: Sequence[Result],
    checklist: Checklist,
    contacts: Sequence[str],
    keys: dict[str, KitContact] | None,
    threshold: float,
) -> ParticipantAgreement:
    result = results[index]
    if keys is None:
        return ParticipantAgreement(
            participant=result.participant,
            contacts=[c.contact for c in result.contacts],
            key_agreement=None,
            compared=0,
            key_agreement_per_criterion={},
            differences=[_own_score(checklist, c.contact, c.answers, c.critical_errors) for c in result.contacts],
            mean_difference=None,
            flag=None,
        )
    table: list[list[Hashable | None]] = []
    key: list[Hashable | None] = []
    rows_of: dict[str, list[int]] = {}
    for scored in result.contacts:
        for criterion in checklist.criteria():
            rows_of.setdefault(criterion.id, []).append(len(table))
            table.append([value_of(scored.answers.get(criterion.id))])
            key.append(key_value(keys[scored.contact], criterion.id))
    overall = _against_key(table, key)
    per_criterion = {
        cid: _against_key([table[i] for i in rows], [key[i] for i in rows])[0] for cid, rows in rows_of.items()
    }
    differences = [
        contact_difference(checklist, keys[c.contact], c.answers, c.critical_errors, threshold) for c in result.contacts
    ]
    known = [d.difference for d in differences if d.difference is not None]
    mean = round(sum(known) / len(known), 1) if known else None
    return ParticipantAgreement(
        participant=result.participant,
        contacts=[c.contact for c in result.contacts],
        key_agreement=overall[0],
        compared=overall[1],
        key_agreement_per_criterion=per_criterion,
        differences=differences,
        mean_difference=mean,
        flag=_flag(mean, threshold),
    )


def _own_score(
    checklist: Checklist, contact: str, answers: Mapping[str, Answer], errors: Sequence[str]
) -> ContactDifference:
    """A participant's score when the key is not known (sealed): no difference, no flag."""
    answered = {cid: a for cid, a in answers.items() if a.answered}
    complete = all(c.id in answered for c in checklist.criteria())
    # over every criterion, the running score is the final one (relationship and outcome do not enter it)
    quality = running_quality(checklist, answered, errors)
    return ContactDifference(
        contact=contact, quality=quality, key_quality=None, difference=None, complete=complete, flag=None
    )


def _against_key(
    table: Sequence[Sequence[Hashable | None]], key: Sequence[Hashable | None]
) -> tuple[float | None, int]:
    """One rater's share of answers equal to the key, and how many were compared."""
    deviations = deviation_from_key(table, key)
    return (deviations[0].agreement, deviations[0].compared) if deviations else (None, 0)


def _agenda_key(item: tuple[int, CriterionAgreement]) -> tuple[bool, float, float, int]:
    position, c = item
    pa = c.percent_agreement
    ac1 = c.gwet_ac1
    return (pa is None, pa if pa is not None else 1.0, ac1 if ac1 is not None else 1.0, position)


def calibrate(
    kit: Kit,
    checklist: Checklist,
    contacts: Sequence[KitContact] | None,
    results: Sequence[Result],
    threshold: float = DEFAULT_THRESHOLD,
    focus: Sequence[str] | None = None,
) -> Calibration:
    """Combine decoded results of one kit (``checklist`` is the version the kit pins; ``contacts`` its keys).

    Results must belong to this kit (decode them with the kit's layout); a result's contact that has no
    key raises ValueError. ``contacts`` None means the key is not known (sealed and not opened): every
    figure against the key is then None. ``focus`` replaces the kit's focus criteria (a session's choice).
    """
    keys = None if contacts is None else {c.id: c for c in contacts}
    scored = {c.contact for r in results for c in r.contacts}
    missing = scored - set(keys) if keys is not None else set()
    if missing:
        raise ValueError(f"no key for contacts {sorted(missing)}")
    units = [c for c in kit.contacts if c in scored]
    chosen = kit.focus if focus is None else focus
    criteria = [_criterion(checklist, c, results, units, keys, chosen) for c in checklist.criteria()]
    agenda = [c.criterion for _, c in sorted(enumerate(criteria), key=_agenda_key)]
    return Calibration(
        kit=kit.id,
        kit_version=kit.version,
        checklist=checklist.id,
        checklist_version=checklist.version,
        threshold=threshold,
        participants=[_participant(i, results, checklist, units, keys, threshold) for i in range(len(results))],
        contacts=units,
        criteria=criteria,
        agenda=agenda,
    )
