"""Render handbook pages (Markdown for mkdocs) and scoring forms (HTML) from the models.

Pure: models and templates in, text out. The templates live in site/templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import yaml  # PyYAML ships with mkdocs
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ijkpunt_core.checklist import Channel, Checklist, Criterion, GradeScale, OptionsScale
from ijkpunt_core.display import decimal, long_date, number

from .safe_text import plain, rich

DEFAULT_LANG = "nl"
SCRIPT_PREFIXES = ("js.", "channel_name.", "mode.")


class Strings:
    """The site's user-facing strings in one language, from site/i18n/<lang>.yaml.

    The catalogue is nested YAML used with dotted keys (`nav.home`); `{name}` marks a parameter.
    A missing key is an error, never a silent fallback.
    """

    def __init__(self, i18n: Path, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang
        self.catalogue = flatten(yaml.safe_load((i18n / f"{lang}.yaml").read_text(encoding="utf-8")))

    def __call__(self, key: str, **params: object) -> str:
        text = self.text(key)
        return text.format_map(params) if params else text

    def text(self, key: str) -> str:
        """The catalogue's text for `key` as written, parameters not filled in."""
        try:
            return self.catalogue[key]
        except KeyError:
            raise KeyError(f"string '{key}' is not in the {self.lang} catalogue (site/i18n/{self.lang}.yaml)") from None

    def group(self, prefix: str) -> dict[str, str]:
        """The strings under `prefix.` by their last key, e.g. group('mode') → {'monitoring': 'Monitoring', …}."""
        return {k[len(prefix) + 1 :]: v for k, v in self.catalogue.items() if k.startswith(prefix + ".")}

    def script_strings(self) -> dict[str, str]:
        """What the page's scripts may use, with full keys: every key under `js.`, and the names of the
        stored values they show (channels, modes)."""
        return {k: v for k, v in self.catalogue.items() if k.startswith(SCRIPT_PREFIXES)}


class TemplateStrings:
    """`t(key, **params)` in the templates.

    The catalogue is ours, so its text is kept as written: it may hold Markdown (`**bold**`,
    `[links](…)`), and only the characters HTML would act on are escaped. The parameters are
    made safe like any other value a template prints, because they may be author text.
    """

    def __init__(self, strings: Strings) -> None:
        self.strings = strings

    def __call__(self, key: str, **params: object) -> Markup:
        text = _html_escape(self.strings.text(key))
        if not params:
            return Markup(text)
        return Markup(text.format_map({name: _as_text(value) for name, value in params.items()}))


def group_name(t: Strings, dimension: str, key: str) -> str:
    """A breakdown's group as a reader names it: channels and modes in the page's language, the rest as stored."""
    names = {"channel": "channel_name", "mode": "mode"}
    if dimension in names and f"{names[dimension]}.{key}" in t.catalogue:
        return t(f"{names[dimension]}.{key}")
    return key


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def flatten(tree: object, prefix: str = "") -> dict[str, str]:
    """{'nav': {'home': 'Home'}} → {'nav.home': 'Home'}; leaves must be strings."""
    if not isinstance(tree, dict):
        raise TypeError(f"{prefix or 'catalogue'}: expected a mapping")
    flat: dict[str, str] = {}
    for key, value in tree.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, full + "."))
        elif isinstance(value, str):
            flat[full] = value
        else:
            raise TypeError(f"{full}: expected a string, found {type(value).__name__}")
    return flat


def environment(templates: Path, lang: str = DEFAULT_LANG) -> Environment:
    """Jinja for the site's templates, with `t(key, **params)` for the strings of `lang`."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_as_text,
    )
    t = Strings(templates.parent / "i18n", lang)
    env.globals.update(
        t=TemplateStrings(t),
        lang=lang,
        script_strings=t.script_strings(),
        kind_labels=t.group("kind"),
        kpi_labels=t.group("kpi"),
        mode_labels=t.group("mode"),
        channel_labels=t.group("channel_name"),
        relationship_labels=t.group("relationship"),
        outcome_labels={channel: t.group(f"outcome.{channel}") for channel in get_args(Channel)},
        survey_outcome_labels=t.group("outcome_survey"),
    )
    env.filters["scale_summary"] = lambda scale: scale_summary(scale, t)
    env.filters["plain"] = plain
    env.filters["rich"] = rich
    env.filters["percent"] = lambda v: decimal(v, 1, lang)
    env.filters["number"] = lambda v: number(v, lang)
    env.filters["decimal"] = lambda v, digits=1: decimal(v, digits, lang)
    env.filters["date"] = lambda v: long_date(v, lang)
    env.filters["share"] = lambda v: "—" if v is None else f"{round(100 * v)}%"
    env.globals["group_name"] = lambda dimension, key: group_name(t, dimension, key)
    env.filters["name_in"] = lambda key, dimension: group_name(t, dimension, key)
    env.globals["condition_of"] = lambda checklist, criterion: condition_of(checklist, criterion, t("label.or"))
    return env


def condition_of(checklist: Checklist, criterion: Criterion, either: str) -> dict[str, str] | None:
    """The words of a criterion's condition: the controlling criterion's title and id, its options as a list in
    words (`Onvoldoende, Voldoende of Goed`); None for a criterion that always applies."""
    condition = criterion.applies_when
    controller = checklist.criterion(condition.criterion) if condition else None
    if condition is None or controller is None:
        return None
    scale = checklist.scale_of(controller)
    labels = [
        option.label if isinstance(scale, OptionsScale) and (option := scale.option(o)) else o
        for o in condition.options
    ]
    options = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {either} {labels[-1]}"
    return {"title": controller.title, "id": controller.id, "options": options}


_HARMLESS = re.compile(r"[\w .,:/-]*")


def _as_text(value: Any) -> Any:
    """Every value a template prints is text, safe in Markdown and HTML, unless it is already markup."""
    if isinstance(value, Markup) or value is None:
        return value
    text = str(value)
    return Markup(text) if _HARMLESS.fullmatch(text) else plain(text)


def scale_summary(scale: OptionsScale | GradeScale, t: Strings) -> str:
    """`Nee (0) · Ja (1)` or `cijfer 1–10, voldaan vanaf 6`."""
    if isinstance(scale, OptionsScale):
        return " · ".join(f"{o.label} ({o.points:g})" for o in scale.options)
    return t("scale.grade_summary", min=scale.min, max=scale.max, pass_mark=scale.pass_mark)


class Renderer:
    """Renders every page of the site from validated models."""

    def __init__(self, templates: Path, lang: str = DEFAULT_LANG) -> None:
        self.env = environment(templates, lang)
        template_strings = self.env.globals["t"]
        assert isinstance(template_strings, TemplateStrings)
        self.t: Strings = template_strings.strings  # the catalogue as plain text, for Python (navigation, titles)

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)
