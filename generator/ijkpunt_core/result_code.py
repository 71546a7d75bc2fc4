"""Result codes: one participant's answers to a calibration kit as a short text to paste in a meeting chat.

A code is ``IJK1`` followed by RFC 4648 base32 (``A``–``Z``, ``2``–``7``, no padding). Base32 and not
base64url because a code must survive a Teams or Zoom chat: letters and digits only, so a double click
selects the whole code, Markdown does not turn ``_`` into italics, autocorrect does not turn ``-`` into
a dash or a list, and upper or lower case does not matter. The ``1`` of the prefix is not a base32
digit, so prefix and body never run into each other. The price is 20% more characters than base64.

The body is a bit string, most significant bit first::

    bits    field
    8       length of the whole byte string (this byte up to and including the checksum)
    24      kit tag: sha256("ijkpunt-kit\\0" + kit id), first 3 bytes
    24      version tag: sha256(kit id \\0 kit version \\0 checklist content hash), first 3 bytes
    1       name mode: 0 = 6-bit alphabet (NAME_ALPHABET), 1 = UTF-8
    4 | 6   name length: characters (mode 0, ≤ 12) or bytes (mode 1, ≤ 48)
    6n | 8n the name
    6       L: number of contact bits that follow (highest scored contact + 1)
    L       bit i set: the kit's contact i was scored
    then per scored contact, in kit order:
      per criterion of the checklist, in form order, w bits: 0 = not answered, 1 = n.v.t. (only when
        the criterion allows it), then the options in scale order (or the grades from min to max);
        w is the fewest bits that hold the criterion's number of values
      E bits: the checklist's critical errors in order, 1 = flagged
    0–7     zero bits up to a whole byte
    32      CRC-32 (zlib) of every byte before it

The tags are the kit fingerprint: they tell "another kit" from "another version of this kit" (or
of its checklist). The length byte tells a truncated code from a damaged one; the CRC catches
every change of up to 32 consecutive bits, so every mistyped or dropped character.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .checklist import Checklist, GradeScale
from .evaluation import Answer
from .kit import Kit
from .problems import Code, Param, Problem

__all__ = [
    "NAME_ALPHABET",
    "NAME_MAX",
    "PREFIX",
    "CriterionSlot",
    "KitLayout",
    "Result",
    "ResultContact",
    "codes_in_text",
    "decode",
    "encode",
    "fingerprint",
    "layout",
    "read_codes",
]

PREFIX = "IJK1"
NAME_MAX = 12
NAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .-'éëèïöüóç"
assert len(NAME_ALPHABET) == 64
_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_TAG = 3  # bytes of each fingerprint tag
_CRC = 4
_MAX_BYTES = 255
_CONTACT_BITS = 6  # up to 63 contacts in a kit
_WRAPPING = " \t\r\n\"'`<>«»“”‘’"


@dataclass(frozen=True)
class CriterionSlot:
    """One criterion as the code stores it: its values after 0 = not answered."""

    id: str
    na_allowed: bool
    values: tuple[str, ...] | tuple[int, ...]  # option ids, or the grades min..max

    @property
    def count(self) -> int:
        return 1 + self.na_allowed + len(self.values)

    @property
    def width(self) -> int:
        return (self.count - 1).bit_length()


@dataclass(frozen=True)
class KitLayout:
    """What encoding and decoding need to know of a kit and its checklist."""

    kit_id: str
    kit_version: str
    fingerprint: bytes
    contacts: tuple[str, ...]
    criteria: tuple[CriterionSlot, ...]
    critical_errors: tuple[str, ...]


class ResultContact(BaseModel):
    """One participant's answers for one kit contact."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    contact: str = Field(description="Id van het contact in de kit.")
    answers: dict[str, Answer] = Field(description="Antwoord per criterium; een criterium zonder antwoord ontbreekt.")
    critical_errors: list[str] = Field(default_factory=list, description="Aangevinkte kritieke fouten.")


