"""The municipality's settings (instellingen.yaml) in the core: the model, and a criterion that a setting switches
off (``requires_setting``) is n.v.t. in scoring, in the export, and again when the export is rescored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from ijkpunt_core.aggregate import AggregateConfig, Aggregator, ChecklistIndex
from ijkpunt_core.api import Form
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import evaluate, rescore
from ijkpunt_core.evaluation import Answer, Evaluation, Outcome
from ijkpunt_core.problems import Code
from ijkpunt_core.scoring import score
from ijkpunt_core.settings import ScoringSettings, Settings, not_applicable_by_setting, svg_problems

from ..builders import a_draft, build, criterion, minimal_checklist, opt, section

NOT_RECORDED = ScoringSettings(records_calls=False)
DONE = {"relationship": "kept", "outcome": Outcome(result="direct")}


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    """groet (quality) and opname (compliance, n.v.t. not allowed) that requires the calls to be recorded."""
    return build(
        minimal_checklist(
            section(
                "s",
                criterion("groet"),
                criterion("opname", kind="compliance", requires_setting="records_calls"),
                criterion("naam", kind="compliance"),
            )
        )
    )


def test_a_settings_file_may_be_empty_and_then_changes_nothing() -> None:
    settings = Settings.model_validate({})
    assert settings.municipality is None
    assert settings.scoring().is_default
    assert settings.targets.quality is None and settings.targets.channels == {}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"records_calls": "nee"}, ("records_calls",)),  # a word is not a yes/no
        ({"opnemen": False}, ("opnemen",)),  # a typo is an unknown key, not silently ignored
        ({"municipality": {"name": ""}}, ("municipality", "name")),
        ({"municipality": {"name": "Gemeente <script>"}}, ("municipality", "name")),
        ({"municipality": {"name": "X", "logo": "../buiten/logo.svg"}}, ("municipality", "logo")),
        ({"municipality": {"name": "X", "logo": "/etc/logo.png"}}, ("municipality", "logo")),
        ({"targets": {"quality": 120}}, ("targets", "quality")),
        ({"targets": {"channels": {"fax": {}}}}, ("targets", "channels", "fax")),
    ],
)
def test_the_model_refuses_what_does_not_fit(data: dict[str, Any], where: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        Settings.model_validate(data, strict=True)
    assert any(tuple(map(str, e["loc"]))[: len(where)] == where for e in info.value.errors()), info.value.errors()


def test_own_targets_replace_the_checklists_for_their_channel_only(checklist: Checklist) -> None:
    own = {
        "as_of": "2026-03-01",
        "basis": "Besluit MT klantcontact",
        "direct_min": 0.7,
        "transferred_or_callback_max": 0.3,
        "transferred_once_max": 0.2,
        "transferred_repeatedly_max": 0.1,
    }
    settings = Settings.model_validate_json(json.dumps({"targets": {"channels": {"telefoon": own}}}))
    targets, is_own = settings.outcome_targets(checklist)
    assert is_own and targets.direct_min == 0.7 and targets.basis == "Besluit MT klantcontact"
    email = checklist.model_copy(update={"channel": "e-mail"})
    assert settings.outcome_targets(email) == (checklist.targets, False)


def test_switched_off_only_when_the_setting_is_off(checklist: Checklist) -> None:
    assert not_applicable_by_setting(checklist, None) == {}
    assert not_applicable_by_setting(checklist, ScoringSettings()) == {}
    assert not_applicable_by_setting(checklist, NOT_RECORDED) == {"opname": "records_calls"}


def test_a_switched_off_criterion_is_na_in_the_scores(checklist: Checklist) -> None:
    answers = {"groet": opt("ja"), "naam": opt("ja")}
    without = score(checklist, answers, "kept", Outcome(result="direct"))
    assert not without.complete and without.missing == ["opname"]  # the standard: it must be answered
    scores = score(checklist, answers, "kept", Outcome(result="direct"), settings=NOT_RECORDED)
    assert scores.complete and scores.missing == []
    assert scores.compliance.not_applicable == ["opname"]
    assert scores.compliance.passed == ["naam"] and scores.compliance.score == 100.0
    assert scores.sections[0].answered == 3  # n.v.t. counts as filled in, as a chosen n.v.t. does


def test_an_answer_to_a_switched_off_criterion_does_not_count(checklist: Checklist) -> None:
    """Even a 'nee' left in a draft from before the setting (n.v.t. is not even allowed there)."""
    answers = {"groet": opt("ja"), "naam": opt("ja"), "opname": opt("nee")}
    scores = score(checklist, answers, "kept", Outcome(result="direct"), settings=NOT_RECORDED)
    assert scores.compliance.failed == [] and scores.compliance.not_applicable == ["opname"]
    result = evaluate(checklist, a_draft(answers=answers, **DONE), settings=NOT_RECORDED)
    assert result.evaluation is not None, result.problems
    assert "opname" not in result.evaluation.answers


def test_the_export_records_the_setting_and_rescoring_uses_it(checklist: Checklist) -> None:
    draft = a_draft(answers={"groet": opt("ja"), "naam": opt("nee")}, **DONE)
    result = evaluate(checklist, draft, settings=NOT_RECORDED)
    assert result.evaluation is not None, result.problems
    exported = json.loads(result.evaluation.model_dump_json())
    assert exported["settings"] == {"records_calls": False}
    assert exported["scores"]["compliance"]["not_applicable"] == ["opname"]
    # read back as any reader does (CLI score, dashboard, import): same scores, no problem, no settings file needed
    again = rescore(checklist, Evaluation.model_validate_json(json.dumps(exported)))
    assert again.problems == []
    assert again.evaluation is not None and again.evaluation.scores == result.evaluation.scores


def test_without_the_recorded_setting_the_export_no_longer_rescores_the_same(checklist: Checklist) -> None:
    """The record is what makes the outcome reproducible: strip it and the criterion is missing again."""
    draft = a_draft(answers={"groet": opt("ja"), "naam": opt("ja")}, **DONE)
    result = evaluate(checklist, draft, settings=NOT_RECORDED)
    assert result.evaluation is not None
    stripped = json.loads(result.evaluation.model_dump_json())
    del stripped["settings"]
    again = rescore(checklist, Evaluation.model_validate_json(json.dumps(stripped)))
    assert [p.code for p in again.problems] == [Code.SCORES_DIFFER]


def test_an_export_without_settings_has_no_settings_field(checklist: Checklist) -> None:
    """A site without a settings file (or whose settings change nothing here) writes exports as before."""
    answers = {"groet": opt("ja"), "naam": opt("ja"), "opname": opt("ja")}
    for settings in (None, ScoringSettings()):
        result = evaluate(checklist, a_draft(answers=answers, **DONE), settings=settings)
        assert result.evaluation is not None
        assert "settings" not in json.loads(result.evaluation.model_dump_json())
    other = build(minimal_checklist(section("s", criterion("groet"))))
    result = evaluate(other, a_draft(answers={"groet": opt("ja")}, **DONE), settings=NOT_RECORDED)
    assert result.evaluation is not None and result.evaluation.settings is None  # nothing here depends on it


def test_rescoring_warns_about_an_answer_a_recorded_setting_ignores(checklist: Checklist) -> None:
    result = evaluate(
        checklist, a_draft(answers={"groet": opt("ja"), "naam": opt("ja")}, **DONE), settings=NOT_RECORDED
    )
    assert result.evaluation is not None
    edited = result.evaluation.model_copy(
        update={"answers": {**result.evaluation.answers, "opname": Answer(option="nee")}}
    )
    again = rescore(checklist, edited)
    assert [p.code for p in again.problems] == [Code.ANSWER_SWITCHED_OFF]
    assert again.evaluation is not None and again.evaluation.scores == result.evaluation.scores


def test_the_browser_facade_scores_and_exports_with_the_sites_settings(checklist: Checklist) -> None:
    form = Form(checklist.model_dump_json(), "nl", NOT_RECORDED.model_dump_json())
    values = {
        "evaluator": "coach-1",
        "agent": "A7",
        "contact_date": "2026-11-02",
        "answer:groet": "ja",
        "answer:naam": "ja",
        "relationship": "kept",
        "outcome": "direct",
    }
    raw = json.dumps(
        {"id": "0b6f1c9e-2a51-4c8e-9d0e-5f1a2b3c4d5e", "created_at": "2026-11-02T10:00:00Z", "values": values}
    )
    live = json.loads(form.live(raw))
    assert live["scores"]["complete"] and live["scores"]["compliance"]["not_applicable"] == ["opname"]
    exported = json.loads(form.export(raw))
    assert exported["problems"] == [] and exported["complete"]
    assert exported["evaluation"]["settings"] == {"records_calls": False}
    standard = json.loads(Form(checklist.model_dump_json()).live(raw))
    assert standard["scores"]["missing"] == ["opname"]


def test_the_aggregation_counts_the_criterion_as_na_and_uses_own_targets(checklist: Checklist) -> None:
    result = evaluate(
        checklist, a_draft(answers={"groet": opt("ja"), "naam": opt("ja")}, **DONE), settings=NOT_RECORDED
    )
    assert result.evaluation is not None
    own = Settings.model_validate_json(
        json.dumps(
            {
                "targets": {
                    "quality": 75,
                    "channels": {
                        "telefoon": {
                            "as_of": "2026-03-01",
                            "basis": "Besluit MT",
                            "direct_min": 0.9,
                            "transferred_or_callback_max": 0.1,
                            "transferred_once_max": 0.1,
                            "transferred_repeatedly_max": 0.0,
                        }
                    },
                }
            }
        )
    )
    index = ChecklistIndex.from_json(
        json.dumps({"current": [checklist.model_dump(mode="json")], "targets": own.targets.model_dump(mode="json")})
    )
    aggregator = Aggregator(index, AggregateConfig(min_n=1))
    fact = aggregator.add_text(result.evaluation.model_dump_json(), "a.json")
    assert fact is not None and fact.compliance == (("naam", True),)  # opname is not among the applicable ones
    targets = {t.target: t for t in aggregator.report().overall.targets}
    assert targets["quality_min"].value == 0.75 and targets["quality_min"].rate == 1.0 and targets["quality_min"].met
    assert targets["direct_min"].value == 0.9  # the municipality's, not the checklist's
    standard = Aggregator(ChecklistIndex([checklist]), AggregateConfig(min_n=1))
    standard.add_text(result.evaluation.model_dump_json(), "a.json")
    assert {t.target: t.value for t in standard.report().overall.targets}["direct_min"] == checklist.targets.direct_min


@pytest.mark.parametrize(
    ("svg", "found"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>', []),
        ("<svg><script>alert(1)</script></svg>", ["<script>"]),
        ('<svg onload="alert(1)"></svg>', ["on…="]),
        ('<svg><a href="javascript:alert(1)"><rect/></a></svg>', ["javascript:"]),
        ('<svg><image href="https://tracker.example/p.png"/></svg>', ["http(s)://"]),
        ("<svg><foreignObject><div/></foreignObject></svg>", ["<foreignObject>"]),
    ],
)
def test_an_svg_logo_with_script_or_outside_references_is_found(svg: str, found: list[str]) -> None:
    assert svg_problems(svg) == found
