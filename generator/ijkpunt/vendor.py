"""The browser runtime: Pyodide from npm, pinned wheels from PyPI, the core as a wheel.

Everything the scoring form runs is served from the site itself, and
Pyodide loads the wheels through a lock file written here, which names each
wheel's sha256 so the browser refuses a file that was changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path
from typing import Any

import ijkpunt_core

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
CORE_NAME = "ijkpunt-core"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same sources give the same wheel and hash


@dataclass(frozen=True)
class Wheel:
    file_name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def core_wheel(package_dir: Path, pinned: dict[str, str]) -> Wheel:
    """Build the `ijkpunt_core` wheel in memory (pure Python, py3-none-any)."""
    version = ijkpunt_core.__version__
    dist_info = f"ijkpunt_core-{version}.dist-info"
    requires = "".join(f"Requires-Dist: {name}=={pinned[name]}\n" for name in ("pydantic",) if name in pinned)
    files: dict[str, bytes] = {
        f"ijkpunt_core/{p.relative_to(package_dir).as_posix()}": p.read_bytes()
        for p in sorted(package_dir.rglob("*"))
        if p.is_file() and (p.suffix == ".py" or p.name == "py.typed")
    }
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: ijkpunt-core\nVersion: {version}\n{requires}"
    ).encode()
    files[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: ijkpunt\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = "".join(
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}\n"
        for name, data in files.items()
    )
    files[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return Wheel(f"ijkpunt_core-{version}-py3-none-any.whl", buffer.getvalue())


def wheel_metadata(wheel: Wheel) -> dict[str, Any]:
    """name, version, imports and dependencies of a wheel, as a Pyodide lock entry needs them."""
    with zipfile.ZipFile(io.BytesIO(wheel.data)) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
    imports = sorted(
        {n.split("/")[0] for n in names if "/" in n and n.split("/")[0].isidentifier()}
        | {n[:-3] for n in names if "/" not in n and n.endswith(".py")}
    )
    depends = sorted(
        canonical(re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0])
        for req in meta.get_all("Requires-Dist") or []
        if "extra ==" not in req and "extra==" not in req
    )
    return {"name": canonical(meta["Name"]), "version": meta["Version"], "imports": imports, "depends": depends}


def lock_file(runtime_lock: dict[str, Any], wheels: list[Wheel]) -> dict[str, Any]:
    """A trimmed pyodide-lock.json naming exactly our wheels, with their sha256."""
    entries = {}
    for wheel in wheels:
        meta = wheel_metadata(wheel)
        entries[meta["name"]] = {
            "name": meta["name"],
            "version": meta["version"],
            "file_name": wheel.file_name,
            "install_dir": "site",
            "sha256": wheel.sha256,
            "package_type": "package",
            "imports": meta["imports"],
            "depends": meta["depends"],
            "unvendored_tests": False,
            "shared_library": False,
        }
    known = set(entries)
    for entry in entries.values():
        missing = [d for d in entry["depends"] if d not in known]
        if missing:
            raise ValueError(
                f"browser wheel {entry['file_name']} needs {missing}: add them to site/browser-requirements.txt"
            )
    return {"info": runtime_lock["info"], "packages": dict(sorted(entries.items()))}


def pinned_versions(requirements: str) -> dict[str, str]:
    """name → version from a `name==version --hash=…` requirements file."""
    found = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s]+)", requirements, flags=re.M)
    return {canonical(name): version for name, version in found}