class Result(BaseModel):
    """A decoded result code: who scored which contacts of which kit, and how."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kit: str = Field(description="Id van de kit.")
    kit_version: str = Field(description="Versie van de kit.")
    fingerprint: str = Field(description="Vingerafdruk van kit en checklist (hex).")
    participant: str = Field(description="Naam of initialen van de deelnemer.")
    contacts: list[ResultContact] = Field(description="De gescoorde contacten, in de volgorde van de kit.")
    code: str = Field(description="De resultaatcode zelf.")


def fingerprint(kit_id: str, kit_version: str, checklist_hash: str) -> bytes:
    """Kit tag + version tag (3 bytes each); see the module docstring."""
    kit_tag = hashlib.sha256(f"ijkpunt-kit\0{kit_id}".encode()).digest()[:_TAG]
    version_tag = hashlib.sha256(f"{kit_id}\0{kit_version}\0{checklist_hash}".encode()).digest()[:_TAG]
    return kit_tag + version_tag


def layout(kit: Kit, checklist: Checklist) -> KitLayout:
    """The layout of a kit's codes (``checklist`` is the exact version the kit pins)."""
    slots: list[CriterionSlot] = []
    for criterion in checklist.criteria():
        scale = checklist.scale_of(criterion)
        values: tuple[str, ...] | tuple[int, ...]
        if isinstance(scale, GradeScale):
            values = tuple(range(scale.min, scale.max + 1))
        else:
            values = tuple(o.id for o in scale.options)
        slots.append(CriterionSlot(criterion.id, criterion.na.allowed, values))
    return KitLayout(
        kit_id=kit.id,
        kit_version=kit.version,
        fingerprint=fingerprint(kit.id, kit.version, checklist.content_hash()),
        contacts=tuple(kit.contacts),
        criteria=tuple(slots),
        critical_errors=tuple(e.id for e in checklist.critical_errors),
    )


