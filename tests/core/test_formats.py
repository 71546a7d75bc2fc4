"""The published formats: JSON Schema agreement, JSON round trips and re-scoring (the facade: test_form_input)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from ijkpunt_core import __version__
from ijkpunt_core.checklist import Checklist, OptionsScale, Relationship
from ijkpunt_core.evaluate import evaluate, export_filename, rescore
from ijkpunt_core.evaluation import Answer, Draft, Evaluation, Outcome
from ijkpunt_core.problems import Code, render
from ijkpunt_core.schema import json_schema
from ijkpunt_core.scoring import is_met, judge, score, scores_data

from ..builders import (
    SHIPPED,
    build,
    criterion,
    minimal_checklist,
    opt,
    options_scale,
    read_yaml,
    section,
    shipped,
)

CHECKLIST_SCHEMA = Draft202012Validator(json_schema(Checklist))
EVALUATION_SCHEMA = Draft202012Validator(json_schema(Evaluation))
TELEFOON = shipped("kcc-telefoon")
UUID = "3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b"
FAST = settings(max_examples=50, deadline=None, database=None)


def schema_errors(validator: Draft202012Validator, instance: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def draft(**fields: Any) -> Draft:
    base: dict[str, Any] = {
        "id": UUID,
        "evaluator": "B07",
        "agent": "A123",
        "contact_date": date(2026, 11, 24),
        "created_at": datetime(2026, 11, 24, 14, 30),
    }
    return Draft.model_validate({**base, **fields})


def full_answers(checklist: Checklist, best: bool = True) -> dict[str, Answer]:
    """The best (or worst) option on every criterion of an options-only checklist."""
    answers = {}
    for c in checklist.criteria():
        scale = checklist.scale_of(c)
        assert isinstance(scale, OptionsScale)
        ranked = sorted(scale.options, key=lambda o: o.points)
        answers[c.id] = opt((ranked[-1] if best else ranked[0]).id)
    return answers


def exported(checklist: Checklist, d: Draft) -> Evaluation:
    result = evaluate(checklist, d)
    assert result.problems == [], result.problems
    assert result.evaluation is not None
    return result.evaluation


# --- JSON Schema ---------------------------------------------------------------------------------


def test_schemas_are_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(json_schema(Checklist))
    Draft202012Validator.check_schema(json_schema(Evaluation))


def test_evaluation_from_evaluate_matches_the_schema() -> None:
    evaluation = exported(
        TELEFOON, draft(answers=full_answers(TELEFOON), relationship="kept", outcome=Outcome(result="direct"))
    )
    assert schema_errors(EVALUATION_SCHEMA, evaluation.model_dump(mode="json")) == []
    assert schema_errors(EVALUATION_SCHEMA, json.loads(evaluation.model_dump_json())) == []
    assert (evaluation.format, evaluation.format_version, evaluation.channel) == ("ijkpunt-evaluation", 3, "telefoon")
    assert evaluation.checklist.model_dump() == {
        "id": "kcc-telefoon",
        "version": TELEFOON.version,
        "content_hash": TELEFOON.content_hash(),
    }
    assert evaluation.tool_version == __version__
    assert evaluation.scores.complete


def test_incomplete_evaluation_matches_the_schema() -> None:
    evaluation = exported(TELEFOON, draft(answers={"empathie": opt("goed", "Rustig.")}))
    assert not evaluation.scores.complete
    assert schema_errors(EVALUATION_SCHEMA, evaluation.model_dump(mode="json")) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(format="iets-anders"), "format"),
        (lambda d: d.update(extra="x"), ""),
        (lambda d: d["scores"].pop("quality"), "scores"),
        (lambda d: d["checklist"].update(content_hash="md5:abc"), "checklist/content_hash"),
        (lambda d: d.update(evaluator=""), "evaluator"),
    ],
    ids=["format", "unknown-key", "missing-score", "hash", "empty-evaluator"],
)
def test_schema_rejects_what_the_model_rejects(change: Any, where: str) -> None:
    data = exported(TELEFOON, draft()).model_dump(mode="json")
    change(data)
    errors = schema_errors(EVALUATION_SCHEMA, data)
    assert errors
    assert any(e.startswith(f"{where}:") for e in errors), errors
    with pytest.raises(ValueError):
        Evaluation.model_validate(data)


@pytest.mark.parametrize("where", ["answers", "scales", "sources"])
def test_schema_rejects_a_key_that_is_not_an_id(where: str) -> None:
    if where == "answers":
        validator, data = EVALUATION_SCHEMA, exported(TELEFOON, draft()).model_dump(mode="json")
    else:
        validator, data = CHECKLIST_SCHEMA, minimal_checklist()
    data[where]["Geen Id"] = "onzin"  # the model refuses both the key and the value
    with pytest.raises(ValueError):
        (Evaluation if where == "answers" else Checklist).model_validate(data)
    assert schema_errors(validator, data)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_checklist_matches_the_schema(path: Path) -> None:
    as_written = json.loads(json.dumps(read_yaml(path), default=str))  # YAML dates are JSON text
    assert schema_errors(CHECKLIST_SCHEMA, as_written) == []
    assert schema_errors(CHECKLIST_SCHEMA, shipped(path.stem).model_dump(mode="json")) == []


def test_checklist_schema_rejects_a_typo() -> None:
    doc = minimal_checklist()
    doc["sections"][0]["criteria"][0]["titel"] = doc["sections"][0]["criteria"][0].pop("title")
    assert schema_errors(CHECKLIST_SCHEMA, doc)


# --- model rules the schema cannot express ------------------------------------------------------


@pytest.mark.parametrize(
    "fields", [{"option": "ja", "na": True}, {"option": "ja", "grade": 3}, {"grade": 3, "na": True}]
)
def test_an_answer_is_one_choice(fields: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="choose one of option, grade or na"):
        Answer.model_validate(fields)


@pytest.mark.parametrize(
    ("fields", "ok"),
    [
        ({"result": "direct"}, True),
        ({"result": "transferred", "transfers": 2}, True),
        ({"result": "transferred"}, False),
        ({"result": "callback", "transfers": 1}, False),
        ({"result": "transferred", "transfers": 21}, False),
    ],
)
def test_outcome_transfers_only_when_transferred(fields: dict[str, Any], ok: bool) -> None:
    if ok:
        assert Outcome.model_validate(fields).result == fields["result"]
    else:
        with pytest.raises(ValueError):
            Outcome.model_validate(fields)


def test_an_empty_draft_is_a_valid_draft() -> None:
    d = Draft.model_validate({"id": UUID})
    assert (d.answers, d.relationship, d.outcome, d.mode) == ({}, None, None, "monitoring")
    assert score(TELEFOON, d.answers).missing[-2:] == ["relationship", "outcome"]


# --- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_checklist_json_round_trip(path: Path) -> None:
    checklist = shipped(path.stem)
    back = Checklist.model_validate_json(checklist.model_dump_json())
    assert back == checklist
    assert back.content_hash() == checklist.content_hash()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", checklist.content_hash())


def test_content_hash_follows_the_content() -> None:
    doc = minimal_checklist()
    original = build(doc).content_hash()
    assert build(minimal_checklist()).content_hash() == original
    doc["sections"][0]["criteria"][0]["title"] = "Een andere titel"
    assert build(doc).content_hash() != original


def test_content_hash_does_not_depend_on_key_order_or_number_spelling() -> None:
    scales = {"ja-nee": options_scale(0, 1), "drie": options_scale(0, 1, 2)}
    doc = minimal_checklist(section("s", criterion("a"), criterion("b", scale="drie")), scales=scales)
    doc["sources"]["blog"] = {"title": "Een blog", "publisher": "Iemand", "year": 2024}
    reordered = dict(reversed(list(doc.items())))
    reordered["scales"] = dict(reversed(list(scales.items())))
    reordered["sources"] = dict(reversed(list(doc["sources"].items())))
    reordered["scales"]["ja-nee"] = {**options_scale(0, 1.0), "type": "options"}
    assert list(build(reordered).scales) == ["drie", "ja-nee"]
    assert build(reordered).content_hash() == build(doc).content_hash()


def test_evaluation_json_round_trip() -> None:
    evaluation = exported(
        TELEFOON,
        draft(
            answers={"empathie": opt("voldoende", "Zucht hoorbaar.")}, relationship="weakened", notes="Lastig gesprek."
        ),
    )
    back = Evaluation.model_validate_json(evaluation.model_dump_json())
    assert back == evaluation
    assert back.draft() == draft(
        answers={"empathie": opt("voldoende", "Zucht hoorbaar.")}, relationship="weakened", notes="Lastig gesprek."
    )


# --- properties over random answer sets -----------------------------------------------------------


# Free text without digits and codes of at most 8 characters: no BSN or phone number, which would block export.
free_text = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Nd"))


def answer_for(checklist: Checklist, criterion_id: str) -> st.SearchStrategy[Answer]:
    c = checklist.criterion(criterion_id)
    assert c is not None
    scale = checklist.scale_of(c)
    comments = st.text(free_text, max_size=30)
    if isinstance(scale, OptionsScale):
        choices = st.builds(Answer, option=st.sampled_from([o.id for o in scale.options]), comment=comments)
    else:
        choices = st.builds(Answer, grade=st.integers(scale.min, scale.max), comment=comments)
    if c.na.allowed:
        choices = choices | st.builds(Answer, na=st.just(True), comment=comments)
    return choices | st.builds(Answer, comment=comments)  # the last: touched but not chosen yet


def answer_sets(checklist: Checklist) -> st.SearchStrategy[dict[str, Answer]]:
    return st.fixed_dictionaries({}, optional={c.id: answer_for(checklist, c.id) for c in checklist.criteria()})


outcomes = st.none() | st.sampled_from([Outcome(result="direct"), Outcome(result="callback")])
outcomes |= st.integers(1, 20).map(lambda n: Outcome(result="transferred", transfers=n))
codes = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8).filter(
    lambda s: s.strip() != ""
)
drafts = st.builds(
    Draft,
    id=st.uuids(version=4).map(str),
    mode=st.sampled_from(["monitoring", "calibration", "training", "self-assessment"]),
    evaluator=codes,
    agent=codes,
    contact_date=st.dates(),
    created_at=st.datetimes(),
    answers=answer_sets(TELEFOON),
    relationship=st.none() | st.sampled_from(["weakened", "kept", "strengthened"]),
    outcome=outcomes,
    notes=st.text(free_text, max_size=50),
)


@FAST
@given(drafts)
def test_evaluate_json_rescore_round_trip(d: Draft) -> None:
    evaluation = exported(TELEFOON, d)
    text = evaluation.model_dump_json()
    assert schema_errors(EVALUATION_SCHEMA, json.loads(text)) == []
    back = Evaluation.model_validate_json(text)
    assert back == evaluation
    again = rescore(TELEFOON, back)
    assert again.problems == []
    assert again.evaluation is not None
    assert again.evaluation.scores == evaluation.scores
    assert export_filename(back) == export_filename(evaluation)


@FAST
@given(drafts)
def test_scores_data_equals_the_dump_of_the_scores(d: Draft) -> None:
    """Rescoring compares plain data with a stored evaluation's dump: the two forms must never drift apart."""
    args = (d.relationship, d.outcome, d.critical_errors)
    data = scores_data(TELEFOON, judge(TELEFOON, d.answers), *args)
    assert data == score(TELEFOON, d.answers, *args).model_dump()


