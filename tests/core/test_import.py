"""Import: one implementation for the browser, `ijkpunt score` and the aggregation's refusals.

Format 1 is tested with real files made by the code of that time (fixtures/evaluation-format-1, see
make_fixtures.py.txt there), against a checklist with the same criteria in today's format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from ijkpunt_core import evaluation_format1
from ijkpunt_core.aggregate import Aggregator, ChecklistIndex
from ijkpunt_core.evaluation import Answer, Evaluation, Outcome
from ijkpunt_core.import_api import Importer
from ijkpunt_core.importing import MAX_IMPORT_CHARS, Imported, import_evaluation, import_file, read_text
from ijkpunt_core.migrate import OLDEST, STEPS
from ijkpunt_core.problems import Code, Problem, render
from ijkpunt_core.schema import json_schema
from ijkpunt_core.scoring import score

from ..builders import build, criterion, minimal_checklist, section, shipped
from .test_formats import complete_evaluation

FORMAT_1 = Path(__file__).parent / "fixtures" / "evaluation-format-1"
TELEFOON = shipped("kcc-telefoon")
CURRENT = ChecklistIndex([TELEFOON])

# The checklist the format-1 fixtures were scored with, in today's format (critical instead of knockout).
TEST_DOCUMENT = minimal_checklist(
    section("opening", criterion("groet"), criterion("uitleg", scale="drie-punts", weight=2)),
    section("afsluiting", criterion("privacy", kind="compliance", critical=True), criterion("afronding")),
    scales={
        "ja-nee": {
            "type": "options",
            "title": "Ja / nee",
            "options": [{"id": "nee", "label": "Nee", "points": 0}, {"id": "ja", "label": "Ja", "points": 1}],
        },
        "drie-punts": {
            "type": "options",
            "title": "Drie punten",
            "options": [
                {"id": "onvoldoende", "label": "Onvoldoende", "points": 0},
                {"id": "voldoende", "label": "Voldoende", "points": 1},
                {"id": "goed", "label": "Goed", "points": 2},
            ],
        },
    },
)
TEST = build(TEST_DOCUMENT)
INDEX = ChecklistIndex([TEST, TELEFOON])


def fixture(name: str) -> str:
    return (FORMAT_1 / name).read_text(encoding="utf-8")


def codes(imported: Imported) -> list[str]:
    return [p.code.value for p in imported.problems]


# --- format 1 ----------------------------------------------------------------------------------------------


def test_the_frozen_format_1_model_is_the_format_as_published() -> None:
    published = json.loads(fixture("evaluation.schema.json"))  # schemas/evaluation.schema.json at 15f3b3a
    assert json_schema(evaluation_format1.Evaluation) == published
    validator = Draft202012Validator(published)
    for path in sorted(FORMAT_1.glob("*.json")):
        if path.name != "evaluation.schema.json":
            validator.validate(json.loads(path.read_text(encoding="utf-8")))


def test_the_migration_chain_starts_at_the_first_published_version() -> None:
    assert OLDEST == 1
    assert sorted(STEPS) == list(range(1, 3))  # one step per older version, none skipped


def test_a_format_1_evaluation_is_migrated_and_checked() -> None:
    imported = import_evaluation(fixture("test-geslaagd.json"), INDEX)
    assert codes(imported) == ["W402", "W403", "W401"]  # migrated, relationship read anew, checklist's new hash
    evaluation = imported.evaluation
    assert evaluation is not None and evaluation.format_version == 3
    assert imported.checklist is TEST and not imported.exact
    assert evaluation.relationship == "kept" and evaluation.critical_errors == []
    assert evaluation.answers["groet"].comment.startswith("Vriendelijk, om 14:30 op 24-11-2026")
    expected = score(TEST, evaluation.answers, "kept", Outcome(result="direct"))
    assert evaluation.scores == expected
    assert (evaluation.scores.quality, evaluation.scores.band, evaluation.scores.passed) == (50.0, "onvoldoende", True)
    assert "'true' was read as 'kept'" in render(imported.problems[1], "en")


def test_a_format_1_knock_out_becomes_a_failed_critical_criterion() -> None:
    imported = import_evaluation(fixture("test-knock-out.json"), INDEX)
    assert codes(imported) == ["W402", "W403", "W401"]
    evaluation = imported.evaluation
    assert evaluation is not None
    assert evaluation.relationship == "weakened" and evaluation.mode == "calibration"
    scores = evaluation.scores
    assert (scores.quality, scores.quality_computed, scores.passed, scores.critical.failed) == (0.0, 100.0, False, True)
    assert [c.criterion for c in scores.critical.criteria] == ["privacy"]
    assert scores.critical.policy == "zero-score"


def test_an_incomplete_format_1_evaluation_stays_incomplete() -> None:
    imported = import_evaluation(fixture("test-onvolledig.json"), INDEX)
    assert codes(imported) == ["W402", "W401"]  # no relationship answer: nothing read anew
    evaluation = imported.evaluation
    assert evaluation is not None and not evaluation.scores.complete
    assert evaluation.scores.missing == ["privacy", "afronding", "relationship", "outcome"]
    assert (evaluation.scores.quality, evaluation.scores.band, evaluation.scores.passed) == (None, None, None)


def test_stored_format_1_scores_are_still_checked_against_the_answers() -> None:
    data = json.loads(fixture("test-geslaagd.json"))
    data["scores"]["quality_before_knockout"] = 90.0
    imported = import_evaluation(json.dumps(data), INDEX)
    assert imported.evaluation is None
    assert imported.refusal is not None and imported.refusal.code == Code.SCORES_DIFFER
    assert "scores.quality_computed: 90.0 ≠ 50.0" in render(imported.refusal)


def test_a_damaged_format_1_file_is_refused_at_its_own_field_names() -> None:
    data = json.loads(fixture("test-geslaagd.json"))
    del data["scores"]["knockouts"]
    refusal = read_text(json.dumps(data))
    assert isinstance(refusal, Problem)
    assert (refusal.code, refusal.path) == (Code.MISSING_FIELD, ("scores", "knockouts"))
    data = json.loads(fixture("test-geslaagd.json"))
    data["relationship"] = "kept"  # a format-2 answer in a format-1 file
    refusal = read_text(json.dumps(data))
    assert isinstance(refusal, Problem)
    assert (refusal.code, refusal.path) == (Code.WRONG_TYPE, ("relationship",))


def test_a_format_1_file_of_a_checklist_version_that_is_gone_says_which_answers_no_longer_fit() -> None:
    imported = import_evaluation(fixture("kcc-telefoon-1.0.1.json"), CURRENT)
    assert imported.evaluation is None
    assert codes(imported)[:2] == ["W402", "W403"]
    assert imported.refusal is not None and imported.refusal.code == Code.UNKNOWN_CRITERION
    assert imported.refusal.path == ("answers", "melding-gespreksopname")


def test_the_aggregation_reads_format_1_through_the_same_migration() -> None:
    aggregator = Aggregator(INDEX)
    assert aggregator.add_text(fixture("test-geslaagd.json"), "oud.json") is not None
    assert aggregator.add_text(fixture("kcc-telefoon-1.0.1.json"), "ouder.json") is None
    assert [r.code for r in aggregator.report().refused] == ["E401"]


# --- current format, and every refusal -----------------------------------------------------------------------


def test_a_current_evaluation_imports_unchanged() -> None:
    original = complete_evaluation()
    imported = import_evaluation(original.model_dump_json(), CURRENT)
    assert imported.problems == [] and imported.exact
    assert imported.evaluation == original


def current(**changes: Any) -> str:
    data = complete_evaluation().model_dump(mode="json")
    for key, value in changes.items():
        data[key] = value(data[key]) if callable(value) else value
    return json.dumps(data)


def with_answer(criterion_id: str, answer: dict[str, Any]) -> Any:
    return lambda answers: {**answers, criterion_id: answer}


GOOD = complete_evaluation().model_dump_json()
REFUSALS = {
    "not JSON": ("Dit is geen beoordeling, maar een notitie.", "E006"),
    "truncated": (GOOD[: len(GOOD) // 2], "E006"),
    "empty": ("", "E006"),
    "too large": (" " * (MAX_IMPORT_CHARS + 1), "E002"),
    "10,000-deep nesting": ("[" * 10_000 + "]" * 10_000, "E008"),
    "deep object": ('{"a":' * 10_000 + "1" + "}" * 10_000, "E008"),
    "a list": ("[]", "E424"),
    "another format": (json.dumps({"format": "ijkpunt-checklist", "id": "x"}), "E424"),
    "no format at all": (json.dumps({"id": "x"}), "E424"),
    "newer format": (current(format_version=4), "E423"),
    "unknown version": (current(format_version=0), "E421"),
    "version as text": (current(format_version="2"), "E421"),
    "NaN score": (GOOD.replace('"quality":', '"quality":NaN,"x":', 1), "E101"),
    "unknown checklist": (current(checklist=lambda c: {**c, "id": "kcc-brief"}), "E411"),
    "unknown criterion": (current(answers=with_answer("bestaat-niet", {"option": "ja"})), "E401"),
    "invalid option": (current(answers=with_answer("empathie", {"option": "uitstekend"})), "E402"),
    "scores that do not match": (current(scores=lambda s: {**s, "quality": 12.5}), "E408"),
    "a BSN in a comment": (current(notes="bsn 111222333"), "E601"),
    "an IBAN in a comment": (current(notes="storten op NL91 ABNA 0417 1643 00"), "E602"),
}


@pytest.mark.parametrize(("text", "code"), REFUSALS.values(), ids=REFUSALS.keys())
def test_each_bad_file_is_refused_with_its_reason(text: str, code: str) -> None:
    imported = import_evaluation(text, CURRENT)
    assert imported.evaluation is None
    assert imported.refusal is not None and imported.refusal.code.value == code
    for lang in ("nl", "en"):
        assert render(imported.refusal, lang)  # type: ignore[arg-type]


def test_a_file_from_a_newer_ijkpunt_says_to_update() -> None:
    refusal = import_evaluation(current(format_version=4), CURRENT).refusal
    assert refusal is not None
    assert "nieuwere versie van IJkpunt" in render(refusal, "nl") and "Werk IJkpunt bij" in render(refusal, "nl")
    assert "newer version of IJkpunt" in render(refusal, "en") and "Update IJkpunt" in render(refusal, "en")


def test_the_aggregation_refuses_for_the_same_reasons() -> None:
    for text, code in REFUSALS.values():
        aggregator = Aggregator(CURRENT)
        aggregator.add_text(text, "x.json")
        assert [r.code for r in aggregator.report().refused] == [code]


def test_a_phone_number_is_a_warning_and_does_not_stop_the_import() -> None:
    imported = import_evaluation(current(notes="belt terug op 06-12345678"), CURRENT)
    assert imported.evaluation is not None and imported.problems == []  # the form warned at export


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_no_text_raises(text: str) -> None:
    imported = import_evaluation(text, CURRENT)
    assert imported.evaluation is None and imported.refusal is not None


# --- JSON Lines and the facade ---------------------------------------------------------------------------------


def jsonl() -> str:
    good = complete_evaluation()
    other = good.model_copy(update={"id": "3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4c"})
    lines = [good.model_dump_json(), "", "{kapot", other.model_dump_json(), good.model_dump_json(), ""]
    return "\n".join(lines)


def test_json_lines_are_read_line_by_line_with_their_numbers() -> None:
    found = [(line, codes(imported)) for line, imported in import_file("alles.jsonl", jsonl(), CURRENT)]
    assert found == [(1, []), (3, ["E006"]), (4, []), (5, ["E422"])]  # line 5 repeats line 1


def test_the_facade_answers_in_json_for_the_import_page() -> None:
    current_checklist = json.loads(TELEFOON.model_dump_json())
    importer = Importer(json.dumps({"current": [current_checklist], "versions": []}), "nl")
    answer = json.loads(importer.import_text("alles.jsonl", jsonl()))
    assert [e["line"] for e in answer["evaluations"]] == [1, 4]
    first = answer["evaluations"][0]
    assert Evaluation.model_validate(first["evaluation"]) == complete_evaluation()
    assert first["exact"] is True and first["filename"].endswith(".json")
    assert [(r["line"], r["code"]) for r in answer["refusals"]] == [(3, "E006"), (5, "E422")]
    assert answer["refusals"][0]["message"].startswith("geen geldige JSON")
    assert answer["warnings"] == []


def test_the_facade_gives_migration_warnings_in_english() -> None:
    checklist = json.loads(TEST.model_dump_json())
    importer = Importer(json.dumps({"current": [checklist]}), "en")
    answer = json.loads(importer.import_text("oud.json", fixture("test-knock-out.json")))
    assert answer["refusals"] == []
    assert [(w["line"], w["code"]) for w in answer["warnings"]] == [(1, "W402"), (1, "W403"), (1, "W401")]
    assert "format version 1" in answer["warnings"][0]["message"]
    assert answer["evaluations"][0]["evaluation"]["format_version"] == 3
    assert Answer.model_validate(answer["evaluations"][0]["evaluation"]["answers"]["privacy"]).option == "nee"


def test_the_facade_never_raises_on_a_bad_name_or_text() -> None:
    importer = Importer(json.dumps({"current": [json.loads(TELEFOON.model_dump_json())]}))
    for name, text in [("x.json", "\x00"), ("x.JSONL", "\n\n"), ("", "[" * 50_000), ("x.jsonl", "1\n2\n[")]:
        answer = json.loads(importer.import_text(name, text))
        assert answer["evaluations"] == [] and answer["warnings"] == []


# --- format 2 (before the agent's response and the coach's outcome) -----------------------------------------

FORMAT_2 = Path(__file__).parent / "fixtures" / "evaluation-format-2" / "kcc-email.json"
EMAIL_INDEX = ChecklistIndex([shipped("kcc-email")])


def test_the_frozen_format_2_model_is_the_format_as_published() -> None:
    from ijkpunt_core import evaluation_format2

    published_path = Path(__file__).resolve().parents[2] / "schemas" / "evaluation-format-2.schema.json"
    published = json.loads(published_path.read_text(encoding="utf-8"))
    assert json_schema(evaluation_format2.Evaluation) == published
    Draft202012Validator(published).validate(json.loads(FORMAT_2.read_text(encoding="utf-8")))


def test_a_format_2_evaluation_is_migrated_to_3_and_still_aggregates() -> None:
    text = FORMAT_2.read_text(encoding="utf-8")
    imported = import_evaluation(text, EMAIL_INDEX)
    assert codes(imported)[:1] == ["W402"] and imported.refusal is None
    evaluation = imported.evaluation
    assert evaluation is not None and evaluation.format_version == 3 and evaluation.review is None
    original = json.loads(text)
    assert evaluation.model_dump(mode="json", exclude={"format_version", "review"}) == {
        k: v for k, v in original.items() if k != "format_version"
    }
    aggregator = Aggregator(EMAIL_INDEX)
    assert aggregator.add_text(text, "oud.json") is not None
    assert aggregator.report().used == 1