class _Bits:
    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, value: int, width: int) -> None:
        if not 0 <= value < (1 << width):
            raise ValueError(f"{value} does not fit in {width} bits")
        self.value = (self.value << width) | value
        self.length += width

    def to_bytes(self) -> bytes:
        pad = -self.length % 8
        return (self.value << pad).to_bytes((self.length + pad) // 8, "big")


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.value = int.from_bytes(data, "big")
        self.left = len(data) * 8

    def take(self, width: int) -> int:
        if width > self.left:
            raise _Damaged
        self.left -= width
        return (self.value >> self.left) & ((1 << width) - 1)


class _Damaged(Exception):
    pass


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _normal_name(participant: str) -> str:
    name = unicodedata.normalize("NFC", participant).strip()
    if not 1 <= len(name) <= NAME_MAX:
        raise ValueError(f"a participant's name has 1 to {NAME_MAX} characters, not {len(name)}: {name!r}")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValueError(f"control character in the participant's name {name!r}")
    return name


def _value_of(slot: CriterionSlot, answer: Answer | None) -> int:
    if answer is None or not answer.answered:
        return 0
    if answer.na:
        if not slot.na_allowed:
            raise ValueError(f"n.v.t. is not allowed for {slot.id!r}")
        return 1
    chosen: str | int | None = answer.option if answer.option is not None else answer.grade
    if chosen not in slot.values:
        raise ValueError(f"{chosen!r} is not a value of {slot.id!r}: {slot.values!r}")
    return 1 + slot.na_allowed + list(slot.values).index(chosen)


def encode(kit: KitLayout, participant: str, contacts: Iterable[ResultContact]) -> str:
    """The result code of one participant; raises ValueError for answers that do not fit the kit.

    Contacts may come in any order (the code holds them in kit order); comments are not kept.
    """
    name = _normal_name(participant)
    scored = {c.contact: c for c in contacts}
    unknown = set(scored) - set(kit.contacts)
    if unknown:
        raise ValueError(f"not contacts of kit {kit.kit_id!r}: {sorted(unknown)}")
    if not scored:
        raise ValueError("a result holds at least one contact")
    indexes = [i for i, contact_id in enumerate(kit.contacts) if contact_id in scored]
    if indexes[-1] >= 1 << _CONTACT_BITS:
        raise ValueError(f"a code holds contacts up to number {1 << _CONTACT_BITS}")
    bits = _Bits()
    bits.put(0, 8)  # the length, filled in below
    bits.put(int.from_bytes(kit.fingerprint, "big"), 8 * len(kit.fingerprint))
    if all(c in NAME_ALPHABET for c in name):
        bits.put(0, 1)
        bits.put(len(name), 4)
        for c in name:
            bits.put(NAME_ALPHABET.index(c), 6)
    else:
        raw = name.encode("utf-8")
        bits.put(1, 1)
        bits.put(len(raw), 6)
        bits.put(int.from_bytes(raw, "big"), 8 * len(raw))
    bits.put(indexes[-1] + 1, _CONTACT_BITS)
    for i in range(indexes[-1] + 1):
        bits.put(i in indexes, 1)
    for i in indexes:
        result = scored[kit.contacts[i]]
        unknown_criteria = set(result.answers) - {s.id for s in kit.criteria}
        if unknown_criteria:
            raise ValueError(f"not criteria of the kit's checklist: {sorted(unknown_criteria)}")
        for slot in kit.criteria:
            bits.put(_value_of(slot, result.answers.get(slot.id)), slot.width)
        unknown_errors = set(result.critical_errors) - set(kit.critical_errors)
        if unknown_errors:
            raise ValueError(f"not critical errors of the kit's checklist: {sorted(unknown_errors)}")
        for error in kit.critical_errors:
            bits.put(error in result.critical_errors, 1)
    body = bytearray(bits.to_bytes())
    total = len(body) + _CRC
    if total > _MAX_BYTES:
        raise ValueError(f"the result is too large for a code ({total} bytes, at most {_MAX_BYTES})")
    body[0] = total
    data = bytes(body) + zlib.crc32(body).to_bytes(_CRC, "big")
    return PREFIX + base64.b32encode(data).decode("ascii").rstrip("=")


def _clean(code: str) -> str:
    """Tolerate what a chat does to a code: quotes or backticks around it, line breaks in it, lower case."""
    return "".join(code.strip(_WRAPPING).split()).upper()


def decode(code: str, kit: KitLayout) -> Result | Problem:
    """The result in a code, or the one catalogued reason why the code is refused."""
    try:
        return _decode(code, kit)
    except _Refused as refused:
        return refused.problem
    except _Damaged:
        return Problem(Code.RESULT_CODE_DAMAGED)


def _decode(code: str, kit: KitLayout) -> Result:
    text = _clean(code)
    if not text.startswith(PREFIX):
        raise _Refused(Problem(Code.NOT_A_RESULT_CODE, (), {"prefix": PREFIX}))
    body = text[len(PREFIX) :]
    for position, character in enumerate(body, start=len(PREFIX) + 1):
        if character not in _BASE32:
            raise _Refused(Problem(Code.RESULT_CODE_CHARACTER, (), {"character": character, "position": position}))
    usable = len(body) - len(body) % 8 if len(body) % 8 in (1, 3, 6) else len(body)
    try:
        data = base64.b32decode(body[:usable] + "=" * (-usable % 8))
    except binascii.Error as exc:  # pragma: no cover - the alphabet and the length are checked above
        raise _Damaged from exc
    if not data:
        raise _Refused(_truncated(len(body), None))
    need = data[0]
    if len(data) < need or usable < len(body):
        raise _Refused(_truncated(len(body), need))
    if len(data) > need or need < 1 + 2 * _TAG + _CRC:
        raise _Damaged
    payload, crc = data[:-_CRC], data[-_CRC:]
    if zlib.crc32(payload).to_bytes(_CRC, "big") != crc:
        raise _Damaged
    reader = _Reader(payload)
    reader.take(8)
    kit_tag = reader.take(8 * _TAG).to_bytes(_TAG, "big")
    version_tag = reader.take(8 * _TAG).to_bytes(_TAG, "big")
    if kit_tag != kit.fingerprint[:_TAG]:
        raise _Refused(Problem(Code.RESULT_CODE_OTHER_KIT, (), {"kit": kit.kit_id}))
    if version_tag != kit.fingerprint[_TAG:]:
        raise _Refused(Problem(Code.RESULT_CODE_OTHER_VERSION, (), {"kit": kit.kit_id, "version": kit.kit_version}))
    participant = _read_name(reader)
    contacts: list[ResultContact] = []
    count = reader.take(_CONTACT_BITS)
    flags = [reader.take(1) for _ in range(count)]
    if not any(flags):
        raise _Damaged
    for i, flag in enumerate(flags):
        if flag and i >= len(kit.contacts):
            params: dict[str, Param] = {"number": i + 1, "kit": kit.kit_id, "count": len(kit.contacts)}
            raise _Refused(Problem(Code.RESULT_CODE_UNKNOWN_CONTACT, (), params))
    for i, flag in enumerate(flags):
        if flag:
            contacts.append(_read_contact(reader, kit, kit.contacts[i]))
    if reader.left >= 8 or reader.take(reader.left):
        raise _Damaged
    return Result(
        kit=kit.kit_id,
        kit_version=kit.kit_version,
        fingerprint=kit.fingerprint.hex(),
        participant=participant,
        contacts=contacts,
        code=PREFIX + body,
    )


def _truncated(length: int, need: int | None) -> Problem:
    expected = len(PREFIX) + -(-8 * need // 5) if need else len(PREFIX) + 16
    return Problem(Code.RESULT_CODE_TRUNCATED, (), {"length": len(PREFIX) + length, "expected": expected})


def _read_name(reader: _Reader) -> str:
    if reader.take(1) == 0:
        length = reader.take(4)
        name = "".join(NAME_ALPHABET[reader.take(6)] for _ in range(length))
    else:
        length = reader.take(6)
        try:
            name = reader.take(8 * length).to_bytes(length, "big").decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Damaged from exc
    try:
        if _normal_name(name) != name:
            raise _Damaged
    except ValueError as exc:
        raise _Damaged from exc
    return name


def _read_contact(reader: _Reader, kit: KitLayout, contact_id: str) -> ResultContact:
    answers: dict[str, Answer] = {}
    for slot in kit.criteria:
        value = reader.take(slot.width)
        if value >= slot.count:
            params: dict[str, Param] = {
                "value": value,
                "criterion": slot.id,
                "contact": contact_id,
                "last": slot.count - 1,
            }
            raise _Refused(Problem(Code.RESULT_CODE_UNKNOWN_ANSWER, (), params))
        if value == 0:
            continue
        if slot.na_allowed and value == 1:
            answers[slot.id] = Answer(na=True)
            continue
        chosen = slot.values[value - 1 - slot.na_allowed]
        answers[slot.id] = Answer(grade=chosen) if isinstance(chosen, int) else Answer(option=chosen)
    errors = [error for error in kit.critical_errors if reader.take(1)]
    return ResultContact(contact=contact_id, answers=answers, critical_errors=errors)


_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])IJK\S*", re.IGNORECASE)
_BARE = re.compile(r"^[A-Z2-7]{20,}$", re.IGNORECASE)


