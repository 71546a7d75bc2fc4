"""Aggregation on a small data set checked by hand, the statistics against statsmodels, and every refusal."""

from __future__ import annotations

import datetime as dt
import json
import math
import statistics
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint

from ijkpunt_core.aggregate import AggregateConfig, Aggregator, ChecklistIndex, aggregate_texts
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer
from ijkpunt_core.stats import MeanAccumulator, RateAccumulator, compare, wilson
from tests.builders import a_draft, build, criterion, minimal_checklist, section

JA, NEE = Answer(option="ja"), Answer(option="nee")


def checklist(*extra: str, version: str = "1.0.0") -> Checklist:
    criteria = [criterion("groet"), criterion("regel", kind="compliance"), *(criterion(c) for c in extra)]
    document = minimal_checklist(section("s", *criteria))
    document["version"] = version
    document["changes"] = [{"version": version, "date": dt.date(2026, 11, 28), "summary": "Versie."}]
    return build(document)


def export(c: Checklist, n: int, **fields: Any) -> str:
    answers = fields.pop("answers")
    draft = a_draft(id=f"00000000-0000-4000-8000-{n:012d}", answers=answers, relationship="kept", **fields)
    result = evaluate(c, draft)
    assert result.evaluation is not None, result.problems
    return result.evaluation.model_dump_json()


def hand_set(c: Checklist) -> list[str]:
    """Six evaluations; the fifth is a calibration and does not count for performance."""
    direct, once, twice, callback = (
        {"result": "direct", "transfers": 0},
        {"result": "transferred", "transfers": 1},
        {"result": "transferred", "transfers": 2},
        {"result": "callback", "transfers": 0},
    )
    rows = [
        ("A", "a1", "e1", "2026-09-01", JA, JA, "kept", direct, []),
        ("A", "a1", "e1", "2026-09-02", NEE, JA, "weakened", once, []),
        ("A", "a2", "e2", "2026-10-05", JA, NEE, "strengthened", twice, []),
        ("B", "a3", "e2", "2026-10-06", JA, JA, "kept", callback, ["onjuiste-informatie"]),
        ("B", "a3", "e2", "2026-10-07", JA, JA, "kept", direct, []),
        ("B", "a3", "e1", "2026-10-08", NEE, JA, "kept", direct, []),
    ]
    texts = []
    for n, (team, agent, evaluator, day, groet, regel, relationship, outcome, errors) in enumerate(rows, start=1):
        draft = a_draft(
            id=f"00000000-0000-4000-8000-{n:012d}",
            team=team,
            department="KCC",
            agent=agent,
            evaluator=evaluator,
            contact_date=day,
            mode="calibration" if n == 5 else "monitoring",
            answers={"groet": groet, "regel": regel},
            relationship=relationship,
            outcome=outcome,
            critical_errors=errors,
        )
        result = evaluate(c, draft)
        assert result.evaluation is not None, result.problems
        texts.append(result.evaluation.model_dump_json())
    return texts


def run(texts: list[str], c: Checklist, **config: Any) -> Any:
    return aggregate_texts(
        [(f"f{i}.json", 1, text) for i, text in enumerate(texts)], ChecklistIndex([c]), AggregateConfig(**config)
    )


