"""Conditions (`applies_when`) reported by the loader with file, line, a readable path and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ijkpunt.project import load_checklist_file
from ijkpunt_core.problems import describe_segments

from ..builders import criterion, line_no, minimal_checklist, section, to_yaml


def document(**conditions: dict[str, Any]) -> dict[str, Any]:
    """groet, melding, termijn, bevestiging in one section; `conditions` gives criteria their `applies_when`."""
    return minimal_checklist(
        section(
            "afhandeling",
            *(
                criterion(cid, **({"applies_when": conditions[cid]} if cid in conditions else {}))
                for cid in ("groet", "melding", "termijn", "bevestiging")
            ),
        )
    )


CASES = [
    # (code, conditions, criterion with the problem, line needle (occurrence), path after the criterion, in the text)
    ("E226", {"termijn": {"criterion": "meldng", "options": ["ja"]}}, "termijn", "criterion: meldng", "criterion",
     "'meldng' is not a criterion of this checklist"),
    ("E227", {"termijn": {"criterion": "melding", "options": ["ja", "wel"]}}, "termijn", "- wel", "options[1]",
     "'wel' is not an answer of criterion 'melding' (scale 'ja-nee'); choose an id from that scale (allowed: nee, ja)"),
    ("E228", {"termijn": {"criterion": "termijn", "options": ["ja"]}}, "termijn", "criterion: termijn", "criterion",
     "a criterion cannot depend on its own answer"),
    ("E229", {"melding": {"criterion": "termijn", "options": ["ja"]}, "termijn": {"criterion": "melding",
     "options": ["ja"]}}, "melding", "criterion: termijn", "criterion", "(melding → termijn → melding)"),
    ("E230", {"melding": {"criterion": "bevestiging", "options": ["ja"]}}, "melding", "criterion: bevestiging",
     "criterion", "criterion 'bevestiging' comes later on the form"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "conditions", "owner", "needle", "where", "text"), CASES, ids=[c[0] for c in CASES])
def test_condition_problem_points_at_its_line(
    code: str, conditions: dict[str, dict[str, Any]], owner: str, needle: str, where: str, text: str
) -> None:
    yaml_text = to_yaml(document(**conditions))
    loaded = load_checklist_file(Path("kcc-test.yaml"), text=yaml_text)
    hits = [d for d in loaded.diagnostics if d.problem.code == code]
    assert hits, [d.render("en") for d in loaded.diagnostics]
    first = hits[0]
    assert first.line == line_no(yaml_text, needle)
    expected = f"section 'afhandeling' → criterion '{owner}' → applies_when → {where}"
    assert describe_segments(first.where, "en") == expected
    rendered = first.render("en")
    assert rendered.startswith(f"kcc-test.yaml:{first.line}: {expected}: ") and text in rendered
    assert first.render("nl").endswith(f"[{code}]")
    assert loaded.value is None


def test_condition_on_a_grade_question_points_at_its_line() -> None:
    doc = document(termijn={"criterion": "melding", "options": ["ja"]})
    doc["scales"]["cijfer"] = {"type": "grade", "title": "Rapportcijfer"}
    melding = doc["sections"][0]["criteria"][1]
    melding["scale"] = "cijfer"
    del melding["anchors"]
    yaml_text = to_yaml(doc)
    loaded = load_checklist_file(Path("kcc-test.yaml"), text=yaml_text)
    [hit] = [d for d in loaded.diagnostics if d.problem.code == "E231"]
    assert hit.line == line_no(yaml_text, "criterion: melding")
    assert "criterion 'melding' has a grade scale" in hit.render("en")


def test_a_valid_condition_loads() -> None:
    loaded = load_checklist_file(
        Path("kcc-test.yaml"), text=to_yaml(document(termijn={"criterion": "melding", "options": ["ja"]}))
    )
    assert loaded.diagnostics == [] and loaded.value is not None
    condition = loaded.value.criterion("termijn").applies_when  # type: ignore[union-attr]
    assert condition is not None and (condition.criterion, condition.options) == ("melding", ["ja"])