def in_range(value: float | None) -> bool:
    return value is None or 0 <= value <= 100


def applying(checklist: Checklist, answers: dict[str, Answer]) -> set[str]:
    """The documented rule for conditions: a criterion applies when it has none, or when the criterion it names
    applies and was answered with one of its options."""
    found: set[str] = set()
    for c in checklist.criteria():
        condition = c.applies_when
        controlling = answers.get(condition.criterion) if condition else None
        if condition is None or (
            condition.criterion in found and controlling is not None and controlling.option in condition.options
        ):
            found.add(c.id)
    return found


def reference_quality(checklist: Checklist, answers: dict[str, Answer]) -> Fraction | None:
    """The documented rule, with exact fractions: Σ(weight × normalised) / Σ weight over applicable quality."""
    total, weights = Fraction(0), Fraction(0)
    applies = applying(checklist, answers)
    for c in checklist.criteria():
        answer = answers.get(c.id)
        if c.kind != "quality" or c.id not in applies or answer is None or not answer.answered or answer.na:
            continue
        scale = checklist.scale_of(c)
        assert isinstance(scale, OptionsScale)
        points = {o.id: Fraction(o.points) for o in scale.options}
        low, high = min(points.values()), max(points.values())
        total += Fraction(c.weight) * (points[answer.option or ""] - low) / (high - low)
        weights += Fraction(c.weight)
    return 100 * total / weights if weights else None


