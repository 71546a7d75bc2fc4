"""The agent's side: acknowledge or dispute, the coach's outcome, the history in the file, the sheet, comparing.

Written against the shipped telephone checklist, through the core functions and the page's facade.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ijkpunt_core.aggregate import Aggregator, ChecklistIndex
from ijkpunt_core.evaluate import rescore
from ijkpunt_core.evaluation import AgentResponse, Answer, Dispute, Evaluation, Outcome
from ijkpunt_core.importing import import_evaluation
from ijkpunt_core.problems import Problem, render
from ijkpunt_core.review import OutcomeInput, RulingInput, decide, original_answers, respond, state
from ijkpunt_core.review_api import Reviewer
from ijkpunt_core.scoring import score
from ijkpunt_core.sheet import compare, feedback_sheet

from ..builders import opt, shipped
from .test_formats import draft, exported, full_answers

TELEFOON = shipped("kcc-telefoon")
INDEX = ChecklistIndex([TELEFOON])
AT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
LATER = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def coach_evaluation(**fields: Any) -> Evaluation:
    """A finished monitoring evaluation: best answers, except two criteria the agent will dispute."""
    answers = full_answers(TELEFOON)
    answers["laten-uitpraten"] = opt("onvoldoende", "Viel de inwoner twee keer in de rede.")
    answers["vraag-samenvatten"] = opt("nee", "Geen samenvatting gehoord.")
    fields = {"answers": answers, "relationship": "kept", "outcome": Outcome(result="direct")} | fields
    return exported(TELEFOON, draft(**fields))


def disputed_two(evaluation: Evaluation | None = None) -> Evaluation:
    evaluation = evaluation or coach_evaluation()
    response = AgentResponse(
        type="response",
        by="A7",
        at=AT,
        position="disputed",
        comment="Ik heb de opname teruggeluisterd.",
        disputes=[
            Dispute(criterion="laten-uitpraten", comment="De inwoner was klaar; ik vulde aan."),
            Dispute(criterion="vraag-samenvatten", comment="Ik vatte samen op 02:10: 'dus u wilt …'."),
        ],
    )
    result = respond(TELEFOON, evaluation, response)
    assert result.problems == [] and result.evaluation is not None
    return result.evaluation


def outcome(*rulings: RulingInput, by: str = "coach-1") -> OutcomeInput:
    return OutcomeInput(by=by, at=LATER, rulings=list(rulings))


UPHELD_AND_REJECTED = outcome(
    RulingInput(
        criterion="vraag-samenvatten", decision="upheld", comment="Klopt, op 02:10.", answer=Answer(option="ja")
    ),
    RulingInput(criterion="laten-uitpraten", decision="rejected", comment="Op 01:05 viel je haar in de rede."),
)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code.value for p in problems]


# --- the round trip -------------------------------------------------------------------------------------


def test_a_dispute_and_its_outcome_stay_in_the_file_and_survive_export_and_import() -> None:
    original = coach_evaluation()
    disputed = disputed_two(original)
    assert state(disputed) == "disputed"
    assert disputed.answers == original.answers and disputed.scores == original.scores  # a dispute changes no score

    result = decide(TELEFOON, disputed, UPHELD_AND_REJECTED)
    assert result.problems == [] and result.evaluation is not None
    decided = result.evaluation
    assert state(decided) == "resolved"

    text = decided.model_dump_json()
    imported = import_evaluation(text, INDEX)
    assert imported.problems == [] and imported.evaluation == decided  # the file reads back exactly
    assert imported.evaluation.model_dump_json() == text

    history = decided.review.history if decided.review else []
    assert [e.type for e in history] == ["response", "outcome"]
    response, ruled = history
    assert response.type == "response" and [d.criterion for d in response.disputes] == [
        "laten-uitpraten",
        "vraag-samenvatten",
    ]
    assert ruled.type == "outcome" and ruled.by == "coach-1" and ruled.at == LATER
    by_criterion = {r.criterion: r for r in ruled.rulings}
    # each entry keeps what it changed: the answer before and after, the scores before and after
    assert by_criterion["vraag-samenvatten"].before.option == "nee"
    assert by_criterion["vraag-samenvatten"].after.option == "ja"
    assert by_criterion["vraag-samenvatten"].after.comment == "Klopt, op 02:10."  # the coach's explanation
    assert by_criterion["laten-uitpraten"].before == by_criterion["laten-uitpraten"].after
    assert ruled.quality_before == original.scores.quality
    assert original_answers(decided) == original.answers


def test_the_scores_after_the_outcome_are_computed_by_the_core() -> None:
    decided = decide(TELEFOON, disputed_two(), UPHELD_AND_REJECTED).evaluation
    assert decided is not None
    expected_answers = coach_evaluation().answers | {"vraag-samenvatten": opt("ja", "Klopt, op 02:10.")}
    expected = score(TELEFOON, expected_answers, "kept", Outcome(result="direct"))
    assert decided.answers == expected_answers
    assert decided.scores == expected
    assert decided.scores.quality is not None and coach_evaluation().scores.quality is not None
    assert decided.scores.quality > coach_evaluation().scores.quality
    history = decided.review.history if decided.review else []
    assert history[-1].type == "outcome" and history[-1].quality_after == expected.quality
    assert rescore(TELEFOON, decided).problems == []


def test_partly_upheld_sets_the_answer_the_coach_chose() -> None:
    decided = decide(
        TELEFOON,
        disputed_two(),
        outcome(
            RulingInput(
                criterion="laten-uitpraten",
                decision="partly-upheld",
                comment="Eén keer, niet twee keer.",
                answer=Answer(option="voldoende", comment="Viel de inwoner één keer in de rede."),
            ),
            RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Niet gehoord."),
        ),
    ).evaluation
    assert decided is not None
    assert decided.answers["laten-uitpraten"] == Answer(
        option="voldoende", comment="Viel de inwoner één keer in de rede."
    )
    assert decided.answers["vraag-samenvatten"].option == "nee"


def test_after_an_outcome_the_agent_may_respond_again_and_acknowledge() -> None:
    decided = decide(TELEFOON, disputed_two(), UPHELD_AND_REJECTED).evaluation
    assert decided is not None
    again = respond(TELEFOON, decided, AgentResponse(type="response", by="A7", at=LATER, position="acknowledged"))
    assert again.problems == [] and again.evaluation is not None
    assert state(again.evaluation) == "acknowledged"
    assert import_evaluation(again.evaluation.model_dump_json(), INDEX).problems == []


def test_an_acknowledgement_with_a_comment() -> None:
    response = AgentResponse(type="response", by="A7", at=AT, position="acknowledged", comment="Goede tips, dank je.")
    result = respond(TELEFOON, coach_evaluation(), response)
    assert result.evaluation is not None and state(result.evaluation) == "acknowledged"
    assert import_evaluation(result.evaluation.model_dump_json(), INDEX).problems == []


# --- refusals ------------------------------------------------------------------------------------------------


def response(position: str = "disputed", *disputes: tuple[str, str], comment: str = "") -> AgentResponse:
    return AgentResponse(
        type="response",
        by="A7",
        at=AT,
        position=position,  # type: ignore[arg-type]
        comment=comment,
        disputes=[Dispute(criterion=c, comment=t) for c, t in disputes],
    )


@pytest.mark.parametrize(
    ("given", "code"),
    [
        (response("disputed", ("laten-uitpraten", "")), "E466"),  # a dispute without a comment
        (response("disputed", ("laten-uitpraten", "   ")), "E466"),
        (response("disputed"), "E463"),  # disputed, but nothing named
        (response("acknowledged", ("laten-uitpraten", "Toch niet.")), "E463"),
        (response("disputed", ("bestaat-niet", "Waarom?")), "E464"),
        (response("disputed", ("laten-uitpraten", "Eén."), ("laten-uitpraten", "Twee.")), "E465"),
        (response("disputed", ("laten-uitpraten", "Mijn bsn is 111222333.")), "E601"),
    ],
    ids=["no comment", "blank comment", "none named", "acknowledged with disputes", "unknown", "twice", "bsn"],
)
def test_a_response_that_breaks_a_rule_is_refused_and_changes_nothing(given: AgentResponse, code: str) -> None:
    evaluation = coach_evaluation()
    before = evaluation.model_dump_json()
    result = respond(TELEFOON, evaluation, given)
    assert result.evaluation is None
    assert code in codes(result.problems)
    assert evaluation.model_dump_json() == before
    for problem in result.problems:
        assert render(problem, "nl") and render(problem, "en")


def test_no_response_to_a_self_assessment_an_unfinished_evaluation_or_twice() -> None:
    own = coach_evaluation(mode="self-assessment")
    assert codes(respond(TELEFOON, own, response("acknowledged")).problems) == ["E460"]
    unfinished = exported(TELEFOON, draft(answers=full_answers(TELEFOON)))  # no relationship, no outcome
    assert codes(respond(TELEFOON, unfinished, response("acknowledged")).problems) == ["E461"]
    disputed = disputed_two()
    assert codes(respond(TELEFOON, disputed, response("acknowledged")).problems) == ["E462"]  # awaiting the coach
    closed = respond(TELEFOON, coach_evaluation(), response("acknowledged")).evaluation
    assert closed is not None
    assert codes(respond(TELEFOON, closed, response("acknowledged")).problems) == ["E462"]


@pytest.mark.parametrize(
    ("rulings", "code"),
    [
        (  # an outcome for a criterion that was not disputed
            [
                RulingInput(criterion="laten-uitpraten", decision="rejected", comment="Nee."),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
                RulingInput(criterion="meedenken", decision="rejected", comment="Nee."),
            ],
            "E468",
        ),
        ([RulingInput(criterion="laten-uitpraten", decision="rejected", comment="Nee.")], "E469"),  # one missing
        ([], "E469"),
        (
            [
                RulingInput(criterion="laten-uitpraten", decision="rejected", comment=""),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
            ],
            "E470",
        ),
        (  # upheld without a corrected answer
            [
                RulingInput(criterion="laten-uitpraten", decision="upheld", comment="Klopt."),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
            ],
            "E471",
        ),
        (  # upheld with the same answer
            [
                RulingInput(
                    criterion="laten-uitpraten", decision="upheld", comment="Klopt.", answer=opt("onvoldoende")
                ),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
            ],
            "E471",
        ),
        (  # a corrected answer that is not on the scale
            [
                RulingInput(criterion="laten-uitpraten", decision="upheld", comment="Klopt.", answer=opt("uitstekend")),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
            ],
            "E402",
        ),
        (
            [
                RulingInput(
                    criterion="laten-uitpraten", decision="rejected", comment="Zie IBAN NL91 ABNA 0417 1643 00"
                ),
                RulingInput(criterion="vraag-samenvatten", decision="rejected", comment="Nee."),
            ],
            "E602",
        ),
    ],
    ids=[
        "not disputed",
        "missing",
        "none",
        "no comment",
        "upheld without answer",
        "upheld unchanged",
        "bad option",
        "iban",
    ],
)
def test_an_outcome_that_breaks_a_rule_is_refused(rulings: list[RulingInput], code: str) -> None:
    disputed = disputed_two()
    result = decide(TELEFOON, disputed, outcome(*rulings))
    assert result.evaluation is None
    assert code in codes(result.problems), codes(result.problems)


def test_no_outcome_without_an_open_dispute() -> None:
    assert codes(decide(TELEFOON, coach_evaluation(), UPHELD_AND_REJECTED).problems) == ["E467"]
    decided = decide(TELEFOON, disputed_two(), UPHELD_AND_REJECTED).evaluation
    assert decided is not None
    assert codes(decide(TELEFOON, decided, UPHELD_AND_REJECTED).problems) == ["E467"]  # decided once


def decided_data() -> dict[str, Any]:
    decided = decide(TELEFOON, disputed_two(), UPHELD_AND_REJECTED).evaluation
    assert decided is not None
    return decided.model_dump(mode="json")


def _edit_quality_after(d: dict[str, Any]) -> None:
    d["review"]["history"][1]["quality_after"] = 100.0


def _edit_history_answer(d: dict[str, Any]) -> None:
    d["review"]["history"][1]["rulings"][0]["after"]["comment"] = "Anders."  # the answers do not say so


def _drop_response(d: dict[str, Any]) -> None:
    del d["review"]["history"][0]


def _blank_dispute(d: dict[str, Any]) -> None:
    d["review"]["history"][0]["disputes"][0]["comment"] = ""


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (_edit_quality_after, "E472"),
        (_edit_history_answer, "E472"),
        (_drop_response, "E467"),
        (_blank_dispute, "E466"),
    ],
    ids=["quality after", "answer after", "outcome without response", "blank dispute"],
)
def test_a_history_edited_by_hand_is_refused_by_import_and_aggregation(tamper: Any, code: str) -> None:
    data = decided_data()
    tamper(data)
    text = json.dumps(data)
    imported = import_evaluation(text, INDEX)
    assert imported.evaluation is None and code in codes(imported.problems), codes(imported.problems)
    aggregator = Aggregator(INDEX)
    assert aggregator.add_text(text, "x.json") is None
    assert [r.code for r in aggregator.report().refused] == [imported.problems[0].code.value]


# --- the sheet and the comparison ------------------------------------------------------------------------


def test_the_feedback_sheet_splits_strengths_from_points_to_improve() -> None:
    sheet = feedback_sheet(TELEFOON, coach_evaluation())
    improve = [v.criterion for v in sheet.improvements]
    assert improve == ["laten-uitpraten", "vraag-samenvatten"]
    first = sheet.improvements[0]
    assert first.definition == TELEFOON.criterion("laten-uitpraten").definition  # type: ignore[union-attr]
    assert (first.label, first.points, first.max_points, first.comment) == (
        "Onvoldoende",
        0,
        2,
        "Viel de inwoner twee keer in de rede.",
    )
    assert len(sheet.strengths) == len(TELEFOON.criteria()) - 2
    assert all(v.met for v in sheet.strengths)
    assert sheet.summary.quality == coach_evaluation().scores.quality and sheet.state == "none"


def test_the_sheet_shows_the_history_and_what_changed() -> None:
    decided = decide(TELEFOON, disputed_two(), UPHELD_AND_REJECTED).evaluation
    assert decided is not None
    sheet = feedback_sheet(TELEFOON, decided)
    assert sheet.state == "resolved" and sheet.changed == ["vraag-samenvatten"]
    assert [e.type for e in sheet.history] == ["response", "outcome"]
    items = {i.criterion: i for i in sheet.history[1].items}
    assert (items["vraag-samenvatten"].before, items["vraag-samenvatten"].after) == ("Nee", "Ja")
    assert items["laten-uitpraten"].decision == "rejected"


def test_a_self_assessment_beside_the_coachs_evaluation() -> None:
    coach = coach_evaluation()
    own_answers = full_answers(TELEFOON) | {"laten-uitpraten": opt("voldoende", "Ik liet haar uitpraten.")}
    own = exported(
        TELEFOON,
        draft(
            id="4c1d2e3f-0000-4000-8000-00000000000a",
            mode="self-assessment",
            evaluator="A7",
            answers=own_answers,
            relationship="strengthened",
            outcome=Outcome(result="direct"),
        ),
    )
    comparison, problems = compare(TELEFOON, own, TELEFOON, coach)
    assert problems == [] and comparison is not None
    differing = [r.criterion for r in comparison.rows if r.differs]
    assert differing == ["laten-uitpraten", "vraag-samenvatten"]
    assert comparison.differing == 2
    row = next(r for r in comparison.rows if r.criterion == "laten-uitpraten")
    assert row.first is not None and row.second is not None
    assert (row.first.label, row.second.label) == ("Voldoende", "Onvoldoende")
    assert (comparison.first.mode, comparison.second.mode) == ("self-assessment", "monitoring")
    assert comparison.first.quality == own.scores.quality and comparison.second.quality == coach.scores.quality


def test_comparing_other_contacts_warns_and_other_checklists_are_refused() -> None:
    coach = coach_evaluation()
    other_day = coach_evaluation(id="4c1d2e3f-0000-4000-8000-00000000000b", contact_date="2026-11-03")
    comparison, problems = compare(TELEFOON, coach, TELEFOON, other_day)
    assert comparison is not None and codes(problems) == ["W460"] and comparison.differing == 0
    email = shipped("kcc-email")
    mail = exported(email, draft(answers=full_answers(email), relationship="kept", outcome=Outcome(result="direct")))
    comparison, problems = compare(TELEFOON, coach, email, mail)
    assert comparison is None and codes(problems) == ["E473"]


# --- the page's facade ------------------------------------------------------------------------------------


def reviewer(lang: str = "nl") -> Reviewer:
    return Reviewer(json.dumps({"current": [json.loads(TELEFOON.model_dump_json())]}), lang)  # type: ignore[arg-type]


def test_the_facade_runs_the_whole_exchange_on_text() -> None:
    page = reviewer()
    opened = json.loads(page.open("beoordeling.json", coach_evaluation().model_dump_json()))
    assert opened["problems"] == [] and opened["sheet"]["state"] == "none"
    refused = json.loads(
        page.respond(
            json.dumps(opened["evaluation"]),
            json.dumps(
                {
                    "by": "A7",
                    "at": AT.isoformat(),
                    "position": "disputed",
                    "disputes": [{"criterion": "laten-uitpraten", "comment": ""}],
                }
            ),
        )
    )
    assert refused["evaluation"] is None and [p["code"] for p in refused["problems"]] == ["E466"]
    assert "waarom je het er niet mee eens bent" in refused["problems"][0]["message"]
    disputes = [
        {"criterion": "laten-uitpraten", "comment": "<img src=x onerror=alert(1)>"},
        {"criterion": "vraag-samenvatten", "comment": "Wel gedaan."},
    ]
    answered = json.loads(
        page.respond(
            json.dumps(opened["evaluation"]),
            json.dumps({"by": "A7", "at": AT.isoformat(), "position": "disputed", "disputes": disputes}),
        )
    )
    assert answered["problems"] == [] and answered["sheet"]["disputed"] == ["laten-uitpraten", "vraag-samenvatten"]
    assert answered["sheet"]["history"][0]["items"][0]["comment"] == "<img src=x onerror=alert(1)>"  # text, kept as is
    rulings = [
        {"criterion": "laten-uitpraten", "decision": "rejected", "comment": "Nee."},
        {"criterion": "vraag-samenvatten", "decision": "upheld", "comment": "Ja.", "answer": {"option": "ja"}},
    ]
    decided = json.loads(
        page.decide(
            json.dumps(answered["evaluation"]),
            json.dumps({"by": "coach-1", "at": LATER.isoformat(), "rulings": rulings}),
        )
    )
    assert decided["problems"] == [] and decided["sheet"]["state"] == "resolved"
    evaluation = Evaluation.model_validate_json(json.dumps(decided["evaluation"]))
    assert evaluation.scores == score(TELEFOON, evaluation.answers, "kept", Outcome(result="direct"))
    missing_by = json.loads(
        page.decide(
            json.dumps(answered["evaluation"]), json.dumps({"by": "", "at": LATER.isoformat(), "rulings": rulings})
        )
    )
    assert missing_by["evaluation"] is None and missing_by["problems"][0]["code"] == "E105"


def test_the_facade_refuses_a_bad_file_with_the_imports_reason() -> None:
    answer = json.loads(reviewer("en").open("x.json", "not json"))
    assert answer["evaluation"] is None and answer["problems"][0]["code"] == "E006"


# --- aggregation ----------------------------------------------------------------------------------------------


def test_the_aggregation_counts_responses_disputes_and_outcomes() -> None:
    def with_id(n: int) -> dict[str, Any]:
        return {"id": f"4c1d2e3f-0000-4000-8000-{n:012d}"}

    quiet = coach_evaluation(**with_id(1))  # no response
    acknowledged = respond(TELEFOON, coach_evaluation(**with_id(2)), response("acknowledged")).evaluation
    open_dispute = disputed_two(coach_evaluation(**with_id(3)))
    decided = decide(TELEFOON, disputed_two(coach_evaluation(**with_id(4))), UPHELD_AND_REJECTED).evaluation
    own = coach_evaluation(mode="self-assessment", **with_id(5))  # nobody responds to one's own: not counted
    assert acknowledged is not None and decided is not None
    aggregator = Aggregator(INDEX)
    for evaluation in (quiet, acknowledged, open_dispute, decided, own):
        assert aggregator.add_text(evaluation.model_dump_json(), "x.json") is not None
    report = aggregator.report()
    reviews = report.reviews
    assert reviews is not None and reviews.n == 4
    assert (reviews.responded.count, reviews.responded.n) == (3, 4)
    assert (reviews.disputed.count, reviews.disputed.n, reviews.disputed.rate) == (2, 4, 0.5)
    by_criterion = {c.criterion: c for c in reviews.criteria}
    summary = by_criterion["vraag-samenvatten"]
    assert (summary.disputed, summary.upheld, summary.partly_upheld, summary.rejected, summary.open) == (2, 1, 0, 0, 1)
    interrupted = by_criterion["laten-uitpraten"]
    assert (interrupted.disputed, interrupted.rejected, interrupted.open) == (2, 1, 1)
    assert interrupted.title == TELEFOON.criterion("laten-uitpraten").title  # type: ignore[union-attr]
