"""Result codes: round trip, the length target, and every refusal with its catalogued reason."""

from __future__ import annotations

import base64
import unicodedata
import zlib
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Answer
from ijkpunt_core.kit import Kit, KitContact
from ijkpunt_core.problems import Code, Problem, render
from ijkpunt_core.result_code import (
    NAME_ALPHABET,
    PREFIX,
    KitLayout,
    Result,
    ResultContact,
    decode,
    encode,
    fingerprint,
    layout,
)
from tests.builders import ROOT, read_yaml, shipped

KITS = ROOT / "calibration_kits"


@cache
def kit_of(kit_id: str) -> tuple[Kit, Checklist, tuple[KitContact, ...]]:
    kit = Kit.model_validate(read_yaml(KITS / kit_id / "kit.yaml"))
    contacts = tuple(
        KitContact.model_validate(read_yaml(KITS / kit_id / "contacts" / f"{c}.yaml")) for c in kit.contacts
    )
    return kit, checklist_version(kit.checklist.id, kit.checklist.version), contacts


def checklist_version(checklist_id: str, version: str) -> Checklist:
    """The version a kit names: the current checklist, or an archived one (checklists/archief/<id>/<hash>.json)."""
    current = shipped(checklist_id)
    if current.version == version:
        return current
    archived = [
        Checklist.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "checklists" / "archief" / checklist_id).glob("*.json"))
    ]
    [found] = [c for c in archived if c.version == version]
    return found


def key_result(contact: KitContact) -> ResultContact:
    answers = {cid: Answer(option=k.option, grade=k.grade, na=k.na) for cid, k in contact.key.items()}
    return ResultContact(contact=contact.id, answers=answers, critical_errors=[f.id for f in contact.critical_errors])


@pytest.fixture(scope="module")
def telefoon() -> KitLayout:
    kit, checklist, _ = kit_of("kalibratie-telefoon")
    return layout(kit, checklist)


def keys_code(kit_id: str, count: int, name: str = "Jan-Willem V") -> tuple[KitLayout, str, list[ResultContact]]:
    kit, checklist, contacts = kit_of(kit_id)
    scored = [key_result(c) for c in contacts[:count]]
    kit_layout = layout(kit, checklist)
    return kit_layout, encode(kit_layout, name, scored), scored


def test_the_key_of_three_contacts_round_trips() -> None:
    kit_layout, code, scored = keys_code("kalibratie-telefoon", 3)
    result = decode(code, kit_layout)
    assert isinstance(result, Result)
    assert result.participant == "Jan-Willem V"
    assert result.contacts == scored
    assert (result.kit, result.kit_version, result.code) == ("kalibratie-telefoon", "1.0.0", code)


def test_three_contacts_of_25_criteria_fit_in_120_characters_with_a_name_of_12() -> None:
    kit_layout, code, _ = keys_code("kalibratie-telefoon", 3)
    assert len(kit_layout.criteria) == 25
    assert len(code) <= 120
    assert len(code) == 76  # measured: 4 prefix + 72 base32


def test_four_contacts_of_26_criteria_and_a_name_outside_the_alphabet() -> None:
    kit_layout, code, scored = keys_code("kalibratie-chat", 4, name="Jan-Willem 2")  # a digit: UTF-8 mode
    assert len(kit_layout.criteria) == 26
    assert len(code) == 97  # measured (a 12-byte UTF-8 name; 91 with "Jan-Willem V")
    assert len(keys_code("kalibratie-chat", 4)[1]) == 91
    result = decode(code, kit_layout)
    assert isinstance(result, Result) and result.contacts == scored


def test_a_code_is_letters_and_digits_only_and_survives_a_chat() -> None:
    kit_layout, code, _ = keys_code("kalibratie-telefoon", 2)
    assert code.isalnum() and code.isupper()
    mangled = f"  `{code[:30].lower()}\n{code[30:]}`  "
    result = decode(mangled, kit_layout)
    assert isinstance(result, Result) and result.code == code


def contact_answers(kit_layout: KitLayout) -> st.SearchStrategy[ResultContact]:
    def answer_for(index: int) -> st.SearchStrategy[Answer | None]:
        slot = kit_layout.criteria[index]
        choices: list[Answer | None] = [None, *(Answer(option=str(v)) for v in slot.values)]
        if slot.na_allowed:
            choices.append(Answer(na=True))
        return st.sampled_from(choices)

    def build(contact: str, answers: list[Answer | None], errors: list[bool]) -> ResultContact:
        return ResultContact(
            contact=contact,
            answers={s.id: a for s, a in zip(kit_layout.criteria, answers, strict=True) if a is not None},
            critical_errors=[e for e, flagged in zip(kit_layout.critical_errors, errors, strict=True) if flagged],
        )

    return st.builds(
        build,
        st.sampled_from(kit_layout.contacts),
        st.tuples(*(answer_for(i) for i in range(len(kit_layout.criteria)))).map(list),
        st.lists(st.booleans(), min_size=len(kit_layout.critical_errors), max_size=len(kit_layout.critical_errors)),
    )


