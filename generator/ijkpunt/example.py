"""The handbook's worked example: answers in site/examples/rekenvoorbeeld.yaml, scored by the core."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from pydantic import Field

from ijkpunt_core.checklist import Checklist, Criterion, Document, Id, OptionsScale, Relationship, Text
from ijkpunt_core.evaluate import answer_problems
from ijkpunt_core.evaluation import Answer, Draft, Outcome, Scores
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.scoring import normalised, score


class ExampleInput(Document):
    """site/examples/rekenvoorbeeld.yaml: the answers of the handbook's worked example."""

    checklist: Id
    contact: Text = Field(description="What happened in the contact, for the reader of the handbook (Dutch).")
    answers: dict[Id, Answer]
    relationship: Relationship
    outcome: Outcome
    critical: Id = Field(description="A critical criterion shown failing in the second half of the example.")
    critical_option: Id


@dataclass(frozen=True)
class ExampleRow:
    criterion: Criterion
    answer: Answer
    label: str
    normalised: float | None

    @property
    def weighted(self) -> float:
        return self.criterion.weight * (self.normalised or 0.0)


@dataclass(frozen=True)
class WorkedExample:
    """A scored example for the handbook, computed by the core at build time."""

    checklist: Checklist
    contact: str
    rows: list[ExampleRow]
    scores: Scores
    critical_scores: Scores
    critical_criterion: Criterion


def worked_example(example: ExampleInput, checklists: list[Checklist]) -> tuple[WorkedExample | None, list[Problem]]:
    """Score the example with the core, or say why it no longer fits its checklist."""
    checklist = next((c for c in checklists if c.id == example.checklist), None)
    if checklist is None:
        known = tuple(c.id for c in checklists)
        return None, [Problem(Code.UNKNOWN_CHECKLIST, ("checklist",), {"checklist": example.checklist}, allowed=known)]
    draft = Draft(id=str(uuid.UUID(int=0)), answers=example.answers)
    problems = answer_problems(checklist, draft)
    critical = checklist.criterion(example.critical)
    if critical is None or not critical.critical:
        problems.append(Problem(Code.EXAMPLE_NOT_CRITICAL, ("critical",), {"criterion": example.critical}))
    missing = [c.id for c in checklist.criteria() if c.id not in example.answers]
    if missing:
        problems.append(Problem(Code.EXAMPLE_INCOMPLETE, ("answers",), {"missing": ", ".join(missing)}))
    if problems or critical is None:
        return None, problems
    fallen = {**example.answers, critical.id: Answer(option=example.critical_option)}
    fallen_problems = answer_problems(checklist, Draft(id=draft.id, answers=fallen))
    if fallen_problems:
        return None, [Problem(p.code, ("critical_option",), p.params, p.allowed) for p in fallen_problems]
    return (
        WorkedExample(
            checklist=checklist,
            contact=example.contact,
            rows=example_rows(checklist, example.answers),
            scores=score(checklist, example.answers, example.relationship, example.outcome),
            critical_scores=score(checklist, fallen, example.relationship, example.outcome),
            critical_criterion=critical,
        ),
        [],
    )


def example_rows(checklist: Checklist, answers: dict[str, Answer]) -> list[ExampleRow]:
    rows = []
    for criterion in checklist.criteria():
        answer = answers[criterion.id]
        scale = checklist.scale_of(criterion)
        if answer.na:
            label, value = "", None  # the template says n.v.t.
        elif isinstance(scale, OptionsScale):
            option = scale.option(answer.option or "")
            label, value = (option.label if option else "?"), normalised(scale, answer)
        else:
            label, value = str(answer.grade), normalised(scale, answer)
        rows.append(ExampleRow(criterion, answer, label, value))
    return rows
