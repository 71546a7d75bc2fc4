"""Variants resolved against the shipped standard kcc-telefoon: what they may change, and what they may not."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from ijkpunt_core.changelog import version_problems
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Answer, Outcome
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.scoring import score
from ijkpunt_core.variants import is_variant, resolve_variant, variant_differences

from ..builders import shipped


@pytest.fixture(scope="module")
def base() -> Checklist:
    return shipped("kcc-telefoon")


def variant(**parts: Any) -> dict[str, Any]:
    """A variant of kcc-telefoon that changes nothing, plus `parts`."""
    return {
        "id": "kcc-telefoon-test",
        "version": "1.0.0",
        "extends": "kcc-telefoon",
        "title": "KCC telefoon test",
        "changes": [{"version": "1.0.0", "date": date(2026, 11, 29), "summary": "Eerste versie."}],
        **parts,
    }


def new_criterion(cid: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "title": f"Nieuw criterium {cid}",
        "kind": "quality",
        "scale": "ja-nee",
        "definition": f"De medewerker doet wat nieuw is bij {cid}.",
        "anchors": {"nee": "Niet gedaan.", "ja": "Gedaan."},
        "indicators": ["Hoorbaar."],
        "examples": {"good": ["Goed."], "poor": ["Slecht."]},
        "rationale": "Eigen beleid.",
        "kpi": "vertrouwen",
        "sources": [],
        "basis": "Eigen beleid van de gemeente.",
        **extra,
    }


def codes(problems: list[Problem]) -> list[Code]:
    return [p.code for p in problems]


def test_a_variant_that_changes_nothing_has_the_base_s_criteria_but_its_own_id_version_and_hash(
    base: Checklist,
) -> None:
    resolved = resolve_variant(variant(), base)
    assert resolved.problems == [] and resolved.checklist is not None
    checklist = resolved.checklist
    assert (checklist.id, checklist.version, checklist.title) == ("kcc-telefoon-test", "1.0.0", "KCC telefoon test")
    assert [c.model_dump() for c in checklist.criteria()] == [c.model_dump() for c in base.criteria()]
    assert checklist.content_hash() != base.content_hash()
    assert checklist.description == base.description and checklist.channel == base.channel
    assert variant_differences(base, checklist) == []
    assert is_variant(variant()) and not is_variant(base.model_dump())


def test_remove_reweight_reword_and_add_are_applied_in_place(base: Checklist) -> None:
    document = variant(
        remove=["opname-melden-medewerker"],
        change={
            "criteria": {
                "informatie-juist": {"weight": 10},
                "begroeten-en-voorstellen": {"title": "Begroet als Lindeveld", "anchors": {"ja": "Eigen anker."}},
            },
            "sections": {"opening": {"description": "Eigen inleiding."}},
            "bands": {"goed": {"label": "Prima"}},
            "scales": {"ja-nee": {"options": {"ja": {"label": "Jazeker"}}}},
        },
        add=[{"section": "antwoord", "after": "informatie-volledig", "criteria": [new_criterion("digitaal")]}],
        add_sections=[
            {"id": "eigen", "title": "Eigen", "before": "opening", "criteria": [new_criterion("eigen-vraag")]}
        ],
    )
    resolved = resolve_variant(document, base)
    assert resolved.problems == [] and resolved.checklist is not None, resolved.problems
    checklist = resolved.checklist
    ids = [c.id for c in checklist.criteria()]
    assert "opname-melden-medewerker" not in ids
    assert ids[0] == "eigen-vraag" and checklist.sections[0].id == "eigen"
    assert ids.index("digitaal") == ids.index("informatie-volledig") + 1
    juist = checklist.criterion("informatie-juist")
    groet = checklist.criterion("begroeten-en-voorstellen")
    assert juist is not None and groet is not None and juist.weight == 10
    assert groet.title == "Begroet als Lindeveld" and groet.anchors["ja"] == "Eigen anker."
    assert groet.anchors["nee"] == base.criterion("begroeten-en-voorstellen").anchors["nee"]  # type: ignore[union-attr]
    assert checklist.sections[1].description == "Eigen inleiding."
    assert checklist.bands[-1].label == "Prima" and checklist.bands[-1].min == base.bands[-1].min
    assert [o.label for o in checklist.scales["ja-nee"].options] == ["Nee", "Jazeker"]  # type: ignore[union-attr]
    differences = {d.criterion: d for d in variant_differences(base, checklist)}
    assert differences["opname-melden-medewerker"].change == "removed"
    assert differences["digitaal"].change == "added" and differences["eigen-vraag"].change == "added"
    assert differences["informatie-juist"].weight == (8, 10)
    assert differences["begroeten-en-voorstellen"].reworded == ["title", "anchors"]


def test_evaluations_on_a_variant_score_with_the_resolved_checklist(base: Checklist) -> None:
    resolved = resolve_variant(variant(change={"criteria": {"informatie-juist": {"weight": 50}}}), base)
    assert resolved.checklist is not None
    answers = {c.id: Answer(option="goed" if c.scale == "drie-punts" else "ja") for c in base.criteria()}
    answers["informatie-juist"] = Answer(option="onvoldoende")

    def quality(checklist: Checklist) -> float | None:
        return score(checklist, answers, "kept", Outcome(result="direct")).quality

    standard, heavier = quality(base), quality(resolved.checklist)
    assert standard is not None and heavier is not None and heavier < standard


@pytest.mark.parametrize(
    ("parts", "code", "path"),
    [
        ({"remove": ["bestaat-niet"]}, Code.VARIANT_UNKNOWN_ID, ("remove", 0)),
        (
            {"change": {"criteria": {"onbekend": {"title": "X"}}}},
            Code.VARIANT_UNKNOWN_ID,
            ("change", "criteria", "onbekend"),
        ),
        (
            {"change": {"sections": {"onbekend": {"title": "X"}}}},
            Code.VARIANT_UNKNOWN_ID,
            ("change", "sections", "onbekend"),
        ),
        ({"change": {"bands": {"onbekend": {"label": "X"}}}}, Code.VARIANT_UNKNOWN_ID, ("change", "bands", "onbekend")),
        (
            {"change": {"scales": {"ja-nee": {"options": {"misschien": {"label": "X"}}}}}},
            Code.VARIANT_UNKNOWN_ID,
            ("change", "scales", "ja-nee", "options", "misschien"),
        ),
        ({"remove": ["informatie-juist"]}, Code.VARIANT_REMOVES_DEPENDENCY, ("remove", 0)),
        (
            {"change": {"criteria": {"klacht-of-bezwaar": {"weight": 3}}}},
            Code.VARIANT_WEIGHT_NOT_COUNTED,
            ("change", "criteria", "klacht-of-bezwaar", "weight"),
        ),
        (
            {"change": {"criteria": {"empathie": {"scale": "ja-nee"}}}},
            Code.VARIANT_SCALE_NOT_COMPARABLE,
            ("change", "criteria", "empathie", "scale"),
        ),
        (
            {"change": {"criteria": {"empathie": {"kind": "compliance"}}}},
            Code.VARIANT_FIXED_FIELD,
            ("change", "criteria", "empathie", "kind"),
        ),
        (
            {"change": {"criteria": {"empathie": {"na": {"allowed": True, "when": "Nooit."}}}}},
            Code.VARIANT_FIXED_FIELD,
            ("change", "criteria", "empathie", "na", "allowed"),
        ),
        (
            {"change": {"scales": {"ja-nee": {"options": {"ja": {"points": 2}}}}}},
            Code.VARIANT_FIXED_FIELD,
            ("change", "scales", "ja-nee", "options", "ja", "points"),
        ),
        (
            {"add": [{"section": "opening", "criteria": [new_criterion("empathie")]}]},
            Code.VARIANT_ID_EXISTS,
            ("add", 0, "criteria", 0, "id"),
        ),
        (
            {"add_sections": [{"id": "opening", "title": "Dubbel", "criteria": [new_criterion("nieuw")]}]},
            Code.VARIANT_ID_EXISTS,
            ("add_sections", 0, "id"),
        ),
        (
            {"add": [{"section": "opening", "after": "a", "before": "b", "criteria": [new_criterion("nieuw")]}]},
            Code.VARIANT_AFTER_AND_BEFORE,
            ("add", 0, "before"),
        ),
        (
            {"add": [{"section": "opening", "after": "empathie", "criteria": [new_criterion("nieuw")]}]},
            Code.VARIANT_UNKNOWN_ID,
            ("add", 0, "after"),
        ),
        (
            {"add": [{"section": "nergens", "criteria": [new_criterion("nieuw")]}]},
            Code.VARIANT_UNKNOWN_ID,
            ("add", 0, "section"),
        ),
        (
            {"scales": {"ja-nee": {"type": "grade", "title": "Cijfer"}}},
            Code.VARIANT_PART_EXISTS,
            ("scales", "ja-nee"),
        ),
        (
            {"remove": ["empathie"], "change": {"criteria": {"empathie": {"title": "X"}}}},
            Code.VARIANT_CHANGE_REMOVED,
            ("change", "criteria", "empathie"),
        ),
        ({"id": "kcc-telefoon"}, Code.VARIANT_SAME_ID, ("id",)),
        (
            {"change": {"criteria": {"empathie": {"weight": 0}}}},
            Code.OUT_OF_RANGE,
            ("change", "criteria", "empathie", "weight"),
        ),
        ({"channel": "chat"}, Code.UNKNOWN_KEY, ("channel",)),
    ],
)
def test_what_a_variant_may_not_do_is_named_where_it_is_written(
    base: Checklist, parts: dict[str, Any], code: Code, path: tuple[str | int, ...]
) -> None:
    resolved = resolve_variant(variant(**parts), base)
    assert resolved.checklist is None
    assert (code, path) in [(p.code, p.path) for p in resolved.problems], resolved.problems


def test_a_removed_condition_names_the_criterion_that_depends_on_it(base: Checklist) -> None:
    problem = next(p for p in resolve_variant(variant(remove=["informatie-juist"]), base).problems)
    assert problem.params == {"id": "informatie-juist", "dependent": "informatie-volledig"}
    # removing both is fine: nothing left depends on what is gone
    both = resolve_variant(variant(remove=["informatie-juist", "informatie-volledig"]), base)
    assert both.problems == [] and both.checklist is not None


def test_a_scale_with_the_same_answers_for_the_same_points_keeps_results_comparable(base: Checklist) -> None:
    relabelled = {
        "type": "options",
        "title": "Slecht / redelijk / prima",
        "options": [
            {"id": "onvoldoende", "label": "Slecht", "points": 0},
            {"id": "voldoende", "label": "Redelijk", "points": 5},
            {"id": "goed", "label": "Prima", "points": 10},
        ],
    }
    resolved = resolve_variant(
        variant(
            scales={"drie-punts-eigen": relabelled}, change={"criteria": {"empathie": {"scale": "drie-punts-eigen"}}}
        ),
        base,
    )
    assert resolved.problems == [] and resolved.checklist is not None, resolved.problems
    (difference,) = variant_differences(base, resolved.checklist)
    assert difference.scale == ("drie-punts", "drie-punts-eigen")
    # other points (not the same spread) would change what an answer is worth
    uneven = copy.deepcopy(relabelled)
    uneven["options"][1]["points"] = 9
    broken = resolve_variant(
        variant(scales={"drie-punts-eigen": uneven}, change={"criteria": {"empathie": {"scale": "drie-punts-eigen"}}}),
        base,
    )
    assert Code.VARIANT_SCALE_NOT_COMPARABLE in codes(broken.problems)


def test_problems_of_the_resolved_checklist_say_whether_the_base_or_the_variant_wrote_the_part(base: Checklist) -> None:
    # the variant gives laten-uitpraten the title of actief-luisteren: the later one (inherited) is the duplicate
    same_title = base.criterion("actief-luisteren").title  # type: ignore[union-attr]
    resolved = resolve_variant(variant(change={"criteria": {"laten-uitpraten": {"title": same_title}}}), base)
    (problem,) = resolved.checklist_problems
    assert problem.code == Code.DUPLICATE_TITLE
    assert resolved.origin(problem.path) == ("base", ("sections", 1, "criteria", 1, "title"))
    # an anchor for an answer the scale does not have: written in the variant
    anchors = variant(change={"criteria": {"laten-uitpraten": {"anchors": {"geweldig": "Wauw."}}}})
    resolved = resolve_variant(anchors, base)
    (problem,) = resolved.checklist_problems
    assert problem.code == Code.UNKNOWN_ANCHOR
    assert resolved.origin(problem.path) == (
        "variant",
        ("change", "criteria", "laten-uitpraten", "anchors", "geweldig"),
    )


def test_an_emptied_section_and_an_unused_scale_are_left_out(base: Checklist) -> None:
    section = next(s for s in base.sections if s.id == "vervolg")
    resolved = resolve_variant(variant(remove=[c.id for c in section.criteria]), base)
    assert resolved.checklist is not None and "vervolg" not in [s.id for s in resolved.checklist.sections]
    assert resolved.checklist_problems == []


def test_a_scale_the_variant_adds_but_does_not_use_is_reported(base: Checklist) -> None:
    unused = {"type": "grade", "title": "Cijfer"}
    resolved = resolve_variant(variant(scales={"eigen-cijfer": unused}), base)
    assert resolved.checklist is not None
    assert [(p.code, resolved.origin(p.path)) for p in resolved.checklist_problems] == [
        (Code.UNUSED_SCALE, ("variant", ("scales", "eigen-cijfer")))
    ]


def test_a_weight_in_a_survey_counts_for_nothing() -> None:
    survey = shipped("kto-telefoon")
    question = next(c for c in survey.criteria() if c.kind == "quality")
    document = variant(id="kto-test", extends="kto-telefoon", change={"criteria": {question.id: {"weight": 2}}})
    problems = resolve_variant(document, survey).problems
    assert [(p.code, p.params.get("criterion_kind")) for p in problems] == [(Code.VARIANT_WEIGHT_NOT_COUNTED, "survey")]


# --- a version against its archived copy ----------------------------------------------------------------------


def test_a_reworded_criterion_under_the_same_version_is_a_warning(base: Checklist) -> None:
    data = base.model_dump()
    data["sections"][0]["criteria"][0]["definition"] = "Een nieuwe definitie zonder nieuwe versie."
    reworded = Checklist.model_validate(data)
    (problem,) = version_problems(reworded, [base])
    assert problem.code == Code.TEXT_CHANGED_SAME_VERSION and not problem.is_error
    assert problem.path == ("sections", 0, "criteria", 0, "definition")
    assert problem.params["key"] == "definition" and problem.params["version"] == base.version
    # with a new version (and its changelog entry) the archived copy is another version: nothing to say
    data["version"] = "2.1.1"
    data["changes"] = [
        {"version": "2.1.1", "date": date(2026, 11, 29), "summary": "Nieuwe definitie."},
        *data["changes"],
    ]
    assert version_problems(Checklist.model_validate(data), [base]) == []


def test_an_added_or_removed_criterion_under_the_same_version_is_a_warning(base: Checklist) -> None:
    data = base.model_dump()
    data["sections"][0]["criteria"].pop(1)  # opname-melden-medewerker
    data["sections"][0]["criteria"].append(new_criterion("nieuw"))
    problems = version_problems(Checklist.model_validate(data), [base])
    assert {(p.code, p.params["id"], p.params["change"]) for p in problems} == {
        (Code.CRITERIA_CHANGED_SAME_VERSION, "nieuw", "added"),
        (Code.CRITERIA_CHANGED_SAME_VERSION, "opname-melden-medewerker", "removed"),
    }


def test_an_archived_version_missing_from_the_changelog_is_a_warning(base: Checklist) -> None:
    data = base.model_dump()
    data["version"], data["changes"] = "3.0.0", [{"version": "3.0.0", "date": date(2026, 11, 29), "summary": "Nieuw."}]
    (problem,) = version_problems(Checklist.model_validate(data), [base])
    assert (problem.code, problem.path, problem.params["version"]) == (
        Code.VERSION_NOT_IN_CHANGELOG,
        ("changes",),
        "2.1.0",
    )
