"""What goes into the site comes from pinned, hash-checked packages: the Python wheels the form runs
(site/browser-requirements.txt), the theme of each site generator (site/theme-requirements.txt) and the npm
packages (package-lock.json)."""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)\s*$")


def pinned(path: Path) -> dict[str, tuple[str, int]]:
    """name → (version, number of hashes) of a requirements file where every requirement has hashes."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    found: dict[str, tuple[str, int]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        match = REQUIREMENT.match(line)
        assert match, f"{path.name}: not pinned with a hash: {line}"
        found[match[1].lower()] = (match[2], match[3].count("--hash="))
    return found


def project_pins(root: Path) -> dict[str, str]:
    dependencies = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {name.lower(): pin for name, pin in (d.split(";")[0].strip().split("==") for d in dependencies)}


@pytest.mark.parametrize("name", ["mkdocs-material", "zensical"])
def test_the_themes_that_go_into_the_site_are_hash_pinned_as_pyproject_pins_them(project_root: Path, name: str) -> None:
    themes = pinned(project_root / "site" / "theme-requirements.txt")
    assert themes[name][0] == project_pins(project_root)[name] == version(name)
    assert themes[name][1] >= 1


def test_the_browser_wheels_are_hash_pinned_and_match_the_cpython_core(project_root: Path) -> None:
    wheels = pinned(project_root / "site" / "browser-requirements.txt")
    pins = project_pins(project_root)
    for name in ("pydantic", "pydantic-core"):
        assert wheels[name][0] == pins[name]


def test_every_npm_package_is_locked_with_an_integrity_hash(project_root: Path) -> None:
    lock = json.loads((project_root / "package-lock.json").read_text(encoding="utf-8"))
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    assert packages
    unlocked = [path for path, entry in packages.items() if not str(entry.get("integrity", "")).startswith("sha512-")]
    assert unlocked == []
    declared = json.loads((project_root / "package.json").read_text(encoding="utf-8"))
    for name, wanted in {**declared.get("dependencies", {}), **declared.get("devDependencies", {})}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), f"{name} is not pinned exactly: {wanted}"
