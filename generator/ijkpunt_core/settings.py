"""The municipality's own settings (``instellingen.yaml``): one file for the whole site, not copies of checklists.

Three kinds of setting, with three different reaches:

* **Presentation** (the municipality's name and logo): shown in the header, on the home page and on the printed
  feedback sheet. It changes no score.
* **Scoring** (``records_calls``): a criterion that names a setting in ``requires_setting`` applies only while that
  setting is on. "We do not record calls" makes the criterion about announcing the recording n.v.t. everywhere,
  exactly as a criterion whose ``applies_when`` does not hold. The settings that changed scoring are written into
  every evaluation they affected (:class:`ScoringSettings`, field ``settings``), so that ``ijkpunt score``, the
  dashboard and the aggregation rescore an export from its own record, whatever the settings file says today. The
  checklist and its content hash stay the standard's: evaluations of two municipalities on the same checklist
  version stay comparable criterion by criterion; one criterion is n.v.t. in one of them, as n.v.t. always is.
* **Targets** (outcome targets per channel, a target quality score): replace the checklist's ``targets`` where
  targets are shown (handbook, dashboard, aggregate report). Targets judge results; they never change a score.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from .checklist import (
    Channel,
    Checklist,
    Document,
    OutcomeTargets,
    Percentage,
    SettingName,
    Share,
    Strict,
    Text,
    reference,
)

LOGO_TYPES: dict[str, str] = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
"""Image types every browser shows in an ``<img>`` and every web server serves (not WebP: IIS may lack its map)."""

MAX_LOGO_BYTES = 500_000
"""A logo in the header is a few kilobytes; half a megabyte is far more than any needs."""

# A path inside the project with forward slashes: every part starts with a letter, digit or _, so no drive,
# no leading slash and no `..` (the generator checks too that it stays inside the project).
LogoPath = Annotated[
    str,
    StringConstraints(
        pattern=r"^[A-Za-z0-9_][A-Za-z0-9_ .()-]*(/[A-Za-z0-9_][A-Za-z0-9_ .()-]*)*$",
        max_length=200,
    ),
]


class Municipality(Document):
    """Who publishes this site."""

    model_config = reference("Gemeente", "Naam en logo van de gemeente, in de kop van de site en op het feedbackblad.")

    # it becomes the site's name in the header and every page title: no markup characters
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^<>{}\\`*_\[\]]+$")
    ] = Field(
        description="Naam zoals inwoners en medewerkers hem kennen, bijv. `Gemeente Lindeveld`. Zonder de tekens "
        "`< > { } [ ] * _ \\` en backtick."
    )
    logo: LogoPath | None = Field(
        default=None,
        description="Het logo (niet verplicht): pad naar het bestand, vanaf de map van het project, bijv. `logo.svg` "
        "of `huisstijl/logo.png`. SVG, PNG of JPEG, hoogstens 500 kB. Een SVG mag geen scripts, "
        "`on…`-attributen, `javascript:`-links of verwijzingen naar andere websites bevatten.",
    )


class ChannelTargets(Document):
    """The municipality's own outcome targets for one channel; they replace the checklist's."""

    model_config = reference(
        "Eigen streefwaarden voor een kanaal",
        "Streefwaarden voor de uitkomst van contacten in één kanaal, als aandeel van 0 tot 1. Ze vervangen die van "
        "de checklist in het handboek, op het dashboard en in het rapport.",
    )

    as_of: dt.date = Field(description="Sinds wanneer deze streefwaarden gelden (JJJJ-MM-DD).")
    basis: Text = Field(description="Wie ze vaststelde en waarom, bijv. `Besluit MT klantcontact, maart 2026`.")
    direct_min: Share = Field(description="Minimaal aandeel direct beantwoord.")
    transferred_or_callback_max: Share = Field(description="Maximaal aandeel doorverbonden of terugbelnotitie.")
    transferred_once_max: Share = Field(description="Maximaal aandeel één keer doorverbonden.")
    transferred_repeatedly_max: Share = Field(description="Maximaal aandeel twee of meer keer doorverbonden.")

    def outcome_targets(self) -> OutcomeTargets:
        """The same targets in the checklist's form, so every place that shows targets reads one shape."""
        return OutcomeTargets(
            as_of=self.as_of,
            basis=self.basis,
            direct_min=self.direct_min,
            transferred_or_callback_max=self.transferred_or_callback_max,
            transferred_once_max=self.transferred_once_max,
            transferred_repeatedly_max=self.transferred_repeatedly_max,
        )


