"""A survey checklist's importance rules, reported by the loader with file, line and a readable path."""

from __future__ import annotations

from pathlib import Path

import pytest

from ijkpunt.project import load_checklist_file
from ijkpunt_core.problems import describe_segments

from ..builders import line_no, survey_checklist, to_yaml

CASES = [
    # (code, criterion index, key, value or None to delete, line needle (occurrence), path after the criterion)
    ("E222", 1, "importance_of", None, "- id: belang-geholpen", "importance_of"),
    ("E223", 0, "importance_of", "resultaat", ("importance_of: resultaat", 1), "importance_of"),
    ("E224", 1, "importance_of", "wachttijd", "importance_of: wachttijd", "importance_of"),
    ("E225", 3, "importance_of", "geholpen", ("importance_of: geholpen", 2), "importance_of"),
]


@pytest.mark.parametrize(("code", "index", "key", "value", "needle", "where"), CASES, ids=[c[0] for c in CASES])
def test_importance_problem_points_at_its_line(
    code: str, index: int, key: str, value: str | None, needle: str | tuple[str, int], where: str
) -> None:
    document = survey_checklist()
    criterion = document["sections"][0]["criteria"][index]
    if value is None:
        del criterion[key]
    else:
        criterion[key] = value
    text = to_yaml(document)
    loaded = load_checklist_file(Path("enquete.yaml"), text=text)
    hits = [d for d in loaded.diagnostics if d.problem.code == code]
    assert len(hits) == 1, [d.render("en") for d in loaded.diagnostics]
    needle_text, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
    assert hits[0].line == line_no(text, needle_text, occurrence)
    expected = f"section 'oordeel' → criterion '{criterion['id']}' → {where}"
    assert describe_segments(hits[0].where, "en") == expected
    assert hits[0].render("en").startswith(f"enquete.yaml:{hits[0].line}: {expected}: ")
    assert hits[0].render("nl").endswith(f"[{code}]")
    assert loaded.value is None


def test_importance_outside_a_survey_points_at_the_kind() -> None:
    document = survey_checklist()
    del document["kind"]
    text = to_yaml(document)
    loaded = load_checklist_file(Path("enquete.yaml"), text=text)
    lines = sorted(d.line for d in loaded.diagnostics if d.problem.code == "E221")
    assert lines == [line_no(text, "kind: importance", 1), line_no(text, "kind: importance", 2)]
