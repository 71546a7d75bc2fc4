"""JSON Schema of a format, generated from its core model (also usable where the build package is not)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


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
