"""Scores from answers, checked against values computed by hand."""

from __future__ import annotations

import pytest

from ijkpunt_core.checklist import Checklist, Relationship
from ijkpunt_core.evaluation import Answer, CriticalCriterion, CriticalFlag, Outcome, Scores, SectionScore
from ijkpunt_core.scoring import is_met, normalised, score

from ..builders import NA, build, criterion, grade_scale, minimal_checklist, opt, options_scale, section

DIRECT = Outcome(result="direct")
NA_RULE = {"allowed": True, "when": "De situatie deed zich niet voor."}
VIER = {"vier": options_scale(0, 1, 2, 3, title="Vierpunts")}


def complete(checklist: Checklist, answers: dict[str, Answer]) -> Scores:
    """Scores with the relationship question and the outcome answered."""
    return score(checklist, answers, relationship="kept", outcome=DIRECT)


def two_weighted() -> Checklist:
    """a (weight 1) and b (weight 2) on a 0..3 scale; b may be n.v.t."""
    return build(
        minimal_checklist(
            section("s", criterion("a", scale="vier", weight=1), criterion("b", scale="vier", weight=2, na=NA_RULE)),
            scales=VIER,
        )
    )


# --- weighted mean of normalised points ----------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("o3", "o3", 100.0),
        ("o0", "o0", 0.0),
        ("o3", "o1", 55.6),  # (1·1 + 2·1/3) / 3 = 5/9
        ("o0", "o2", 44.4),  # (1·0 + 2·2/3) / 3 = 4/9
        ("o1", "o3", 77.8),  # (1·1/3 + 2·1) / 3 = 7/9
        ("o2", "o0", 22.2),  # (1·2/3 + 2·0) / 3 = 2/9
    ],
)
def test_quality_is_weighted_mean_of_normalised_points(a: str, b: str, expected: float) -> None:
    scores = complete(two_weighted(), {"a": opt(a), "b": opt(b)})
    assert scores.complete
    assert scores.quality == expected
    assert scores.quality_computed == expected


def test_points_are_normalised_from_lowest_to_highest_option() -> None:
    # points 1, 2, 5: the lowest option counts 0, the highest 1, o1 counts (2-1)/(5-1) = 0.25
    checklist = build(minimal_checklist(section("s", criterion("a", scale="s")), scales={"s": options_scale(1, 2, 5)}))
    assert [complete(checklist, {"a": opt(o)}).quality for o in ("o0", "o1", "o2")] == [0.0, 25.0, 100.0]


def test_fractional_weights() -> None:
    checklist = build(
        minimal_checklist(
            section("s", criterion("a", scale="vier", weight=0.5), criterion("b", scale="vier", weight=1.5)),
            scales=VIER,
        )
    )
    # (0.5·1 + 1.5·0) / 2 = 0.25
    assert complete(checklist, {"a": opt("o3"), "b": opt("o0")}).quality == 25.0


def test_na_leaves_the_denominator() -> None:
    # b is n.v.t.: only a counts, so o2 on a gives 2/3, not (1·2/3) / 3
    scores = complete(two_weighted(), {"a": opt("o2"), "b": NA})
    assert scores.complete
    assert scores.quality == 66.7


def test_all_quality_criteria_na_is_complete_without_quality() -> None:
    checklist = build(minimal_checklist(section("s", criterion("a", na=NA_RULE), criterion("b", na=NA_RULE))))
    scores = complete(checklist, {"a": NA, "b": NA})
    assert scores.complete
    assert scores.missing == []
    assert scores.quality is None
    assert scores.quality_computed is None
    assert scores.sections == [SectionScore(section="s", score=None, answered=2, total=2)]


@pytest.mark.parametrize(("answer", "expected"), [("ja", 100.0), ("nee", 0.0)])
def test_single_criterion(answer: str, expected: float) -> None:
    scores = complete(build(minimal_checklist()), {"groet": opt(answer)})
    assert scores.quality == expected
    assert scores.sections == [SectionScore(section="opening", score=expected, answered=1, total=1)]


