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


HOSTILE_NAME = "<img src=x onerror=window.__pwned=1>"


def test_hostile_names_in_dropped_files_stay_text_on_the_dashboard(page: Page, site_url: str, tmp_path: Path) -> None:
    """Team and agent names come from files anyone can write: tables, filters and charts show them as text."""
    from tests.builders import shipped
    from tests.generator.evaluation_files import evaluations

    checklist = shipped("kcc-telefoon")
    files = []
    for i, evaluation in enumerate(evaluations(checklist, 6, seed=8)):
        team = HOSTILE_NAME if i % 2 else "</textarea><script>window.__pwned=1</script>"
        hostile = evaluation.model_copy(update={"team": team, "agent": HOSTILE_NAME[:60]})
        path = tmp_path / f"e{i}.json"
        path.write_text(hostile.model_dump_json(), encoding="utf-8")
        files.append(str(path))
    page.goto(f"{site_url}dashboard/")
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=60_000)
    page.locator("#ijk-files").set_input_files(files)
    expect(page.locator("#ijk-dashboard-results")).to_be_visible()
    expect(page.locator("#ijk-charts figure svg")).to_have_count(3)
    expect(page.locator(f'#ijk-groups tr[data-group="{HOSTILE_NAME}"] th')).to_have_text(HOSTILE_NAME)
    assert page.locator("#ijk-dashboard-results img, #ijk-dashboard-results script").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_a_hostile_participant_name_stays_text_on_the_results_page(page: Page, site_url: str) -> None:
    from ijkpunt_core.result_code import ResultContact, encode, layout
    from tests.core.test_result_code import key_result, kit_of

    kit, checklist, contacts = kit_of("kalibratie-telefoon")
    name = "<img src=x>"  # a name has at most 12 characters
    code = encode(
        layout(kit, checklist), name, [ResultContact(contact=contacts[0].id, answers=key_result(contacts[0]).answers)]
    )
    page.goto(f"{site_url}kalibreren/kalibratie-telefoon/resultaten/")
    expect(page.locator("html")).to_have_attribute("data-python", "ready", timeout=60_000)
    page.get_by_label("Resultaatcodes").fill(f"{HOSTILE_NAME}: {code}")
    page.get_by_role("button", name="Resultaten berekenen").click()
    expect(page.locator(f'#ijk-participants tr[data-participant="{name}"] th')).to_have_text(name)
    assert page.locator("#ijk-results img").count() == 0
    assert page.evaluate("() => window.__pwned") is None