@FAST
@given(answer_sets(TELEFOON), st.none() | st.sampled_from(["weakened", "kept", "strengthened"]), outcomes)
def test_scores_stay_in_range_and_follow_the_rules(
    answers: dict[str, Answer], relationship: Relationship | None, outcome: Outcome | None
) -> None:
    scores = score(TELEFOON, answers, relationship, outcome)
    assert in_range(scores.quality)
    assert in_range(scores.quality_computed)
    assert in_range(scores.compliance.score)
    assert all(in_range(s.score) and 0 <= s.answered <= s.total for s in scores.sections)

    applies = applying(TELEFOON, answers)
    assert TELEFOON.criterion("informatie-volledig").applies_when is not None  # type: ignore[union-attr]
    unanswered = [c.id for c in TELEFOON.criteria() if c.id in applies and not answers.get(c.id, Answer()).answered]
    assert scores.missing == unanswered + ["relationship"] * (relationship is None) + ["outcome"] * (outcome is None)
    assert scores.complete is (scores.missing == [])
    assert (scores.quality is None) is (not scores.complete)  # telefoon has quality criteria without n.v.t.
    if scores.complete:
        expected = reference_quality(TELEFOON, answers)
        assert expected is not None and scores.quality_computed is not None
        assert abs(scores.quality_computed - float(expected)) <= 0.05 + 1e-9
        zeroed = scores.critical.failed and TELEFOON.critical_policy == "zero-score"
        assert scores.quality == (0.0 if zeroed else scores.quality_computed)

    knocked = {
        c.id
        for c in TELEFOON.criteria()
        if c.critical
        and c.id in applies
        and answers.get(c.id, Answer()).answered
        and not answers[c.id].na
        and not is_met(TELEFOON.scale_of(c), answers[c.id])
    }
    assert {k.criterion for k in scores.critical.criteria} == knocked
    compliance = scores.compliance
    answered_compliance = [c.id for c in TELEFOON.criteria() if c.kind == "compliance" and c.id not in unanswered]
    assert sorted(compliance.passed + compliance.failed + compliance.not_applicable) == sorted(answered_compliance)
    assert scores.relationship == relationship


