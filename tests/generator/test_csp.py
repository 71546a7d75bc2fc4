"""The site's Content-Security-Policy: one policy (ijkpunt.csp) in every page, the local server, web.config and the
README's nginx snippet; and built pages that need nothing the policy forbids (inline scripts, handlers, styles)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.request import urlopen

import pytest

from ijkpunt.assemble import site_assets
from ijkpunt.csp import DIRECTIVES, HEADER_ONLY, header_policy, meta_policy, web_config
from ijkpunt.diagnostics import BuildError
from ijkpunt_core.problems import Code
from tests.conftest import ROOT


def directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} twice in {policy!r}"
        parsed[name] = sources
    return parsed


def test_the_policy_allows_only_the_site_itself_and_webassembly() -> None:
    policy = directives(header_policy())
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]  # the theme's icons (see ijkpunt.csp)
    assert policy["frame-ancestors"] == ["'self'"]
    everything = " ".join(source for sources in policy.values() for source in sources)
    for loose in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "blob:"):
        assert loose not in everything.split(), loose


def test_the_meta_policy_is_the_header_without_what_only_a_header_can_say() -> None:
    meta, header = directives(meta_policy()), directives(header_policy())
    assert "frame-ancestors" not in meta  # browsers ignore it in a meta tag and say so in the console
    assert {**meta, **dict((name, list(sources)) for name, sources in HEADER_ONLY)} == header
    assert [name for name, _ in DIRECTIVES] == list(meta)


class _Page(HTMLParser):
    """What the policy cares about in a page: meta policies, scripts, handler and style attributes, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self.script_urls: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "meta" and (named.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(named.get("content") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.styles.append(f"<{tag} style={value!r}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.handlers.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.styles.append("<style>")
        if tag == "script":
            self._script, self._text = named, []
            if named.get("src"):
                self.script_urls.append(named["src"] or "")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind = (self._script.get("type") or "").lower()
            if not self._script.get("src") and kind != "application/json":
                self.inline_scripts.append("".join(self._text).strip()[:120])
            self._script = None


def parsed_pages(public: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(public.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(public).as_posix()] = page
    return pages


def test_every_built_page_carries_the_policy_as_its_first_meta(public: Path) -> None:
    pages = parsed_pages(public)
    # every page type: home, handbook, forms, kit pages, dashboard, Mijn beoordelingen, review page, 404
    for expected in (
        "index.html",
        "404.html",
        "handboek/kcc-telefoon/index.html",
        "scoren/kcc-telefoon/index.html",
        "kalibreren/kalibratie-telefoon/index.html",
        "kalibreren/kalibratie-telefoon/oefenen/index.html",
        "kalibreren/kalibratie-telefoon/sessie/index.html",
        "kalibreren/kalibratie-telefoon/deelnemen/index.html",
        "kalibreren/kalibratie-telefoon/resultaten/index.html",
        "dashboard/index.html",
        "mijn-beoordelingen/index.html",
        "beoordeling/index.html",
    ):
        assert expected in pages
    for name, page in pages.items():
        assert page.policies == [meta_policy()], name
        head = (public / name).read_text(encoding="utf-8").split("</head>")[0]
        # first in the head: a meta policy governs only what comes after it
        assert head.index('http-equiv="Content-Security-Policy"') < min(
            head.index(tag) for tag in ("<script", "<link") if tag in head
        ), name


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_built_pages_hold_no_inline_script_handler_style_or_javascript_url(
    engine: str, public: Path, zensical_public: Path
) -> None:
    site = zensical_public if engine == "zensical" else public  # Zensical's templates carry scripts of their own
    found = {
        name: page.inline_scripts + page.handlers + page.styles
        for name, page in parsed_pages(site).items()
        if page.inline_scripts or page.handlers or page.styles
    }
    assert found == {}
    assert {name for name, page in parsed_pages(site).items() if page.policies != [meta_policy()]} == set()


def test_pages_load_scripts_from_the_site_only(public: Path) -> None:
    for name, page in parsed_pages(public).items():
        for url in page.script_urls:
            assert not re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE), (name, url)


OUR_SCRIPTS = [*sorted((ROOT / "site" / "assets").glob("*.js")), ROOT / "site" / "service-worker.js"]
FORBIDDEN_IN_OUR_JS = {
    "eval": re.compile(r"(?<![\w$.])eval\s*\("),
    "new Function": re.compile(r"\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\("),
    "timer with a string": re.compile(r"\bset(?:Timeout|Interval)\s*\(\s*[\"'`]"),
    "javascript: URL": re.compile(r"[\"'`]\s*javascript:", re.IGNORECASE),
    "inline handler in markup": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "style attribute": re.compile(r"setAttribute\(\s*[\"']style[\"']|\.style\.cssText\s*="),
}


@pytest.mark.parametrize("script", OUR_SCRIPTS, ids=lambda p: p.name)
def test_our_scripts_need_nothing_the_policy_forbids(script: Path) -> None:
    source = script.read_text(encoding="utf-8")
    found = [
        f"{what}: {m.group(0)!r}" for what, pattern in FORBIDDEN_IN_OUR_JS.items() for m in pattern.finditer(source)
    ]
    assert found == []


def test_the_forbidden_patterns_find_what_they_look_for() -> None:
    samples = {
        "eval": "x = eval('1')",
        "new Function": "const f = new Function('a', 'return a')",
        "timer with a string": 'setTimeout("go()", 10)',
        "javascript: URL": 'link.href = "javascript:void(0)"',
        "inline handler in markup": 'box.innerHTML = "<img src=x onerror=go()>"',
        "style attribute": 'el.setAttribute("style", "color: red")',
    }
    for what, sample in samples.items():
        assert FORBIDDEN_IN_OUR_JS[what].search(sample), what
    assert not FORBIDDEN_IN_OUR_JS["eval"].search("this.evaluate(x); retrieval(y)")
    assert not FORBIDDEN_IN_OUR_JS["timer with a string"].search("setTimeout(start, 200)")


def test_web_config_sends_the_header_policy(public: Path) -> None:
    tree = ET.parse(public / "web.config")
    added = tree.findall("./system.webServer/httpProtocol/customHeaders/add[@name='Content-Security-Policy']")
    assert [a.get("value") for a in added] == [header_policy()]
    # the published file is the shipped one with the policy written in, nothing else changed
    shipped = (ROOT / "site" / "web.config").read_text(encoding="utf-8")
    assert (public / "web.config").read_text(encoding="utf-8") == web_config(shipped)


def test_web_config_without_its_placeholder_is_refused() -> None:
    with pytest.raises(ValueError, match="IJKPUNT_CONTENT_SECURITY_POLICY"):
        web_config("<configuration />")


def test_a_build_with_the_policy_edited_out_of_web_config_stops_with_the_fix(tmp_path: Path) -> None:
    shipped = (ROOT / "site" / "web.config").read_text(encoding="utf-8")
    edited = shipped.replace('value="IJKPUNT_CONTENT_SECURITY_POLICY"', 'value="default-src *"')
    assert edited != shipped
    (tmp_path / "site" / "assets").mkdir(parents=True)
    (tmp_path / "site" / "web.config").write_text(edited, encoding="utf-8")
    with pytest.raises(BuildError) as info:
        site_assets(tmp_path)
    [diagnostic] = info.value.diagnostics
    assert diagnostic.problem.code == Code.WEB_CONFIG_NO_POLICY
    line = next(n for n, text in enumerate(edited.splitlines(), 1) if "default-src *" in text)
    assert (diagnostic.file, diagnostic.line) == (Path("site/web.config"), line)
    assert 'value="IJKPUNT_CONTENT_SECURITY_POLICY"' in diagnostic.render("nl")
    assert "Content-Security-Policy" in diagnostic.render("en")


@pytest.mark.parametrize("path", ["", "scoren/kcc-telefoon/", "assets/ijkpunt/worker.js", "service-worker.js", "nope/"])
def test_the_local_server_sends_the_header_policy(site_url: str, path: str) -> None:
    try:
        with urlopen(site_url + path) as response:
            headers = response.headers
    except Exception as error:  # a 404 page is an HTTPError, which carries the headers too
        headers = error.headers  # type: ignore[attr-defined]
        assert error.code == 404  # type: ignore[attr-defined]
    assert headers.get_all("Content-Security-Policy") == [header_policy()]


def test_the_readme_nginx_snippet_is_the_header_policy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippets = re.findall(r'add_header Content-Security-Policy "([^"]*)" always;', readme)
    assert snippets == [header_policy()]