def test_compliance_criteria_do_not_count_in_quality() -> None:
    checklist = build(minimal_checklist(section("s", criterion("a"), criterion("c", kind="compliance"))))
    assert complete(checklist, {"a": opt("ja"), "c": opt("nee")}).quality == 100.0


# --- critical criteria and errors ----------------------------------------------------------------------------


def knockout_checklist() -> Checklist:
    return build(
        minimal_checklist(
            section(
                "s",
                criterion("ko", critical=True, na=NA_RULE),
                criterion("b", scale="vier", weight=2),
            ),
            scales={**VIER, "ja-nee": options_scale(0, 1)},
        )
    )


def test_knockout_not_met_sets_quality_to_zero_and_keeps_the_score_before() -> None:
    scores = complete(knockout_checklist(), {"ko": opt("o0"), "b": opt("o3")})
    assert scores.quality == 0.0
    assert scores.quality_computed == 66.7  # (1·0 + 2·1) / 3
    assert scores.critical.criteria == [CriticalCriterion(criterion="ko", title="Criterium ko")]


def test_knockout_met_does_not_trigger() -> None:
    scores = complete(knockout_checklist(), {"ko": opt("o1"), "b": opt("o2")})
    assert scores.critical.criteria == []
    assert scores.quality == scores.quality_computed == 77.8  # (1 + 2·2/3) / 3


def test_knockout_answered_na_does_not_trigger() -> None:
    scores = complete(knockout_checklist(), {"ko": NA, "b": opt("o1")})
    assert scores.critical.criteria == []
    assert scores.quality == 33.3


def test_knockout_on_a_partial_option_is_not_met() -> None:
    # only the best option is "met": "deels" on a 3-point knock-out still knocks out
    checklist = build(
        minimal_checklist(
            section("s", criterion("ko", scale="drie", critical=True)), scales={"drie": options_scale(0, 1, 2)}
        )
    )
    scores = complete(checklist, {"ko": opt("o1")})
    assert scores.quality == 0.0
    assert scores.quality_computed == 50.0
    assert [k.criterion for k in scores.critical.criteria] == ["ko"]


def test_compliance_knockout_zeroes_quality() -> None:
    checklist = build(
        minimal_checklist(section("s", criterion("a"), criterion("avg", kind="compliance", critical=True)))
    )
    scores = complete(checklist, {"a": opt("ja"), "avg": opt("nee")})
    assert (scores.quality, scores.quality_computed) == (0.0, 100.0)
    assert scores.compliance.failed == ["avg"]


def test_knockout_on_incomplete_form_is_listed_but_quality_stays_empty() -> None:
    scores = score(knockout_checklist(), {"ko": opt("o0")})
    assert scores.critical.criteria == [CriticalCriterion(criterion="ko", title="Criterium ko")]
    assert scores.quality is None
    assert scores.quality_computed is None


# --- completeness ---------------------------------------------------------------------------


def test_incomplete_lists_missing_criteria_in_form_order_then_relationship_and_outcome() -> None:
    checklist = build(
        minimal_checklist(
            section("een", criterion("a"), criterion("b")),
            section("twee", criterion("c"), criterion("d")),
        )
    )
    scores = score(checklist, {"b": opt("ja"), "c": Answer(comment="nog niet gekozen")})
    assert not scores.complete
    assert scores.missing == ["a", "c", "d", "relationship", "outcome"]
    assert scores.quality is None
    assert scores.quality_computed is None


@pytest.mark.parametrize(
    ("relationship", "outcome", "missing"),
    [(None, DIRECT, ["relationship"]), ("kept", None, ["outcome"]), ("weakened", DIRECT, [])],
)
def test_relationship_and_outcome_are_required_for_completeness(
    relationship: Relationship | None, outcome: Outcome | None, missing: list[str]
) -> None:
    scores = score(build(minimal_checklist()), {"groet": opt("ja")}, relationship, outcome)
    assert scores.missing == missing
    assert scores.complete is (not missing)
    assert scores.quality == (None if missing else 100.0)


