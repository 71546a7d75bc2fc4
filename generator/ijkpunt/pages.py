"""Step 2 of the build: a pure function from the project (and a language) to every page and file.

Nothing here reads the project folder or writes anything: the templates are
the only files touched (through Jinja), and the result is data that
:mod:`ijkpunt.assemble` writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.problems import Code, Lang, title

from . import reference
from .project import Project
from .render import Renderer, Strings
from .safe_text import plain
from .schemas import schema_files

WATCHDOG_SECONDS = 45  # a cold start takes 2–5 s; far slower means the runtime is not coming


@dataclass
class Site:
    """The compiled site: Markdown pages for mkdocs, files next to them, files copied as they are.

    `settings` are the mkdocs settings that depend on the language (the theme's language, the
    description, the footer, the theme's own strings as `extra.strings`); assemble lays them over
    mkdocs.yml.
    """

    pages: dict[str, str] = field(default_factory=dict)
    docs_files: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


def page(text: str, **meta: Any) -> str:
    """A Markdown page with front matter written by a YAML serializer, never by string formatting."""
    if not meta:
        return text
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + text


def checklist_data_path(checklist: Checklist) -> str:
    """Where a version of a checklist is published, addressed by its content hash."""
    return f"data/checklists/{checklist.id}/{checklist.content_hash().removeprefix('sha256:')}.json"


def render_pages(project: Project, renderer: Renderer, lang: Lang = "nl") -> Site:
    """Every page, download and data file of the site for one language."""
    checklists = project.current()
    site = Site()
    site.pages["index.md"] = page(renderer.render("home.md.j2", checklists=checklists), hide=["navigation", "toc"])
    for f in project.checklists:
        c = f.checklist
        site.pages[f"handboek/{c.id}.md"] = page(
            renderer.render("checklist.md.j2", c=c, content_hash=c.content_hash()), title=str(plain(c.title))
        )
        site.pages[f"scoren/{c.id}.md"] = page(
            renderer.render(
                "form.md.j2",
                c=c,
                watchdog_seconds=WATCHDOG_SECONDS,
                data_url=f"../../data/{c.id}.json",
                handbook_url=f"../../handboek/{c.id}/",
            ),
            title=str(plain(renderer.t("page.scoring_title", title=c.title))),
            hide=["toc"],
            search={"exclude": True},
        )
        site.docs_files[f"downloads/{c.id}.yaml"] = f.text.encode("utf-8")
        site.files[f"data/{c.id}.json"] = c.model_dump_json().encode("utf-8")
    for c in project.versions().values():
        site.files[checklist_data_path(c)] = c.model_dump_json().encode("utf-8")
    site.files["data/checklists/index.json"] = _version_index(project).encode("utf-8")
    if project.example is not None:
        example = project.example
        site.pages["handboek/scores.md"] = renderer.render(
            "scores.md.j2", ex=example, section_titles={s.id: s.title for s in example.checklist.sections}
        )
    site.pages["handboek/formaat.md"] = renderer.render(
        "reference.md.j2",
        formats=format_reference(renderer.t),
        catalogue={code.value: title(code, lang) for code in Code},
    )
    site.pages["downloads.md"] = renderer.render("downloads.md.j2", checklists=checklists)
    for k in project.kits:
        if k.checklist is None:  # only a kit that checks out is published; check() said why
            continue
        site.pages[f"kalibreren/{k.kit.id}.md"] = page(
            renderer.render(
                "kit.md.j2",
                k=k,
                checklist_title=k.checklist.title,
                criterion_titles={c.id: c.title for c in k.checklist.criteria()},
            ),
            title=str(plain(k.kit.title)),
        )
    guides = project.guides.get(lang, {})
    for name, text in guides.items():
        site.pages[f"handboek/{name}.md"] = text
    for name, text in schema_files().items():
        site.docs_files[f"downloads/{name}"] = text.encode("utf-8")
    site.nav = navigation(checklists, renderer.t, has_example=project.example is not None, guides=guides)
    kits = [{str(plain(k.kit.title)): f"kalibreren/{k.kit.id}.md"} for k in project.kits if k.checklist is not None]
    if kits:
        site.nav.insert(3, {renderer.t("nav.calibration"): kits})
    site.settings = mkdocs_settings(renderer.t, lang)
    return site


def mkdocs_settings(t: Strings, lang: Lang) -> dict[str, Any]:
    """The mkdocs settings in the site's language. mkdocs renders the theme itself, not through our
    templates, so the theme's texts (site/theme, keys under `theme.`) reach it as `config.extra.strings`."""
    return {
        "site_description": t("site.description"),
        "copyright": t("site.copyright"),
        "theme": {"language": lang},
        "extra": {"strings": t.group("theme")},
    }


def _version_index(project: Project) -> str:
    """Every published checklist version, so a page can find the version an evaluation was scored with."""
    current = {c.content_hash() for c in project.current()}
    entries = [
        {
            "id": c.id,
            "version": c.version,
            "content_hash": c.content_hash(),
            "current": c.content_hash() in current,
            "url": checklist_data_path(c),
        }
        for c in sorted(project.versions().values(), key=lambda c: (c.id, c.version))
    ]
    return json.dumps({"checklists": entries}, ensure_ascii=False, indent=1) + "\n"


def navigation(
    checklists: list[Checklist], t: Strings, has_example: bool, guides: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """The site navigation; checklist titles are author text, so they are protected like any other text."""
    handbook: list[dict[str, str]] = [
        {guide_title(text): f"handboek/{name}.md"} for name, text in (guides or {}).items()
    ]
    handbook += [{str(plain(c.title)): f"handboek/{c.id}.md"} for c in checklists]
    if has_example:
        handbook.append({t("nav.scores"): "handboek/scores.md"})
    handbook.append({t("nav.format"): "handboek/formaat.md"})
    return [
        {t("nav.home"): "index.md"},
        {t("nav.handbook"): handbook},
        {t("nav.scoring"): [{str(plain(c.title)): f"scoren/{c.id}.md"} for c in checklists]},
        {t("nav.downloads"): "downloads.md"},
    ]


def guide_title(markdown: str) -> str:
    """The first `# heading` of a hand-written page, as its title in the navigation."""
    return next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), "")


def format_reference(t: Strings) -> list[dict[str, Any]]:
    from ijkpunt_core.evaluation import Evaluation
    from ijkpunt_core.kit import Kit, KitContact

    return [
        {
            "title": t("label.checklist"),
            "prefix": "checklist-",
            "intro": t("reference.checklist_intro"),
            "tables": reference.model_tables(Checklist, t),
        },
        {
            "title": t("reference.evaluation"),
            "prefix": "evaluatie-",
            "intro": t("reference.evaluation_intro"),
            "tables": reference.model_tables(Evaluation, t),
        },
        {
            "title": t("reference.kit"),
            "prefix": "kit-",
            "intro": t("reference.kit_intro"),
            "tables": reference.model_tables(Kit, t) + reference.model_tables(KitContact, t),
        },
    ]
