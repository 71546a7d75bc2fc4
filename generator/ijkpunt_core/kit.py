"""The calibration-kit format: sample contacts with a reference key, scored against one checklist version.

A kit is a folder: `kit.yaml` (:class:`Kit`), and per contact a YAML file with the reference key
(:class:`KitContact`) and a Markdown transcript of numbered speaker turns (:func:`parse_transcript`).
:func:`kit_problems` checks a kit against its checklist and reports every problem with its place.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from .checklist import SEMVER_PATTERN, Checklist, Document, Id, Relationship, Text, reference
from .evaluate import answer_problems
from .evaluation import Answer, Draft, Outcome
from .privacy import personal_data_in_text
from .problems import Code, Path, Problem

Version = Annotated[str, StringConstraints(pattern=SEMVER_PATTERN)]


class ChecklistPin(Document):
    """The exact checklist version a kit is scored against."""

    model_config = reference("Checklistversie", "De checklist en de precieze versie waartegen de kit is gescoord.")

    id: Id
    version: Version = Field(description="Versie van de checklist, bijv. `2.0.0`.")


class Kit(Document):
    """kit.yaml: what a facilitator and a trainee see of a calibration kit."""

    model_config = reference(
        "Kalibratiekit", "Een set voorbeeldcontacten met een sleutel, voor training en kalibratie."
    )

    id: Id
    version: Version = Field(description="Versie van de kit.")
    title: Text = Field(description="Naam van de kit.")
    license: Text = Field(description="Licentie van de tekst, bijv. `CC-BY-4.0`.")
    checklist: ChecklistPin = Field(description="De checklist waartegen de contacten zijn gescoord.")
    description: Text = Field(description="Inleiding voor het handboek, zonder iets van de sleutel te verraden.")
    focus: list[Id] = Field(min_length=1, max_length=8, description="Criteria waar deze kit het best voor is.")
    facilitator_notes: Text = Field(description="Voor de gespreksleider: hoe je de sessie leidt.")
    discussion_questions: list[Text] = Field(min_length=1, description="Vragen voor het groepsgesprek.")
    contacts: list[Id] = Field(min_length=1, description="Ids van de contacten, in volgorde.")


class KeyAnswer(Document):
    """The expert answer to one criterion, with the reason and the moments it rests on."""

    model_config = reference("Sleutelantwoord", "Het antwoord van de expert op één criterium, met de reden.")

    option: Id | None = Field(default=None, description="Id van het antwoord (schaal met antwoorden).")
    grade: int | None = Field(default=None, description="Cijfer (cijferschaal).")
    na: bool = Field(default=False, description="Niet van toepassing.")
    rationale: Text = Field(description="Waarom dit het antwoord is; noem het moment (beurt of citaat).")
    turns: list[int] = Field(default_factory=list, description="Nummers van de beurten waar de reden op steunt.")


class KeyFlag(Document):
    """A critical error the key flags in a contact."""

    model_config = reference("Sleutelfout", "Een kritieke fout die de sleutel in dit contact aanvinkt.")

    id: Id
    rationale: Text = Field(description="Waarom de fout is aangevinkt; noem het moment.")
    turns: list[int] = Field(default_factory=list, description="Nummers van de beurten waar de reden op steunt.")


class KeyRelationship(Document):
    """The key's answer to the relationship question."""

    model_config = reference("Sleutelrelatie", "Het antwoord van de sleutel op de relatievraag.")

    answer: Relationship = Field(description="`weakened`, `kept` of `strengthened`.")
    rationale: Text = Field(description="Waarom; noem het moment.")
    turns: list[int] = Field(default_factory=list, description="Nummers van de beurten waar de reden op steunt.")


class KitContact(Document):
    """contacts/<id>.yaml: one sample contact and its reference key."""

    model_config = reference("Kitcontact", "Eén voorbeeldcontact met de sleutel.")

    id: Id
    title: Text = Field(description="Korte titel voor deelnemers, zonder iets van de sleutel te verraden.")
    summary: Text = Field(description="Eén zin over het contact, zonder iets van de sleutel te verraden.")
    transcript: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.md$")] = Field(
        description="Bestandsnaam van het transcript naast dit bestand."
    )
    audio: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.(mp3|ogg|opus|m4a)$")] | None = Field(
        default=None, description="Bestandsnaam van een geluidsopname naast dit bestand (niet verplicht)."
    )
    agent: Text = Field(description="Schuilnaam van de medewerker in het contact.")
    reference_material: Text | None = Field(
        default=None,
        description="Wat de beoordelaar naast het contact ziet: het kennisbankartikel of de werkinstructie die geldt.",
    )
    registration: Text | None = Field(
        default=None, description="Wat de medewerker na het contact registreerde (voor criteria die dat nodig hebben)."
    )
    fictitious: list[Text] = Field(
        default_factory=list, description="Verzonnen waarden die op persoonsgegevens lijken (telefoonnummer e.d.)."
    )
    key: dict[Id, KeyAnswer] = Field(description="Het antwoord van de sleutel op elk criterium.")
    critical_errors: list[KeyFlag] = Field(
        default_factory=list, description="Kritieke fouten die de sleutel in dit contact aanvinkt."
    )
    relationship: KeyRelationship = Field(description="Verzwakt, behouden of versterkt volgens de sleutel, met reden.")
    outcome: Outcome = Field(description="De uitkomst van het contact volgens de sleutel.")