class Targets(Document):
    """The municipality's own targets."""

    model_config = reference("Eigen streefwaarden", "Streefwaarden van de gemeente zelf.")

    quality: Percentage | None = Field(
        default=None, description="Streefwaarde voor de gemiddelde kwaliteitsscore (0–100), bijv. `75`."
    )
    channels: dict[Channel, ChannelTargets] = Field(
        default_factory=dict,
        description="Per kanaal (`telefoon`, `e-mail`, `chat`, `balie`) de streefwaarden voor de uitkomst van "
        "contacten. Een kanaal dat hier niet staat, houdt de streefwaarden van zijn checklist.",
    )


class ScoringSettings(Strict):
    """The settings that decide which criteria apply; recorded in an evaluation they affected."""

    model_config = reference(
        "Instellingen bij het scoren",
        "De instellingen van de gemeente die bepaalden welke criteria golden. Alleen aanwezig als een instelling "
        "afweek van de standaard; bij opnieuw berekenen gelden deze, niet het instellingenbestand van nu.",
    )

    records_calls: bool = Field(
        default=True,
        description="Neemt de gemeente telefoongesprekken op? Bij `false` zijn criteria met "
        "`requires_setting: records_calls` n.v.t.",
    )

    def allows(self, setting: SettingName) -> bool:
        """Whether a criterion that requires ``setting`` applies."""
        return bool(getattr(self, setting))

    @property
    def is_default(self) -> bool:
        return self == DEFAULT_SCORING


DEFAULT_SCORING = ScoringSettings()


class Settings(Document):
    """The whole settings file."""

    model_config = reference(
        "Instellingen",
        "Het bestand `instellingen.yaml` in de map van het project: instellingen van de gemeente die voor de hele "
        "site gelden. Het bestand is niet verplicht; zonder bestand gelden de standaardwaarden.",
    )

    municipality: Municipality | None = Field(default=None, description="Naam en logo van de gemeente.")
    records_calls: bool = Field(
        default=True,
        description="Worden telefoongesprekken opgenomen? Zet op `false` als de gemeente geen gesprekken opneemt: "
        "criteria over het melden van de opname zijn dan altijd n.v.t. Elke beoordeling legt vast dat deze "
        "instelling uit stond, zodat ze later precies zo opnieuw te berekenen is.",
    )
    targets: Targets = Field(default_factory=Targets, description="Eigen streefwaarden.")

    def scoring(self) -> ScoringSettings:
        return ScoringSettings(records_calls=self.records_calls)

    def outcome_targets(self, checklist: Checklist) -> tuple[OutcomeTargets, bool]:
        """The targets shown for a checklist's channel, and whether they are the municipality's own."""
        own = self.targets.channels.get(checklist.channel)
        return (own.outcome_targets(), True) if own is not None else (checklist.targets, False)


DEFAULT_SETTINGS = Settings()


def not_applicable_by_setting(checklist: Checklist, scoring: ScoringSettings | None) -> dict[str, SettingName]:
    """Every criterion that a setting makes n.v.t., with the setting that does it."""
    if scoring is None or scoring.is_default:
        return {}
    return {
        c.id: c.requires_setting
        for c in checklist.criteria()
        if c.requires_setting is not None and not scoring.allows(c.requires_setting)
    }


def svg_problems(text: str) -> list[str]:
    """What makes an SVG unsafe to publish on the site's own origin, as short names (empty: safe).

    In an ``<img>`` an SVG's scripts never run, but the file is also reachable by its own address, and opened
    there it runs with the site's origin, where the drafts are kept. So the build refuses it instead.
    """
    import re

    lowered = text.lower()
    found = []
    if re.search(r"<\s*script\b", lowered):
        found.append("<script>")
    if re.search(r"\son[a-z]+\s*=", lowered):
        found.append("on…=")
    if "javascript:" in lowered or "data:text/html" in lowered:
        found.append("javascript:")
    if re.search(r"<\s*foreignobject\b", lowered):
        found.append("<foreignObject>")
    if re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:https?:)?//""", lowered) or re.search(
        r"url\(\s*['\"]?\s*(?:https?:)?//", lowered
    ):
        found.append("http(s)://")
    if re.search(r"<!entity\b", lowered):
        found.append("<!ENTITY>")
    return found


__all__ = [
    "DEFAULT_SCORING",
    "DEFAULT_SETTINGS",
    "LOGO_TYPES",
    "MAX_LOGO_BYTES",
    "ChannelTargets",
    "Municipality",
    "ScoringSettings",
    "SettingName",
    "Settings",
    "Targets",
    "not_applicable_by_setting",
    "svg_problems",
]
