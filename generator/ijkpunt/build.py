"""The build in three steps: project (read and validate) → pages (render) → assemble (write).

Each step is its own module; this one only runs them in order and stops
before anything is written when the project has errors.
"""

from __future__ import annotations

from pathlib import Path

from ijkpunt_core.problems import Lang

from .assemble import assemble
from .diagnostics import BuildError
from .pages import Site, render_pages
from .project import Project, load_project
from .render import Renderer


def build(root: Path, out: Path, strict: bool = False, lang: Lang = "nl") -> tuple[Project, Site]:
    """Build the whole site from the project at `root` into `out`; BuildError with every diagnostic if it cannot."""
    project = load_project(root)
    if project.stops(strict):
        raise BuildError(project.diagnostics if strict else project.errors)
    site = render_pages(project, Renderer(project.root / "site" / "templates", lang), lang)
    assemble(site, project.root, out)
    return project, site
