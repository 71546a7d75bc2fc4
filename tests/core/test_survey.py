"""The citizen survey (checklist kind `survey`): importance questions, and how scoring treats them."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from statsmodels.stats.proportion import proportion_confint

from ijkpunt_core.aggregate import AggregateConfig, ChecklistIndex, aggregate_texts
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Outcome
from ijkpunt_core.problems import Code, render
from ijkpunt_core.scoring import score
from ijkpunt_core.validate import validate_checklist

from ..builders import a_draft, build, criterion, grade_scale, minimal_checklist, section, survey_checklist

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
    """A quality checklist hashes as before `kind`, `importance_of`, `applies_when` and `requires_setting` existed."""
    import hashlib
    import json

    checklist = build(minimal_checklist())
    dumped = checklist.model_dump(mode="json")
    assert dumped["kind"] == "quality"
    del dumped["kind"]
    for s in dumped["sections"]:
        for c in s["criteria"]:
            assert c.pop("importance_of") is None
            assert c.pop("applies_when") is None
            assert c.pop("requires_setting") is None
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


# --- aggregation: a small survey set checked by hand ------------------------------------------------------


QUESTIONS = ("geholpen", "resultaat", "uitleg", "wachttijd")
# per survey: marks (geholpen, resultaat, uitleg, wachttijd), importance (same order), relationship, outcome, team
SURVEYS = [
    ((8, 6, 9, 6), (4, 5, 5, 3), "kept", ("direct", 0), "A"),
    ((7, 5, 8, 6), (5, 5, 5, 3), "strengthened", ("direct", 0), "A"),
    ((9, 8, 9, 7), (4, 4, 5, 4), "kept", ("transferred", 1), "A"),
    ((6, 7, 8, 5), (3, 5, 4, 2), "weakened", ("callback", 0), "B"),
    ((8, 4, 9, 6), (4, 4, 5, 3), "kept", ("transferred", 2), "B"),
]


def four_question_survey() -> Checklist:
    criteria = []
    for q in QUESTIONS:
        criteria += [
            criterion(q, scale="cijfer"),
            criterion(f"belang-{q}", scale="belang", kind="importance", importance_of=q),
        ]
    document = minimal_checklist(
        section("oordeel", *criteria),
        scales={
            "cijfer": grade_scale(min=1, max=10, pass_mark=7),
            "belang": {"type": "grade", "title": "Belang", "min": 1, "max": 5, "pass_mark": 4},
        },
    )
    document.update(id="enquete", kind="survey", critical_errors=[])
    return build(document)


def survey_texts(survey: Checklist) -> list[str]:
    texts = []
    for n, (marks, importance, relationship, (result, transfers), team) in enumerate(SURVEYS, start=1):
        answers = {q: Answer(grade=m) for q, m in zip(QUESTIONS, marks, strict=True)}
        answers |= {f"belang-{q}": Answer(grade=i) for q, i in zip(QUESTIONS, importance, strict=True)}
        draft = a_draft(
            id=f"00000000-0000-4000-8000-{100 + n:012d}",
            team=team,
            agent="onbekend",
            evaluator="int-1",
            contact_date=f"2026-10-{n:02d}",
            answers=answers,
            relationship=relationship,
            outcome={"result": result, "transfers": transfers},
        )
        result_ = evaluate(survey, draft)
        assert result_.evaluation is not None, result_.problems
        texts.append(result_.evaluation.model_dump_json())
    return texts


def quality_text(quality: Checklist) -> str:
    draft = a_draft(
        id="00000000-0000-4000-8000-000000000001",
        team="A",
        answers={"groet": Answer(option="nee")},
        relationship="kept",
        outcome={"result": "direct", "transfers": 0},
    )
    result = evaluate(quality, draft)
    assert result.evaluation is not None
    return result.evaluation.model_dump_json()


def survey_report(**config: Any) -> Any:
    survey, quality = four_question_survey(), build(minimal_checklist())
    texts = [quality_text(quality), *survey_texts(survey)]
    return aggregate_texts(
        [(f"f{i}.json", 1, t) for i, t in enumerate(texts)],
        ChecklistIndex([survey, quality]),
        AggregateConfig(**config),
    )


def test_survey_figures_by_hand() -> None:
    report = survey_report()
    [s] = report.surveys
    assert (s.checklist, s.n, s.hidden, s.pass_mark, s.mark_min, s.mark_max) == ("enquete", 5, False, 7, 1, 10)
    assert (s.importance_min, s.importance_max) == (1.0, 5.0)
    by = {q.question: q for q in s.questions}
    assert list(by) == list(QUESTIONS)  # form order; importance questions are not questions of their own
    # geholpen: 8, 7, 9, 6, 8 → mean 7.6; squared deviations 0.16 + 0.36 + 1.96 + 2.56 + 0.16 = 5.2, variance 1.3
    half = 1.959963984540054 * math.sqrt(1.3 / 5)
    g = by["geholpen"]
    assert (g.mark.n, g.mark.mean, g.mark.sd) == (5, 7.6, 1.14)
    assert (g.mark.low, g.mark.high) == (round(7.6 - half, 1), round(7.6 + half, 1)) == (6.6, 8.6)
    assert [by[q].mark.mean for q in QUESTIONS] == [7.6, 6.0, 8.6, 6.0]
    # share of marks ≥ 7: 4, 2, 5 and 1 out of 5, with Wilson intervals as statsmodels computes them
    assert [by[q].sufficient.count for q in QUESTIONS] == [4, 2, 5, 1]
    for q in QUESTIONS:
        figure = by[q].sufficient
        low, high = proportion_confint(figure.count, 5, alpha=0.05, method="wilson")
        assert (figure.n, figure.low, figure.high) == (5, pytest.approx(low, abs=1e-12), pytest.approx(high, abs=1e-12))
    assert [by[q].importance.mean for q in QUESTIONS] == [4.0, 4.6, 4.8, 3.0]  # type: ignore[union-attr]
    # the matrix splits at the means over the questions: mark (7.6 + 6 + 8.6 + 6) / 4 = 7.05, importance 16.4 / 4 = 4.1
    assert (s.mean_mark, s.mean_importance) == (7.05, 4.1)
    assert {q: by[q].quadrant for q in QUESTIONS} == {
        "geholpen": "less-important-strength",  # 4.0 < 4.1, 7.6 ≥ 7.05
        "resultaat": "improve",  # 4.6 ≥ 4.1, 6.0 < 7.05: important and rated low
        "uitleg": "strength",
        "wachttijd": "low-priority",
    }
    assert {k: f.count for k, f in s.relationship.items()} == {"weakened": 1, "kept": 3, "strengthened": 1}
    assert {k: (f.count, f.n) for k, f in s.outcome.items()} == {
        "direct": (2, 5),
        "transferred": (2, 5),
        "callback": (1, 5),
    }


def test_surveys_stay_out_of_the_quality_figures() -> None:
    report = survey_report()
    assert report.used == 6 and report.read == 6
    assert report.overall.n == 1 and report.overall.quality.mean == 0.0  # only the quality evaluation
    assert {c.checklist for c in report.criteria} == {"test"}
    assert {(d.checklist, d.evaluator) for d in report.drift} == {("test", "coach-1")}
    team = next(b for b in report.breakdowns if b.dimension == "team")
    assert [(g.key, g.n) for g in team.groups] == [("A", 1)]
    assert report.overall.relationship["kept"].n == 1 and report.overall.outcome["direct"].n == 1


def test_survey_figures_honour_filters_and_min_n() -> None:
    only_b = survey_report(filters={"team": ["B"]}).surveys[0]
    assert only_b.n == 2 and [q.mark.mean for q in only_b.questions] == [7.0, 5.5, 8.5, 5.5]
    assert survey_report(modes=("calibration",)).surveys == []
    shown = survey_report(filters={"agent": ["onbekend"]}, min_n=5).surveys[0]
    assert shown.n == 5 and not shown.hidden and len(shown.questions) == 4
    hidden = survey_report(filters={"agent": ["onbekend"]}, min_n=6).surveys[0]
    assert hidden.hidden and hidden.questions == [] and hidden.outcome == {}
