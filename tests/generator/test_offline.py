"""The service worker's manifest (ijkpunt.offline): every file a visitor needs, each with its sha256, and a version
that changes exactly when one of those files changes."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ijkpunt.offline import SERVICE_WORKER, manifest, precached, service_worker, site_files


def published_manifest(public: Path) -> dict[str, object]:
    text = (public / SERVICE_WORKER).read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("const MANIFEST = "))
    found: dict[str, object] = json.loads(first.removeprefix("const MANIFEST = ").removesuffix(";"))
    return found


def test_the_service_worker_lists_every_file_of_the_site_with_its_sha256(public: Path) -> None:
    listed = dict(published_manifest(public)["files"])  # type: ignore[call-overload]
    files = site_files(public)
    expected = {path for path in files if path not in {SERVICE_WORKER, "web.config", "sitemap.xml", "sitemap.xml.gz"}}
    expected = {path for path in expected if not path.endswith(".map")}
    assert set(listed) == expected
    assert {path: hashlib.sha256(files[path]).hexdigest() for path in listed} == listed
    # what an evaluator needs offline is all there
    for needed in (
        "index.html",
        "scoren/kcc-telefoon/index.html",
        "handboek/kcc-telefoon/index.html",
        "kalibreren/kalibratie-telefoon/oefenen/index.html",
        "dashboard/index.html",
        "pyodide/pyodide.asm.wasm",
        "pyodide/python_stdlib.zip",
        "pyodide/pyodide-lock.json",
        "data/kcc-telefoon.json",
        "data/kits/kalibratie-telefoon.json",
        "assets/vendor/vega.min.js",
        "assets/ijkpunt/offline.js",
        "404.html",
    ):
        assert needed in listed, needed
    assert any(path.endswith(".whl") for path in listed)


def test_the_version_changes_when_a_kept_file_changes_and_only_then() -> None:
    files = {"index.html": b"<h1>a</h1>", "pyodide/pyodide.asm.wasm": b"\0asm", "sitemap.xml": b"<urlset/>"}
    version = manifest(files)["version"]
    assert manifest(dict(files))["version"] == version
    assert manifest({**files, "sitemap.xml": b"<urlset>changed</urlset>"})["version"] == version
    assert manifest({**files, "index.html": b"<h1>b</h1>"})["version"] != version
    assert manifest({**files, "data/new.json": b"{}"})["version"] != version
    assert not precached("assets/javascripts/bundle.min.js.map") and precached("assets/javascripts/bundle.min.js")


def test_the_published_worker_is_its_manifest_and_the_hand_written_source(public: Path, project_root: Path) -> None:
    source = (project_root / "site" / "service-worker.js").read_text(encoding="utf-8")
    files = {path: data for path, data in site_files(public).items() if path != SERVICE_WORKER}
    assert (public / SERVICE_WORKER).read_bytes() == service_worker(source, files)
    assert (public / SERVICE_WORKER).read_text(encoding="utf-8").endswith(source)


def test_every_page_loads_the_offline_module_as_a_file_not_inline(public: Path) -> None:
    for page in ("index.html", "scoren/kcc-telefoon/index.html", "handboek/kcc-telefoon/index.html"):
        html = (public / page).read_text(encoding="utf-8")
        assert re.search(r"<script src=\"[./]*assets/ijkpunt/offline.js\" type=\"module\" async>", html), page
        assert 'id="ijk-update"' in html and 'id="ijk-offline-status"' in html, page
        notice = html[html.index('id="ijk-update-template"') : html.index("</template>")]
        assert "<script" not in notice
