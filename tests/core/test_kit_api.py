"""The kit pages' facade: training against the key, a participant's code, combining codes and files."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from ijkpunt_core.calibration import calibrate
from ijkpunt_core.kit_api import KitPage
from ijkpunt_core.kit_publication import KitKeys, PublishedKit, keys_of, public_contact, sealed_kit
from ijkpunt_core.result_code import Result, codes_in_text, decode, layout
from ijkpunt_core.training import compare
from tests.core.test_result_code import key_result, kit_of


def published(sealed: bool = False) -> tuple[str, str]:
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    box = {
        "format": "ijkpunt-sealed-1",
        "cipher": "AES-256-GCM",
        "kdf": "PBKDF2-SHA256",
        "iterations": 600000,
        "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
        "iv": "AAAAAAAAAAAAAAAA",
        "ciphertext": "AAAAAAAAAAAAAAAAAAAAAA==",
    }
    doc = PublishedKit(
        kit=sealed_kit(kit) if sealed else kit,
        checklist_url="data/checklists/kcc-telefoon/x.json",
        contacts=[public_contact(c) for c in contacts],
        keys=None if sealed else keys_of(kit, contacts),
        sealed=box if sealed else None,  # type: ignore[arg-type]
    )
    return doc.model_dump_json(), checklist.model_dump_json()


def form_like_key(contact_index: int, **overrides: str) -> dict[str, Any]:
    """The form values a participant who agrees with the key sends, with some answers changed."""
    _, _checklist, contacts = kit_of("kalibratie-telefoon")
    values: dict[str, str] = {}
    for cid, a in key_result(contacts[contact_index]).answers.items():
        values[f"answer:{cid}"] = "na" if a.na else str(a.option if a.option is not None else a.grade)
    for e in contacts[contact_index].critical_errors:
        values[f"critical:{e.id}"] = "ja"
    values["relationship"] = contacts[contact_index].relationship.answer
    values.update(overrides)
    return {"id": str(uuid.uuid4()), "created_at": "2026-11-28T10:00:00+00:00", "values": values}


def other_empathy(contact_index: int) -> dict[str, str]:
    """A form value for `empathie` that differs from the key's."""
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    slot = next(s for s in layout(kit, checklist).criteria if s.id == "empathie")
    key = key_result(contacts[contact_index]).answers["empathie"]
    return {"answer:empathie": next(str(v) for v in slot.values if v != key.option)}


def test_training_agrees_everywhere_with_the_key_itself() -> None:
    page = KitPage(*published())
    contact = page.kit.contacts[0]
    reply = json.loads(page.train(contact, json.dumps(form_like_key(0))))
    training = reply["training"]
    assert reply["problems"] == []
    assert training["agreement"] == 1.0 and training["unanswered"] == []
    assert training["score"]["difference"] == 0.0
    assert all(f["agrees"] for f in training["critical_errors"]) and training["relationship"]["agrees"]
    assert all(row["rationale"] for row in training["criteria"])


def test_training_shows_each_difference_with_the_keys_reason() -> None:
    page = KitPage(*published())
    _, _checklist, contacts = kit_of("kalibratie-telefoon")
    key = key_result(contacts[0]).answers
    changed = next(cid for cid, a in key.items() if a.option == "ja")
    form = form_like_key(0, **{f"answer:{changed}": "nee"})
    left_open = next(cid for cid in key if cid != changed)
    del form["values"][f"answer:{left_open}"]
    training = json.loads(page.train(contacts[0].id, json.dumps(form)))["training"]
    row = next(r for r in training["criteria"] if r["criterion"] == changed)
    assert (row["answer"], row["key"], row["agrees"]) == ("nee", "ja", False)
    assert row["key_label"] and row["rationale"] == contacts[0].key[changed].rationale
    assert training["unanswered"] == [left_open]
    assert training["compared"] == len(key) - 1 and training["agreed"] == len(key) - 2
    assert training["score"]["complete"] is False


def test_a_form_value_that_does_not_fit_is_reported_not_compared() -> None:
    page = KitPage(*published())
    form = form_like_key(0, **{"answer:empathie": "misschien"})
    reply = json.loads(page.train(page.kit.contacts[0], json.dumps(form)))
    assert reply["training"] is None
    assert [(p["code"], p["field"]) for p in reply["problems"]] == [("E413", "answer:empathie")]


def test_a_participants_code_decodes_to_their_answers_without_comments() -> None:
    page = KitPage(*published())
    forms = {c: form_like_key(i) for i, c in enumerate(page.kit.contacts[:3])}
    forms[page.kit.contacts[1]]["values"]["comment:empathie"] = "Mijn eigen notitie"
    reply = json.loads(page.code(" Anne ", json.dumps(forms)))
    assert reply["problems"] == [] and reply["filename"] == "kalibratie-kalibratie-telefoon-anne.json"
    decoded = decode(reply["code"], page.layout)
    assert isinstance(decoded, Result) and decoded.participant == "Anne"
    assert Result.model_validate(reply["result"]) == decoded
    assert "Mijn eigen notitie" not in json.dumps(reply)
    assert len(reply["code"]) <= 120