NAMES = st.text(
    alphabet=st.one_of(st.sampled_from(NAME_ALPHABET), st.characters(codec="utf-8", categories=["L", "N"])),
    min_size=1,
    max_size=12,
).filter(lambda s: s == s.strip() and 1 <= len(unicodedata.normalize("NFC", s)) <= 12)
"""Valid names: NFC (which the code stores) can make a name longer, e.g. U+FB2A becomes two characters."""


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_round_trip_over_random_answers(data: st.DataObject) -> None:
    kit_id = data.draw(st.sampled_from(["kalibratie-telefoon", "kalibratie-chat", "kalibratie-email"]))
    kit, checklist, _ = kit_of(kit_id)
    kit_layout = layout(kit, checklist)
    scored = data.draw(st.lists(contact_answers(kit_layout), min_size=1, unique_by=lambda c: c.contact))
    name = data.draw(NAMES)
    code = encode(kit_layout, name, scored)
    result = decode(code, kit_layout)
    assert isinstance(result, Result), result
    assert result.participant == unicodedata.normalize("NFC", name)
    order = {c: i for i, c in enumerate(kit_layout.contacts)}
    assert result.contacts == sorted(scored, key=lambda c: order[c.contact])


def refused(code: str, kit_layout: KitLayout) -> Problem:
    result = decode(code, kit_layout)
    assert isinstance(result, Problem), result
    for lang in ("nl", "en"):
        assert render(result, lang)  # both templates take the parameters given
    return result


def test_not_a_code(telefoon: KitLayout) -> None:
    assert refused("Goedemorgen allemaal", telefoon).code == Code.NOT_A_RESULT_CODE
    assert refused("", telefoon).code == Code.NOT_A_RESULT_CODE


def test_a_character_that_base32_does_not_have(telefoon: KitLayout) -> None:
    _, code, _ = keys_code("kalibratie-telefoon", 1)
    problem = refused(code[:10] + "0" + code[11:], telefoon)
    assert problem.code == Code.RESULT_CODE_CHARACTER
    assert problem.params == {"character": "0", "position": 11}
    assert refused(code[:20] + "_" + code[20:], telefoon).code == Code.RESULT_CODE_CHARACTER


@pytest.mark.parametrize("position", [5, 12, 30, -1])
def test_one_changed_character_is_damage(telefoon: KitLayout, position: int) -> None:
    _, code, _ = keys_code("kalibratie-telefoon", 2)
    index = position % len(code)
    other = "B" if code[index] != "B" else "C"
    assert refused(code[:index] + other + code[index + 1 :], telefoon).code == Code.RESULT_CODE_DAMAGED


def test_swapped_characters_and_extra_characters_are_damage(telefoon: KitLayout) -> None:
    _, code, _ = keys_code("kalibratie-telefoon", 2)
    i = next(i for i in range(10, len(code)) if code[i] != code[i + 1])
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    assert refused(swapped, telefoon).code == Code.RESULT_CODE_DAMAGED
    assert refused(code + "AAAAAAAA", telefoon).code == Code.RESULT_CODE_DAMAGED


@pytest.mark.parametrize("cut", [1, 2, 5, 8, 40])
def test_a_cut_off_code_is_truncated(telefoon: KitLayout, cut: int) -> None:
    _, code, _ = keys_code("kalibratie-telefoon", 3)
    problem = refused(code[:-cut], telefoon)
    assert problem.code == Code.RESULT_CODE_TRUNCATED
    assert problem.params == {"length": len(code) - cut, "expected": len(code)}
    assert refused(PREFIX, telefoon).code == Code.RESULT_CODE_TRUNCATED


def test_a_code_of_another_kit() -> None:
    _, code, _ = keys_code("kalibratie-chat", 1)
    kit, checklist, _ = kit_of("kalibratie-telefoon")
    problem = refused(code, layout(kit, checklist))
    assert problem.code == Code.RESULT_CODE_OTHER_KIT
    assert problem.params == {"kit": "kalibratie-telefoon"}


def test_a_code_of_another_version_of_the_kit_or_of_its_checklist() -> None:
    kit, checklist, _ = kit_of("kalibratie-telefoon")
    _, code, _ = keys_code("kalibratie-telefoon", 1)
    newer = layout(kit.model_copy(update={"version": "1.1.0"}), checklist)
    problem = refused(code, newer)
    assert problem.code == Code.RESULT_CODE_OTHER_VERSION
    assert problem.params == {"kit": "kalibratie-telefoon", "version": "1.1.0"}
    edited = checklist.model_copy(update={"description": "Gewijzigd."})
    assert refused(code, layout(kit, edited)).code == Code.RESULT_CODE_OTHER_VERSION


