"""Texts are text: refuse HTML and links that could run code, wherever a document holds text.

Checklists (and later kits) are written by people, published on a municipal
website and shown in scoring forms. The site renders every text as text or
through a sanitiser; this check tells the author at once, with the place,
instead of silently dropping what they wrote.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from .problems import Code, Path, Problem

# A tag or comment as a browser would read it; Markdown autolinks (<https://…>) are not HTML.
_TAG = re.compile(r"<!--|<\s*/?\s*(?!(?:https?|mailto):)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^<>]*>?", re.I)
# Markdown link targets: [text](target), [id]: target, <scheme:…>.
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?\s*([^)\s>]+)"),
    re.compile(r"^\s*\[[^\]]+\]:\s*<?\s*(\S+)", re.M),
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def unsafe_text_problems(document: object, path: Path = ()) -> Iterator[Problem]:
    """HTML tags and non-web link targets in every string of a parsed document."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield from unsafe_text_problems(value, (*path, key))
    elif isinstance(document, list):
        for i, value in enumerate(document):
            yield from unsafe_text_problems(value, (*path, i))
    elif isinstance(document, str):
        yield from _text_problems(document, path)


def _text_problems(text: str, path: Path) -> Iterator[Problem]:
    tag = _TAG.search(text)
    if tag:
        yield Problem(Code.RAW_HTML, path, {"tag": tag.group(0)[:40]})
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(text):
            target = "".join(match.group(1).split())
            scheme = _SCHEME.match(target)
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                yield Problem(Code.UNSAFE_LINK, path, {"target": target[:60]})


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection"): `=HYPERLINK(…)`,
# `@SUM(…)`, `+cmd|…`, a tab or return before any of them. Names and comments come from files anyone can write.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_text(text: str) -> str:
    """A text for a CSV cell that a spreadsheet shows as text: a leading formula character gets a `'` before it.

    Only for texts: numbers are written by the caller (a negative number must stay a number).
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


MAX_DIGITS = sys.get_int_max_str_digits() or 4300
"""Python refuses to read an integer of more digits (a guard against slow conversion); no field needs one."""
LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")
