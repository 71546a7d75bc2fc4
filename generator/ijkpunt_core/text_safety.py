"""Texts are text: refuse HTML and links that could run code, wherever a document holds text.

Checklists (and later kits) are written by people, published on a municipal
website and shown in scoring forms. The site renders every text as text or
through a sanitiser; this check tells the author at once, with the place,
instead of silently dropping what they wrote.
"""

from __future__ import annotations

import re
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
