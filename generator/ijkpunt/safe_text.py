"""Author text into handbook Markdown without letting it become markup.

The handbook pages are Markdown that mkdocs turns into HTML, so a text placed
in them is read twice. Every text from a checklist goes through one of two
filters:

* :func:`plain` — titles, labels, table cells, navigation: shown exactly as
  written. HTML and Markdown characters become character references, which
  Markdown leaves alone and the browser shows as the character.
* :func:`rich` — definitions, indicators, examples, notes: a small Markdown
  subset (emphasis, inline code, links) rendered once, cleaned by nh3 (the
  maintained Rust sanitiser *ammonia*) with an allow-list of tags and link
  schemes, then protected like plain text so mkdocs cannot read it again.

The core already refuses raw HTML and non-web links in checklists with a
diagnostic; these filters make sure that whatever gets through is harmless.
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"em", "strong", "code", "a", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters that HTML or Python-Markdown (with attr_list, md_in_html, tables) would act on.
_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-.!|~^=$"}
_SPECIAL_RE = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")
_TAG = re.compile(r"(<[^>]*>)")


def _protect(text: str) -> str:
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)


def plain(text: object) -> Markup:
    """A text shown as written, on one line, safe in Markdown, HTML and attribute values."""
    return Markup(_protect(" ".join(str(text).split())))


def rich(text: object) -> Markup:
    """A text with emphasis, code and links, sanitised and safe from a second Markdown pass."""
    html = markdown.markdown(str(text), output_format="html")
    html = re.sub(r"</p>\s*<p>", "<br><br>", html)
    html = re.sub(r"^\s*<p>|</p>\s*$", "", html)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )
    # Text between tags is protected; the tags nh3 kept are its own well-formed output.
    parts = _TAG.split(cleaned.replace("\n", " "))
    return Markup("".join(part if part.startswith("<") else _text_node(part) for part in parts))


_MARKDOWN_IN_TEXT = re.compile(r"&#?[0-9A-Za-z]+;|[\\`*_{}\[\]()#+!|~^=$]")


def _text_node(text: str) -> str:
    # nh3 escaped &, < and > already (entities stay as they are); shield only what Markdown would read.
    return _MARKDOWN_IN_TEXT.sub(lambda m: m.group(0) if m.group(0).startswith("&") else _SPECIAL[m.group(0)], text)
