"""Keep citizens' personal data out of evaluations.

Evaluators write free text (comments, notes). A citizen service number (BSN,
recognised by the eleven test), an e-mail address or a phone number there
would travel with every export, so the form points them out before export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .evaluation import Draft, Evaluation
from .problems import Code, Path, Problem

_NINE_DIGITS = re.compile(r"(?<!\d)(\d{9}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)")


def is_bsn(digits: str) -> bool:
    """The eleven test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")


def is_iban(text: str) -> bool:
    """ISO 13616 mod-97: move the first four characters to the end, letters as 10–35, remainder 1."""
    value = text.replace(" ", "").upper()
    if not 15 <= len(value) <= 34 or not value[:2].isalpha() or not value[2:4].isdigit():
        return False
    digits = "".join(str(int(c, 36)) for c in value[4:] + value[:4])
    return int(digits) % 97 == 1


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like a citizen's personal data."""

    kind: str  # bsn | iban | email | phone
    value: str
    line: int


def personal_data_in_text(text: str) -> list[Finding]:
    """Real-looking BSNs (eleven test), IBANs (mod-97), e-mail addresses and phone numbers, with their line."""

    def line_of(position: int) -> int:
        return text.count("\n", 0, position) + 1

    ibans = [m for m in _IBAN.finditer(text) if is_iban(m.group(0))]

    def inside_iban(match: re.Match[str]) -> bool:  # the digits of an IBAN are not a phone number or BSN
        return any(i.start() <= match.start() < i.end() for i in ibans)

    findings = [Finding("iban", m.group(0), line_of(m.start())) for m in ibans]
    findings += [
        Finding("bsn", m.group(0), line_of(m.start()))
        for m in _NINE_DIGITS.finditer(text)
        if is_bsn(re.sub(r"\D", "", m.group(0))) and not inside_iban(m)
    ]
    findings += [Finding("email", m.group(0), line_of(m.start())) for m in _EMAIL.finditer(text)]
    findings += [Finding("phone", m.group(0), line_of(m.start())) for m in _PHONE.finditer(text) if not inside_iban(m)]
    return sorted(findings, key=lambda f: f.line)


def personal_data_problems(draft: Draft | Evaluation) -> list[Problem]:
    """BSNs are errors (they block export); e-mail addresses and phone numbers are warnings."""
    return list(_scan(draft))


def _texts(draft: Draft | Evaluation) -> Iterator[tuple[Path, str]]:
    for name in ("evaluator", "agent", "team", "department", "notes"):
        yield (name,), str(getattr(draft, name))
    for criterion_id, answer in draft.answers.items():
        if answer.comment:
            yield ("answers", criterion_id, "comment"), answer.comment


def _scan(draft: Draft | Evaluation) -> Iterator[Problem]:
    for path, text in _texts(draft):
        if not text:  # most comments are empty; the aggregation scans every evaluation it reads
            continue
        for match in _NINE_DIGITS.finditer(text):
            if is_bsn(re.sub(r"\D", "", match.group(0))):
                yield Problem(Code.BSN_IN_TEXT, path)
        if _EMAIL.search(text):
            yield Problem(Code.EMAIL_IN_TEXT, path)
        if _PHONE.search(text):
            yield Problem(Code.PHONE_IN_TEXT, path)
