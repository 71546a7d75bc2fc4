"""Conditional criteria (`applies_when`): when a criterion applies, how scoring treats one that does not, and the
loader's checks (unknown criterion or option, itself, cycles, later criteria, grade questions)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from ijkpunt_core.api import Form
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import evaluate, rescore
from ijkpunt_core.evaluation import Answer, Outcome
from ijkpunt_core.problems import Code, render
from ijkpunt_core.scoring import applicability, counted_answers, score
from ijkpunt_core.validate import validate_checklist

from ..builders import NA, a_draft, build, criterion, grade_scale, minimal_checklist, opt, section

WHEN_TERM_YES = {"criterion": "termijn", "options": ["ja"]}  # never edited by a test (they edit termijn's)
NA_ALLOWED = {"allowed": True, "when": "Het gesprek gaat niet over een melding."}
DONE = {"relationship": "kept", "outcome": Outcome(result="direct")}


def document() -> dict[str, Any]:
    """melding (ja/nee, n.v.t. allowed) → termijn (quality, weight 2) → bevestiging (compliance, critical); groet."""
    return minimal_checklist(
        section(
            "s",
            criterion("groet"),
            criterion("melding", na=NA_ALLOWED),
            criterion("termijn", weight=2, applies_when={"criterion": "melding", "options": ["ja"]}),
            criterion("bevestiging", kind="compliance", critical=True, applies_when=WHEN_TERM_YES),
        )
    )


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return build(document())


def answers(**given: Answer) -> dict[str, Answer]:
    return dict(given)


# --- scoring -----------------------------------------------------------------------------------


def test_a_criterion_applies_when_its_condition_holds(checklist: Checklist) -> None:
    given = answers(groet=opt("ja"), melding=opt("ja"), termijn=opt("nee"), bevestiging=opt("ja"))
    scores = score(checklist, given, **DONE)
    assert applicability(checklist, given) == {"termijn": True, "bevestiging": False}
    # groet 1 × 1, melding 1 × 1, termijn 2 × 0: 2 of 4; bevestiging hangs on termijn = ja, so it does not apply
    assert scores.complete and scores.quality == 50.0
    assert scores.compliance.not_applicable == ["bevestiging"]


def test_otherwise_it_is_automatically_not_applicable_and_its_answer_is_ignored(checklist: Checklist) -> None:
    ignored = answers(groet=opt("ja"), melding=opt("nee"), termijn=opt("nee"))
    unanswered = answers(groet=opt("ja"), melding=opt("nee"))
    scores = score(checklist, ignored, **DONE)
    assert scores == score(checklist, unanswered, **DONE)
    assert scores.complete and scores.missing == []  # not missing: it needs no answer
    assert scores.quality == 50.0  # groet 1, melding 0; termijn's "nee" (weight 2) does not count
    assert scores.sections[0].answered == scores.sections[0].total == 4


def test_a_controlling_criterion_answered_not_applicable_leaves_it_not_applicable(checklist: Checklist) -> None:
    given = answers(groet=opt("ja"), melding=NA, termijn=opt("ja"))
    assert applicability(checklist, given) == {"termijn": False, "bevestiging": False}
    assert score(checklist, given, **DONE).quality == 100.0


def test_an_unanswered_controlling_criterion_is_the_one_missing(checklist: Checklist) -> None:
    scores = score(checklist, answers(groet=opt("ja")), **DONE)
    assert scores.missing == ["melding"]
    assert applicability(checklist, {}) == {"termijn": False, "bevestiging": False}


def test_chains_resolve_in_form_order(checklist: Checklist) -> None:
    """bevestiging needs termijn = ja, and termijn needs melding = ja: an ignored termijn answer does not count."""
    chained = answers(groet=opt("ja"), melding=opt("nee"), termijn=opt("ja"), bevestiging=opt("nee"))
    assert applicability(checklist, chained) == {"termijn": False, "bevestiging": False}
    scores = score(checklist, chained, **DONE)
    assert not scores.critical.failed and scores.passed  # bevestiging is critical, but it does not apply
    assert scores.compliance.failed == [] and scores.compliance.not_applicable == ["bevestiging"]
    applying = chained | answers(melding=opt("ja"))
    assert applicability(checklist, applying) == {"termijn": True, "bevestiging": True}
    failed = score(checklist, applying, **DONE)
    assert failed.compliance.failed == ["bevestiging"] and failed.critical.failed and failed.quality == 0.0


def test_the_export_records_only_what_counts_and_keeps_comments(checklist: Checklist) -> None:
    draft = a_draft(
        answers={
            "groet": opt("ja"),
            "melding": opt("nee"),
            "termijn": opt("nee", comment="Noemde geen termijn."),
            "bevestiging": opt("ja"),
        },
        **DONE,
    )
    result = evaluate(checklist, draft)
    assert result.evaluation is not None, result.problems
    exported = result.evaluation.answers
    assert exported["termijn"] == Answer(comment="Noemde geen termijn.")
    assert "bevestiging" not in exported
    assert draft.answers["termijn"].option == "nee"  # the draft keeps the choice: it returns with melding = ja
    assert result.evaluation.scores == score(checklist, draft.answers, **DONE)
    assert rescore(checklist, result.evaluation).problems == []


def test_rescoring_a_file_with_an_answer_that_does_not_count_warns(checklist: Checklist) -> None:
    """A file edited by hand (or by another tool) keeps its answer; the core scores it n.v.t. and says so."""
    exported = evaluate(checklist, a_draft(answers=answers(groet=opt("ja"), melding=opt("nee")), **DONE)).evaluation
    assert exported is not None
    edited = exported.model_copy(update={"answers": {**exported.answers, "termijn": opt("ja")}})
    result = rescore(checklist, edited)
    assert [p.code for p in result.problems] == [Code.ANSWER_NOT_APPLICABLE]
    assert result.evaluation is not None and result.evaluation.scores == exported.scores
    problem = result.problems[0]
    assert problem.path == ("answers", "termijn") and problem.severity == "warning"
    assert render(problem, "nl").startswith(
        "'Criterium termijn' geldt alleen als 'Criterium melding' is beantwoord met: Ja."
    )
    assert "does not count" in render(problem, "en")


def test_counted_answers_leave_checklists_without_conditions_alone() -> None:
    plain = build(minimal_checklist())
    given = answers(groet=opt("nee", comment="Geen naam."))
    assert counted_answers(plain, given) == given
    assert applicability(plain, given) == {}


def test_the_live_result_says_which_conditional_criteria_apply(checklist: Checklist) -> None:
    form = Form(checklist.model_dump_json())
    values = {"answer:groet": "ja", "answer:melding": "ja", "answer:termijn": "ja", "answer:bevestiging": "nee"}
    raw = {"id": "0b6f1c9e-2a51-4c8e-9d0e-5f1a2b3c4d5e", "created_at": "2026-11-02T10:00:00Z", "values": values}
    live = json.loads(form.live(json.dumps(raw)))
    assert live["applies"] == {"termijn": True, "bevestiging": True}
    raw["values"] = {**values, "answer:melding": "nee"}
    live = json.loads(form.live(json.dumps(raw)))
    assert live["applies"] == {"termijn": False, "bevestiging": False}
    assert live["scores"]["compliance"]["not_applicable"] == ["bevestiging"]
    assert json.loads(form.live("not json"))["applies"] == {"termijn": False, "bevestiging": False}


# --- the loader's checks ------------------------------------------------------------------------

Edit = Callable[[dict[str, Any]], None]
S = ("sections", 0, "criteria")


def crit(doc: dict[str, Any], c: int) -> dict[str, Any]:
    found: dict[str, Any] = doc["sections"][0]["criteria"][c]
    return found


def _grade_controller(doc: dict[str, Any]) -> None:
    doc["scales"]["cijfer"] = grade_scale()
    crit(doc, 1)["scale"] = "cijfer"
    crit(doc, 1).pop("anchors")


CASES: list[tuple[str, Edit, Code, tuple[str | int, ...], dict[str, Any], tuple[str, ...]]] = [
    ("unknown criterion", lambda d: crit(d, 2)["applies_when"].update(criterion="meldingg"),
     Code.CONDITION_UNKNOWN_CRITERION, (*S, 2, "applies_when", "criterion"), {"target": "meldingg"},
     ("groet", "melding")),
    ("unknown option", lambda d: crit(d, 2)["applies_when"].update(options=["ja", "misschien"]),
     Code.CONDITION_UNKNOWN_OPTION, (*S, 2, "applies_when", "options", 1),
     {"option": "misschien", "target": "melding", "scale": "ja-nee"}, ("nee", "ja")),
    ("on itself", lambda d: crit(d, 2)["applies_when"].update(criterion="termijn"),
     Code.CONDITION_ON_ITSELF, (*S, 2, "applies_when", "criterion"), {}, ()),
    ("on a later criterion", lambda d: crit(d, 0).update(applies_when={"criterion": "melding", "options": ["ja"]}),
     Code.CONDITION_LATER, (*S, 0, "applies_when", "criterion"), {"target": "melding"}, ()),
    ("on a grade question", _grade_controller,
     Code.CONDITION_ON_GRADE, (*S, 2, "applies_when", "criterion"), {"target": "melding"}, ()),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "code", "path", "params", "allowed"), CASES, ids=[c[0] for c in CASES])
def test_condition_rule(
    name: str, edit: Edit, code: Code, path: tuple[str | int, ...], params: dict[str, Any], allowed: tuple[str, ...]
) -> None:
    doc = document()
    assert validate_checklist(doc).ok
    edit(doc)
    result = validate_checklist(doc)
    found = [p for p in result.problems if p.code == code]
    assert [p.path for p in found] == [path], result.problems
    assert dict(found[0].params) == params and found[0].allowed == allowed
    assert result.checklist is None
    assert render(found[0], "nl") and render(found[0], "en")


def test_a_cycle_is_refused_on_each_criterion_in_it() -> None:
    """groet → bevestiging → termijn → melding → groet: a circle (each link is also named once, not as 'later')."""
    doc = document()
    crit(doc, 0)["applies_when"] = {"criterion": "bevestiging", "options": ["ja"]}
    crit(doc, 1)["applies_when"] = {"criterion": "groet", "options": ["ja"]}
    result = validate_checklist(doc)
    cycles = [p for p in result.problems if p.code == Code.CONDITION_CYCLE]
    assert [p.path[3] for p in cycles] == [0, 1, 2, 3]
    assert dict(cycles[0].params) == {"cycle": "groet → bevestiging → termijn → melding → groet"}
    assert Code.CONDITION_LATER not in {p.code for p in result.problems}
    assert result.checklist is None
    # a checklist built directly (as the browser does from JSON) refuses the cycle too
    with pytest.raises(ValidationError, match="in a cycle"):
        Checklist.model_validate(doc)


def test_a_two_step_cycle() -> None:
    doc = minimal_checklist(
        section(
            "s",
            criterion("a", applies_when={"criterion": "b", "options": ["ja"]}),
            criterion("b", applies_when={"criterion": "a", "options": ["nee"]}),
        )
    )
    found = [p for p in validate_checklist(doc).problems if p.code == Code.CONDITION_CYCLE]
    assert [dict(p.params)["cycle"] for p in found] == ["a → b → a", "b → a → b"]


def test_a_condition_needs_at_least_one_option() -> None:
    doc = document()
    crit(doc, 2)["applies_when"]["options"] = []
    result = validate_checklist(doc)
    assert [(p.code, p.path) for p in result.problems] == [(Code.TOO_FEW_ITEMS, (*S, 2, "applies_when", "options"))]