@FAST
@given(st.dates(), codes, st.uuids(version=4).map(str))
def test_export_filename_starts_with_the_contact_date(contact: date, agent: str, uid: str) -> None:
    evaluation = exported(TELEFOON, draft(id=uid, agent=agent, contact_date=contact))
    name = export_filename(evaluation)
    assert name.startswith(contact.isoformat() + "_kcc-telefoon_")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_kcc-telefoon_[A-Za-z0-9-]+_[0-9a-f]{8}_concept\.json", name), name
    assert name.endswith(f"_{uid[:8]}_concept.json")  # no answers: not finished


@pytest.mark.parametrize(
    ("agent", "part"),
    [("A123", "A123"), ("../../etc/passwd", "etc-passwd"), ("  Jan de Vries ", "Jan-de-Vries"), ("é", "medewerker")],
)
def test_export_filename_makes_the_agent_code_safe(agent: str, part: str) -> None:
    evaluation = exported(TELEFOON, draft(agent=agent))
    assert export_filename(evaluation) == f"2026-11-24_kcc-telefoon_{part}_3f2a9c1b_concept.json"


# --- rescore -------------------------------------------------------------------------------------


def complete_evaluation() -> Evaluation:
    return exported(
        TELEFOON, draft(answers=full_answers(TELEFOON), relationship="kept", outcome=Outcome(result="direct"))
    )


