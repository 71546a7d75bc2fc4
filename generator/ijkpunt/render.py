"""Render handbook pages (Markdown for mkdocs) and scoring forms (HTML) from the models.

Pure: models and templates in, text out. The templates live in site/templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ijkpunt_core.checklist import GradeScale, OptionsScale

from .safe_text import plain, rich

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
        finalize=_as_text,
    )
    env.globals.update(
        kind_labels=KIND_LABELS, kpi_labels=KPI_LABELS, mode_labels=MODE_LABELS, outcome_labels=OUTCOME_LABELS
    )
    env.filters["scale_summary"] = scale_summary
    env.filters["plain"] = plain
    env.filters["rich"] = rich
    env.filters["percent"] = lambda v: "—" if v is None else f"{v:.1f}".replace(".", ",")
    env.filters["number"] = lambda v: f"{v:g}".replace(".", ",")
    return env


_HARMLESS = re.compile(r"[\w .,/-]*")


def _as_text(value: Any) -> Any:
    """Every value a template prints is text, safe in Markdown and HTML, unless it is already markup."""
    if isinstance(value, Markup) or value is None:
        return value
    text = str(value)
    return Markup(text) if _HARMLESS.fullmatch(text) else plain(text)


def scale_summary(scale: OptionsScale | GradeScale) -> str:
    """`Nee (0) · Ja (1)` or `cijfer 1–10, voldaan vanaf 6`."""
    if isinstance(scale, OptionsScale):
        return " · ".join(f"{o.label} ({o.points:g})" for o in scale.options)
    return f"cijfer {scale.min}–{scale.max}, voldaan vanaf {scale.pass_mark}"


class Renderer:
    """Renders every page of the site from validated models."""

    def __init__(self, templates: Path) -> None:
        self.env = environment(templates)

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)
