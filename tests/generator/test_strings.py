"""The site's string catalogues (site/i18n): complete in both languages, and every key in use exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from ijkpunt.render import Strings

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "site" / "i18n"
LANGS = ("nl", "en")
TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([\w.-]+)["']""")
SCRIPT_KEY = re.compile(r"""["'](js\.[\w.-]+)["']""")
NAV_KEYS = ("nav.home", "nav.handbook", "nav.scores", "nav.format", "nav.scoring", "nav.downloads")


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[str, str]]:
    return {lang: Strings(I18N, lang).catalogue for lang in LANGS}


def params(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_no_empty_string(catalogues: dict[str, dict[str, str]]) -> None:
    nl, en = catalogues["nl"], catalogues["en"]
    assert sorted(set(nl) - set(en)) == [], "missing in en.yaml"
    assert sorted(set(en) - set(nl)) == [], "missing in nl.yaml"
    for lang, catalogue in catalogues.items():
        assert [k for k, v in catalogue.items() if not v.strip()] == [], f"empty in {lang}.yaml"


def test_both_languages_take_the_same_parameters(catalogues: dict[str, dict[str, str]]) -> None:
    nl, en = catalogues["nl"], catalogues["en"]
    assert [k for k in nl if params(nl[k]) != params(en[k])] == []


def test_every_key_the_templates_use_exists(catalogues: dict[str, dict[str, str]]) -> None:
    files = [*(ROOT / "site" / "templates").glob("*.j2"), *(ROOT / "site" / "theme").rglob("*.html")]
    used = {key for f in files for key in TEMPLATE_KEY.findall(f.read_text(encoding="utf-8"))}
    assert used, "no t() calls found: has the template syntax changed?"
    assert sorted(used - set(catalogues["nl"])) == []


def test_every_key_the_scripts_use_exists_and_is_shipped_to_them(catalogues: dict[str, dict[str, str]]) -> None:
    used = {key for f in (ROOT / "site" / "assets").glob("*.js") for key in SCRIPT_KEY.findall(f.read_text("utf-8"))}
    assert {"js.watchdog.file", "js.watchdog.timeout", "js.status.ready"} <= used
    assert sorted(used - set(catalogues["nl"])) == []
    assert set(Strings(I18N).script_strings()) >= used


def test_navigation_labels_are_in_the_catalogue(catalogues: dict[str, dict[str, str]]) -> None:
    assert [catalogues["nl"][k] for k in NAV_KEYS] == [
        "Home",
        "Handboek",
        "Hoe scores worden berekend",
        "Formaat voor auteurs",
        "Scoren",
        "Downloads",
    ]


def test_the_theme_404_page_says_what_the_catalogue_says(catalogues: dict[str, dict[str, str]]) -> None:
    # mkdocs renders the theme, not our Jinja environment: the texts are written out and kept equal here
    page = (ROOT / "site" / "theme" / "404.html").read_text(encoding="utf-8")
    for key in ("page.not_found_title", "page.not_found_text", "page.not_found_home"):
        assert catalogues["nl"][key] in page, key


def test_a_missing_key_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"nav\.nergens"):
        Strings(I18N)("nav.nergens")


def test_built_scoring_page_has_no_inline_executable_script(public: Path) -> None:
    page = (public / "scoren" / "kcc-telefoon" / "index.html").read_text(encoding="utf-8")
    html = page[page.index('class="ijk-form-page"') : page.index("</article>")]  # ours, not the theme's
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    inline = [attrs for attrs, body in scripts if body.strip() and 'type="application/json"' not in attrs]
    assert inline == []
    assert 'id="ijk-strings"' in html and "watchdog.js" in html


def test_no_page_links_to_material_for_mkdocs(public: Path) -> None:
    pages = [p for p in public.rglob("*.html") if "Made with" in p.read_text(encoding="utf-8")]
    assert pages == []
    assert "squidfunk" not in (public / "index.html").read_text(encoding="utf-8")
