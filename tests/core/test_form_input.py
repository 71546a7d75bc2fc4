"""The form's raw values to a draft (defaults, trimming, form rules), the running score, and the browser facade.

Imports only the core (and the standard library): the core runs alone in the browser, so it is tested alone.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest

from ijkpunt_core.api import Form
from ijkpunt_core.evaluation import Answer, Evaluation, Outcome, Scores
from ijkpunt_core.form_input import draft_from_form, form_field
from ijkpunt_core.problems import render
from ijkpunt_core.scoring import running_quality, score

from ..builders import build, criterion, minimal_checklist, section

UUID = "3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b"
CREATED = "2026-11-24T14:30:00.000Z"


CHECKLIST = build(
    minimal_checklist(
        section(
            "s",
            criterion("groet", weight=1),
            criterion("cijfer", scale="cijfer", weight=3, na={"allowed": True, "when": "Geen gesprek."}),
            criterion("melding", kind="compliance", critical=True),
        ),
        scales={
            "ja-nee": {
                "type": "options",
                "title": "Ja / nee",
                "options": [{"id": "nee", "label": "Nee", "points": 0}, {"id": "ja", "label": "Ja", "points": 1}],
            },
            "cijfer": {"type": "grade", "title": "Rapportcijfer"},
        },
    )
)

COMPLETE = {
    "evaluator": "B07",
    "agent": "A123",
    "contact_date": "2026-11-24",
    "mode": "monitoring",
    "answer:groet": "ja",
    "answer:cijfer": "8",
    "answer:melding": "ja",
    "relationship": "kept",
    "outcome": "direct",
    "transfers": "1",
}


def raw(**values: str) -> dict[str, Any]:
    return {"id": UUID, "created_at": CREATED, "values": values}


def problems_of(values: dict[str, str]) -> list[tuple[str, tuple[str | int, ...]]]:
    return [(p.code, p.path) for p in draft_from_form(raw(**values), CHECKLIST)[1]]


# --- defaults and trimming --------------------------------------------------------------------------


def test_an_empty_form_is_an_empty_draft_with_defaults() -> None:
    draft, problems = draft_from_form(raw(), CHECKLIST)
    assert problems == []
    assert draft is not None
    assert (draft.id, draft.mode, draft.evaluator, draft.contact_date) == (UUID, "monitoring", "", None)
    assert draft.created_at == datetime.fromisoformat(CREATED)
    assert (draft.answers, draft.relationship, draft.outcome) == ({}, None, None)


def test_values_are_trimmed_and_turned_into_answers() -> None:
    values = {
        **COMPLETE,
        "evaluator": "  coach-7 ",
        "team": " Noord ",
        "comment:groet": "  Vriendelijk. ",
        "comment:melding": "",
        "notes": "\n Alles goed.\n",
        "channel": "telefoon",  # the read-only input is sent too; the checklist decides the channel
    }
    draft, problems = draft_from_form(raw(**values), CHECKLIST)
    assert problems == []
    assert draft is not None
    assert (draft.evaluator, draft.team, draft.notes) == ("coach-7", "Noord", "Alles goed.")
    assert draft.contact_date == date(2026, 11, 24)
    assert draft.answers == {
        "groet": Answer(option="ja", comment="Vriendelijk."),
        "cijfer": Answer(grade=8),
        "melding": Answer(option="ja"),
    }
    assert (draft.relationship, draft.outcome) == ("kept", Outcome(result="direct"))


def test_a_comment_without_a_choice_is_kept_and_na_is_an_answer() -> None:
    draft, problems = draft_from_form(raw(**{"comment:groet": "Later kiezen.", "answer:cijfer": "na"}), CHECKLIST)
    assert problems == [] and draft is not None
    assert draft.answers == {"groet": Answer(comment="Later kiezen."), "cijfer": Answer(na=True)}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("weakened", "weakened"), ("kept", "kept"), ("strengthened", "strengthened"), ("", None)],
)
def test_relationship(value: str, expected: str | None) -> None:
    draft, _ = draft_from_form(raw(relationship=value), CHECKLIST)
    assert draft is not None and draft.relationship == expected


def test_critical_errors_are_the_ticked_boxes_in_checklist_order() -> None:
    draft, problems = draft_from_form(
        raw(**{"critical:onjuiste-informatie": "ja", "critical:onbekend": "ja"}), CHECKLIST
    )
    assert problems == [] and draft is not None
    assert draft.critical_errors == ["onjuiste-informatie"]


@pytest.mark.parametrize(
    ("outcome", "transfers", "expected"),
    [
        ("transferred", "2", Outcome(result="transferred", transfers=2)),
        ("transferred", " 20 ", Outcome(result="transferred", transfers=20)),
        ("direct", "7", Outcome(result="direct")),  # the hidden field does not count
        ("callback", "", Outcome(result="callback")),
    ],
)
def test_outcome(outcome: str, transfers: str, expected: Outcome) -> None:
    draft, problems = draft_from_form(raw(outcome=outcome, transfers=transfers), CHECKLIST)
    assert problems == [] and draft is not None
    assert draft.outcome == expected


# --- values that do not fit: a problem at the field, the rest still scored -----------------------------


@pytest.mark.parametrize("transfers", ["0", "25", "2.5", "-1", "−1", "", "abc", "1e1"])
def test_transfers_must_be_a_whole_number_from_1_to_20(transfers: str) -> None:
    draft, problems = draft_from_form(raw(**{**COMPLETE, "outcome": "transferred", "transfers": transfers}), CHECKLIST)
    assert [(p.code, p.path) for p in problems] == [("E412", ("outcome", "transfers"))]
    assert "1 tot en met 20" in render(problems[0])
    assert form_field(problems[0].path) == "transfers"
    assert draft is not None and draft.outcome is None  # never silently 1
    assert draft.answers["groet"] == Answer(option="ja")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"mode": "inspectie"}, [("E413", ("mode",))]),
        ({"relationship": "misschien"}, [("E413", ("relationship",))]),
        ({"outcome": "weg"}, [("E413", ("outcome",))]),
        ({"answer:groet": "misschien"}, [("E413", ("answers", "groet", "option"))]),
        ({"answer:cijfer": "11"}, [("E414", ("answers", "cijfer", "grade"))]),
        ({"answer:cijfer": "7.5"}, [("E414", ("answers", "cijfer", "grade"))]),
        ({"contact_date": "24-11-2026"}, [("E415", ("contact_date",))]),
        ({"agent": "A" * 61}, [("E417", ("agent",))]),
        ({"comment:groet": "x" * 4001}, [("E417", ("answers", "groet", "comment"))]),
    ],
)
def test_a_value_that_does_not_fit_names_its_field(
    values: dict[str, str], expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert problems_of(values) == expected
    draft, problems = draft_from_form(raw(**values), CHECKLIST)
    assert draft is not None
    assert all(p.code.value.startswith("E41") and render(p) for p in problems)


def test_values_of_the_wrong_type_and_unknown_names() -> None:
    draft, problems = draft_from_form(
        {"id": UUID, "values": {"evaluator": ["a", "b"], "answer:onbekend": "ja"}}, CHECKLIST
    )
    assert [(p.code, p.path) for p in problems] == [("E419", ("evaluator",))]
    assert draft is not None and draft.answers == {} and draft.created_at is None


@pytest.mark.parametrize(
    "form", [{}, {"id": "x"}, {"id": UUID.upper()}, {"id": 3}], ids=["missing", "short", "upper", "number"]
)
def test_a_draft_without_identity_is_refused(form: dict[str, Any]) -> None:
    draft, problems = draft_from_form(form, CHECKLIST)
    assert draft is None
    assert [(p.code, p.path) for p in problems] == [("E418", ("id",))]


def test_a_bad_creation_time_is_reported() -> None:
    draft, problems = draft_from_form({"id": UUID, "created_at": "gisteren", "values": {}}, CHECKLIST)
    assert [(p.code, p.path) for p in problems] == [("E416", ("created_at",))]
    assert draft is not None and form_field(problems[0].path) is None


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("evaluator",), "evaluator"),
        (("answers", "groet"), "answer:groet"),
        (("answers", "groet", "na"), "answer:groet"),
        (("answers", "groet", "comment"), "comment:groet"),
        (("outcome", "transfers"), "transfers"),
        (("id",), None),
        ((), None),
    ],
)
def test_form_field(path: tuple[str, ...], field: str | None) -> None:
    assert form_field(path) == field


# --- running score -------------------------------------------------------------------------------------


def test_running_quality_over_what_is_answered() -> None:
    assert running_quality(CHECKLIST, {}) is None
    assert running_quality(CHECKLIST, {"groet": Answer(option="ja")}) == 100.0
    # groet (weight 1) ja = 1, cijfer (weight 3) 4 → (4-1)/9 = 1/3: (1 + 1) / 4 = 50 %
    assert running_quality(CHECKLIST, {"groet": Answer(option="ja"), "cijfer": Answer(grade=4)}) == 50.0
    assert running_quality(CHECKLIST, {"groet": Answer(option="ja"), "cijfer": Answer(na=True)}) == 100.0
    assert running_quality(CHECKLIST, {"groet": Answer(option="ja"), "melding": Answer(option="nee")}) == 0.0


def test_running_quality_equals_the_final_score_once_complete() -> None:
    answers = {"groet": Answer(option="nee"), "cijfer": Answer(grade=10), "melding": Answer(option="ja")}
    final = score(CHECKLIST, answers, "kept", Outcome(result="direct"))
    assert final.complete and running_quality(CHECKLIST, answers) == final.quality == 75.0


# --- the browser facade (ijkpunt_core.api) -------------------------------------------------------------


@pytest.fixture(scope="module")
def form() -> Form:
    return Form(CHECKLIST.model_dump_json(indent=None))


def as_json(**values: str) -> str:
    return json.dumps(raw(**values))


def test_form_live_returns_scores_and_a_provisional_running_score(form: Form) -> None:
    payload = json.loads(form.live(as_json(**{"answer:groet": "ja", "evaluator": " x "})))
    assert payload["problems"] == [] and payload["privacy"] == []
    assert set(payload["scores"]) == set(Scores.model_fields)
    scores = Scores.model_validate(payload["scores"])
    assert scores == score(CHECKLIST, {"groet": Answer(option="ja")})
    assert payload["running"] == {"quality": 100.0, "provisional": True, "band": {"id": "goed", "label": "Goed"}}


def test_form_live_when_complete_is_not_provisional(form: Form) -> None:
    payload = json.loads(form.live(as_json(**COMPLETE)))
    assert payload["scores"]["complete"] is True
    band = {"id": payload["scores"]["band"], "label": "Goed"}
    assert payload["running"] == {"quality": payload["scores"]["quality"], "provisional": False, "band": band}


def test_form_live_keeps_scoring_around_a_bad_value(form: Form) -> None:
    payload = json.loads(form.live(as_json(**{**COMPLETE, "outcome": "transferred", "transfers": "0"})))
    assert [(p["code"], p["path"], p["field"]) for p in payload["problems"]] == [
        ("E412", ["outcome", "transfers"], "transfers")
    ]
    assert payload["scores"]["missing"] == ["outcome"]
    assert payload["running"]["provisional"] is True


def test_form_live_reports_na_that_is_not_allowed(form: Form) -> None:
    payload = json.loads(form.live(as_json(**{"answer:groet": "na"})))
    assert [(p["code"], p["path"], p["field"]) for p in payload["problems"]] == [
        ("E403", ["answers", "groet", "na"], "answer:groet")
    ]


@pytest.mark.parametrize("text", ["{}", "niet eens json", "[]", '{"id": "x", "values": {}}'])
def test_form_live_refuses_a_form_without_identity(form: Form, text: str) -> None:
    payload = json.loads(form.live(text))
    assert payload["scores"] is None and payload["running"] is None
    assert [(p["code"], p["path"], p["field"]) for p in payload["problems"]] == [("E418", ["id"], None)]


def test_form_live_points_out_personal_data_in_a_comment(form: Form) -> None:
    payload = json.loads(form.live(as_json(**{"comment:groet": "BSN 111222333"})))
    assert [(p["code"], p["field"]) for p in payload["privacy"]] == [("E601", "comment:groet")]


def test_form_export_of_a_complete_form(form: Form) -> None:
    payload = json.loads(form.export(as_json(**COMPLETE)))
    assert payload["problems"] == []
    evaluation = Evaluation.model_validate(payload["evaluation"])
    assert payload["complete"] is True
    assert payload["filename"] == "2026-11-24_test_A123_3f2a9c1b.json"
    assert evaluation.scores == score(
        CHECKLIST,
        {"groet": Answer(option="ja"), "cijfer": Answer(grade=8), "melding": Answer(option="ja")},
        "kept",
        Outcome(result="direct"),
    )


def test_form_export_of_an_incomplete_form_says_so_in_the_file_name(form: Form) -> None:
    values = {k: v for k, v in COMPLETE.items() if k != "answer:cijfer"}
    payload = json.loads(form.export(as_json(**values)))
    assert payload["problems"] == []
    assert payload["complete"] is False
    assert payload["filename"] == "2026-11-24_test_A123_3f2a9c1b_concept.json"
    assert payload["evaluation"]["scores"]["missing"] == ["cijfer"]


def test_form_export_without_evaluator_names_the_field(form: Form) -> None:
    payload = json.loads(form.export(as_json(**{**COMPLETE, "evaluator": "   "})))
    assert payload["evaluation"] is None and payload["filename"] is None
    assert payload["problems"] == [
        {
            "code": "E501",
            "severity": "error",
            "params": {"field": "evaluator"},
            "message": "Vul 'Beoordelaar' in.",
            "path": ["evaluator"],
            "field": "evaluator",
        }
    ]


@pytest.mark.parametrize("transfers", ["0", "25", "2.5", "-1", "", "abc"])
def test_form_export_refuses_a_bad_number_of_transfers(form: Form, transfers: str) -> None:
    payload = json.loads(form.export(as_json(**{**COMPLETE, "outcome": "transferred", "transfers": transfers})))
    assert payload["evaluation"] is None
    assert [(p["code"], p["field"]) for p in payload["problems"]] == [("E412", "transfers")]


def test_form_export_lists_form_problems_before_export_problems(form: Form) -> None:
    payload = json.loads(form.export(as_json(**{"contact_date": "morgen", "comment:groet": "BSN 111222333"})))
    assert [(p["code"], p["field"]) for p in payload["problems"]] == [
        ("E415", "contact_date"),
        ("E601", "comment:groet"),
        ("E501", "evaluator"),
        ("E501", "agent"),
        ("E501", "contact_date"),
    ]
    assert [p["field"] for p in payload["privacy"]] == ["comment:groet"]
