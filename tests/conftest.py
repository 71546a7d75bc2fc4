"""Shared fixtures: the site is built once per test session and served on a free port."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ijkpunt.build import Site, build
from ijkpunt.serve import make_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """The shipped project built once into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "public"
    site = build(ROOT, out)
    return site, out


@pytest.fixture(scope="session")
def public(built: tuple[Site, Path]) -> Path:
    return built[1]


@pytest.fixture(scope="session")
def site_url(public: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1."""
    server = make_server(public, port=0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
