"""schemas/ is a reviewed copy of what the models generate: it must not drift from the code."""

from __future__ import annotations

import json

import pytest

from ijkpunt.schemas import FORMATS, schema_files

from ..builders import ROOT

SCHEMAS = ROOT / "schemas"
FIX = "run `make schemas` and commit the result"


def test_every_format_has_a_committed_schema_and_nothing_else() -> None:
    committed = sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    assert committed == sorted(schema_files()), f"schemas/ holds {committed}, the code makes {sorted(FORMATS)}: {FIX}"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_committed_schema_equals_the_generated_one(name: str) -> None:
    path = SCHEMAS / name
    assert path.is_file(), f"schemas/{name} is missing: {FIX}"
    committed = path.read_text(encoding="utf-8")
    generated = schema_files()[name]
    if committed != generated:
        same_json = json.loads(committed) == json.loads(generated)
        changed = "only the formatting differs" if same_json else "the JSON differs"
        pytest.fail(f"schemas/{name} is out of date with the models ({changed}): {FIX}")


def test_schema_files_are_deterministic_and_declare_their_dialect() -> None:
    first, second = schema_files(), schema_files()
    assert first == second
    for name, text in first.items():
        assert text.endswith("}\n"), name
        assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
