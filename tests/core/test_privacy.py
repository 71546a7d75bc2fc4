"""Personal data of citizens in free text is found before it leaves the browser; ordinary KCC text is left alone."""

from __future__ import annotations

import pytest

from ijkpunt_core.evaluation import Answer, Draft
from ijkpunt_core.privacy import is_bsn, is_iban, personal_data_in_text, personal_data_problems
from ijkpunt_core.problems import Code

DRAFT_ID = "5d0c3f3e-7c1a-4c6b-9a52-1f2e3d4c5b6a"


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("999999990", True),  # 9·(9+8+…+2) − 0 = 396 = 36·11
        ("123456789", False),  # nine digits that fail the eleven test
        ("111222334", False),
        ("987654321", False),
        ("000000000", False),  # passes the arithmetic, is no number
        ("12345678", False),
        ("1234567820", False),
        ("12345678a", False),
    ],
)
def test_eleven_test(digits: str, valid: bool) -> None:
    assert is_bsn(digits) is valid


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("NL91ABNA0417164300", True),
        ("NL91 ABNA 0417 1643 00", True),
        ("nl91abna0417164300", True),  # lower case
        ("NL44RABO0123456789", True),
        ("BE68539007547034", True),
        ("DE89370400440532013000", True),
        ("GB29NWBK60161331926819", True),
        ("FR1420041010050500013M02606", True),
        ("NL91ABNA0417164301", False),  # one digit off: mod-97 fails
        ("NL19ABNA0417164300", False),  # check digits swapped
        ("NL91ABNA041716430", False),  # an NL IBAN has 18 characters
        ("DE8937040044053201300", False),  # a German one 22
        ("XX00", False),
        ("NL91-ABNA-0417-1643-00", False),
    ],
)
def test_iban_check(text: str, valid: bool) -> None:
    assert is_iban(text) is valid


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in personal_data_in_text(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # BSN: whole, and in the groups people write it in
        ("bsn 111222333 genoemd", ("bsn", "111222333")),
        ("BSN: 1112.22.333", ("bsn", "1112.22.333")),
        ("burgerservicenummer 111 222 333.", ("bsn", "111 222 333")),
        ("bsn-nummer 123-456-782", ("bsn", "123-456-782")),
        # IBAN: with and without spaces, any case, foreign, in a sentence
        ("storten op NL91ABNA0417164300 graag", ("iban", "NL91ABNA0417164300")),
        ("rekening NL91 ABNA 0417 1643 00 van mevrouw", ("iban", "NL91 ABNA 0417 1643 00")),
        ("iban nl91abna0417164300.", ("iban", "nl91abna0417164300")),
        ("Belgische rekening BE68 5390 0754 7034", ("iban", "BE68 5390 0754 7034")),
        ("DE89 3704 0044 0532 0130 00 (Duitse bank)", ("iban", "DE89 3704 0044 0532 0130 00")),
        # phone numbers: mobile and landline, national and international, with spaces and dashes
        ("belt terug op 06-12345678", ("phone", "06-12345678")),
        ("06 1234 5678", ("phone", "06 1234 5678")),
        ("06 12 34 56 78", ("phone", "06 12 34 56 78")),
        ("0612345678", ("phone", "0612345678")),
        ("06 - 12345678", ("phone", "06 - 12345678")),
        ("+31 6 12345678", ("phone", "+31 6 12345678")),
        ("+31612345678", ("phone", "+31612345678")),
        ("0031 6 12345678", ("phone", "0031 6 12345678")),
        ("0031612345678", ("phone", "0031612345678")),
        ("+31 (0)6 12345678", ("phone", "+31 (0)6 12345678")),
        ("+31 (0)6-1234 5678", ("phone", "+31 (0)6-1234 5678")),
        ("tel. 010-1234567", ("phone", "010-1234567")),
        ("010 123 4567", ("phone", "010 123 4567")),
        ("020 - 123 45 67", ("phone", "020 - 123 45 67")),
        ("(010) 1234567", ("phone", "(010) 1234567")),
        ("+31 10 1234567", ("phone", "+31 10 1234567")),
        ("0512 123456", ("phone", "0512 123456")),
        ("0512-12 34 56", ("phone", "0512-12 34 56")),
        # e-mail
        ("Mailde naar j.jansen@example.nl.", ("email", "j.jansen@example.nl")),
        ("piet+kcc@mail.gemeente-x.nl", ("email", "piet+kcc@mail.gemeente-x.nl")),
        # postcode with house number, after or before it
        ("woont op 1234 AB 12", ("postcode", "1234 AB 12")),
        ("1234AB 12a", ("postcode", "1234AB 12a")),
        ("1234 ab, 12-3", ("postcode", "1234 ab, 12-3")),
        ("3511 CE 7 bis", ("postcode", "3511 CE 7 bis")),
        ("Dorpsstraat 12, 1234 AB Utrecht", ("postcode", "Dorpsstraat 12, 1234 AB")),
    ],
)
def test_personal_data_is_found(text: str, found: tuple[str, str]) -> None:
    assert kinds(text) == [found]
    # the quick check for what blocks an export finds exactly the BSNs and IBANs of the full one
    errors = [(f.kind, f.value) for f in personal_data_in_text(text, errors_only=True)]
    assert errors == [k for k in kinds(text) if k[0] in ("bsn", "iban")]


