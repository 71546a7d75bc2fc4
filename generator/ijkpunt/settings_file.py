"""Reading the municipality's settings file (``instellingen.yaml``) and its logo.

The file is optional: without it the site is the standard one. It comes through the one loader
(:func:`ijkpunt.documents.load_document`), so a file that is too large, nests too deep or expands aliases
without end gets the same clear diagnostic with file and line as a checklist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.settings import DEFAULT_SETTINGS, LOGO_TYPES, MAX_LOGO_BYTES, Settings, svg_problems

from .diagnostics import Diagnostic
from .documents import Limits, load_document, model_validator

SETTINGS_FILE = Path("instellingen.yaml")
SETTINGS_LIMITS = Limits(max_bytes=100_000, max_depth=10, max_aliases=20, max_values=5_000)
"""A settings file is a page of YAML: far tighter limits than a checklist's."""

# What a file of each type starts with (the extension alone proves nothing).
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}


@dataclass(frozen=True)
class Logo:
    """The logo as the site publishes it: under a fixed name, so no author path reaches a URL."""

    data: bytes
    suffix: str  # ".svg", ".png", …

    @property
    def site_path(self) -> str:
        return f"assets/gemeente/logo{self.suffix}"


@dataclass(frozen=True)
class SettingsFile:
    settings: Settings = DEFAULT_SETTINGS
    logo: Logo | None = None
    found: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_settings(root: Path, checklists: list[Checklist]) -> SettingsFile:
    """The settings at ``root`` (the defaults when there is no file), with every problem found in them."""
    path = root / SETTINGS_FILE
    if not path.exists():
        return SettingsFile()
    loaded = load_document(path, model_validator(Settings), display=SETTINGS_FILE, limits=SETTINGS_LIMITS)
    if loaded.value is None or loaded.parsed is None:
        return SettingsFile(found=True, diagnostics=loaded.diagnostics)
    settings, parsed = loaded.value, loaded.parsed
    diagnostics = list(loaded.diagnostics)
    logo = None
    if settings.municipality is not None and settings.municipality.logo is not None:
        logo, problem = read_logo(root, settings.municipality.logo)
        if problem is not None:
            located = Problem(problem.code, ("municipality", "logo"), problem.params)
            diagnostics.append(Diagnostic.in_document(parsed, located))
    channels = {c.channel for c in checklists}
    for channel in settings.targets.channels:
        if checklists and channel not in channels:
            problem = Problem(Code.TARGETS_UNUSED_CHANNEL, ("targets", "channels", channel), {"channel": channel})
            diagnostics.append(Diagnostic.in_document(parsed, problem))
    return SettingsFile(settings, logo, True, diagnostics)


def read_logo(root: Path, name: str) -> tuple[Logo | None, Problem | None]:
    """The logo file, checked: inside the project, a known image type that is what it says, small, no script."""
    suffix = Path(name).suffix.lower()
    kind = LOGO_TYPES.get(suffix)
    if kind is None:
        return None, Problem(Code.LOGO_TYPE, (), {"logo": name, "kind": suffix or "?"})
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():  # a link may still point outside
        return None, Problem(Code.LOGO_NOT_FOUND, (), {"logo": name})
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return None, Problem(Code.LOGO_TOO_LARGE, (), {"size": size, "limit": MAX_LOGO_BYTES})
    data = path.read_bytes()
    if kind == "image/svg+xml":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, Problem(Code.LOGO_TYPE, (), {"logo": name, "kind": "SVG"})
        if "<svg" not in text.lower():
            return None, Problem(Code.LOGO_TYPE, (), {"logo": name, "kind": "SVG"})
        found = svg_problems(text)
        if found:
            return None, Problem(Code.LOGO_UNSAFE, (), {"logo": name, "found": ", ".join(found)})
    elif not data.startswith(_MAGIC[kind]):
        return None, Problem(Code.LOGO_TYPE, (), {"logo": name, "kind": kind.removeprefix("image/").upper()})
    return Logo(data, ".jpg" if suffix == ".jpeg" else suffix), None
