"""The format reference for checklist authors, rendered from the JSON Schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ijkpunt_core.schema import json_schema


def describe_type(prop: dict[str, Any], titles: dict[str, str] | None = None) -> str:
    """A short Dutch reading of a JSON Schema property type; `titles` names the parts by their Dutch title."""
    titles = titles or {}
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{titles.get(name, name)}](#{name.lower()})"
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "anyOf" in prop or "oneOf" in prop:
        members = [m for m in prop.get("anyOf", prop.get("oneOf", [])) if m.get("type") != "null"]
        return " of ".join(describe_type(m, titles) for m in members)
    kind = prop.get("type")
    if kind == "array":
        return f"lijst van {describe_type(prop.get('items', {}), titles)}"
    if kind == "object" and "patternProperties" in prop:
        return f"tabel id → {describe_type(next(iter(prop['patternProperties'].values())), titles)}"
    names = {
        "string": "tekst",
        "number": "getal",
        "integer": "geheel getal",
        "boolean": "`true`/`false`",
        "object": "object",
    }
    text = names.get(str(kind), str(kind))
    if prop.get("format") == "date":
        text = "datum (JJJJ-MM-DD)"
    elif prop.get("format") == "date-time":
        text = "tijdstip (ISO 8601)"
    return text


def _constraints(prop: dict[str, Any]) -> str:
    parts = []
    for key, label in (("exclusiveMinimum", ">"), ("minimum", "≥"), ("maximum", "≤")):
        if key in prop:
            parts.append(f"{label} {prop[key]}")
    if prop.get("minItems") or prop.get("minProperties"):
        parts.append(f"minstens {prop.get('minItems') or prop.get('minProperties')}")
    if prop.get("minLength"):
        parts.append("niet leeg")
    return ", ".join(parts)


def model_tables(model: type[BaseModel]) -> list[dict[str, Any]]:
    """One table per object in the schema: name, description and its fields."""
    schema = json_schema(model)
    objects = [(model.__name__, schema), *sorted(schema.get("$defs", {}).items())]
    titles = {name: str(definition.get("title", name)) for name, definition in objects}
    tables = []
    for name, definition in objects:
        if "properties" not in definition:
            continue
        required = set(definition.get("required", []))
        fields = [
            {
                "name": field,
                "type": describe_type(prop, titles),
                "required": field in required,
                "default": prop.get("default"),
                "constraints": _constraints(prop),
                "description": " ".join(str(prop.get("description", "")).split()),
            }
            for field, prop in definition["properties"].items()
        ]
        tables.append(
            {
                "name": name,
                "title": titles[name],
                "description": " ".join(str(definition.get("description", "")).split()),
                "fields": fields,
            }
        )
    return tables
