"""A variant of the standard checklist in a built site: its page says what it changed, its form is the resolved one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import serving

pytestmark = pytest.mark.browser

EXAMPLE = "examples/variant/kcc-telefoon-lindeveld.yaml"


@pytest.fixture(scope="module")
def variant_url(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Iterator[str]:
    """A project with the shipped checklists plus the example variant, built and served."""
    from ijkpunt.build import build

    project = tmp_path_factory.mktemp("variant") / "project"
    project.mkdir()
    shutil.copytree(project_root / "checklists", project / "checklists")
    shutil.copy(project_root / EXAMPLE, project / "checklists")
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(project_root / name, project / name)
    out = project / "public"
    build(project, out)
    with serving(out) as url:
        yield url


def test_the_variant_page_shows_what_it_changed_with_links_to_the_base(page: Page, variant_url: str) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())  # the handbook needs no runtime
    page.goto(variant_url + "handboek/kcc-telefoon-lindeveld/")
    section = page.locator(".ijk-variant")
    expect(page.get_by_role("heading", name="Wat deze variant anders doet")).to_be_visible()
    expect(section).to_contain_text("Deze checklist is een variant van KCC telefoon (versie 2.1.0)")
    for heading in ("Toegevoegd", "Verwijderd", "Anders geformuleerd", "Ander gewicht"):
        expect(section.get_by_role("heading", name=heading)).to_be_visible()
    expect(section.locator("li", has_text="Geeft informatie die klopt met de kennisbank")).to_contain_text("8 → 10")
    added = section.get_by_role("link", name="Wijst op het digitale loket als dat de inwoner helpt")
    expect(added).to_have_attribute("href", "#digitaal-loket-wijzen")
    removed = section.get_by_role("link", name="Meldt de opname als de werkinstructie dat van de medewerker vraagt")
    removed.click()
    expect(page).to_have_url(variant_url + "handboek/kcc-telefoon/#opname-melden-medewerker")
    expect(page.locator("#opname-melden-medewerker")).to_be_in_viewport()


def test_the_standard_page_has_no_variant_section_and_the_variant_form_is_the_resolved_checklist(
    page: Page, variant_url: str
) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(variant_url + "handboek/kcc-telefoon/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("KCC telefoon")
    expect(page.locator(".ijk-variant")).to_have_count(0)
    page.goto(variant_url + "scoren/kcc-telefoon-lindeveld/")
    expect(page.locator("#c-digitaal-loket-wijzen")).to_have_count(1)
    expect(page.locator("#c-opname-melden-medewerker")).to_have_count(0)
    expect(page.locator("#c-begroeten-en-voorstellen")).to_contain_text("Begroet met 'Gemeente Lindeveld'")
