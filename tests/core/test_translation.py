"""Translation files: checked against the Dutch checklist, laid over any version, the Dutch content hash kept."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ijkpunt_core.aggregate import ChecklistIndex
from ijkpunt_core.api import Form
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import rescore
from ijkpunt_core.evaluation import Evaluation
from ijkpunt_core.importing import check, read_text
from ijkpunt_core.problems import Code, Problem, render
from ijkpunt_core.translation import (
    ChecklistTranslation,
    published_json,
    read_published,
    texts_for,
    translate,
    translation_problems,
)
from tests.builders import CHECKLIST_DIR, build, criterion, minimal_checklist, section


def dutch() -> Checklist:
    data = minimal_checklist(
        section("opening", criterion("groet", critical=True, basis="Eigen oordeel."), criterion("naam"))
    )
    return build(data)


def full_translation(**changes: Any) -> dict[str, Any]:
    """Every text of `dutch()` in English: no problem at all."""
    criteria = {
        cid: {
            "title": f"Criterion {cid}",
            "definition": f"The agent does what is right for {cid}.",
            "anchors": {"nee": "What you see at no.", "ja": "What you see at yes."},
            "indicators": ["Sounds friendly."],
            "examples": {"good": ["Good morning."], "poor": ["Yes?"]},
            "rationale": "This builds trust.",
        }
        for cid in ("groet", "naam")
    }
    criteria["groet"]["basis"] = "Own judgement."
    data: dict[str, Any] = {
        "translates": {"id": "test", "version": "1.0.0"},
        "title": "Test checklist",
        "description": "A checklist for the tests.",
        "bands": {
            "onvoldoende": {"label": "Insufficient", "description": "Below par."},
            "voldoende": {"label": "Sufficient", "description": "In order."},
            "goed": {"label": "Good", "description": "As it should be."},
        },
        "scales": {"ja-nee": {"title": "Yes / no", "options": {"nee": {"label": "No"}, "ja": {"label": "Yes"}}}},
        "sections": {"opening": {"title": "Opening"}},
        "criteria": criteria,
        "critical_errors": {
            "onjuiste-informatie": {"title": "Wrong information", "description": "Gave a wrong answer."}
        },
        "relationship": {
            "title": "Relationship weakened, kept or strengthened?",
            "definition": "How the citizen stands towards the municipality after the contact.",
            "anchors": {"weakened": "Never mind.", "kept": "OK, thank you.", "strengthened": "Thank you so much!"},
            "indicators": ["Thanks the agent."],
            "rationale": "Trust is the goal.",
        },
        "changes": {"1.0.0": "First version."},
    }
    data.update(changes)
    return data


def translation(data: dict[str, Any]) -> ChecklistTranslation:
    return ChecklistTranslation.model_validate(data)


def codes(data: dict[str, Any], checklist: Checklist | None = None) -> list[tuple[Code, tuple[Any, ...]]]:
    return [(p.code, p.path) for p in translation_problems(checklist or dutch(), translation(data))]


def test_a_complete_translation_has_no_problem() -> None:
    assert codes(full_translation()) == []


def test_an_id_the_dutch_does_not_have_is_an_error_naming_the_known_ids() -> None:
    data = full_translation()
    data["criteria"]["groeten"] = {"title": "Greeting"}
    data["scales"]["ja-nee"]["options"]["misschien"] = {"label": "Maybe"}
    problems = translation_problems(dutch(), translation(data))
    assert [(p.code, p.path) for p in problems] == [
        (Code.TRANSLATION_UNKNOWN_ID, ("scales", "ja-nee", "options", "misschien")),
        (Code.TRANSLATION_UNKNOWN_ID, ("criteria", "groeten")),
    ]
    assert problems[1].allowed == ("groet", "naam")
    assert "'groeten' does not exist in the Dutch 'test'" in render(problems[1], "en")


def test_an_anchor_for_an_option_the_scale_does_not_have_is_an_unknown_id() -> None:
    data = full_translation()
    data["criteria"]["naam"]["anchors"]["soms"] = "Sometimes."
    assert codes(data) == [(Code.TRANSLATION_UNKNOWN_ID, ("criteria", "naam", "anchors", "soms"))]


def test_a_text_the_dutch_criterion_does_not_have_is_an_error() -> None:
    data = full_translation()
    data["criteria"]["naam"]["basis"] = "Own judgement."  # the Dutch 'naam' has sources, no basis
    data["criteria"]["naam"]["na_when"] = "Never."  # and no n.v.t. rule
    assert codes(data) == [
        (Code.TRANSLATION_NO_ORIGINAL, ("criteria", "naam", "basis")),
        (Code.TRANSLATION_NO_ORIGINAL, ("criteria", "naam", "na_when")),
    ]


def test_a_list_of_another_length_is_an_error() -> None:
    data = full_translation()
    data["criteria"]["groet"]["indicators"] = ["Sounds friendly.", "Smiles."]
    data["criteria"]["naam"]["examples"]["poor"] = ["Yes?", "What?"]
    problems = translation_problems(dutch(), translation(data))
    assert [(p.code, p.path, dict(p.params)) for p in problems] == [
        (Code.TRANSLATION_LIST_LENGTH, ("criteria", "groet", "indicators"), {"found": 2, "expected": 1}),
        (Code.TRANSLATION_LIST_LENGTH, ("criteria", "naam", "examples", "poor"), {"found": 2, "expected": 1}),
    ]


def test_missing_texts_are_one_warning_per_item_naming_them() -> None:
    data = full_translation()
    del data["criteria"]["naam"]
    del data["criteria"]["groet"]["rationale"]
    del data["title"]
    problems = translation_problems(dutch(), translation(data))
    assert all(p.code is Code.TRANSLATION_MISSING and not p.is_error for p in problems)
    found = {p.path: p.params["texts"] for p in problems}
    assert found[("title",)] == "title"
    assert found[("criteria", "groet")] == "rationale"
    assert found[("criteria", "naam")].startswith("title, definition, anchors.nee, anchors.ja, indicators")


def test_a_translation_of_an_older_version_warns_that_it_may_be_stale() -> None:
    newer = build({**minimal_checklist(), "version": "1.1.0", "changes": [
        {"version": "1.1.0", "date": date(2026, 11, 29), "summary": "Tweede versie."},
        {"version": "1.0.0", "date": date(2026, 11, 28), "summary": "Eerste versie."},
    ]})  # fmt: skip
    problems = translation_problems(newer, translation(minimal_translation()))
    stale = [p for p in problems if p.code is Code.TRANSLATION_STALE]
    assert [(p.path, dict(p.params)) for p in stale] == [
        (("translates", "version"), {"translated": "1.0.0", "current": "1.1.0"})
    ]
    assert not stale[0].is_error


def minimal_translation(**changes: Any) -> dict[str, Any]:
    return {"translates": {"id": "test", "version": "1.0.0"}, "title": "Test checklist", **changes}


def test_a_version_newer_than_the_dutch_or_another_id_is_an_error() -> None:
    newer = minimal_translation(translates={"id": "test", "version": "2.0.0"})
    assert (Code.TRANSLATION_NEWER_VERSION, ("translates", "version")) in codes(newer)
    other = minimal_translation(translates={"id": "kcc-chat", "version": "1.0.0"})
    assert codes(other) == [(Code.TRANSLATION_OTHER_DOCUMENT, ("translates", "id"))]


def test_raw_html_in_a_translation_is_refused_like_in_the_dutch() -> None:
    data = full_translation(title="<img src=x onerror=alert(1)>")
    assert (Code.RAW_HTML, ("title",)) in codes(data)


def test_the_translated_checklist_keeps_the_dutch_content_hash() -> None:
    checklist = dutch()
    texts = texts_for(checklist, translation(full_translation()), checklist)
    english = translate(checklist, texts)
    assert english.title == "Test checklist"
    assert english.criterion("groet").title == "Criterion groet"  # type: ignore[union-attr]
    assert english.scale_of(english.criteria()[0]).options[1].label == "Yes"  # type: ignore[union-attr]
    assert english.criteria()[0].na == checklist.criteria()[0].na  # not text: unchanged
    assert english.content_hash() == checklist.content_hash()
    assert english.model_dump()["sections"][0]["criteria"][0]["weight"] == 1.0


def test_the_published_document_is_the_dutch_checklist_with_the_texts_beside_it() -> None:
    checklist = dutch()
    texts = texts_for(checklist, translation(full_translation()), checklist)
    document = published_json(checklist, texts)
    data = json.loads(document)
    translated_part = data.pop("translation")
    # the Dutch checklist as it is: its hash can be checked from what is published
    assert Checklist.model_validate_json(json.dumps(data)).content_hash() == checklist.content_hash()
    assert ["title"] in [key for key, _ in translated_part]
    read = read_published(document)
    assert read.title == "Test checklist" and read.content_hash() == checklist.content_hash()
    assert read_published(checklist.model_dump_json()) == checklist  # a Dutch site publishes it as it is


UUID = "3f2a9c1b-0000-4000-8000-000000000000"


def answer_everything(form: Form, checklist: Checklist, failed: str) -> dict[str, Any]:
    values = {
        "evaluator": "Beoordelaar B",
        "agent": "A123",
        "team": "Team Noord",
        "department": "KCC",
        "mode": "monitoring",
        "contact_date": "2026-11-20",
        "channel": checklist.channel,
        "relationship": "kept",
        "outcome": "direct",
    }
    for c in checklist.criteria():
        values[f"answer:{c.id}"] = "nee" if c.id == failed else "ja"
    exported = json.loads(
        form.export(json.dumps({"id": UUID, "created_at": "2026-11-20T10:00:00+01:00", "values": values}))
    )
    assert exported["problems"] == [], exported["problems"]
    return exported


def test_an_evaluation_made_on_the_english_site_is_the_dutch_sites_record() -> None:
    checklist = dutch()
    texts = texts_for(checklist, translation(full_translation()), checklist)
    english = Form(published_json(checklist, texts), "en")
    dutch_form = Form(checklist.model_dump_json(), "nl")
    made_in_english = answer_everything(english, checklist, failed="groet")
    made_in_dutch = answer_everything(dutch_form, checklist, failed="groet")
    assert made_in_english["evaluation"]["checklist"] == made_in_dutch["evaluation"]["checklist"]
    assert made_in_english["evaluation"]["scores"]["critical"]["criteria"] == [
        {"criterion": "groet", "title": "Criterion groet"}
    ]
    # rescored by the CLI and the aggregation with the Dutch checklist: the same checklist, no difference found
    index = ChecklistIndex([checklist])
    read = read_text(json.dumps(made_in_english["evaluation"]))
    assert not isinstance(read, Problem)
    imported = check(read, index)
    assert imported.exact and imported.problems == []
    evaluation = Evaluation.model_validate(made_in_english["evaluation"])
    rescored = rescore(checklist, evaluation)
    assert rescored.problems == []
    assert rescored.evaluation is not None
    assert rescored.evaluation.scores.quality == made_in_dutch["evaluation"]["scores"]["quality"]


def test_another_version_gets_only_the_texts_whose_dutch_did_not_change() -> None:
    source = dutch()
    data = minimal_checklist(
        section("opening", criterion("groet", critical=True, basis="Eigen oordeel."), criterion("naam"))
    )
    data["sections"][0]["criteria"][1]["title"] = "Naam noemen"  # reworded in the other version
    data["version"] = "0.9.0"
    data["changes"] = [{"version": "0.9.0", "date": date(2026, 11, 1), "summary": "Proefversie."}]
    older = build(data)
    texts = texts_for(older, translation(full_translation()), source)
    english = translate(older, texts)
    assert english.criterion("groet").title == "Criterion groet"  # type: ignore[union-attr]
    assert english.criterion("naam").title == "Naam noemen"  # type: ignore[union-attr]
    assert english.criterion("naam").definition == "The agent does what is right for naam."  # type: ignore[union-attr]
    assert english.changes[0].summary == "Proefversie."  # no translation for 0.9.0
    assert english.content_hash() == older.content_hash()


def _older() -> Checklist:
    """`dutch()` as version 0.9.0, where 'naam' had another title."""
    data = minimal_checklist(
        section("opening", criterion("groet", critical=True, basis="Eigen oordeel."), criterion("naam"))
    )
    data["sections"][0]["criteria"][1]["title"] = "Naam noemen"
    data["version"] = "0.9.0"
    data["changes"] = [{"version": "0.9.0", "date": date(2026, 11, 1), "summary": "Proefversie."}]
    return build(data)


def test_texts_for_an_archived_version_fill_what_changed_since_and_only_there() -> None:
    source, older = dutch(), _older()
    data = full_translation(earlier={"0.9.0": {"criteria": {"naam": {"title": "Says their name"}}}})
    texts = texts_for(older, translation(data), source)
    english = translate(older, texts)
    assert english.criterion("naam").title == "Says their name"  # type: ignore[union-attr]
    assert english.criterion("groet").title == "Criterion groet"  # type: ignore[union-attr]
    # the current version keeps its own text: the earlier block is for 0.9.0 alone
    assert translate(source, texts_for(source, translation(data), source)).criterion("naam").title == "Criterion naam"  # type: ignore[union-attr]
    assert english.content_hash() == older.content_hash()


def test_an_archived_version_left_partly_in_dutch_is_a_warning_naming_version_and_text() -> None:
    problems = translation_problems(dutch(), translation(full_translation()), {"0.9.0": _older()})
    assert [(p.code, p.path, p.params["texts"]) for p in problems] == [
        (Code.TRANSLATION_MISSING, (), "0.9.0: criteria.naam.title, changes.0.9.0")
    ]
    assert not problems[0].is_error
    earlier = {"criteria": {"naam": {"title": "Says their name"}}, "changes": {"0.9.0": "Trial version."}}
    data = full_translation(earlier={"0.9.0": earlier})
    assert translation_problems(dutch(), translation(data), {"0.9.0": _older()}) == []


def test_texts_for_a_version_that_is_not_archived_or_an_unknown_id_are_errors() -> None:
    data = full_translation(
        earlier={
            "0.8.0": {"title": "Old"},
            "0.9.0": {"criteria": {"naam": {"title": "x"}, "groeten": {"title": "y"}}, "changes": {"0.9.0": "Trial."}},
        }
    )
    problems = translation_problems(dutch(), translation(data), {"0.9.0": _older()})
    assert [(p.code, p.path) for p in problems] == [
        (Code.TRANSLATION_UNKNOWN_VERSION, ("earlier", "0.8.0")),
        (Code.TRANSLATION_UNKNOWN_ID, ("earlier", "0.9.0", "criteria", "groeten")),
    ]
    assert problems[0].allowed == ("0.9.0",)
    assert "has no archived version 0.8.0" in render(problems[0], "en")
    assert "geen gearchiveerde versie 0.8.0" in render(problems[0], "nl")


def test_html_in_the_texts_of_an_archived_version_is_refused_once_at_its_path() -> None:
    earlier = {"criteria": {"naam": {"title": "<img src=x onerror=alert(1)>"}}, "changes": {"0.9.0": "Trial."}}
    problems = translation_problems(
        dutch(), translation(full_translation(earlier={"0.9.0": earlier})), {"0.9.0": _older()}
    )
    assert [(p.code, p.path) for p in problems] == [(Code.RAW_HTML, ("earlier", "0.9.0", "criteria", "naam", "title"))]


def test_the_shipped_kto_telefoon_translation_is_complete() -> None:
    from ruamel.yaml import YAML

    checklist = build(YAML(typ="safe").load((CHECKLIST_DIR / "kto-telefoon.yaml").read_text(encoding="utf-8")))
    data = YAML(typ="safe").load((CHECKLIST_DIR / "en" / "kto-telefoon.yaml").read_text(encoding="utf-8"))
    assert translation_problems(checklist, ChecklistTranslation.model_validate(data)) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_translation_message_renders(lang: str) -> None:
    data = full_translation()
    data["criteria"]["groeten"] = {"title": "x"}
    for p in translation_problems(dutch(), translation(data)):
        assert render(p, lang)  # type: ignore[arg-type]
