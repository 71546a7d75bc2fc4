"""The format reference for checklist authors, rendered from the JSON Schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ijkpunt_core.schema import json_schema

from .render import Strings


def describe_type(prop: dict[str, Any], t: Strings, titles: dict[str, str] | None = None) -> str:
    """A short reading of a JSON Schema property type, in the language of `t`; `titles` names the parts by title."""
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
        return f" {t('reference.type.or')} ".join(describe_type(m, t, titles) for m in members)
    kind = prop.get("type")
    if kind == "array":
        return t("reference.type.list", type=describe_type(prop.get("items", {}), t, titles))
    if kind == "object" and "patternProperties" in prop:
        return t("reference.type.table", type=describe_type(next(iter(prop["patternProperties"].values())), t, titles))
    names = {
        "string": t("reference.type.string"),
        "number": t("reference.type.number"),
        "integer": t("reference.type.integer"),
        "boolean": "`true`/`false`",
        "object": t("reference.type.object"),
    }
    text = names.get(str(kind), str(kind))
    if prop.get("format") == "date":
        text = t("reference.type.date")
    elif prop.get("format") == "date-time":
        text = t("reference.type.date_time")
    return text


def _constraints(prop: dict[str, Any], t: Strings) -> str:
    parts = []
    for key, label in (("exclusiveMinimum", ">"), ("minimum", "≥"), ("maximum", "≤")):
        if key in prop:
            parts.append(f"{label} {prop[key]}")
    if prop.get("minItems") or prop.get("minProperties"):
        parts.append(t("reference.constraint.at_least", count=prop.get("minItems") or prop.get("minProperties")))
    if prop.get("minLength"):
        parts.append(t("reference.constraint.not_empty"))
    return ", ".join(parts)


def model_tables(model: type[BaseModel], t: Strings) -> list[dict[str, Any]]:
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
                "type": describe_type(prop, t, titles),
                "required": field in required,
                "default": prop.get("default"),
                "constraints": _constraints(prop, t),
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
