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
    _close_id_maps(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _close_id_maps(node: Any) -> None:
    """`dict[Id, X]` becomes patternProperties; without this a key that is no id would pass the schema."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_id_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_id_maps(value)


def schema_files() -> dict[str, str]:
    """Every schema as file name → formatted JSON text."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n" for name, model in FORMATS.items()
    }
