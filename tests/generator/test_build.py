"""The built site: pages, anchors, downloads, vendored runtime, and nothing from another host."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

from ijkpunt.pages import Site
from ijkpunt.project import load_checklist_file, load_project
from ijkpunt.schemas import schema_files
from ijkpunt.vendor import RUNTIME_FILES

CHECKLISTS = ("kcc-telefoon", "kcc-email", "kcc-chat")


class _Collector(HTMLParser):
    """Ids, links and the text of a page, as a reader's tools would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("src", "href") and value:
                self.refs.append((tag, name, value))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_every_page_is_built(public: Path) -> None:
    expected = ["index.html", "handboek/scores/index.html", "handboek/formaat/index.html", "downloads/index.html"]
    expected += [f"handboek/{c}/index.html" for c in CHECKLISTS] + [f"scoren/{c}/index.html" for c in CHECKLISTS]
    assert [p for p in expected if not (public / p).is_file()] == []


def test_home_explains_and_links_handbook_and_forms(public: Path) -> None:
    home = parse(public / "index.html")
    text = " ".join(home.text)
    assert "Klant Contact Centrum" in text
    links = {value for tag, _, value in home.refs if tag == "a"}
    for checklist in CHECKLISTS:
        assert f"handboek/{checklist}/" in links
        assert f"scoren/{checklist}/" in links


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_handbook_has_an_anchor_per_criterion(public: Path, project_root: Path, checklist_id: str) -> None:
    checklist = load_checklist_file(project_root / "checklists" / f"{checklist_id}.yaml").value
    assert checklist is not None
    page = parse(public / "handboek" / checklist_id / "index.html")
    criterion_ids = {c.id for c in checklist.criteria()}
    assert criterion_ids <= page.ids
    assert {"relatievraag", "uitkomst", "bronnen"} <= page.ids
    assert {f"bron-{s}" for s in checklist.sources} <= page.ids
    # every "Uitleg" link on the form lands on one of these anchors
    form = parse(public / "scoren" / checklist_id / "index.html")
    fragments = {v.split("#", 1)[1] for t, _, v in form.refs if t == "a" and f"handboek/{checklist_id}/#" in v}
    assert fragments and fragments <= page.ids


def test_downloads_are_the_sources_and_generated_schemas(public: Path, project_root: Path) -> None:
    for checklist_id in CHECKLISTS:
        source = (project_root / "checklists" / f"{checklist_id}.yaml").read_bytes()
        assert (public / "downloads" / f"{checklist_id}.yaml").read_bytes() == source
    for name, text in schema_files().items():
        assert json.loads((public / "downloads" / name).read_text(encoding="utf-8")) == json.loads(text)
    page = parse(public / "downloads" / "index.html")
    linked = {v.rsplit("/", 1)[-1] for t, _, v in page.refs if t == "a"}
    assert {f"{c}.yaml" for c in CHECKLISTS} | set(schema_files()) <= linked


def test_every_checklist_version_is_published_by_content_hash(public: Path, project_root: Path) -> None:
    index = json.loads((public / "data" / "checklists" / "index.json").read_text(encoding="utf-8"))
    project = load_project(project_root)
    assert len(index["checklists"]) == len(project.versions()) >= len(CHECKLISTS)
    for entry in index["checklists"]:
        published = json.loads((public / entry["url"]).read_text(encoding="utf-8"))
        assert published["id"] == entry["id"] and published["version"] == entry["version"]
        assert entry["current"] == (entry["content_hash"] in {c.content_hash() for c in project.current()})
        assert entry["url"].endswith(entry["content_hash"].removeprefix("sha256:") + ".json")


def test_runtime_and_wheels_are_vendored_with_a_checked_lock(public: Path) -> None:
    runtime = public / "pyodide"
    assert all((runtime / name).stat().st_size > 0 for name in RUNTIME_FILES)
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert set(lock["packages"]) == {
        "ijkpunt-core",
        "pydantic",
        "pydantic-core",
        "typing-extensions",
        "annotated-types",
        "typing-inspection",
    }
    for entry in lock["packages"].values():
        wheel = runtime / entry["file_name"]
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"], wheel.name
        assert set(entry["depends"]) <= set(lock["packages"])
    assert lock["packages"]["pydantic"]["version"] == "2.14.3"
    assert lock["packages"]["ijkpunt-core"]["imports"] == ["ijkpunt_core"]
    assert (public / "web.config").is_file()


def test_worked_example_shows_the_score_the_core_computes(built: tuple[Site, Path], project_root: Path) -> None:
    example = load_project(project_root).example
    assert example is not None
    assert example.scores.complete and example.scores.quality is not None
    text = " ".join(parse(built[1] / "handboek" / "scores" / "index.html").text)
    shown = f"{example.scores.quality:.1f}".replace(".", ",")
    assert f"Kwaliteitsscore: {shown}" in text
    assert example.critical_scores.passed is False
    assert "kritiek criterium" in text


# What would make a browser contact another host: tags that load things, and fetch/import with a URL literal.
FOREIGN = [
    re.compile(r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"\bfetch\(\s*[\"'`](?:https?:)?//", re.I),
    re.compile(r"\bimport\s*\(\s*[\"'`](?:https?:)?//", re.I),
    re.compile(r"\bimport\b[^;\n]*?\bfrom\s*[\"'`](?:https?:)?//", re.I),
    re.compile(r"@import\s+(?:url\()?[\"']?(?:https?:)?//", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"importScripts\(\s*[\"'`](?:https?:)?//", re.I),
]