def codes_in_text(text: str) -> list[tuple[int, str]]:
    """The codes in pasted text, with their line numbers: every word starting with ``IJK``.

    Text around a code (a chat's name and time) is left out; a line that is nothing but a long run of
    base32 letters is taken too, so a code that lost its prefix is refused with a reason, not skipped.
    """
    found: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = [m.group(0).strip(_WRAPPING + ".,;:!?)(") for m in _IN_TEXT.finditer(line)]
        if not words and _BARE.match(line.strip(_WRAPPING)):
            words = [line.strip(_WRAPPING)]
        found += [(number, word) for word in words]
    return found


def read_codes(
    entries: Sequence[tuple[str, int, str]], kit: KitLayout
) -> tuple[list[Result], list[tuple[int, Problem]]]:
    """Decode ``(source, line, code)`` entries: the results, and per refused or repeated entry its index and why.

    A code given twice counts once (:attr:`Code.RESULT_CODE_REPEATED` names where it came first).
    """
    results: list[Result] = []
    problems: list[tuple[int, Problem]] = []
    seen: dict[str, tuple[str, int]] = {}
    for index, (source, line, code) in enumerate(entries):
        decoded = decode(code, kit)
        if isinstance(decoded, Problem):
            problems.append((index, decoded))
        elif decoded.code in seen:
            first_source, first_line = seen[decoded.code]
            params: dict[str, Param] = {"file": first_source, "line": first_line}
            problems.append((index, Problem(Code.RESULT_CODE_REPEATED, (), params)))
        else:
            seen[decoded.code] = (source, line)
            results.append(decoded)
    return results, problems
