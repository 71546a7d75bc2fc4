"""The citizen survey (checklist kind `survey`): importance questions, and how scoring treats them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ijkpunt_core.evaluation import Answer, Outcome
from ijkpunt_core.problems import Code, render
from ijkpunt_core.scoring import score
from ijkpunt_core.validate import validate_checklist

from ..builders import build, criterion, minimal_checklist, section, survey_checklist

Edit = Callable[[dict[str, Any]], None]
Q = ("sections", 0, "criteria")


def crit(doc: dict[str, Any], c: int) -> dict[str, Any]:
    found: dict[str, Any] = doc["sections"][0]["criteria"][c]
    return found


def _quality_with_importance(doc: dict[str, Any]) -> None:
    doc["sections"][0]["criteria"].append(
        criterion("belang-groet", scale="ja-nee", kind="importance", importance_of="groet")
    )


CASES: list[tuple[str, Callable[[], dict[str, Any]], Edit, Code, tuple[str | int, ...], dict[str, Any]]] = [
    ("importance in a quality checklist", minimal_checklist, _quality_with_importance, Code.IMPORTANCE_OUTSIDE_SURVEY,
     (*Q, 1, "kind"), {}),
    ("importance without importance_of", survey_checklist, lambda d: crit(d, 1).pop("importance_of"),
     Code.IMPORTANCE_OF_MISSING, (*Q, 1, "importance_of"), {}),
    ("importance_of on a question", survey_checklist, lambda d: crit(d, 0).update(importance_of="resultaat"),
     Code.IMPORTANCE_OF_NOT_ALLOWED, (*Q, 0, "importance_of"), {}),
    ("importance of an unknown question", survey_checklist, lambda d: crit(d, 1).update(importance_of="wachttijd"),
     Code.IMPORTANCE_OF_UNKNOWN, (*Q, 1, "importance_of"), {"target": "wachttijd"}),
    ("importance of an importance question", survey_checklist,
     lambda d: crit(d, 3).update(importance_of="belang-geholpen"),
     Code.IMPORTANCE_OF_UNKNOWN, (*Q, 3, "importance_of"), {"target": "belang-geholpen"}),
    ("two importance questions for one question", survey_checklist,
     lambda d: crit(d, 3).update(importance_of="geholpen"),
     Code.IMPORTANCE_TWICE, (*Q, 3, "importance_of"), {"target": "geholpen", "other": "belang-geholpen"}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "edit", "code", "path", "params"), CASES, ids=[c[0] for c in CASES])
def test_importance_rule(
    name: str,
    make: Callable[[], dict[str, Any]],
    edit: Edit,
    code: Code,
    path: tuple[str | int, ...],
    params: dict[str, Any],
) -> None:
    document = make()
    assert validate_checklist(document).ok
    edit(document)
    result = validate_checklist(document)
    found = [p for p in result.problems if p.code == code]
    assert [p.path for p in found] == [path], result.problems
    assert dict(found[0].params) == params
    assert result.checklist is None
    assert render(found[0], "nl") and render(found[0], "en")


def test_unknown_question_lists_the_questions() -> None:
    document = survey_checklist()
    crit(document, 1).update(importance_of="wachttijd")
    [problem] = [p for p in validate_checklist(document).problems if p.code == Code.IMPORTANCE_OF_UNKNOWN]
    assert problem.allowed == ("geholpen", "resultaat")
    assert render(problem, "en").endswith("(allowed: geholpen, resultaat)")


def test_a_survey_checklist_says_so() -> None:
    survey = build(survey_checklist())
    assert survey.is_survey and not build(minimal_checklist()).is_survey
    assert survey.importance_of("geholpen") is not None
    assert survey.importance_of("geholpen").id == "belang-geholpen"  # type: ignore[union-attr]
    assert survey.importance_of("belang-geholpen") is None


def test_the_new_fields_leave_older_checklists_hash_alone() -> None:
    """A quality checklist hashes as before `kind` and `importance_of` existed (exported evaluations still match)."""
    import hashlib
    import json

    checklist = build(minimal_checklist())
    dumped = checklist.model_dump(mode="json")
    assert dumped["kind"] == "quality"
    del dumped["kind"]
    for s in dumped["sections"]:
        for c in s["criteria"]:
            assert c.pop("importance_of") is None
    canonical = json.dumps(dumped, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert checklist.content_hash() == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    survey = build(survey_checklist())
    assert survey.content_hash() != build(survey_checklist() | {"kind": "quality"} | {"sections": [
        section("oordeel", criterion("geholpen", scale="cijfer"), criterion("resultaat", scale="cijfer"))
    ]}).content_hash()  # fmt: skip


# --- scoring ---------------------------------------------------------------------------------------------


def grades(**marks: int) -> dict[str, Answer]:
    return {k.replace("_", "-"): Answer(grade=v) for k, v in marks.items()}


def test_importance_never_counts_in_the_score() -> None:
    survey = build(survey_checklist())
    low = score(survey, grades(geholpen=8, belang_geholpen=1, resultaat=5, belang_resultaat=1), "kept",
                Outcome(result="direct"))  # fmt: skip
    high = score(survey, grades(geholpen=8, belang_geholpen=5, resultaat=5, belang_resultaat=5), "kept",
                 Outcome(result="direct"))  # fmt: skip
    # (8−1)/9 and (5−1)/9, weight 1 each: 11/18 = 61.1%; the importance answers change nothing
    assert low.quality == high.quality == 61.1
    assert low.sections == high.sections
    assert low.compliance == high.compliance and low.compliance.score is None
    assert not low.critical.failed and low.passed


def test_importance_counts_for_completeness() -> None:
    survey = build(survey_checklist())
    scores = score(survey, grades(geholpen=8, resultaat=5, belang_resultaat=3), "kept", Outcome(result="direct"))
    assert not scores.complete
    assert scores.missing == ["belang-geholpen"]
    assert scores.quality is None


def test_a_critical_importance_question_fails_nothing() -> None:
    document = survey_checklist()
    crit(document, 1)["critical"] = True
    survey = build(document)
    scores = score(survey, grades(geholpen=8, belang_geholpen=1, resultaat=8, belang_resultaat=1), "kept",
                   Outcome(result="direct"))  # fmt: skip
    assert not scores.critical.failed and scores.critical.criteria == []
