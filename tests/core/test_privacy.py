"""Personal data of citizens in free text is found before it leaves the browser."""

from __future__ import annotations

import pytest

from ijkpunt_core.evaluation import Answer, Draft
from ijkpunt_core.privacy import is_bsn, personal_data_problems
from ijkpunt_core.problems import Code

DRAFT_ID = "5d0c3f3e-7c1a-4c6b-9a52-1f2e3d4c5b6a"


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
    ],
)
def test_eleven_test(digits: str, valid: bool) -> None:
    assert is_bsn(digits) is valid


def codes(**fields: object) -> list[tuple[str, tuple[str | int, ...]]]:
    draft = Draft.model_validate({"id": DRAFT_ID, **fields})
    return [(p.code, p.path) for p in personal_data_problems(draft)]


def test_bsn_in_a_comment_is_an_error_with_its_place() -> None:
    found = codes(answers={"groet": Answer(option="ja", comment="bsn 1112.22.333 genoemd")})
    assert found == [(Code.BSN_IN_TEXT, ("answers", "groet", "comment"))]


def test_email_and_phone_are_warnings() -> None:
    assert codes(notes="Mailde naar j.jansen@example.nl, belt terug op 06-12345678") == [
        (Code.EMAIL_IN_TEXT, ("notes",)),
        (Code.PHONE_IN_TEXT, ("notes",)),
    ]


def test_ordinary_text_and_numbers_pass() -> None:
    assert codes(notes="Wachttijd 120 seconden, 3 keer doorverbonden, zaaknummer 123456789", agent="A123") == []
