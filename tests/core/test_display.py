"""Numbers and dates as each language writes them (handbook, reports, CLI)."""

from __future__ import annotations

from datetime import date

from ijkpunt_core.display import decimal, long_date, number


def test_dutch_writes_a_decimal_comma_and_english_a_point() -> None:
    assert decimal(66.6667, 1, "nl") == "66,7" and decimal(66.6667, 1, "en") == "66.7"
    assert decimal(-0.12, 2, "nl") == "−0,12" and decimal(-0.001, 1, "en") == "0.0"
    assert decimal(None) == "—"
    assert number(1.5, "nl") == "1,5" and number(1.5, "en") == "1.5" and number(2.0, "en") == "2"


def test_dates_are_written_out_in_the_language() -> None:
    assert long_date(date(2026, 11, 29), "nl") == "29 november 2026"
    assert long_date(date(2026, 11, 29), "en") == "29 November 2026"
    assert long_date(date(2027, 3, 1), "nl") == "1 maart 2027"
