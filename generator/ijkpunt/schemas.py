"""JSON Schemas of the published formats and reports, generated from the models."""

from __future__ import annotations

import json

from pydantic import BaseModel

from ijkpunt_core import evaluation_format1, evaluation_format2
from ijkpunt_core.aggregate import AggregateReport
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Evaluation
from ijkpunt_core.kit import Kit, KitContact
from ijkpunt_core.schema import json_schema
from ijkpunt_core.variants import Variant

from .reports import CalibrationReport, CheckReport, ScoreReport

# file name → model; the site publishes these and schemas/ keeps a reviewed copy
FORMATS: dict[str, type[BaseModel]] = {
    "checklist.schema.json": Checklist,
    "checklist-variant.schema.json": Variant,
    "evaluation.schema.json": Evaluation,
    "evaluation-format-1.schema.json": evaluation_format1.Evaluation,  # still read (migrated); frozen
    "evaluation-format-2.schema.json": evaluation_format2.Evaluation,  # still read (migrated); frozen
    "kit.schema.json": Kit,
    "kit-contact.schema.json": KitContact,
    "check-report.schema.json": CheckReport,
    "score-report.schema.json": ScoreReport,
    "calibrate-report.schema.json": CalibrationReport,
    "aggregate-report.schema.json": AggregateReport,
}


def schema_files() -> dict[str, str]:
    """Every schema as file name → formatted JSON text."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n" for name, model in FORMATS.items()
    }
