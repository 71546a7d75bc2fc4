"""The content rules of the 2.0 checklist format: anchors, bases, bands, critical errors, targets, changelog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import answer_problems
from ijkpunt_core.evaluation import Draft
from ijkpunt_core.problems import Code
from ijkpunt_core.validate import validate_checklist

from ..builders import criterion, grade_scale, minimal_checklist, options_scale, section

Edit = Callable[[dict[str, Any]], None]


def crit(doc: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = doc["sections"][0]["criteria"][0]
    return first


def two_criteria() -> dict[str, Any]:
    return minimal_checklist(section("s", criterion("a"), criterion("b")))


CASES: list[tuple[str, Callable[[], dict[str, Any]], Edit, Code, tuple[str | int, ...]]] = [
    ("anchor missing", minimal_checklist, lambda d: crit(d)["anchors"].pop("ja"), Code.MISSING_ANCHOR,
     ("sections", 0, "criteria", 0, "anchors")),
    ("anchor for no option", minimal_checklist, lambda d: crit(d)["anchors"].update(misschien="Soms."),
     Code.UNKNOWN_ANCHOR, ("sections", 0, "criteria", 0, "anchors", "misschien")),
    ("no source, no basis", minimal_checklist, lambda d: crit(d).update(sources=[]), Code.MISSING_BASIS,
     ("sections", 0, "criteria", 0, "sources")),
    ("relationship without source or basis", minimal_checklist, lambda d: d["relationship"].update(sources=[]),
     Code.MISSING_BASIS, ("relationship", "sources")),
    ("targets without source or basis", minimal_checklist, lambda d: d["targets"].pop("source"), Code.MISSING_BASIS,
     ("targets", "source")),
    ("targets from an unknown source", minimal_checklist, lambda d: d["targets"].update(source="krant"),
     Code.UNKNOWN_SOURCE, ("targets", "source")),
    ("bands not from 0", minimal_checklist, lambda d: d["bands"][0].update(min=10), Code.BANDS_OUT_OF_ORDER,
     ("bands",)),
    ("bands not ascending", minimal_checklist, lambda d: d["bands"][2].update(min=50), Code.BANDS_OUT_OF_ORDER,
     ("bands",)),
    ("band id twice", minimal_checklist, lambda d: d["bands"][2].update(id="voldoende"), Code.DUPLICATE_ID,
     ("bands", 2, "id")),
    ("critical error id twice", minimal_checklist, lambda d: d["critical_errors"].append(dict(d["critical_errors"][0])),
     Code.DUPLICATE_ID, ("critical_errors", 1, "id")),
    ("same title", two_criteria, lambda d: d["sections"][0]["criteria"][1].update(title="Criterium a"),
     Code.DUPLICATE_TITLE, ("sections", 0, "criteria", 1, "title")),
    ("same definition", two_criteria,
     lambda d: d["sections"][0]["criteria"][1].update(definition=d["sections"][0]["criteria"][0]["definition"]),
     Code.DUPLICATE_DEFINITION, ("sections", 0, "criteria", 1, "definition")),
    ("changelog behind", minimal_checklist, lambda d: d.update(version="1.1.0"), Code.CHANGELOG_VERSION,
     ("changes", 0, "version")),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "edit", "code", "path"), CASES, ids=[c[0] for c in CASES])
def test_content_rule(
    name: str, make: Callable[[], dict[str, Any]], edit: Edit, code: Code, path: tuple[str | int, ...]
) -> None:
    document = make()
    assert validate_checklist(document).ok
    edit(document)
    result = validate_checklist(document)
    assert (code, path) in [(p.code, p.path) for p in result.problems], result.problems
    assert result.checklist is None


def test_no_source_is_fine_with_a_basis() -> None:
    document = minimal_checklist()
    crit(document).update(sources=[], basis="Eigen oordeel: zo werkt een goed KCC.")
    assert validate_checklist(document).ok


def test_grade_scales_may_have_anchors_for_their_grades() -> None:
    document = minimal_checklist(section("s", criterion("c", scale="cijfer")), scales={"cijfer": grade_scale()})
    crit(document)["anchors"] = {"7": "Voldoende: de kern klopt."}
    assert validate_checklist(document).ok
    crit(document)["anchors"] = {"11": "Bestaat niet."}
    assert [p.code for p in validate_checklist(document).problems] == [Code.UNKNOWN_ANCHOR]


def test_an_unknown_critical_error_in_a_draft() -> None:
    checklist = Checklist.model_validate(minimal_checklist(scales={"ja-nee": options_scale(0, 1)}))
    draft = Draft(id="3f2a9c1b-0000-4000-8000-000000000001", critical_errors=["onjuiste-informatie", "ruzie"])
    assert [(p.code, p.path) for p in answer_problems(checklist, draft)] == [
        (Code.UNKNOWN_CRITICAL_ERROR, ("critical_errors", 1))
    ]


def test_the_band_of_a_score() -> None:
    checklist = Checklist.model_validate(minimal_checklist())
    assert [checklist.band_of(q).id for q in (0, 66.9, 67, 79.9, 80, 100)] == [  # type: ignore[union-attr]
        "onvoldoende",
        "onvoldoende",
        "voldoende",
        "voldoende",
        "goed",
        "goed",
    ]
    assert checklist.band_of(None) is None
    assert checklist.changes[0].date == date(2026, 11, 28)
