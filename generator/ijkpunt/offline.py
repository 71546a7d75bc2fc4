"""Offline use: the service worker and the list of files it keeps on the device (the precache manifest).

After one visit the whole site works without network: the service worker
(site/service-worker.js) downloads every file named in the manifest, checks each
against its sha256 and serves the site from that copy. The manifest is written by
the build into the service worker itself, so that any change to any file changes
the service worker's bytes: that is how a browser notices a new version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

SERVICE_WORKER = "service-worker.js"
"""Where the service worker is published: at the site's root, so that its scope is the whole site."""

NOT_PRECACHED = (
    SERVICE_WORKER,
    "web.config",  # server configuration (IIS), never fetched by a browser
    "sitemap.xml",
    "sitemap.xml.gz",
    "*.map",  # source maps: only developer tools ask for them
)
"""Files of the site the service worker does not keep: none of them is needed to use the site."""


def precached(path: str) -> bool:
    return not any(fnmatch(path, pattern) for pattern in NOT_PRECACHED)


def manifest(files: Mapping[str, bytes]) -> dict[str, Any]:
    """`{"version": …, "files": [[path, sha256], …]}` for every file to keep, sorted by path.

    The version is the sha256 of the list itself: it changes when any kept file changes, and only then.
    """
    entries = [[path, hashlib.sha256(data).hexdigest()] for path, data in sorted(files.items()) if precached(path)]
    listing = json.dumps(entries, separators=(",", ":")).encode("utf-8")
    return {"version": hashlib.sha256(listing).hexdigest()[:20], "files": entries}


def service_worker(source: str, files: Mapping[str, bytes]) -> bytes:
    """The published service worker: its manifest as the first statement, then the hand-written worker."""
    listing = json.dumps(manifest(files), separators=(",", ":"))
    header = "// Written by `ijkpunt build` (ijkpunt.offline): the files this version of the site keeps offline.\n"
    return f"{header}const MANIFEST = {listing};\n\n{source}".encode()


def site_files(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by its path relative to it (POSIX separators)."""
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def write_service_worker(directory: Path, source: Path) -> None:
    """Write `SERVICE_WORKER` into a finished site in `directory`, listing the files now in it."""
    files = {path: data for path, data in site_files(directory).items() if path != SERVICE_WORKER}
    (directory / SERVICE_WORKER).write_bytes(service_worker(source.read_text(encoding="utf-8"), files))