def forged(kit_layout: KitLayout, fields: list[tuple[int, int]]) -> str:
    """A well-formed code with a valid checksum around chosen bit fields (after length and fingerprint)."""
    value, length = 0, 0
    for field_value, width in [(0, 8), (int.from_bytes(kit_layout.fingerprint, "big"), 48), *fields]:
        value, length = (value << width) | field_value, length + width
    pad = -length % 8
    body = bytearray((value << pad).to_bytes((length + pad) // 8, "big"))
    body[0] = len(body) + 4
    data = bytes(body) + zlib.crc32(body).to_bytes(4, "big")
    return PREFIX + base64.b32encode(data).decode().rstrip("=")


NAME_AB = [(0, 1), (2, 4), (0, 6), (1, 6)]  # alphabet mode, two characters: "AB"


def test_a_forged_code_is_read_like_a_real_one(telefoon: KitLayout) -> None:
    code = forged(telefoon, [*NAME_AB, (1, 6), (1, 1), *[(0, s.width) for s in telefoon.criteria], (0, 3)])
    result = decode(code, telefoon)
    assert isinstance(result, Result)
    assert result.participant == "AB"
    assert result.contacts == [ResultContact(contact=telefoon.contacts[0], answers={})]


def test_a_contact_that_does_not_exist(telefoon: KitLayout) -> None:
    code = forged(telefoon, [*NAME_AB, (6, 6), (0b000001, 6)])
    problem = refused(code, telefoon)
    assert problem.code == Code.RESULT_CODE_UNKNOWN_CONTACT
    assert problem.params == {"number": 6, "kit": "kalibratie-telefoon", "count": 4}


def test_an_answer_that_does_not_exist(telefoon: KitLayout) -> None:
    slot = next(i for i, s in enumerate(telefoon.criteria) if s.count < 1 << s.width)
    fields = [(0, s.width) for s in telefoon.criteria]
    fields[slot] = (telefoon.criteria[slot].count, telefoon.criteria[slot].width)
    problem = refused(forged(telefoon, [*NAME_AB, (1, 6), (1, 1), *fields, (0, 3)]), telefoon)
    assert problem.code == Code.RESULT_CODE_UNKNOWN_ANSWER
    assert problem.params["criterion"] == telefoon.criteria[slot].id
    assert problem.params["contact"] == telefoon.contacts[0]


def test_a_forged_code_without_contacts_or_with_a_bad_name_is_damaged(telefoon: KitLayout) -> None:
    assert refused(forged(telefoon, [*NAME_AB, (0, 6)]), telefoon).code == Code.RESULT_CODE_DAMAGED
    too_long = [(0, 1), (13, 4), *[(0, 6)] * 13, (1, 6), (1, 1)]
    assert refused(forged(telefoon, too_long), telefoon).code == Code.RESULT_CODE_DAMAGED
    bad_utf8 = [(1, 1), (1, 6), (0xFF, 8), (1, 6), (1, 1)]
    assert refused(forged(telefoon, bad_utf8), telefoon).code == Code.RESULT_CODE_DAMAGED


def test_encode_refuses_what_does_not_fit_the_kit(telefoon: KitLayout) -> None:
    first = telefoon.contacts[0]
    with pytest.raises(ValueError, match="1 to 12"):
        encode(telefoon, "Een heel lange naam", [ResultContact(contact=first, answers={})])
    with pytest.raises(ValueError, match="1 to 12"):
        encode(telefoon, "   ", [ResultContact(contact=first, answers={})])
    with pytest.raises(ValueError, match="not contacts"):
        encode(telefoon, "AB", [ResultContact(contact="onbekend", answers={})])
    with pytest.raises(ValueError, match="at least one contact"):
        encode(telefoon, "AB", [])
    with pytest.raises(ValueError, match="not a value"):
        encode(telefoon, "AB", [ResultContact(contact=first, answers={"empathie": Answer(option="ja")})])
    with pytest.raises(ValueError, match=r"n\.v\.t\. is not allowed"):
        encode(telefoon, "AB", [ResultContact(contact=first, answers={"actief-luisteren": Answer(na=True)})])
    with pytest.raises(ValueError, match="not criteria"):
        encode(telefoon, "AB", [ResultContact(contact=first, answers={"x": Answer(option="ja")})])
    with pytest.raises(ValueError, match="not critical errors"):
        encode(telefoon, "AB", [ResultContact(contact=first, answers={}, critical_errors=["x"])])


def test_the_fingerprint_tells_the_kit_apart_from_its_version() -> None:
    a = fingerprint("kit-a", "1.0.0", "sha256:00")
    assert len(a) == 6
    assert fingerprint("kit-a", "1.0.1", "sha256:00")[:3] == a[:3] != fingerprint("kit-b", "1.0.0", "sha256:00")[:3]
    assert fingerprint("kit-a", "1.0.0", "sha256:01")[3:] != a[3:]