@pytest.mark.parametrize("answer", ["weakened", "kept", "strengthened", None])
def test_the_relationship_question_has_three_levels(answer: Relationship | None) -> None:
    assert score(build(minimal_checklist()), {}, relationship=answer).relationship == answer


def test_section_score_only_when_the_section_is_complete() -> None:
    checklist = build(
        minimal_checklist(
            section("een", criterion("a", scale="vier"), criterion("b", scale="vier", weight=2)),
            section("twee", criterion("c"), criterion("d")),
            scales={**VIER, "ja-nee": options_scale(0, 1)},
        )
    )
    scores = score(checklist, {"a": opt("o1"), "b": opt("o3"), "c": opt("o1")})
    assert scores.sections == [
        SectionScore(section="een", score=77.8, answered=2, total=2),  # (1/3 + 2) / 3
        SectionScore(section="twee", score=None, answered=1, total=2),
    ]
    assert scores.quality is None


def test_section_with_only_compliance_criteria_has_no_score() -> None:
    checklist = build(minimal_checklist(section("s", criterion("a")), section("c", criterion("x", kind="compliance"))))
    scores = complete(checklist, {"a": opt("ja"), "x": opt("ja")})
    assert scores.sections[1] == SectionScore(section="c", score=None, answered=1, total=1)


# --- compliance -----------------------------------------------------------------------------


def compliance_checklist() -> Checklist:
    return build(
        minimal_checklist(
            section(
                "s",
                criterion("q"),
                *(criterion(c, kind="compliance", na=NA_RULE) for c in ("c1", "c2", "c3", "c4")),
            )
        )
    )


def test_compliance_passed_failed_not_applicable_and_percentage() -> None:
    answers = {"q": opt("nee"), "c1": opt("ja"), "c2": opt("nee"), "c3": NA, "c4": opt("ja")}
    compliance = complete(compliance_checklist(), answers).compliance
    assert compliance.passed == ["c1", "c4"]
    assert compliance.failed == ["c2"]
    assert compliance.not_applicable == ["c3"]
    assert compliance.score == 66.7  # 2 of 3 applicable


def test_compliance_all_na_has_no_percentage() -> None:
    answers = {"q": opt("ja"), **dict.fromkeys(("c1", "c2", "c3", "c4"), NA)}
    compliance = complete(compliance_checklist(), answers).compliance
    assert (compliance.passed, compliance.failed, compliance.score) == ([], [], None)
    assert compliance.not_applicable == ["c1", "c2", "c3", "c4"]


def test_compliance_counts_answered_criteria_while_filling_in() -> None:
    compliance = score(compliance_checklist(), {"c2": opt("ja")}).compliance
    assert (compliance.passed, compliance.failed, compliance.not_applicable, compliance.score) == (
        ["c2"],
        [],
        [],
        100.0,
    )


# --- grade scales ---------------------------------------------------------------------------


RAPPORTCIJFER = build(
    minimal_checklist(section("s", criterion("cijfer", scale="rapport")), scales={"rapport": grade_scale(pass_mark=6)})
).scales["rapport"]


@pytest.mark.parametrize(
    ("grade", "fraction", "met"),
    [(1, 0.0, False), (5, 4 / 9, False), (6, 5 / 9, True), (10, 1.0, True)],
)
def test_grade_scale_normalisation_and_pass_mark(grade: int, fraction: float, met: bool) -> None:
    assert normalised(RAPPORTCIJFER, Answer(grade=grade)) == pytest.approx(fraction)
    assert is_met(RAPPORTCIJFER, Answer(grade=grade)) is met


def test_grade_scale_with_its_own_range() -> None:
    checklist = build(
        minimal_checklist(
            section("s", criterion("c", scale="vijf", critical=True)),
            scales={"vijf": grade_scale(min=0, max=5, pass_mark=3)},
        )
    )
    assert complete(checklist, {"c": Answer(grade=3)}).quality == 60.0
    low = complete(checklist, {"c": Answer(grade=2)})
    assert (low.quality, low.quality_computed) == (0.0, 40.0)
    assert [k.criterion for k in low.critical.criteria] == ["c"]