@pytest.mark.parametrize(
    "text",
    [
        # dates and times
        "Contact op 24-11-2026 om 14:30, terugbelafspraak 2026-11-24 09:15.",
        "Op 06-11-2026 14 minuten in de wacht gezet.",
        "06.11.2026 14:30 gebeld, 01-02-2026 om 09:15 teruggebeld",
        "in 2026 op 12 november",
        # amounts in euro
        "Aanslag van € 1.234,56 besproken, restant EUR 123.456.782 (begroting).",
        "€ 123.456.782",
        "123456789 cent",  # nine digits that fail the eleven test
        # case numbers and references
        "zaaknummer Z-2026-000123",
        "melding 2026-0012345 doorgezet",
        "zaaknummer 123456782",  # passes the eleven test, but is labelled as a case number
        "kenmerk: 111222333",
        "Z-123456782",
        "kenmerk 2026/0612345678",
        # criterion ids, versions, percentages, ordinary counts
        "identiteit-vastgesteld en persoonsgegevens-alleen-indien-nodig voldaan",
        "checklist versie 2.0.0, tool 0.1.0",
        "85% tevreden, 3 keer doorverbonden, wachttijd 120 seconden",
        # numbers that are not a citizen's
        "Verwezen naar 14 020 of 0800-1234, 0900-1234567",
        "postcode 1234 AB zonder huisnummer",
        "agent A123, team-noord",
        # almost an IBAN
        "NL91ABNA0417164301",
    ],
)
def test_ordinary_kcc_text_is_left_alone(text: str) -> None:
    assert kinds(text) == []


def test_findings_are_in_order_and_on_their_line() -> None:
    text = "Regel een.\nBSN-nummer: 123456782, tel 06-87654321,\nIBAN NL91ABNA0417164300, a@b.nl, Kerkstraat 1, 1234 AB"
    found = [(f.kind, f.line) for f in personal_data_in_text(text)]
    assert found == [("bsn", 2), ("phone", 2), ("iban", 3), ("email", 3), ("postcode", 3)]


def test_the_digits_of_an_iban_are_not_also_a_bsn_or_phone_number() -> None:
    # NL IBANs hold ten account digits: they must not be read a second time as a phone number
    assert [f.kind for f in personal_data_in_text("NL19RABO0612345678")] == ["iban"]
    assert [f.kind for f in personal_data_in_text("NL19 RABO 0612 3456 78")] == ["iban"]
    assert [f.kind for f in personal_data_in_text("NL82INGB0111222333")] == ["iban"]


def codes(**fields: object) -> list[tuple[str, tuple[str | int, ...]]]:
    draft = Draft.model_validate({"id": DRAFT_ID, **fields})
    return [(p.code, p.path) for p in personal_data_problems(draft)]


def test_bsn_in_a_comment_is_an_error_with_its_place() -> None:
    found = codes(answers={"groet": Answer(option="ja", comment="bsn 1112.22.333 genoemd")})
    assert found == [(Code.BSN_IN_TEXT, ("answers", "groet", "comment"))]


def test_iban_in_a_comment_is_an_error_like_a_bsn() -> None:
    draft = Draft.model_validate(
        {"id": DRAFT_ID, "answers": {"uitleg": Answer(option="ja", comment="terugstorten op NL91 ABNA 0417 1643 00")}}
    )
    problems = personal_data_problems(draft)
    assert [(p.code, p.path, p.severity) for p in problems] == [
        (Code.IBAN_IN_TEXT, ("answers", "uitleg", "comment"), "error")
    ]


def test_email_phone_and_address_are_warnings() -> None:
    draft = Draft.model_validate(
        {"id": DRAFT_ID, "notes": "Mailde naar j.jansen@example.nl, belt op 06-12345678, woont 1234 AB 12"}
    )
    assert [(p.code, p.path, p.severity) for p in personal_data_problems(draft)] == [
        (Code.EMAIL_IN_TEXT, ("notes",), "warning"),
        (Code.PHONE_IN_TEXT, ("notes",), "warning"),
        (Code.POSTCODE_IN_TEXT, ("notes",), "warning"),
    ]


def test_one_problem_per_field_and_kind() -> None:
    assert codes(notes="06-12345678 of 06-87654321", team="111222333") == [
        (Code.BSN_IN_TEXT, ("team",)),
        (Code.PHONE_IN_TEXT, ("notes",)),
    ]


def test_ordinary_text_and_numbers_pass() -> None:
    assert codes(notes="Wachttijd 120 seconden, 3 keer doorverbonden, zaaknummer 123456789", agent="A123") == []
