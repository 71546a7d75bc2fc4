"""Step 2 of the build: a pure function from the project (and a language) to every page and file.

Nothing here reads the project folder or writes anything: the templates are
the only files touched (through Jinja), and the result is data that
:mod:`ijkpunt.assemble` writes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from markupsafe import Markup

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.kit_publication import PublishedKit, SealedBox, keys_of, public_contact, sealed_kit
from ijkpunt_core.problems import Code, Lang, title

from . import reference
from .project import KitFolder, Project
from .render import Renderer, Strings
from .safe_text import plain
from .schemas import schema_files
from .seal import seal

CALIBRATION_GUIDE = "kalibreren"
"""The hand-written page (site/pages/<lang>/kalibreren.md) that opens the calibration section."""
WATCHDOG_SECONDS = 45  # a cold start takes 2–5 s; far slower means the runtime is not coming

LinkBase = Literal["page", "source"]
"""How the site generator reads a relative `src`/`href` in a page's raw HTML: mkdocs leaves raw HTML alone, so the
browser resolves it from the page's URL (`scoren/x.md` is served at `scoren/x/`: "page"); Zensical rewrites it as
it rewrites Markdown links, from the folder of the Markdown file ("source")."""


def link_root(name: str, links: LinkBase) -> str:
    """The relative way from page `name` (a Markdown path) to the site root, for `src`/`href` in its raw HTML."""
    parts = name.split("/")
    depth = len(parts) - 1
    if links == "page" and parts[-1] != "index.md":
        depth += 1
    return "../" * depth


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


def render_pages(
    project: Project,
    renderer: Renderer,
    lang: Lang = "nl",
    seals: Mapping[str, str] | None = None,
    links: LinkBase = "page",
) -> Site:
    """Every page, download and data file of the site for one language.

    ``seals`` maps a kit id to the passphrase its key is sealed with (``ijkpunt build --seal``); the
    ids must be of published kits (:func:`published_kits`). ``links`` is how the site generator reads
    links in raw HTML (:data:`LinkBase`).
    """
    seals = seals or {}
    checklists = project.current()
    site = Site()
    site.pages["index.md"] = page(renderer.render("home.md.j2", checklists=checklists), hide=["navigation", "toc"])
    for f in project.checklists:
        c = f.checklist
        site.pages[f"handboek/{c.id}.md"] = page(
            renderer.render("checklist.md.j2", c=c, content_hash=c.content_hash(), variant=f.variant),
            title=str(plain(c.title)),
        )
        form_root = link_root(f"scoren/{c.id}.md", links)
        site.pages[f"scoren/{c.id}.md"] = page(
            renderer.render(
                "form.md.j2",
                c=c,
                watchdog_seconds=WATCHDOG_SECONDS,
                data_url=f"../../data/{c.id}.json",
                link_root=form_root,
                handbook_url=f"{form_root}handboek/{c.id}/",
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
    site.pages["mijn-beoordelingen.md"] = page(
        renderer.render(
            "my_evaluations.md.j2",
            # titles are author text: tojson escapes what could end the script block, the page sets them as text
            checklists={c.id: {"title": str(plain(c.title)), "form_url": f"../scoren/{c.id}/"} for c in checklists},
        ),
        title=renderer.t("my.title"),
        hide=["toc"],
        search={"exclude": True},
    )
    site.pages["beoordeling.md"] = page(
        renderer.render(
            "review.md.j2",
            link_root=link_root("beoordeling.md", links),
            index_url="../data/checklists/index.json",
            watchdog_seconds=WATCHDOG_SECONDS,
            checklists={c.id: str(plain(c.title)) for c in checklists},
        ),
        title=renderer.t("review.title"),
        hide=["toc"],
        search={"exclude": True},
    )
    site.pages["dashboard.md"] = page(
        renderer.render(
            "dashboard.md.j2",
            link_root=link_root("dashboard.md", links),
            index_url="../data/checklists/index.json",
            example_url="../data/voorbeeld/index.json",
            watchdog_seconds=WATCHDOG_SECONDS,
            dimension_labels=renderer.t.group("report.dimension"),
        ),
        title=renderer.t("dashboard.title"),
        hide=["toc"],
        search={"exclude": True},
    )
    for name, data in project.example_data.items():
        site.files[f"data/voorbeeld/{name}"] = data
    examples = {"files": sorted(project.example_data)}
    site.files["data/voorbeeld/index.json"] = (json.dumps(examples, ensure_ascii=False) + "\n").encode("utf-8")
    for k in published_kits(project):
        _kit_pages(site, k, renderer, sealed=seals.get(k.kit.id), links=links)
    guides = dict(project.guides.get(lang, {}))
    # the facilitators' guide opens the calibration section, beside the kits it is about
    calibration_guide = guides.pop(CALIBRATION_GUIDE, None)
    for name, text in guides.items():
        site.pages[f"handboek/{name}.md"] = text
    if calibration_guide is not None:
        site.pages["kalibreren/index.md"] = calibration_guide
    for name, text in schema_files().items():
        site.docs_files[f"downloads/{name}"] = text.encode("utf-8")
    site.nav = navigation(checklists, renderer.t, has_example=project.example is not None, guides=guides)
    kits = [{str(plain(k.kit.title)): f"kalibreren/{k.kit.id}/index.md"} for k in published_kits(project)]
    if calibration_guide is not None:
        kits.insert(0, {guide_title(calibration_guide): "kalibreren/index.md"})
    if kits:
        site.nav.insert(3, {renderer.t("nav.calibration"): kits})
    site.settings = mkdocs_settings(renderer.t, lang)
    return site


def published_kits(project: Project) -> list[KitFolder]:
    """The kits the site publishes: those that check out with their checklist (check() says why not)."""
    return [k for k in project.kits if k.checklist is not None and len(k.contacts) == len(k.kit.contacts)]


def kit_data_path(kit_id: str) -> str:
    return f"data/kits/{kit_id}.json"


KIT_PAGES = ("oefenen", "sessie", "deelnemen", "resultaten")
"""A kit's pages beside its handbook page: training, the facilitator's link, a participant, the results."""


def _kit_pages(site: Site, k: KitFolder, renderer: Renderer, sealed: str | None, links: LinkBase) -> None:
    """A kit's handbook page, its four working pages and its data file (key in the clear or sealed)."""
    checklist = k.checklist
    assert checklist is not None
    contacts = [c.contact for c in k.contacts]
    published = PublishedKit(
        kit=sealed_kit(k.kit) if sealed else k.kit,
        checklist_url=checklist_data_path(checklist),
        contacts=[public_contact(c) for c in contacts],
        keys=None if sealed else keys_of(k.kit, contacts),
        sealed=SealedBox.model_validate(seal(keys_of(k.kit, contacts).model_dump_json(), sealed)) if sealed else None,
    )
    site.files[kit_data_path(k.kit.id)] = published.model_dump_json().encode("utf-8")
    for c in k.contacts:
        if c.audio is not None and c.contact.audio is not None:
            site.files[f"data/kits/{k.kit.id}/{c.contact.audio}"] = c.audio
    root = "../../../"  # from kalibreren/<kit>/<page>/, for data the page's scripts fetch
    html_root = link_root(f"kalibreren/{k.kit.id}/{KIT_PAGES[0]}.md", links)  # for src/href in raw HTML
    context = {
        "audio_root": f"{html_root}data/kits/{k.kit.id}/",
        "link_root": html_root,
        "k": k,
        "checklist": checklist,
        "sealed": bool(sealed),
        "kit_url": root + kit_data_path(k.kit.id),
        "checklist_url": root + checklist_data_path(checklist),
        "watchdog_seconds": WATCHDOG_SECONDS,
        "contact_titles": {c.contact.id: c.contact.title for c in k.contacts},
    }
    site.pages[f"kalibreren/{k.kit.id}/index.md"] = page(
        renderer.render(
            "kit.md.j2",
            **(context | {"audio_root": f"{link_root(f'kalibreren/{k.kit.id}/index.md', links)}data/kits/{k.kit.id}/"}),
            checklist_title=checklist.title,
            criterion_titles={c.id: c.title for c in checklist.criteria()},
        ),
        title=str(plain(k.kit.title)),
    )
    form = {
        "c": checklist,
        "data_url": root + checklist_data_path(checklist),
        "handbook_url": f"{html_root}handboek/{checklist.id}/",
    }
    titles = {
        "oefenen": renderer.t("page.training_title", title=k.kit.title),
        "sessie": renderer.t("page.session_title", title=k.kit.title),
        "deelnemen": renderer.t("page.participant_title", title=k.kit.title),
        "resultaten": renderer.t("page.results_title", title=k.kit.title),
    }
    templates = {
        "oefenen": "kit_training.md.j2",
        "sessie": "kit_session.md.j2",
        "deelnemen": "kit_participant.md.j2",
        "resultaten": "kit_results.md.j2",
    }
    for name in KIT_PAGES:
        site.pages[f"kalibreren/{k.kit.id}/{name}.md"] = page(
            renderer.render(templates[name], **context, **form),
            title=str(plain(titles[name])),
            hide=["toc"],
            search={"exclude": True},
        )


