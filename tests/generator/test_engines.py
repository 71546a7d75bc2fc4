"""Material for MkDocs and Zensical build the same site: the same pages, the same text, links that resolve."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ijkpunt.cli import main


class _Page(HTMLParser):
    """The text of a page's article (what the site says, without the theme around it) and its src/href links."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._in_article = 0
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_article += tag == "article"
        self._hidden += tag in ("script", "style", "template")
        self.links += [value for name, value in attrs if name in ("src", "href") and value]

    def handle_endtag(self, tag: str) -> None:
        self._in_article -= tag == "article"
        self._hidden -= tag in ("script", "style", "template")

    def handle_data(self, data: str) -> None:
        if self._in_article and not self._hidden:
            self.text.append(data)


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> set[Path]:
    return {p.relative_to(site) for p in site.rglob("*.html")}


def article_text(path: Path) -> str:
    return " ".join(" ".join(read(path).text).split())


def test_both_engines_build_the_same_pages_with_the_same_text(public: Path, zensical_public: Path) -> None:
    assert pages(zensical_public) == pages(public)
    different = [str(p) for p in sorted(pages(public)) if article_text(public / p) != article_text(zensical_public / p)]
    assert different == []
    assert (zensical_public / "pyodide" / "pyodide.asm.wasm").is_file()
    assert (zensical_public / "service-worker.js").is_file()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_link_and_script_of_every_page_resolves(engine: str, public: Path, zensical_public: Path) -> None:
    # mkdocs leaves links in raw HTML alone, Zensical rewrites them from the Markdown file: the pages write them
    # for the engine (ijkpunt.pages.link_root), and a wrong guess shows here as a missing file
    site = zensical_public if engine == "zensical" else public
    missing: dict[str, list[str]] = {}
    for page in sorted(pages(site)):
        base = "http://site/" + page.as_posix()
        for link in read(site / page).links:
            url = urlsplit(urljoin(base, link))
            if url.netloc != "site" or url.scheme not in ("http", ""):
                continue
            target = site / unquote(url.path).lstrip("/")
            if not (target / "index.html" if url.path.endswith("/") else target).is_file():
                missing.setdefault(page.as_posix(), []).append(link)
    assert missing == {}


def test_an_unknown_engine_is_refused_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--engine", "hugo"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "hugo" in err and "'mkdocs'" in err and "'zensical'" in err
