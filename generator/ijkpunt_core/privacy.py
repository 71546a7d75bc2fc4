"""Keep citizens' personal data out of evaluations.

Evaluators write free text (comments, notes). A citizen service number (BSN,
recognised by the eleven test), a bank account number (IBAN, recognised by its
mod-97 check and its country's length), an e-mail address, a Dutch phone number
or a postcode with a house number there would travel with every export, so the
form points them out before export; a BSN or an IBAN blocks the export.

False positives cost the evaluator time and trust, so the patterns follow how
the numbers are written, not merely how many digits they have: a KCC comment is
full of dates (24-11-2026), times (14:30), amounts (€ 1.234,56) and case numbers
(Z-2026-000123), and none of those is reported. A nine-digit number labelled as
a case or reference number (``zaaknummer 123456782``) is not a BSN either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .evaluation import Draft, Evaluation
from .problems import Code, Path, Problem

Kind = Literal["bsn", "iban", "email", "phone", "postcode"]
KIND_CODES: dict[Kind, Code] = {
    "bsn": Code.BSN_IN_TEXT,
    "iban": Code.IBAN_IN_TEXT,
    "email": Code.EMAIL_IN_TEXT,
    "phone": Code.PHONE_IN_TEXT,
    "postcode": Code.POSTCODE_IN_TEXT,
}
"""What each kind of finding is reported as: BSN and IBAN are errors (they block export), the rest warnings."""

# Nine digits, whole or in the groups people write a BSN in (1234.56.789, 123 456 789), not glued to a word,
# another number, a case prefix (Z-…) or a decimal part.
_NINE_DIGITS = re.compile(
    r"(?<![\w/])(?<![\w][-/.])(\d{9}|\d{4}([ .-])\d{2}\2\d{3}|\d{3}([ .-])\d{3}\3\d{3})(?![\w]|[-/.,]\d)"
)
# A label right before a number that says it is not a BSN: a case, reference or account number, an amount.
_NOT_A_BSN = re.compile(
    r"(?:zaak|zaaknummer|zaaknr|kenmerk|referentie|ref|dossier|dossiernummer|ordernummer|factuur|factuurnummer|"
    r"klantnummer|registratienummer|nummer melding|meldingsnummer|€|eur|euro)\.?:?\s*(?:nr\.?\s*)?$",
    re.IGNORECASE,
)
_DIGIT_OR_AT = re.compile(r"[\d@]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Dutch phone numbers: 10 digits from a leading 0 (or +31 / 0031, with or without "(0)"), grouped as people
# write them. Mobile: 06 then 8 digits; landline: an area code of 2 or 3 digits after the 0, then 7 or 6 digits.
# The groups of the subscriber number share one separator, so that a date (06-11-2026 14) is no phone number.
_SEP = r"(?:[ .]|\s?-\s?)?"


def _groups(*layouts: tuple[int, ...]) -> str:
    """Digits in groups of the given sizes, one separator (or none) between all groups of a layout."""
    options = []
    for layout in layouts:
        first, *rest = layout
        if not rest:
            options.append(rf"\d{{{first}}}")
            continue
        name = f"s{next(_GROUP_NAMES)}"
        second, *more = rest
        separator = rf"(?P<{name}>[ .]|\s?-\s?|)"
        options.append(rf"\d{{{first}}}{separator}\d{{{second}}}" + "".join(rf"(?P={name})\d{{{n}}}" for n in more))
    return "(?:" + "|".join(options) + ")"


_GROUP_NAMES = iter(range(1_000))
_MOBILE = "6" + _SEP + _groups((8,), (4, 4), (2, 2, 2, 2), (3, 3, 2))
_LANDLINE = (
    rf"(?:[1-57-9]\d\)?{_SEP}{_groups((7,), (3, 4), (3, 2, 2), (2, 2, 3))}"
    rf"|[1-57-9]\d\d\)?{_SEP}{_groups((6,), (3, 3), (2, 2, 2))})"
)
_PHONE = re.compile(
    rf"(?<![\w+/-])(?:(?:\+|00)31{_SEP}(?:\(0\){_SEP})?\(?|\(?0)(?:{_MOBILE}|{_LANDLINE})(?![\w]|[-/.,:]\d)"
)

# A Dutch postcode (1234 AB) with a house number after it (1234 AB 12, 1234AB 12a, 1234 AB, 12-3) or before it
# (Dorpsstraat 12, 1234 AB). The letters are checked in code: never SA, SD or SS, and lower case after a space
# only when they are no Dutch word ("in 2026 op 12").
_POSTCODE = r"[1-9]\d{3} ?[A-Za-z]{2}"
_HOUSE_NUMBER = r"\d{1,5}(?:[ -]?[A-Za-z](?![A-Za-z])|-\d{1,4}|\s?(?:bis|hs|huis|boven|beneden)\b)?"
_POSTCODE_WITH_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<code>{_POSTCODE}),?\s{{1,2}}{_HOUSE_NUMBER}|"
    rf"[A-Za-zÀ-ÿ]{{3,}}\s{{1,2}}{_HOUSE_NUMBER},?\s{{1,2}}(?P<code2>{_POSTCODE}))(?![\w])"
)
# fmt: off
_WORDS = frozenset({  # two-letter Dutch (and English) words: "2026 op 12" is no postcode
    "aa", "al", "am", "an", "as", "at", "be", "by", "da", "de", "do", "ee", "en", "er", "ga", "ge", "go", "ha", "he",
    "hi", "ho", "ik", "in", "is", "je", "ja", "ke", "me", "mn", "na", "ne", "nu", "of", "oh", "ok", "om", "on", "op",
    "or", "ov", "pm", "so", "te", "to", "tv", "up", "uw", "we", "wo", "ze", "zo",
})
# fmt: on


def _is_postcode(code: str) -> bool:
    letters = code[-2:]
    if letters.upper() in ("SA", "SD", "SS"):
        return False
    return not (code[4] == " " and letters.islower() and letters in _WORDS)


# IBAN: a country code, two check digits, then the account (BBAN), with or without a space every four characters.
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])")
_IBAN_LENGTHS = {  # ISO 13616 registry: the length of an IBAN per country (SEPA countries and neighbours)
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "CH": 21,
    "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18,
    "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23,
    "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MA": 28, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24,
    "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def is_bsn(digits: str) -> bool:
    """The eleven test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def is_iban(text: str) -> bool:
    """ISO 13616: the country's length, then mod-97 (first four characters moved to the end, letters as 10–35)."""
    value = text.replace(" ", "").upper()
    if not 15 <= len(value) <= 34 or not value[:2].isalpha() or not value[2:4].isdigit() or not value.isalnum():
        return False
    if not value.isascii() or _IBAN_LENGTHS.get(value[:2], len(value)) != len(value):
        return False
    digits = "".join(str(int(c, 36)) for c in value[4:] + value[:4])
    return int(digits) % 97 == 1


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like a citizen's personal data."""

    kind: Kind
    value: str
    line: int
    start: int = 0
    end: int = 0


