"""Step 3 of the build: write the pages, run the site generator, vendor the runtime, swap the output in atomically.

The site generator is mkdocs with Material for MkDocs (the default) or Zensical, Material's successor,
which reads the same mkdocs.yml and theme overrides (`ijkpunt build --engine zensical`).

This is the only step that writes. It builds into a staging folder next to
the output and renames it into place at the end, so a failed build leaves
the previous site untouched.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml  # PyYAML ships with mkdocs; mkdocs.yml holds no tags, so safe_load is enough
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ijkpunt_core.problems import Code, Problem

from .csp import WEB_CONFIG_PLACEHOLDER, meta_policy, web_config
from .diagnostics import BuildError, Diagnostic
from .offline import write_service_worker
from .pages import LinkBase, Site
from .vendor import CORE_NAME, RUNTIME_FILES, Wheel, core_wheel, lock_file, pinned_versions

ASSETS = "assets/ijkpunt"

Engine = Literal["mkdocs", "zensical"]
ENGINES: tuple[Engine, ...] = ("mkdocs", "zensical")
Step = Literal["project", "pages", "generator", "files", "offline"]
"""The steps of a build, in order, as a caller hears of them (ijkpunt.build.build's `on_step`)."""
LINK_BASE: dict[Engine, LinkBase] = {"mkdocs": "page", "zensical": "source"}
"""How each engine reads links in a page's raw HTML (see ijkpunt.pages.LinkBase)."""

ZENSICAL_SETTINGS: dict[str, Any] = {
    # Zensical checks anchors against the Markdown's headings only; the pages also link to ids in their raw
    # HTML (a kit's contacts, the form's criteria), which it would report as missing. mkdocs only logs these.
    "validation": {"anchors": "ignore"},
}
ZENSICAL_THEME: dict[str, Any] = {"variant": "classic"}
"""Material's look; Zensical's own ("modern") would change the site its users know."""


@dataclass(frozen=True)
class Runtime:
    """What the browser runs: Pyodide from npm, the pinned wheels, the core as a wheel."""

    files: dict[str, bytes]
    lock: dict[str, Any]
    wheels: list[Wheel]


def read_runtime(root: Path) -> Runtime:
    """Pyodide and the wheels as `make install` left them; BuildError saying what to run if they are missing."""
    runtime_dir = root / "node_modules" / "pyodide"
    wheel_dir = root / ".cache" / "browser-wheels"
    missing = [p.relative_to(root).as_posix() for p in (runtime_dir, wheel_dir) if not p.is_dir()]
    if missing:
        problem = Problem(Code.NOT_INSTALLED, (), {"missing": ", ".join(missing)})
        raise BuildError([Diagnostic.at(Path(missing[0]), 1, problem)])
    requirements = (root / "site" / "browser-requirements.txt").read_text(encoding="utf-8")
    pins = pinned_versions(requirements)
    wheels = [Wheel(p.name, p.read_bytes()) for p in sorted(wheel_dir.glob("*.whl"))]
    found = {w.file_name.split("-")[0].replace("_", "-").lower() for w in wheels}
    if found != set(pins):
        params = {"folder": ".cache/browser-wheels", "found": ", ".join(sorted(found)), "pinned": ", ".join(pins)}
        raise BuildError([Diagnostic.at(Path(".cache/browser-wheels"), 1, Problem(Code.WHEELS_MISMATCH, (), params))])
    wheels.append(core_wheel(root / "generator" / "ijkpunt_core", pins))
    return Runtime(
        files={name: (runtime_dir / name).read_bytes() for name in RUNTIME_FILES},
        lock=json.loads((runtime_dir / "pyodide-lock.json").read_text(encoding="utf-8")),
        wheels=wheels,
    )


def site_assets(root: Path) -> dict[str, bytes]:
    """The hand-written front end (site/assets) and the server config (with the site's policy), as files of the site."""
    assets = root / "site" / "assets"
    files = {
        f"{ASSETS}/{p.relative_to(assets).as_posix()}": p.read_bytes() for p in sorted(assets.rglob("*")) if p.is_file()
    }
    source = (root / "site" / "web.config").read_text(encoding="utf-8")
    try:
        config = web_config(source)
    except ValueError as exc:  # edited away: the site would be published without its policy header on IIS
        problem = Problem(Code.WEB_CONFIG_NO_POLICY, (), {"placeholder": WEB_CONFIG_PLACEHOLDER})
        lines = [n for n, text in enumerate(source.splitlines(), 1) if '"Content-Security-Policy"' in text]
        raise BuildError([Diagnostic.at(Path("site/web.config"), lines[-1] if lines else 1, problem)]) from exc
    files["web.config"] = config.encode("utf-8")
    return files


VENDORED = {
    "assets/vendor/vega.min.js": "vega/build/vega.min.js",
    "assets/vendor/vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "assets/vendor/vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
    "assets/vendor/vega-interpreter.js": "vega-interpreter/build/vega-interpreter.js",
}
"""The dashboard's chart renderer, from npm at the versions package-lock.json pins.

vega-interpreter evaluates Vega's expressions without `new Function`, which the site's Content-Security-Policy
forbids (https://vega.github.io/vega/usage/interpreter/). npm ships it only as an ES module that imports the bare
name 'vega-util', which a browser cannot resolve without an import map (an inline script, also forbidden): the
build points that import at the vega-util functions vega.min.js already bundles (see `_VEGA_UTIL_IMPORT`)."""

_VEGA_UTIL_IMPORT = (
    "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';",
    "const { ascending, isString, DisallowedObjectProperties } = globalThis.vega; // vega.min.js bundles vega-util",
)


def vendored_files(root: Path) -> dict[str, bytes]:
    """Third-party browser files the site serves itself (never from a CDN); BuildError saying what to run."""
    modules = root / "node_modules"
    missing = [source for source in VENDORED.values() if not (modules / source).is_file()]
    if missing:
        problem = Problem(Code.NOT_INSTALLED, (), {"missing": ", ".join(f"node_modules/{m}" for m in missing)})
        raise BuildError([Diagnostic.at(Path("node_modules"), 1, problem)])
    files = {target: (modules / source).read_bytes() for target, source in VENDORED.items()}
    interpreter = files["assets/vendor/vega-interpreter.js"].decode("utf-8")
    bare, resolved = _VEGA_UTIL_IMPORT
    if interpreter.count(bare) != 1:  # a new vega-interpreter version: the rewrite must be looked at again
        raise RuntimeError(f"node_modules/{VENDORED['assets/vendor/vega-interpreter.js']}: expected {bare!r} once")
    files["assets/vendor/vega-interpreter.js"] = interpreter.replace(bare, resolved).encode("utf-8")
    return files


def runtime_files(runtime: Runtime) -> dict[str, bytes]:
    files = {f"pyodide/{name}": data for name, data in runtime.files.items()}
    files |= {f"pyodide/{w.file_name}": w.data for w in runtime.wheels}
    lock = lock_file(runtime.lock, runtime.wheels)
    assert CORE_NAME in lock["packages"]
    files["pyodide/pyodide-lock.json"] = json.dumps(lock, indent=1).encode("utf-8")
    return files


def assemble(
    site: Site, root: Path, out: Path, engine: Engine = "mkdocs", on_step: Callable[[Step], None] = lambda step: None
) -> None:
    """Write the site: pages through the site generator, then the other files; swap into `out` at the end.

    `site` must have been rendered for the engine's links (LINK_BASE).
    """
    runtime = read_runtime(root)
    assets = site_assets(root)
    vendored = vendored_files(root)
    mkdocs_config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = tempfile.TemporaryDirectory(prefix=".ijkpunt-build-", dir=out.parent)
    except OSError as exc:
        problem = Problem(Code.OUTPUT_NOT_WRITABLE, (), {"path": str(out), "detail": exc.strerror or str(exc)})
        raise BuildError([Diagnostic.at(out, 1, problem)]) from exc
    with staging as tmp:
        work = Path(tmp)
        docs, staged = work / "docs", work / "site"
        for name, text in site.pages.items():
            _write(docs / name, text.encode("utf-8"))
        for name, data in {**site.docs_files, **{k: v for k, v in assets.items() if k != "web.config"}}.items():
            _write(docs / name, data)
        config = _mkdocs_config(mkdocs_config, site.settings, root)
        config |= {"docs_dir": str(docs), "site_dir": str(staged), "nav": site.nav}
        if engine == "zensical":  # it wants the folders relative to its configuration file
            config |= ZENSICAL_SETTINGS | {"docs_dir": docs.name, "site_dir": staged.name}
            config["theme"] = config["theme"] | ZENSICAL_THEME
        config_file = work / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        on_step("generator")
        if engine == "zensical":
            _run_zensical(config_file)
        else:
            _run_mkdocs(config_file)
        on_step("files")
        for name, data in {
            **site.files,
            **runtime_files(runtime),
            **vendored,
            "web.config": assets["web.config"],
        }.items():
            _write(staged / name, data)
        # last: the service worker lists every file of the finished site with its sha256
        on_step("offline")
        write_service_worker(staged, root / "site" / "service-worker.js")
        old = work / "previous"
        if out.exists():
            out.rename(old)
        staged.rename(out)


def _mkdocs_config(base: dict[str, Any], settings: dict[str, Any], root: Path) -> dict[str, Any]:
    """mkdocs.yml with the site's settings in its language laid over it (`theme` and `extra` merged one level)."""
    theme = {**base.get("theme", {}), **settings.get("theme", {})}
    if "custom_dir" in theme:  # the config is written elsewhere, so relative paths must be resolved here
        theme["custom_dir"] = str(root / theme["custom_dir"])
    # the policy every page carries as a meta tag (site/theme/main.html); the same as the server's header
    extra = {**base.get("extra", {}), **settings.get("extra", {}), "content_security_policy": meta_policy()}
    return {**base, **settings, "theme": theme, "extra": extra}


def _run_mkdocs(config_file: Path) -> None:
    """mkdocs in strict mode; what it logs as a warning or error becomes a diagnostic instead of a silent exit."""
    with _captured("mkdocs") as records:
        try:
            mkdocs_build(load_config(config_file=str(config_file)))
        except (MkDocsException, SystemExit) as exc:
            problems = [_diagnostic(r) for r in records if r.levelno >= logging.WARNING]
            if not problems:
                detail = str(exc) or type(exc).__name__
                problems = [Diagnostic.at(Path("mkdocs.yml"), 1, Problem(Code.SITE_GENERATOR, (), {"detail": detail}))]
            raise BuildError(problems) from exc


def _run_zensical(config_file: Path) -> None:
    """Zensical in strict mode, in its own process: its Rust core reports some failures by panicking, which must
    not take the build down with it. What it prints about a failure becomes a diagnostic."""
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(config_file), "--strict"]
    env = os.environ | {"NO_COLOR": "1", "RUST_BACKTRACE": "0"}
    result = subprocess.run(command, cwd=config_file.parent, capture_output=True, text=True, env=env, check=False)
    if result.returncode == 0:
        return
    lines = [ANSI.sub("", line).strip() for line in (result.stderr + result.stdout).splitlines()]
    found = [line for line in lines if re.match(r"(warning|error)\b", line, re.IGNORECASE)]
    details = found or [line for line in lines if line and not line.startswith(("File ", "~", "^"))][-3:]
    raise BuildError([_diagnostic_of(detail) for detail in details or [f"zensical exited with {result.returncode}"]])


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _diagnostic_of(message: str) -> Diagnostic:
    code = Code.BROKEN_LINK if re.search(r"link|anchor", message, re.IGNORECASE) else Code.SITE_GENERATOR
    return Diagnostic.at(Path("mkdocs.yml"), 1, Problem(code, (), {"detail": message}))


def _diagnostic(record: logging.LogRecord) -> Diagnostic:
    return _diagnostic_of(" ".join(record.getMessage().split()))


@contextmanager
def _captured(name: str) -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(logging.WARNING)
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