def test_grade_and_options_criteria_mix() -> None:
    checklist = build(
        minimal_checklist(
            section("s", criterion("a"), criterion("b", scale="rapport", weight=3)),
            scales={"ja-nee": options_scale(0, 1), "rapport": grade_scale()},
        )
    )
    # (1·1 + 3·(8-1)/9) / 4 = (1 + 7/3) / 4 = 5/6
    assert complete(checklist, {"a": opt("o1"), "b": Answer(grade=8)}).quality == 83.3


@pytest.mark.parametrize(("option", "met"), [("o0", False), ("o1", False), ("o2", False), ("o3", True)])
def test_options_scale_is_met_only_by_the_best_option(option: str, met: bool) -> None:
    scale = build(minimal_checklist(section("s", criterion("a", scale="vier")), scales=VIER)).scales["vier"]
    assert is_met(scale, opt(option)) is met


def test_unanswered_is_never_met() -> None:
    scale = build(minimal_checklist()).scales["ja-nee"]
    assert not is_met(scale, Answer())
    assert not is_met(RAPPORTCIJFER, Answer())


def test_normalised_refuses_answers_that_do_not_fit() -> None:
    scale = build(minimal_checklist()).scales["ja-nee"]
    with pytest.raises(ValueError, match="misschien"):
        normalised(scale, opt("misschien"))
    with pytest.raises(ValueError, match="needs a grade"):
        normalised(RAPPORTCIJFER, opt("ja"))


# --- critical policy, critical errors, bands --------------------------------------------------


def critical_checklist(policy: str) -> Checklist:
    return build(
        minimal_checklist(
            section("s", criterion("ko", critical=True), criterion("b", scale="vier", weight=2)),
            scales={"ja-nee": options_scale(0, 1), **VIER},
            policy=policy,
        )
    )


@pytest.mark.parametrize(("policy", "quality"), [("zero-score", 0.0), ("fail-contact", 66.7)])
def test_the_critical_policy_zeroes_or_keeps_the_score_and_fails_the_contact(policy: str, quality: float) -> None:
    scores = complete(critical_checklist(policy), {"ko": opt("o0"), "b": opt("o3")})
    assert (scores.quality, scores.quality_computed) == (quality, 66.7)  # (1·0 + 2·1) / 3
    assert scores.passed is False and scores.critical.failed and scores.critical.policy == policy
    assert scores.band == "onvoldoende"  # 0 and 66.7 both fall below 67


@pytest.mark.parametrize("policy", ["zero-score", "fail-contact"])
def test_a_flagged_critical_error_fails_the_contact(policy: str) -> None:
    checklist = critical_checklist(policy)
    answers = {"ko": opt("o1"), "b": opt("o3")}
    clean = score(checklist, answers, "kept", DIRECT)
    flagged = score(checklist, answers, "kept", DIRECT, ["onjuiste-informatie"])
    assert (clean.passed, clean.quality, clean.band) == (True, 100.0, "goed")
    assert flagged.passed is False
    assert flagged.critical.errors == [CriticalFlag(error="onjuiste-informatie", title="Onjuiste informatie")]
    assert flagged.critical.criteria == []
    assert flagged.quality == (0.0 if policy == "zero-score" else 100.0)


def test_passed_is_unknown_until_the_evaluation_is_complete() -> None:
    scores = score(critical_checklist("fail-contact"), {"ko": opt("o1")})
    assert scores.passed is None and not scores.critical.failed


@pytest.mark.parametrize(("b", "band"), [("o0", "onvoldoende"), ("o2", "voldoende"), ("o3", "goed")])
def test_the_band_is_the_highest_whose_minimum_the_score_reaches(b: str, band: str) -> None:
    # ko met (1), b on 0..3 with weight 2: o0 → 33.3, o2 → 77.8, o3 → 100
    scores = complete(critical_checklist("fail-contact"), {"ko": opt("o1"), "b": opt(b)})
    assert scores.band == band
