"""Render handbook pages (Markdown for mkdocs) and scoring forms (HTML) from the models.

Pure: models and templates in, text out. The templates live in site/templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ijkpunt_core.checklist import Checklist, Criterion, GradeScale, OptionsScale
from ijkpunt_core.evaluation import Answer, Scores
from ijkpunt_core.scoring import normalised

KIND_LABELS = {"quality": "kwaliteit", "compliance": "compliance"}
KPI_LABELS = {
    "klanttevredenheid": "klanttevredenheid",
    "eerste-contactoplossing": "eerste-contactoplossing (FCR)",
    "vertrouwen": "vertrouwen en relatie",
    "compliance": "compliance",
}
# How a contact can end, in the words of each channel (the stored values are the same everywhere).
OUTCOME_LABELS = {
    "telefoon": {"direct": "Direct beantwoord", "transferred": "Doorverbonden", "callback": "Terugbelnotitie"},
    "e-mail": {
        "direct": "Direct beantwoord",
        "transferred": "Doorgezet naar een vakafdeling",
        "callback": "Terugbel- of vervolgnotitie",
    },
    "chat": {"direct": "Direct beantwoord", "transferred": "Overgedragen", "callback": "Terugbelnotitie"},
    "balie": {"direct": "Direct geholpen", "transferred": "Doorverwezen", "callback": "Terugbelnotitie"},
}
MODE_LABELS = {
    "monitoring": "Monitoring",
    "calibration": "Kalibratie",
    "training": "Training",
    "self-assessment": "Zelfbeoordeling",
}


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        kind_labels=KIND_LABELS, kpi_labels=KPI_LABELS, mode_labels=MODE_LABELS, outcome_labels=OUTCOME_LABELS
    )
    env.filters["scale_summary"] = scale_summary
    env.filters["percent"] = lambda v: "—" if v is None else f"{v:.1f}".replace(".", ",")
    env.filters["number"] = lambda v: f"{v:g}".replace(".", ",")
    return env


def scale_summary(scale: OptionsScale | GradeScale) -> str:
    """`Nee (0) · Ja (1)` or `cijfer 1–10, voldaan vanaf 6`."""
    if isinstance(scale, OptionsScale):
        return " · ".join(f"{o.label} ({o.points:g})" for o in scale.options)
    return f"cijfer {scale.min}–{scale.max}, voldaan vanaf {scale.pass_mark}"


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
    rows: list[ExampleRow]
    scores: Scores
    knockout_scores: Scores
    knockout_criterion: Criterion


def example_rows(checklist: Checklist, answers: dict[str, Answer]) -> list[ExampleRow]:
    rows = []
    for criterion in checklist.criteria():
        answer = answers[criterion.id]
        scale = checklist.scale_of(criterion)
        if answer.na:
            label, value = "n.v.t.", None
        elif isinstance(scale, OptionsScale):
            option = scale.option(answer.option or "")
            label, value = (option.label if option else "?"), normalised(scale, answer)
        else:
            label, value = str(answer.grade), normalised(scale, answer)
        rows.append(ExampleRow(criterion, answer, label, value))
    return rows


class Renderer:
    """Renders every page of the site from validated models."""

    def __init__(self, templates: Path) -> None:
        self.env = environment(templates)

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)