@pytest.mark.parametrize("name", ["", "   ", "Een veel te lange naam", "A\u0007B"])
def test_a_participant_needs_a_usable_name(name: str) -> None:
    page = KitPage(*published())
    reply = json.loads(page.code(name, json.dumps({page.kit.contacts[0]: form_like_key(0)})))
    assert reply["code"] is None
    assert [(p["code"], p["field"]) for p in reply["problems"]] == [("E450", "participant")]


def test_combining_pasted_chat_and_files_gives_calibrates_figures() -> None:
    page = KitPage(*published())
    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    codes = []
    for i, name in enumerate(["AB", "CD", "EF"]):
        forms = {c: form_like_key(j, **(other_empathy(j) if i == j else {})) for j, c in enumerate(kit.contacts[:3])}
        codes.append(json.loads(page.code(name, json.dumps(forms))))
    chat = f"[10:41] Anne: {codes[0]['code']}\nDank!\n[10:42] Bram: `{codes[1]['code'].lower()}`\n{codes[0]['code']}"
    damaged = codes[2]["code"][:-3] + ("A" if codes[2]["code"][-3] != "A" else "B") + codes[2]["code"][-2:]
    sources = [
        {"name": "chat", "kind": "text", "text": chat},
        {"name": "c.json", "kind": "file", "text": json.dumps(codes[2]["result"])},
        {"name": "kapot.txt", "kind": "file", "text": damaged},
        {"name": "x.json", "kind": "file", "text": '{"code": 1}'},
    ]
    reply = json.loads(page.combine(json.dumps(sources), json.dumps(["empathie", "onbekend"])))
    assert reply["codes_read"] == 5 and reply["key_known"] is True
    assert sorted((p["source"], p["line"], p["problem"]) for p in reply["problems"]) == [
        ("chat", 4, "W440"),
        ("kapot.txt", 1, "E442"),
        ("x.json", 1, "E449"),
    ]
    results = [decode(c["code"], layout(kit, checklist)) for c in codes]
    expected = calibrate(kit, checklist, contacts, results, focus=["empathie"])  # type: ignore[arg-type]
    assert reply["calibration"] == json.loads(expected.model_dump_json())
    assert [c["criterion"] for c in reply["calibration"]["criteria"] if c["focus"]] == ["empathie"]


def test_a_sealed_kit_combines_without_the_key_until_it_is_opened() -> None:
    kit, _checklist, contacts = kit_of("kalibratie-telefoon")
    page = KitPage(*published(sealed=True))
    assert page.kit.facilitator_notes == "(verzegeld)"
    code = json.loads(KitPage(*published()).code("AB", json.dumps({kit.contacts[0]: form_like_key(0)})))["code"]
    sources = json.dumps([{"name": "chat", "kind": "text", "text": code}])
    before = json.loads(page.combine(sources))
    assert before["key_known"] is False
    assert {c["key_agreement"] for c in before["calibration"]["criteria"]} == {None}
    assert before["calibration"]["participants"][0]["differences"][0]["quality"] is not None
    with pytest.raises(ValueError, match="sealed"):
        page.train(kit.contacts[0], json.dumps(form_like_key(0)))
    notes = json.loads(page.open(keys_of(kit, contacts).model_dump_json()))
    assert notes == {"facilitator_notes": kit.facilitator_notes}
    after = json.loads(page.combine(sources))
    assert after["key_known"] is True and after["calibration"]["participants"][0]["key_agreement"] == 1.0
    with pytest.raises(ValueError, match="not this kit"):
        page.open(KitKeys(contacts=list(reversed(contacts)), facilitator_notes="x").model_dump_json())


def test_the_key_view_lists_each_criterion_with_its_rationale() -> None:
    page = KitPage(*published())
    _kit, checklist, contacts = kit_of("kalibratie-telefoon")
    shown = json.loads(page.key(json.dumps([contacts[1].id])))["contacts"]
    assert [c["id"] for c in shown] == [contacts[1].id]
    assert len(shown[0]["criteria"]) == len(list(checklist.criteria()))
    assert all(r["rationale"] and r["key_label"] for r in shown[0]["criteria"])


def test_codes_are_found_among_the_words_of_a_chat() -> None:
    text = "Jan 10:41\nIJK1ABCDEF, graag\n\n'ijk1zz'\nABCDEFGHIJKLMNOPQRSTUVWX\nniets hier"
    assert codes_in_text(text) == [(2, "IJK1ABCDEF"), (4, "ijk1zz"), (5, "ABCDEFGHIJKLMNOPQRSTUVWX")]


def test_training_compare_equals_calibration_against_the_key() -> None:
    _kit, checklist, contacts = kit_of("kalibratie-telefoon")
    answers = key_result(contacts[2]).answers
    training = compare(checklist, contacts[2], answers)
    assert training.agreement == 1.0 and training.score.difference == 0.0


@pytest.mark.parametrize(("given", "used"), [(None, 5.0), (2.5, 2.5), (-1, 5.0), (1e9, 5.0)])
def test_a_session_may_set_its_own_threshold(given: float | None, used: float) -> None:
    page = KitPage(*published())
    code = json.loads(page.code("AB", json.dumps({page.kit.contacts[0]: form_like_key(0)})))["code"]
    sources = json.dumps([{"name": "chat", "kind": "text", "text": code}])
    assert json.loads(page.combine(sources, "null", given))["calibration"]["threshold"] == used