@dataclass(frozen=True)
class Turn:
    number: int
    speaker: str
    text: str
    line: int


_TURN = re.compile(r"^(\d+)\.\s+\*\*(.+?):\*\*\s?(.*)$")


def parse_transcript(markdown: str) -> list[Turn]:
    """Numbered speaker turns: `3. **Inwoner (10:02):** tekst`, continued on indented lines.

    A blank line between indented lines is a paragraph break inside the turn (an e-mail has paragraphs).
    """
    turns: list[Turn] = []
    blank = False
    for line_number, line in enumerate(markdown.splitlines(), start=1):
        match = _TURN.match(line)
        if match:
            turns.append(Turn(int(match.group(1)), match.group(2).strip(), match.group(3).strip(), line_number))
        elif turns and line.startswith((" ", "\t")) and line.strip():
            last = turns[-1]
            joiner = "\n\n" if blank and last.text else "\n"
            turns[-1] = Turn(last.number, last.speaker, f"{last.text}{joiner}{line.strip()}".strip(), last.line)
        elif line.strip() and not line.startswith((" ", "\t")):
            blank = False
            continue
        blank = not line.strip()
    return turns


def kit_problems(kit: Kit, checklist: Checklist | None, known: Sequence[str]) -> list[Problem]:
    """Problems of kit.yaml against its checklist (None: the pinned id or version is not known)."""
    if checklist is None:
        return [
            Problem(
                Code.KIT_UNKNOWN_CHECKLIST,
                ("checklist",),
                {"checklist": f"{kit.checklist.id} {kit.checklist.version}"},
                allowed=tuple(known),
            )
        ]
    ids = tuple(c.id for c in checklist.criteria())
    return [
        Problem(Code.UNKNOWN_CRITERION, ("focus", i), {"criterion": f, "checklist": checklist.id}, allowed=ids)
        for i, f in enumerate(kit.focus)
        if f not in ids
    ]


def contact_problems(contact: KitContact, checklist: Checklist, turns: Sequence[Turn]) -> list[Problem]:
    """Problems of one contact's key against the checklist and its transcript."""
    return list(_contact_problems(contact, checklist, {t.number for t in turns}))


def _contact_problems(contact: KitContact, checklist: Checklist, numbers: set[int]) -> Iterator[Problem]:
    if not numbers:
        yield Problem(Code.TRANSCRIPT_WITHOUT_TURNS, ("transcript",), {"file": contact.transcript})
    for listed in checklist.criteria():
        if listed.id not in contact.key:
            yield Problem(Code.KEY_MISSING, ("key",), {"criterion": listed.id})
    answers: dict[str, Answer] = {}
    for criterion_id, answer in contact.key.items():
        if sum((answer.option is not None, answer.grade is not None, answer.na)) != 1:
            yield Problem(Code.ONE_CHOICE, ("key", criterion_id))
        else:
            answers[criterion_id] = Answer(option=answer.option, grade=answer.grade, na=answer.na)
        yield from _turn_problems(answer.turns, ("key", criterion_id, "turns"), numbers)
    # A key answer must fit the checklist exactly as an evaluator's answer must: the same check, placed in `key`.
    draft = Draft(id=str(uuid.UUID(int=0)), answers=answers)
    for problem in answer_problems(checklist, draft):
        yield Problem(problem.code, ("key", *problem.path[1:]), problem.params, problem.allowed)
    known_errors = tuple(e.id for e in checklist.critical_errors)
    for i, flag in enumerate(contact.critical_errors):
        if flag.id not in known_errors:
            params = {"error": flag.id, "checklist": checklist.id}
            yield Problem(Code.UNKNOWN_CRITICAL_ERROR, ("critical_errors", i, "id"), params, allowed=known_errors)
        yield from _turn_problems(flag.turns, ("critical_errors", i, "turns"), numbers)
    yield from _turn_problems(contact.relationship.turns, ("relationship", "turns"), numbers)


def _turn_problems(turns: Sequence[int], path: Path, numbers: set[int]) -> Iterator[Problem]:
    for i, number in enumerate(turns):
        if number not in numbers:
            yield Problem(Code.UNKNOWN_TURN, (*path, i), {"turn": number, "last": max(numbers, default=0)})


def transcript_privacy_problems(markdown: str, fictitious: Sequence[str]) -> list[Problem]:
    """Personal data that looks real in a transcript, unless the kit lists it as invented."""
    invented = {_normalised(v) for v in fictitious}
    return [
        Problem(Code.PERSONAL_DATA_IN_KIT, (), {"kind": f.kind, "value": f.value, "line": f.line})
        for f in personal_data_in_text(markdown)
        if _normalised(f.value) not in invented
    ]


def _normalised(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value).lower()