def personal_data_in_text(text: str, errors_only: bool = False) -> list[Finding]:
    """Real-looking BSNs, IBANs, e-mail addresses, phone numbers and addresses, in the order they appear.

    ``errors_only``: only what blocks an export (BSNs and IBANs), for checks that need nothing else.
    """
    if not text or not _DIGIT_OR_AT.search(text):  # nothing to find without a digit or an @
        return []

    def found(kind: Kind, start: int, end: int) -> Finding:
        return Finding(kind, text[start:end], text.count("\n", 0, start) + 1, start, end)

    findings = [found("iban", start, end) for start, end in _ibans(text)]
    findings += [found("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    taken = [(f.start, f.end) for f in findings]  # digits of an IBAN or an address are not a BSN or phone number

    def free(match: re.Match[str]) -> bool:
        return not any(start < match.end() and match.start() < end for start, end in taken)

    for match in _NINE_DIGITS.finditer(text):
        if free(match) and is_bsn(re.sub(r"\D", "", match.group(1))) and not _NOT_A_BSN.search(text, 0, match.start()):
            findings.append(found("bsn", match.start(), match.end()))
    if errors_only:  # phone numbers and addresses come after: they never change what counts as a BSN or IBAN
        return sorted((f for f in findings if f.kind in ("bsn", "iban")), key=lambda f: f.start)
    findings += [found("phone", m.start(), m.end()) for m in _PHONE.finditer(text) if free(m)]
    taken = [(f.start, f.end) for f in findings]
    for match in _POSTCODE_WITH_NUMBER.finditer(text):
        if free(match) and _is_postcode(match.group("code") or match.group("code2")):
            findings.append(found("postcode", match.start(), match.end()))
    return sorted(findings, key=lambda f: f.start)


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    """Each IBAN in the text, written whole or in groups of four; the longest reading that passes the check."""
    position = 0
    while (start := _IBAN_START.search(text, position)) is not None:
        ends = list(_iban_ends(text, start.start()))
        valid = next((end for end in reversed(ends) if is_iban(text[start.start() : end])), None)
        if valid is None:
            position = start.start() + 1
            continue
        yield start.start(), valid
        position = valid


def _iban_ends(text: str, start: int) -> Iterator[int]:
    """Where an IBAN starting at ``start`` could end: after 15 to 34 characters, at the end of a word."""
    count, i = 0, start
    while i < len(text) and count < 34:
        char = text[i]
        if char == " " and i + 1 < len(text) and text[i + 1].isalnum() and text[i - 1].isalnum():
            i += 1
            continue
        if not (char.isascii() and char.isalnum()):
            break
        count += 1
        i += 1
        if count >= 15 and (i == len(text) or not text[i].isalnum()):
            yield i


def personal_data_problems(draft: Draft | Evaluation, errors_only: bool = False) -> list[Problem]:
    """One problem per field and kind: BSNs and IBANs are errors (they block export), the rest warnings.

    ``errors_only``: only the errors (rescoring every evaluation the aggregation reads needs no more).
    """
    return list(_scan(draft, errors_only))


def _texts(draft: Draft | Evaluation) -> Iterator[tuple[Path, str]]:
    for name in ("evaluator", "agent", "team", "department", "notes"):
        yield (name,), str(getattr(draft, name))
    for criterion_id, answer in draft.answers.items():
        if answer.comment:
            yield ("answers", criterion_id, "comment"), answer.comment
    review = getattr(draft, "review", None)  # an evaluation's response and outcomes (a draft has none)
    for i, entry in enumerate(review.history if review is not None else ()):
        yield ("review", "history", i, "by"), entry.by
        if entry.type == "response":
            yield ("review", "history", i, "comment"), entry.comment
            for j, dispute in enumerate(entry.disputes):
                yield ("review", "history", i, "disputes", j, "comment"), dispute.comment
        else:
            for j, ruling in enumerate(entry.rulings):
                yield ("review", "history", i, "rulings", j, "comment"), ruling.comment
                yield ("review", "history", i, "rulings", j, "after", "comment"), ruling.after.comment


def _scan(draft: Draft | Evaluation, errors_only: bool) -> Iterator[Problem]:
    for path, text in _texts(draft):
        if not text:  # most comments are empty; the aggregation scans every evaluation it reads
            continue
        kinds = {f.kind for f in personal_data_in_text(text, errors_only)}
        for kind, code in KIND_CODES.items():
            if kind in kinds:
                yield Problem(code, path)
