"""Hostile text in a checklist and in form fields: shown as text in Chromium, nothing executes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import serving

pytestmark = pytest.mark.browser

# Every payload sets window.__pwned when it runs; each passes the core's checks, so only rendering stands between.
TITLE = 'KCC: telefoon {: onclick="window.__pwned=1" } *nadruk*\ntemplate: 404.html'
DEFINITION = (
    'Begroet {: onclick="window.__pwned=1" } en &lt;img src=x onerror=window.__pwned=1&gt; '
    "met [een link](&#106;avascript:window.__pwned=1) en `{: onclick=x }` als code."
)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Iterator[str]:
    from ijkpunt.build import build

    project = tmp_path_factory.mktemp("hostile") / "project"
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    text = (project_root / "checklists" / "kcc-telefoon.yaml").read_text(encoding="utf-8")
    text = text.replace("title: KCC telefoon", f"title: {json.dumps(TITLE)}", 1)
    at = text.index("        definition: ")
    end = re.compile(r"\n        [a-z_]+:").search(text, at + 1)  # the key after the definition
    assert end is not None
    text = text[:at] + f"        definition: {json.dumps(DEFINITION)}" + text[end.start() :]
    (project / "checklists" / "kcc-telefoon.yaml").write_text(text, encoding="utf-8")
    out = project / "public"
    build(project, out)
    with serving(out) as url:
        yield url


def visit(page: Page, url: str) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    return dialogs


@pytest.mark.parametrize("path", ["handboek/kcc-telefoon/", "scoren/kcc-telefoon/", ""])
def test_hostile_checklist_text_is_shown_as_text(page: Page, hostile_url: str, path: str) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())  # the runtime plays no part in what is shown
    dialogs = visit(page, hostile_url + path)
    hostile_links = page.locator("main a", has_text="een link")
    for i in range(hostile_links.count()):
        hostile_links.nth(i).dispatch_event("click")
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator("[onclick], [onerror]").count() == 0
    assert page.locator('a[href^="javascript:" i], a[href^="data:" i]').count() == 0
    if path == "handboek/kcc-telefoon/":
        expect(page.locator("main")).to_contain_text('{: onclick="window.__pwned=1" }')
        expect(page.locator("main")).to_contain_text("<img src=x onerror=window.__pwned=1>")
        expect(page.locator("main code").filter(has_text="{: onclick=x }")).to_have_count(1)
    shown_title = 'KCC: telefoon {: onclick="window.__pwned=1" } *nadruk* template: 404.html'
    if path:
        assert page.title().startswith(shown_title) or shown_title in page.title()
    expect(page.locator("main")).to_contain_text(shown_title)


def test_hostile_form_input_is_shown_as_text(page: Page, hostile_url: str) -> None:
    dialogs = visit(page, hostile_url + "scoren/kcc-telefoon/")
    payload = '"><img src=x onerror=window.__pwned=1></textarea><script>window.__pwned=1</script> 111222333'
    page.get_by_label("Beoordelaar (pseudoniem)").fill(payload[:60])
    page.locator("textarea").first.fill(payload)
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=60_000)
    page.get_by_role("button", name="Exporteren als JSON").click()
    expect(page.locator("#ijk-privacy")).to_contain_text("BSN")
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator("img[src=x]").count() == 0