def test_nothing_in_the_output_loads_from_another_host(public: Path) -> None:
    offenders = []
    for path in public.rglob("*"):
        if path.suffix not in {".html", ".js", ".mjs", ".css", ".json", ".xml", ".webmanifest"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in FOREIGN:
            offenders += [f"{path.relative_to(public)}: {m.group(0)[:120]}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_foreign_host_check_catches_what_it_should() -> None:
    bad = [
        '<script src="https://cdn.example.org/x.js"></script>',
        "<link rel=stylesheet href=//fonts.example.com/css>",
        'fetch("https://stats.example.net/p")',
        'import { x } from "https://esm.example.com/x.mjs";',
        "body { background: url('https://img.example.com/a.png') }",
    ]
    assert all(any(p.search(snippet) for p in FOREIGN) for snippet in bad)
    assert not any(p.search('<a href="https://example.org">bron</a> <script src="../x.js">') for p in FOREIGN)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("pyodide/pyodide.asm.wasm", "application/wasm"),
        ("pyodide/pyodide.mjs", "text/javascript"),
        ("assets/ijkpunt/worker.js", "text/javascript"),
        ("pyodide/pyodide-lock.json", "application/json"),
    ],
)
def test_local_server_sends_the_types_the_form_needs(site_url: str, path: str, content_type: str) -> None:
    with urlopen(Request(site_url + path, method="HEAD")) as response:
        assert response.headers.get_content_type() == content_type


def test_local_server_serves_wheels_as_zip(site_url: str, public: Path) -> None:
    wheel = next((public / "pyodide").glob("ijkpunt_core-*.whl")).name
    with urlopen(Request(f"{site_url}pyodide/{wheel}", method="HEAD")) as response:
        assert response.headers.get_content_type() == "application/zip"


def theme_bundles(page: Path) -> list[str]:
    return re.findall(r"<script\b[^>]*bundle\.[0-9a-f]+\.min\.js[^>]*>", page.read_text(encoding="utf-8"))


def test_form_pages_load_the_theme_script_on_demand_so_the_form_takes_input_early(public: Path) -> None:
    """site/theme/main.html: on a form the bundle waits for Python (or the visitor) instead of running at start."""
    for form in sorted((public / "scoren").glob("*/index.html")):
        bundles = theme_bundles(form)
        assert bundles and all('type="text/x-ijk-on-demand"' in tag for tag in bundles), (form, bundles)
        assert "assets/ijkpunt/theme-on-demand.js" in form.read_text(encoding="utf-8")


def test_other_pages_defer_the_theme_script(public: Path) -> None:
    for page in [public / "index.html", *sorted((public / "handboek").glob("*/index.html"))]:
        bundles = theme_bundles(page)
        assert bundles and all(" defer" in tag and "x-ijk-on-demand" not in tag for tag in bundles), (page, bundles)


def test_the_format_reference_explains_every_part_and_field_in_dutch(public: Path, project_root: Path) -> None:
    from ijkpunt.pages import format_reference
    from ijkpunt.render import Strings

    for fmt in format_reference(Strings(project_root / "site" / "i18n", "nl")):
        for table in fmt["tables"]:
            assert table["description"], table["name"]
            assert [f["name"] for f in table["fields"] if not f["description"]] == [], table["name"]
    page = parse(public / "handboek" / "formaat" / "index.html")
    text = " ".join(page.text)
    assert "Criterium" in text and "Schaal met antwoorden" in text
    assert "OptionsScale" not in text and "NotApplicable" not in text


def test_hand_written_pages_exist_in_every_language_and_are_built(public: Path, project_root: Path) -> None:
    folders = {p.name: {f.name for f in p.glob("*.md")} for p in (project_root / "site" / "pages").iterdir()}
    assert set(folders) == {"nl", "en"} and folders["nl"] == folders["en"]
    page = parse(public / "handboek" / "zo-beoordeel-je" / "index.html")
    text = " ".join(page.text)
    assert "Zo beoordeel je" in text and "ondernemingsraad" in text
    links = {value for tag, _, value in parse(public / "index.html").refs if tag == "a"}
    assert any(link.endswith("handboek/zo-beoordeel-je/") for link in links)


def test_a_conditional_criterion_says_when_it_applies(public: Path) -> None:
    """kcc-telefoon: 'informatie-volledig' applies only when 'informatie-juist' got an answer."""
    handbook = parse(public / "handboek" / "kcc-telefoon" / "index.html")
    text = " ".join("".join(handbook.text).split())
    assert (
        "Geldt: Alleen als Geeft informatie die klopt met de kennisbank is beantwoord met Onvoldoende, Voldoende of "
        "Goed; anders vanzelf n.v.t." in text
    )
    assert ("a", "href", "#informatie-juist") in handbook.refs
    form = (public / "scoren" / "kcc-telefoon" / "index.html").read_text(encoding="utf-8")
    conditional = re.findall(r"<fieldset [^>]*\bdata-conditional\b[^>]*>", form)
    assert len(conditional) == 1 and 'id="c-informatie-volledig"' in conditional[0] and " hidden" in conditional[0]
    assert "Alleen als ‘Geeft informatie die klopt met de kennisbank’ is beantwoord met" in form
    assert not re.findall(
        r"<fieldset [^>]*\bdata-conditional\b",
        (public / "scoren" / "kcc-email" / "index.html").read_text(encoding="utf-8"),
    )
