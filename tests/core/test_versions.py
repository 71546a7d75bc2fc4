"""What changed between two versions of a checklist: what a draft's evaluator is shown before rescoring."""

from __future__ import annotations

import json

from ijkpunt_core.api import Form
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.versions import checklist_changes

from ..builders import build, criterion, minimal_checklist, options_scale, section


def two_versions(**new_criteria: dict[str, object]) -> tuple[Checklist, Checklist]:
    old = minimal_checklist(section("s", criterion("groet"), criterion("naam"), criterion("afsluiting")))
    new = minimal_checklist(section("s", *new_criteria.values()))
    return build(old), build(new)


def test_the_same_checklist_has_no_changes() -> None:
    old = build(minimal_checklist(section("s", criterion("groet"), criterion("naam"))))
    assert checklist_changes(old, old) == []


def test_added_removed_and_changed_criteria_are_matched_by_id() -> None:
    old, new = two_versions(
        groet=criterion("groet", title="Begroet de inwoner", weight=2),  # reworded and weighed more
        naam=criterion("naam"),  # unchanged
        terugkoppeling=criterion("terugkoppeling"),  # new; "afsluiting" is gone
    )
    changes = [(c.change, c.criterion, c.aspects) for c in checklist_changes(old, new)]
    assert changes == [
        ("changed", "groet", ["title", "weight"]),
        ("added", "terugkoppeling", []),
        ("removed", "afsluiting", []),
    ]


def test_a_scale_counts_by_its_content_not_its_name() -> None:
    base = minimal_checklist(section("s", criterion("groet", scale="drie")), scales={"drie": options_scale(0, 1, 2)})
    renamed = minimal_checklist(
        section("s", criterion("groet", scale="drie")), scales={"drie": options_scale(0, 1, 2, title="Andere naam")}
    )
    more_points = minimal_checklist(
        section("s", criterion("groet", scale="drie")), scales={"drie": options_scale(0, 1, 3)}
    )
    assert checklist_changes(build(base), build(renamed)) == []
    [change] = checklist_changes(build(base), build(more_points))
    assert change.aspects == ["scale"]


def test_moving_a_criterion_to_another_section_is_a_change() -> None:
    old = build(minimal_checklist(section("a", criterion("groet")), section("b", criterion("naam"))))
    new = build(minimal_checklist(section("a", criterion("groet"), criterion("naam")), section("b", criterion("x"))))
    changes = {c.criterion: c for c in checklist_changes(old, new)}
    assert changes["naam"].aspects == ["section"]


def test_the_form_facade_reports_versions_and_changes_as_json() -> None:
    old = build(minimal_checklist(section("s", criterion("groet"), criterion("naam"))))
    new = build(minimal_checklist(section("s", criterion("groet", title="Begroet"))))
    reply = json.loads(Form(new.model_dump_json()).changes(old.model_dump_json()))
    assert reply["old"]["version"] == old.version and reply["new"]["version"] == new.version
    assert [(c["change"], c["criterion"], c["title"]) for c in reply["changes"]] == [
        ("changed", "groet", "Begroet"),
        ("removed", "naam", "Criterium naam"),
    ]
