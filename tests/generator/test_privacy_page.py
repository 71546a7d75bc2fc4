"""The privacy page (site/pages/<lang>/privacy.md) says what the site really does: every place the scripts store
something and every field of an export is on it, in both languages; it is in the navigation and in every footer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ijkpunt.pages import PRIVACY_GUIDE, render_pages
from ijkpunt.project import load_project
from ijkpunt.render import Renderer
from ijkpunt_core.evaluation import Evaluation

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "site" / "assets"
LANGS = ("nl", "en")


def page(lang: str) -> str:
    return (ROOT / "site" / "pages" / lang / f"{PRIVACY_GUIDE}.md").read_text(encoding="utf-8")


LEGACY = {"ijkpunt:draft:"}
"""Written by versions before 0.3; storage.js only reads these, turns them into records and removes them."""


def stored_keys() -> set[str]:
    """The prefixes of every browser storage key the site's scripts write (`ijkpunt:evaluation:` …)."""
    found: set[str] = set()
    for script in sorted(ASSETS.glob("*.js")):
        found |= set(re.findall(r"[`\"'](ijkpunt:[a-z-]+:)", script.read_text(encoding="utf-8")))
    return found - LEGACY


def test_the_scripts_store_under_the_keys_we_know_of() -> None:
    """If a script starts storing something new, the privacy page must say so: this test then fails first."""
    assert stored_keys() == {"ijkpunt:evaluation:", "ijkpunt:training:", "ijkpunt:training-draft:", "ijkpunt:session:"}
    service_worker = (ROOT / "site" / "service-worker.js").read_text(encoding="utf-8")
    assert 'const PREFIX = "ijkpunt-";' in service_worker
    assert not re.search(r"document\.cookie|indexedDB|sendBeacon|XMLHttpRequest", _all_scripts())


def _all_scripts() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.js")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_storage_place_and_export_field_is_on_the_page(lang: str) -> None:
    text = page(lang)
    for key in stored_keys():
        assert f"`{key}…`" in text, key
    assert "`ijkpunt-…`" in text  # the service worker's cache
    for name in Evaluation.model_fields:
        assert f"`{name}`" in text, name


@pytest.mark.parametrize("lang", LANGS)
def test_the_legal_references_are_the_ones_we_checked(lang: str) -> None:
    """The articles cited, in either language's notation; a new reference must be checked and added here."""
    text = page(lang)
    nl = lang == "nl"
    expected = (
        ["artikel 27 lid 1 onder l", "artikel 27 lid 5", "artikel 35", "artikel 13", "artikel 15", "artikel 21"]
        if nl
        else ["Article 27(1)(l)", "Article 27(5)", "Article 35", "Article 13", "Article 15", "Article 21"]
    )
    for reference in expected:
        assert reference in text, reference
    cited = re.findall(r"(?:artikel|Article) (\d+)", text)
    assert set(cited) <= {"5", "6", "13", "15", "16", "17", "21", "22", "27", "30", "32", "35"}, cited


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_last_in_the_handbook_and_linked_from_the_footer(lang: str) -> None:
    site = render_pages(load_project(ROOT), Renderer(ROOT / "site" / "templates", lang), lang)  # type: ignore[arg-type]
    handbook = next(entries for item in site.nav for entries in item.values() if isinstance(entries, list))
    assert list(handbook[-1].values()) == [f"handboek/{PRIVACY_GUIDE}.md"]
    assert site.pages[f"handboek/{PRIVACY_GUIDE}.md"].startswith("# Privacy")
    footer = (ROOT / "site" / "theme" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert "{{ 'handboek/privacy/' | url }}" in footer and "strings.privacy_link" in footer
    assert site.settings["extra"]["strings"]["privacy_link"].startswith("Privacy")
