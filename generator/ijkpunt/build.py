"""The build in three steps: project (read and validate) → pages (render) → assemble (write).

Each step is its own module; this one only runs them in order and stops
before anything is written when the project has errors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ijkpunt_core.problems import Code, Lang, Problem

from .assemble import LINK_BASE, Engine, Step, assemble
from .diagnostics import BuildError, Diagnostic
from .pages import Site, published_kits, render_pages
from .project import KITS_DIR, Project, load_project
from .render import Renderer


def build(
    root: Path,
    out: Path,
    strict: bool = False,
    lang: Lang = "nl",
    seals: Mapping[str, str] | None = None,
    engine: Engine = "mkdocs",
    on_step: Callable[[Step], None] = lambda step: None,
) -> tuple[Project, Site]:
    """Build the whole site from the project at `root` into `out`; BuildError with every diagnostic if it cannot.

    ``seals`` maps kit ids to the passphrase their key is sealed with; ``engine`` is the site generator;
    ``on_step`` hears of each step as it starts (the CLI shows them as progress).
    """
    on_step("project")
    project = load_project(root)
    if project.stops(strict):
        raise BuildError(project.diagnostics if strict else project.errors)
    known = tuple(k.kit.id for k in published_kits(project))
    unknown = [
        Diagnostic.at(Path(KITS_DIR), 1, Problem(Code.UNKNOWN_KIT, (), {"kit": kit_id}, allowed=known))
        for kit_id in (seals or {})
        if kit_id not in known
    ]
    if unknown:
        raise BuildError(unknown)
    on_step("pages")
    renderer = Renderer(project.root / "site" / "templates", lang)
    site = render_pages(project, renderer, lang, seals, links=LINK_BASE[engine])
    assemble(site, project.root, out, engine, on_step)
    return project, site
