"""Shared fixtures: the site is built once per test session and served on a free port."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the core tests must not load the build package, so it is imported where it is used
    from ijkpunt.pages import Site
    from ijkpunt.serve import SiteHandler

ROOT = Path(__file__).resolve().parent.parent
SEALED_KIT = "kalibratie-email"
PASSPHRASE = "oefen-wachtwoord-2026"
"""The test site seals one kit's key with this passphrase, as `ijkpunt build --seal` does."""


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """The shipped project built once into a temporary folder, with one kit's key sealed."""
    from ijkpunt.build import build

    out = tmp_path_factory.mktemp("site") / "public"
    _, site = build(ROOT, out, seals={SEALED_KIT: PASSPHRASE})
    return site, out


@pytest.fixture(scope="session")
def public(built: tuple[Site, Path]) -> Path:
    return built[1]


@contextmanager
def serving(directory: Path, handler: type[SiteHandler] | None = None) -> Iterator[str]:
    """Serve `directory` on a free port in a background thread; yields the base URL."""
    from ijkpunt.serve import SiteHandler, make_server

    server = make_server(directory, port=0, quiet=True, handler=handler or SiteHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(public: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1."""
    with serving(public) as url:
        yield url


@pytest.fixture(scope="session")
def zensical_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project built once with Zensical, Material's successor (`ijkpunt build --engine zensical`)."""
    from ijkpunt.build import build

    out = tmp_path_factory.mktemp("zensical") / "public"
    build(ROOT, out, seals={SEALED_KIT: PASSPHRASE}, engine="zensical")
    return out