@pytest.mark.parametrize("tool_version", [__version__, "0.0.9"])
def test_rescore_of_an_untouched_export_reproduces_it(tool_version: str) -> None:
    d = draft(answers=full_answers(TELEFOON), relationship="kept", outcome=Outcome(result="direct"))
    evaluation = evaluate(TELEFOON, d, tool_version=tool_version).evaluation
    assert evaluation is not None
    result = rescore(TELEFOON, evaluation)
    assert result.problems == []
    assert result.evaluation == evaluation


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["scores"].update(quality=99.0),
        lambda d: d["scores"].update(complete=False),
        lambda d: d["scores"]["compliance"].update(score=50.0),
        lambda d: d["scores"]["sections"][0].update(score=12.5),
        lambda d: d["answers"].update({"empathie": {"option": "onvoldoende"}}),  # answers edited, scores kept
    ],
    ids=["quality", "complete", "compliance", "section", "answer"],
)
def test_rescore_flags_tampered_scores(tamper: Any) -> None:
    data = complete_evaluation().model_dump(mode="json")
    tamper(data)
    result = rescore(TELEFOON, Evaluation.model_validate(data))
    assert [(p.code, p.path, p.severity) for p in result.problems] == [(Code.SCORES_DIFFER, ("scores",), "error")]
    assert result.evaluation is not None
    assert result.evaluation.scores == score(
        TELEFOON, Evaluation.model_validate(data).answers, relationship="kept", outcome=Outcome(result="direct")
    )


def test_rescore_refuses_another_checklist() -> None:
    other = build(minimal_checklist())
    result = rescore(other, complete_evaluation())
    assert result.evaluation is None
    assert [(p.code, p.path) for p in result.problems] == [(Code.OTHER_CHECKLIST, ("checklist", "id"))]


def test_rescore_warns_when_the_checklist_changed() -> None:
    evaluation = complete_evaluation()
    changed = TELEFOON.model_dump()
    changed |= {"version": "2.1.0", "title": "KCC telefoon (herzien)"}
    changed["changes"] = [{"version": "2.1.0", "date": date(2026, 12, 1), "summary": "Titel."}, *changed["changes"]]
    result = rescore(Checklist.model_validate(changed), evaluation)
    assert [(p.code, p.path, p.severity) for p in result.problems] == [
        (Code.CHECKLIST_CHANGED, ("checklist", "content_hash"), "warning")
    ]
    assert f"{TELEFOON.version} → 2.1.0" in render(result.problems[0])


def test_rescore_reports_answers_that_no_longer_fit() -> None:
    data = complete_evaluation().model_dump(mode="json")
    data["answers"]["empathie"] = {"option": "uitstekend"}
    result = rescore(TELEFOON, Evaluation.model_validate(data))
    assert result.evaluation is None
    assert [(p.code, p.path) for p in result.problems] == [("E402", ("answers", "empathie", "option"))]
