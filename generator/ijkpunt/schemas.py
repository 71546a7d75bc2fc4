"""JSON Schemas of the published formats, generated from the core models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Evaluation

# file name → model; the site publishes these and schemas/ keeps a reviewed copy
FORMATS: dict[str, type[BaseModel]] = {
    "checklist.schema.json": Checklist,
    "evaluation.schema.json": Evaluation,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one format (as accepted on input)."""
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_files() -> dict[str, str]:
    """Every schema as file name → formatted JSON text."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n" for name, model in FORMATS.items()
    }
