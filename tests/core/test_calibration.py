"""Combining results: the figures are agreement.py's on the same table; differences with the key."""

from __future__ import annotations

import random

import pytest

from ijkpunt_core.agreement import explain, gwet_ac1, krippendorff_alpha, percent_agreement, split_not_applicable
from ijkpunt_core.calibration import NA, calibrate, criterion_table
from ijkpunt_core.evaluation import Answer
from ijkpunt_core.result_code import Result, ResultContact, decode, encode, layout
from tests.core.test_result_code import key_result, kit_of


def results(seed: int, names: list[str], count: int = 3) -> list[Result]:
    """Participants who answer like the key, but differ at random on about a quarter of the criteria."""
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    kit_layout = layout(kit, checklist)
    rnd = random.Random(seed)
    found = []
    for name in names:
        scored = []
        for contact in contacts[:count]:
            answers = dict(key_result(contact).answers)
            for slot in kit_layout.criteria:
                if rnd.random() < 0.25:
                    choices = [Answer(option=str(v)) for v in slot.values] + [Answer(na=True)] * slot.na_allowed
                    answers[slot.id] = rnd.choice(choices)
            scored.append(ResultContact(contact=contact.id, answers=answers))
        decoded = decode(encode(kit_layout, name, scored), kit_layout)
        assert isinstance(decoded, Result)
        found.append(decoded)
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_criterion_figures_equal_agreement_on_the_same_table(seed: int) -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    given = results(seed, ["AB", "CD", "EF", "GH"])
    calibration = calibrate(kit, checklist, contacts, given)
    assert calibration.contacts == list(kit.contacts[:3])
    for figures in calibration.criteria:
        criterion = checklist.criterion(figures.criterion)
        assert criterion is not None
        options = [o.id for o in checklist.scale_of(criterion).options]  # type: ignore[union-attr]
        raw = [
            [
                (lambda a: None if a is None else NA if a.na else a.option)(
                    next(c for c in r.contacts if c.contact == contact).answers.get(criterion.id)
                )
                for r in given
            ]
            for contact in calibration.contacts
        ]
        assert criterion_table(given, calibration.contacts, criterion.id) == raw
        table, applicable = split_not_applicable(raw, NA)
        level = "ordinal" if len(options) >= 3 else "nominal"
        assert figures.level == level
        assert figures.percent_agreement == percent_agreement(table)
        assert figures.krippendorff_alpha == krippendorff_alpha(table, level, options)
        assert figures.gwet_ac1 == gwet_ac1(table, options)
        assert figures.applicability_agreement == percent_agreement(applicable)
        assert figures.krippendorff_alpha_reason == explain(
            table, "krippendorff_alpha", level=level, categories=options
        )
        assert figures.gwet_ac1_reason == explain(table, "gwet_ac1", categories=options)
        assert sum(figures.spread.values()) == len(given) * len(calibration.contacts)
    pa = [c.percent_agreement for c in calibration.criteria]
    ordered = [next(c for c in calibration.criteria if c.criterion == i).percent_agreement for i in calibration.agenda]
    known = [p for p in ordered if p is not None]
    assert known == sorted(known) and ordered[len(known) :] == [None] * (len(pa) - len(known))


def test_everyone_like_the_key_agrees_fully_and_is_not_flagged() -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    kit_layout = layout(kit, checklist)
    exact = []
    for name in ("AB", "CD", "EF"):
        decoded = decode(encode(kit_layout, name, [key_result(c) for c in contacts]), kit_layout)
        assert isinstance(decoded, Result)
        exact.append(decoded)
    calibration = calibrate(kit, checklist, contacts, exact)
    for p in calibration.participants:
        assert p.key_agreement == 1.0 and p.flag is None and p.mean_difference == 0.0
        assert all(d.difference == 0.0 and d.complete and d.flag is None for d in p.differences)
    for c in calibration.criteria:
        assert c.key_agreement == 1.0
        if c.percent_agreement is not None:
            assert c.percent_agreement == 1.0
            assert c.gwet_ac1 in (1.0, None)


def test_a_lenient_and_a_strict_participant_are_flagged_by_direction() -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    kit_layout = layout(kit, checklist)
    contact = contacts[2]  # the Wmo call: the key has criteria that are not met
    quality = [c for c in checklist.criteria() if c.kind == "quality"]
    best = {c.id: Answer(option=checklist.scale_of(c).options[-1].id) for c in quality}  # type: ignore[union-attr]
    worst = {c.id: Answer(option=checklist.scale_of(c).options[0].id) for c in quality}  # type: ignore[union-attr]
    key = key_result(contact).answers
    made = []
    for name, answers in (
        ("Mild", {**key, **best}),
        ("Streng", {**key, **worst}),
        ("Half", dict(list(key.items())[:5])),
    ):
        decoded = decode(encode(kit_layout, name, [ResultContact(contact=contact.id, answers=answers)]), kit_layout)
        assert isinstance(decoded, Result)
        made.append(decoded)
    calibration = calibrate(kit, checklist, contacts, made, threshold=2)
    mild, strict, half = calibration.participants
    assert mild.differences[0].difference is not None and mild.differences[0].difference > 2
    assert (mild.flag, mild.differences[0].flag) == ("mild", "mild")
    assert (strict.flag, strict.differences[0].flag) == ("streng", "streng")
    assert half.differences[0].complete is False and half.differences[0].difference == 0.0
    assert mild.key_agreement is not None and mild.key_agreement < 1.0
    assert half.key_agreement == 1.0 and half.compared == 5


def test_one_participant_gives_reasons_not_numbers() -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    (only,) = results(5, ["Solo"])
    calibration = calibrate(kit, checklist, contacts, [only])
    for c in calibration.criteria:
        assert c.percent_agreement is None
        assert c.percent_agreement_reason in ("te weinig beoordelaars", "geen gegevens")  # all n.v.t.: no data
        assert c.krippendorff_alpha is None and c.krippendorff_alpha_reason is not None


def test_a_result_for_a_contact_without_key_is_a_programming_error() -> None:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    with pytest.raises(ValueError, match="no key"):
        calibrate(kit, checklist, contacts[:1], results(1, ["AB"], count=2))