def test_every_figure_of_the_hand_checked_set() -> None:
    c = checklist()
    report = run(hand_set(c), c, min_n=2)
    assert (report.read, report.used, report.excluded, report.refused) == (6, 5, {"mode:calibration": 1}, [])
    o = report.overall
    # quality: 100, 0, 100, 0 (zero-score: a critical error), 0
    assert (o.n, o.quality.n, o.quality.mean) == (5, 5, 40.0)
    assert o.quality.sd == pytest.approx(54.77, abs=0.01)
    assert (o.knockout.count, o.knockout.n) == (1, 5)
    assert (o.compliance.count, o.compliance.n) == (4, 5)
    assert o.compliance_failures["test/regel"].count == 1
    assert {k: f.count for k, f in o.relationship.items()} == {"weakened": 1, "kept": 3, "strengthened": 1}
    assert {k: f.count for k, f in o.outcome.items()} == {
        "direct": 2,
        "transferred_once": 1,
        "transferred_repeatedly": 1,
        "callback": 1,
    }
    # the channel's targets: direct 2/5 against at least 0.8, and the whole interval is below it
    direct = next(t for t in o.targets if t.target == "direct_min")
    assert (direct.value, direct.rate, direct.met, direct.certain) == (0.8, 0.4, False, True)
    by = {b.dimension: {g.key: g for g in b.groups} for b in report.breakdowns}
    hidden = {b.dimension: b.hidden for b in report.breakdowns}
    assert by["team"]["A"].quality.mean == pytest.approx(66.7) and by["team"]["B"].quality.mean == 0.0
    # A (100, 0, 100) against B (0, 0): A's interval 1.4–100 lies wholly above B's 0–0
    assert (by["team"]["A"].higher_than, by["team"]["B"].lower_than, by["team"]["A"].lower_than) == (["B"], ["A"], [])
    assert sorted(by["agent"]) == ["a1", "a3"] and hidden["agent"] == 1  # a2 has one evaluation, min_n 2
    assert sorted(by["period"]) == ["2026-09", "2026-10"] and by["period"]["2026-10"].n == 3
    assert sorted(by["mode"]) == ["monitoring"]
    criteria = {x.criterion: x for x in report.criteria}
    assert criteria["groet"].figure.mean == 60.0  # type: ignore[union-attr]
    assert (criteria["regel"].figure.count, criteria["regel"].figure.n) == (4, 5)  # type: ignore[union-attr]
    assert [x.criterion for x in report.criteria] == ["groet", "regel"]  # weakest first: 60 before 80
    assert [p.period for p in criteria["groet"].trend] == ["2026-09", "2026-10"]
    drift = {d.evaluator: d for d in report.drift}
    assert (drift["e1"].n, drift["e1"].mean, drift["e1"].others_mean) == (3, 33.3, 50.0)
    assert drift["e1"].difference == pytest.approx(-16.7) and drift["e1"].direction == "no-difference"


def test_a_filter_and_the_modes_decide_what_counts() -> None:
    c = checklist()
    report = run(hand_set(c), c, filters={"team": ["B"]}, modes=("monitoring", "calibration"))
    assert report.used == 3 and report.excluded == {"filter:team": 3}
    assert [g.key for g in next(b for b in report.breakdowns if b.dimension == "mode").groups] == [
        "calibration",
        "monitoring",
    ]


def test_periods_by_week_and_quarter() -> None:
    c = checklist()
    weeks = next(b for b in run(hand_set(c), c, period="week").breakdowns if b.dimension == "period")
    assert [g.key for g in weeks.groups] == ["2026-W36", "2026-W41"]
    quarters = next(b for b in run(hand_set(c), c, period="quarter").breakdowns if b.dimension == "period")
    assert [(g.key, g.n) for g in quarters.groups] == [("2026-K3", 2), ("2026-K4", 3)]


def test_versions_aggregate_on_the_criteria_they_share_with_a_note() -> None:
    old, new = checklist(version="1.0.0"), checklist("extra", version="1.1.0")
    texts = [
        export(old, 1, answers={"groet": JA, "regel": JA}, outcome={"result": "direct", "transfers": 0}),
        export(new, 2, answers={"groet": NEE, "regel": JA, "extra": JA}, outcome={"result": "direct", "transfers": 0}),
    ]
    report = aggregate_texts([("a", 1, texts[0]), ("b", 1, texts[1])], ChecklistIndex([new], [old]))
    assert report.used == 2 and report.refused == []
    criteria = {x.criterion: x.figure for x in report.criteria}
    assert (criteria["groet"].n, criteria["extra"].n) == (2, 1)
    [note] = report.versions
    assert (note.checklist, note.versions, note.not_in_every_version) == ("test", ["1.0.0", "1.1.0"], ["extra"])


def refused_code(text: str, index: ChecklistIndex, before: list[str] | None = None) -> str:
    aggregator = Aggregator(index)
    for earlier in before or []:
        aggregator.add_text(earlier, "eerder")
    assert aggregator.add_text(text, "x.json") is None
    return aggregator.report().refused[-1].code


