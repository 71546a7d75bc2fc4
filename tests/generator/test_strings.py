"""The site's string catalogues (site/i18n): complete in both languages, every key in use exists, every key
is used, and a site rendered in English holds no Dutch from the catalogue."""

from __future__ import annotations

import html
import json
import re
import string
from pathlib import Path

import pytest

from ijkpunt.pages import Site, render_pages
from ijkpunt.project import load_project
from ijkpunt.render import Renderer, Strings
from ijkpunt.schemas import schema_files

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "site" / "i18n"
TEMPLATES = ROOT / "site" / "templates"
LANGS = ("nl", "en")
# t("key", …) in the templates and the generator; group("prefix") hands out every key under a prefix
TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([\w.-]+)["']""")
GROUP_PREFIX = re.compile(r"""\.group\(\s*f?["']([\w-]+(?:\.[\w-]+)*)""")
# the mkdocs theme reads the keys under `theme.` from config.extra.strings, bound to `strings` in the template
THEME_KEY = re.compile(r"\bstrings\.(\w+)")
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


def _read(files: list[Path]) -> str:
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def template_and_code_keys() -> set[str]:
    """Keys named in t(…) by the templates, the theme and the generator's modules."""
    files = [
        *TEMPLATES.glob("*.j2"),
        *(ROOT / "site" / "theme").rglob("*.html"),
        *(ROOT / "generator" / "ijkpunt").glob("*.py"),
    ]
    return set(TEMPLATE_KEY.findall(_read(files)))


def theme_keys() -> set[str]:
    return {f"theme.{name}" for name in THEME_KEY.findall(_read(list((ROOT / "site" / "theme").rglob("*.html"))))}


def script_keys() -> set[str]:
    return set(SCRIPT_KEY.findall(_read(list((ROOT / "site" / "assets").glob("*.js")))))


def group_prefixes() -> set[str]:
    """Prefixes handed out whole by Strings.group(); `theme` is checked key by key against the theme instead."""
    return set(GROUP_PREFIX.findall(_read(list((ROOT / "generator" / "ijkpunt").glob("*.py"))))) - {"theme"}


def test_every_key_the_templates_theme_and_generator_use_exists_in_both_languages(
    catalogues: dict[str, dict[str, str]],
) -> None:
    used = template_and_code_keys() | theme_keys()
    assert {"nav.home", "checklist.definition", "reference.type.list", "theme.not_found_title"} <= used, (
        "t() calls not found: has the template syntax changed?"
    )
    for lang, catalogue in catalogues.items():
        assert sorted(used - set(catalogue)) == [], f"missing in {lang}.yaml"
    prefixes = group_prefixes()
    assert {"kind", "kpi", "mode", "outcome"} <= prefixes
    assert [p for p in prefixes if not any(k.startswith(p + ".") for k in catalogues["nl"])] == []


def test_every_key_in_the_catalogue_is_used(catalogues: dict[str, dict[str, str]]) -> None:
    used = template_and_code_keys() | theme_keys() | script_keys()
    prefixes = tuple(p + "." for p in group_prefixes())
    unused = [k for k in catalogues["nl"] if k not in used and not k.startswith(prefixes)]
    assert unused == [], "not used by any template, theme file, module or script: remove them from both catalogues"


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


def test_the_theme_gets_its_strings_and_the_footer_from_the_catalogue(catalogues: dict[str, dict[str, str]]) -> None:
    settings = render_pages(load_project(ROOT), Renderer(TEMPLATES, "en"), "en").settings
    en = catalogues["en"]
    assert settings["extra"]["strings"] == {
        k.removeprefix("theme."): v for k, v in en.items() if k.startswith("theme.")
    }
    assert (settings["copyright"], settings["site_description"]) == (en["site.copyright"], en["site.description"])
    assert settings["theme"] == {"language": "en"}


def test_built_404_page_and_footer_say_what_the_catalogue_says(
    public: Path, catalogues: dict[str, dict[str, str]]
) -> None:
    # mkdocs renders the theme, not our Jinja environment: the build hands it the strings as config.extra.strings
    nl = catalogues["nl"]
    page = html.unescape((public / "404.html").read_text(encoding="utf-8"))
    for key in ("theme.not_found_title", "theme.not_found_text", "theme.not_found_home", "site.copyright"):
        assert nl[key] in page, key
    assert nl["site.copyright"] in html.unescape((public / "index.html").read_text(encoding="utf-8"))


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


@pytest.fixture(scope="module")
def english_site() -> Site:
    return render_pages(load_project(ROOT), Renderer(TEMPLATES, "en"), "en")


def dutch_needles(catalogues: dict[str, dict[str, str]]) -> set[str]:
    """Every piece of Dutch text (between parameters) longer than 12 characters that English says differently,
    except text that also occurs in the checklists, the calibration kits, the worked example or the models' field
    descriptions: those are Dutch by nature."""
    nl, en = catalogues["nl"], catalogues["en"]
    pieces = {
        literal.strip().lower()
        for key, text in nl.items()
        if text != en[key]
        for literal, _, _, _ in string.Formatter().parse(text)
        if len(literal.strip()) > 12
    }
    content = [
        *(ROOT / "checklists").rglob("*.yaml"),
        *(ROOT / "checklists").rglob("*.json"),
        *(ROOT / "calibration_kits").rglob("*.yaml"),
        *(ROOT / "calibration_kits").rglob("*.md"),
        *(p for p in (ROOT / "site" / "examples").rglob("*") if p.is_file()),
    ]
    schemas = [json.dumps(json.loads(text), ensure_ascii=False) for text in schema_files().values()]
    dutch_by_nature = "\n".join([_read(content), *schemas]).lower()
    return {piece for piece in pieces if piece not in dutch_by_nature}


def test_a_site_rendered_in_english_holds_no_dutch_from_the_catalogue(
    english_site: Site, catalogues: dict[str, dict[str, str]]
) -> None:
    needles = dutch_needles(catalogues)
    assert len(needles) > 100, "the check would prove nothing"
    pages = english_site.pages
    assert {"index.md", "handboek/kcc-telefoon.md", "handboek/scores.md", "handboek/formaat.md", "downloads.md"} <= set(
        pages
    )
    found = {name: sorted(n for n in needles if n in html.unescape(text).lower()) for name, text in pages.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert (
        "[how scores are calculated](handboek/scores.md)" in pages["index.md"]
        and "What do you look for?" in pages["handboek/kcc-telefoon.md"]
    )
    nav = json.dumps(english_site.nav, ensure_ascii=False)
    assert "Handbook" in nav and "Handboek" not in nav