def mkdocs_settings(t: Strings, lang: Lang) -> dict[str, Any]:
    """The mkdocs settings in the site's language. mkdocs renders the theme itself, not through our
    templates, so the theme's texts (site/theme, keys under `theme.`) reach it as `config.extra.strings`."""
    return {
        "site_description": t("site.description"),
        "copyright": t("site.copyright"),
        "theme": {"language": lang},
        "extra": {"strings": t.group("theme")},
        # a kit's working pages are reached from its handbook page, not from the navigation
        "not_in_nav": "\n".join(f"/kalibreren/*/{name}.md" for name in KIT_PAGES),
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
        {
            t("nav.scoring"): [
                {t("nav.my_evaluations"): "mijn-beoordelingen.md"},
                {t("nav.review"): "beoordeling.md"},
                *({str(plain(c.title)): f"scoren/{c.id}.md"} for c in checklists),
            ]
        },
        {t("nav.dashboard"): "dashboard.md"},
        {t("nav.downloads"): "downloads.md"},
    ]


def guide_title(markdown: str) -> str:
    """The first `# heading` of a hand-written page, as its title in the navigation."""
    return next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), "")


def format_reference(t: Strings) -> list[dict[str, Any]]:
    from ijkpunt_core.evaluation import Evaluation
    from ijkpunt_core.kit import Kit, KitContact
    from ijkpunt_core.variants import Variant

    checklist_tables = {table["name"] for table in reference.model_tables(Checklist, t)}
    return [
        {
            "title": t("label.checklist"),
            "prefix": "checklist-",
            "intro": t("reference.checklist_intro"),
            "tables": reference.model_tables(Checklist, t),
        },
        {
            # the parts a variant shares with a checklist are explained there: the links point at them
            "title": t("reference.variant"),
            "prefix": "checklist-",
            # the catalogue's own text (ours, not an author's) with Markdown: the syntax as a code block
            "intro": Markup(t("reference.variant_intro")),
            "tables": [table for table in reference.model_tables(Variant, t) if table["name"] not in checklist_tables],
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