def test_each_refusal_has_its_reason() -> None:
    c = checklist()
    index = ChecklistIndex([c])
    good = hand_set(c)[0]
    data = json.loads(good)
    assert refused_code("dit is geen json", index) == "E006"
    assert refused_code(good[: len(good) // 2], index) == "E006"
    assert refused_code("[" * 10_000 + "]" * 10_000, index) == "E008"
    assert refused_code(" " * 1_000_001, index) == "E002"
    assert refused_code(json.dumps(data | {"format_version": 4}), index) == "E423"  # made by a newer IJkpunt
    assert refused_code(json.dumps(data | {"format_version": "2"}), index) == "E421"
    assert refused_code(json.dumps(data | {"format_version": 1}), index) == "E111"  # a current body called format 1
    assert refused_code("[]", index) == "E424"
    assert refused_code(good, index, before=[good]) == "E422"
    other = data | {"checklist": {**data["checklist"], "id": "bestaat-niet"}}
    assert refused_code(json.dumps(other), index) == "E411"
    edited = data | {"scores": {**data["scores"], "quality": 12.5}}
    assert refused_code(json.dumps(edited), index) == "E408"
    wrong = data | {"answers": {**data["answers"], "groet": {"option": "misschien", "comment": ""}}}
    assert refused_code(json.dumps(wrong), index).startswith("E4")
    assert refused_code(json.dumps({"format": "ijkpunt-evaluation", "format_version": 2}), index) == "E102"


@pytest.mark.parametrize("n", [1, 2, 5, 10, 37, 100, 1000])
def test_wilson_equals_statsmodels(n: int) -> None:
    for k in range(0, n + 1, max(1, n // 10)):
        low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
        assert wilson(k, n) == pytest.approx((low, high), abs=1e-12)
    assert wilson(0, 0) is None


@given(st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=2, max_size=60), st.integers(0, 60))
def test_means_merge_like_one_pass(values: list[float], cut: int) -> None:
    whole, left, right = MeanAccumulator(), MeanAccumulator(), MeanAccumulator()
    for i, v in enumerate(values):
        whole.add(v)
        (left if i < cut else right).add(v)
    left.merge(right)
    assert left.n == whole.n and left.mean == pytest.approx(statistics.fmean(values), abs=1e-9)
    assert left.m2 == pytest.approx(whole.m2, abs=1e-6)
    assert math.isclose(whole.variance or 0, statistics.variance(values), abs_tol=1e-6)


def test_a_difference_only_when_the_intervals_say_so() -> None:
    small, big = RateAccumulator(count=2, n=5), RateAccumulator(count=90, n=100)
    a, b = small.figure(), big.figure()
    assert compare((a.low, a.high), (b.low, b.high)) == "lower"
    c = RateAccumulator(count=4, n=5).figure()
    assert compare((c.low, c.high), (b.low, b.high)) == "no-difference"
    assert compare((None, None), (b.low, b.high)) == "no-difference"


LABELS = {
    "period": "periode",
    "quality": "kwaliteit",
    "score": "score",
    "team": "team",
    "trend_title": "Per periode",
    "groups_title": "Per {what}",
    "criteria_title": "Zwakste criteria",
}


def test_the_charts_show_the_reports_figures_with_their_intervals() -> None:
    from ijkpunt_core.charts import charts

    c = checklist()
    report = run(hand_set(c), c, min_n=2)
    found = charts(report, LABELS)
    assert sorted(found) == ["criteria", "team", "trend"]
    teams = found["team"]["data"]["values"]
    assert [(v["group"], v["value"], v["n"]) for v in teams] == [("A", 66.7, 3), ("B", 0.0, 2)]
    assert found["team"]["title"] == "Per team"
    criteria = found["criteria"]["data"]["values"]
    assert [v["criterion"] for v in criteria] == ["Criterium groet (test)", "Criterium regel (test)"]
    assert criteria[1]["value"] == 80.0 and criteria[1]["low"] < 80 < criteria[1]["high"]
    one_team = run(hand_set(c), c, filters={"team": ["A"]})
    assert "team" not in charts(one_team, LABELS)  # one bar compares nothing
