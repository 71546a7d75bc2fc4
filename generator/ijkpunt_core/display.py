"""Numbers and dates as each language writes them: Dutch 66,7 and 29 november 2026, English 66.7 and
29 November 2026. One place for the handbook, the reports and the CLI; the pages' scripts use Intl with the
page's language, which writes the same.
"""

from __future__ import annotations

import datetime as dt

from .problems import Lang

MONTHS: dict[Lang, tuple[str, ...]] = {
    "nl": tuple(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ]
    ),
    "en": tuple(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
}


def decimal(value: float | None, digits: int = 1, lang: str = "nl") -> str:
    """12.5 → "12,5" in Dutch and "12.5" in English; None → "—"; minus as a real minus sign."""
    if value is None:
        return "—"
    text = f"{abs(value):.{digits}f}"
    if lang == "nl":
        text = text.replace(".", ",")
    return f"−{text}" if value < 0 and text.strip("0,.") else text


def number(value: float, lang: str = "nl") -> str:
    """A number as short as it is exact (`%g`): 1.5 → "1,5" in Dutch, "1.5" in English; 2.0 → "2"."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def long_date(day: dt.date, lang: str = "nl") -> str:
    """29 november 2026 (Dutch), 29 November 2026 (English)."""
    months = MONTHS["en" if lang == "en" else "nl"]
    return f"{day.day} {months[day.month - 1]} {day.year}"
