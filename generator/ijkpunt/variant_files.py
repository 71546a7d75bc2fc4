"""Checklist files in `checklists/`: whole checklists, and variants resolved against their base.

A variant (a file with `extends:`) is resolved once its base is: a base may itself be a variant, or
an archived version (`extends_version`). Every problem is placed where its text was written: a
problem in an inherited part in the base's file and line, one in the variant's own part in the
variant's file (see :class:`ResolvedDocument`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ijkpunt_core.changelog import version_problems
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.problems import Code, Problem
from ijkpunt_core.problems import Path as DocPath
from ijkpunt_core.validate import validate_checklist
from ijkpunt_core.variants import (
    Resolution,
    VariantDifference,
    base_of,
    is_variant,
    resolve_variant,
    variant_differences,
)

from .diagnostics import Diagnostic
from .documents import Parsed, load_document, parse, read_text


@dataclass(frozen=True)
class ResolvedDocument(Parsed):
    """A variant applied to its base: the resolved data, placed part by part in the file that wrote it."""

    resolution: Resolution | None = None
    own: Parsed | None = None
    base_document: Parsed | None = None

    def locate(self, path: DocPath) -> tuple[Path, int]:
        if self.resolution is None or self.own is None:
            return super().locate(path)
        where, source = self.resolution.origin(path)
        if where == "base" and self.base_document is not None:
            return self.base_document.locate(source)
        return self.own.locate(source)


@dataclass(frozen=True)
class VariantOf:
    """What a variant is built on and what it changed against it (for its handbook page)."""

    base: Checklist
    base_is_current: bool
    differences: list[VariantDifference] = field(default_factory=list)


@dataclass(frozen=True)
class LoadedChecklist:
    file: Path
    text: str  # published as the download: for a variant, the resolved checklist
    checklist: Checklist
    parsed: Parsed
    variant: VariantOf | None = None


def load_checklists(
    root: Path, paths: Iterable[Path], archive: list[Checklist], archive_dir: Path
) -> tuple[list[LoadedChecklist], list[Diagnostic]]:
    """Every checklist file, variants resolved; with the problems of each and of versions against the archive."""
    diagnostics: list[Diagnostic] = []
    whole: dict[str, LoadedChecklist] = {}  # by id, the first file with it (a second one is reported as such)
    all_whole: list[LoadedChecklist] = []
    broken: set[str] = set()  # ids of whole checklists with errors
    pending: dict[str, Parsed] = {}
    repeated: list[Parsed] = []  # variants with an id an earlier variant has
    for path in paths:
        variant_documents: list[Parsed] = []

        def validate(parsed: Parsed, found: list[Parsed] = variant_documents) -> tuple[Checklist | None, list[Problem]]:
            if is_variant(parsed.data):
                found.append(parsed)
                return None, []
            result = validate_checklist(parsed.data)
            return result.checklist, result.problems

        loaded = load_document(path, validate, display=path.relative_to(root))
        diagnostics += loaded.diagnostics
        data_id = _id_of(loaded.parsed.data if loaded.parsed else None) or path.stem
        if variant_documents:
            if data_id in pending:
                repeated.append(variant_documents[0])
            else:
                pending[data_id] = variant_documents[0]
        elif loaded.ok and loaded.value is not None and loaded.text is not None and loaded.parsed is not None:
            file = LoadedChecklist(loaded.file, loaded.text, loaded.value, loaded.parsed)
            whole.setdefault(loaded.value.id, file)
            all_whole.append(file)
        else:
            broken.add(data_id)
    resolver = _Resolver(root, whole, broken, pending, archive, archive_dir)
    for variant_id in pending:
        resolver.resolve(variant_id)
    extra = [f for f in map(resolver.resolve_document, repeated) if f is not None]
    diagnostics += resolver.diagnostics
    loaded_files = [*all_whole, *resolver.done.values(), *extra]
    by_file = sorted(loaded_files, key=lambda f: str(f.file))
    for f in by_file:
        for problem in version_problems(f.checklist, archive):
            diagnostics.append(Diagnostic.in_document(f.parsed, problem))
    return by_file, diagnostics


def _id_of(data: object) -> str | None:
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


class _Resolver:
    def __init__(
        self,
        root: Path,
        whole: dict[str, LoadedChecklist],
        broken: set[str],
        pending: dict[str, Parsed],
        archive: list[Checklist],
        archive_dir: Path,
    ) -> None:
        self.root = root
        self.whole = whole
        self.broken = broken
        self.pending = pending
        self.archive = archive
        self.archive_dir = archive_dir
        self.done: dict[str, LoadedChecklist] = {}
        self.failed: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.cycles = self._cycles()

    def _cycles(self) -> dict[str, str]:
        """Variant id → the circle of `extends` it is on, as `a → b → a`."""
        found: dict[str, str] = {}
        for start in self.pending:
            chain = [start]
            while True:
                base = base_of(self.pending[chain[-1]].data)
                if base is None or base[0] not in self.pending:
                    break
                if base[0] in chain:
                    if base[0] == start:
                        found[start] = " → ".join([*chain, start])
                    break
                chain.append(base[0])
        return found

    def current(self, checklist_id: str) -> LoadedChecklist | None:
        if checklist_id in self.whole:
            return self.whole[checklist_id]
        if checklist_id in self.pending:
            return self.resolve(checklist_id)
        return None

    def resolve(self, variant_id: str) -> LoadedChecklist | None:
        if variant_id in self.done:
            return self.done[variant_id]
        if variant_id in self.failed:
            return None
        self.failed.add(variant_id)  # until it resolves: a circle that gets here again stops
        loaded = self.resolve_document(self.pending[variant_id])
        if loaded is not None:
            self.failed.discard(variant_id)
            self.done[variant_id] = loaded
        return loaded

    def resolve_document(self, own: Parsed) -> LoadedChecklist | None:
        """One variant file against its base (found by id: the first file with that id)."""
        variant_id = _id_of(own.data) or own.file.stem
        place: Callable[[Problem], None] = lambda p: self.diagnostics.append(Diagnostic.in_document(own, p))  # noqa: E731
        if variant_id in self.cycles:
            place(Problem(Code.VARIANT_CYCLE, ("extends",), {"cycle": self.cycles[variant_id]}))
            return None
        base_ref = base_of(own.data)
        if base_ref is None:  # no usable `extends`: the model says what is wrong with it
            for problem in resolve_variant(own.data, None).problems:
                place(problem)
            return None
        found = self._base(own, *base_ref)
        if found is None:  # said why; the variant's own shape is still checked, so every problem shows at once
            for problem in resolve_variant(own.data, None).problems:
                place(problem)
            return None
        base, base_document, is_current = found
        resolution = resolve_variant(own.data, base)
        for problem in resolution.problems:
            place(problem)
        document = ResolvedDocument(
            own.file,
            own.text,
            "yaml",
            resolution.data,
            None,
            None,
            resolution=resolution,
            own=own,
            base_document=base_document,
        )
        for problem in resolution.checklist_problems:
            self.diagnostics.append(Diagnostic.in_document(document, problem))
        checklist = resolution.checklist
        if checklist is None:
            return None
        current = self.current(base.id) if not is_current else None
        if current is not None and current.checklist.version != base.version:
            params = {"base": base.id, "version": base.version, "current": current.checklist.version}
            place(Problem(Code.VARIANT_BASE_NOT_CURRENT, ("extends_version",), params))
        variant = VariantOf(base, is_current, variant_differences(base, checklist))
        return LoadedChecklist(own.file, resolved_text(checklist, base, own.file), checklist, document, variant)

    def _base(self, own: Parsed, base_id: str, version: str | None) -> tuple[Checklist, Parsed, bool] | None:
        """The base checklist, its document (for placing problems), and whether it is the current version."""
        place: Callable[[Problem], None] = lambda p: self.diagnostics.append(Diagnostic.in_document(own, p))  # noqa: E731
        if base_id in self.broken or (base_id in self.pending and base_id in self.failed and base_id not in self.done):
            place(Problem(Code.VARIANT_BASE_INVALID, ("extends",), {"base": base_id}))
            return None
        current = self.current(base_id) if base_id != _id_of(own.data) else None
        if base_id in self.pending and current is None:
            place(Problem(Code.VARIANT_BASE_INVALID, ("extends",), {"base": base_id}))
            return None
        if current is not None and (version is None or version == current.checklist.version):
            return current.checklist, current.parsed, True
        archived = [c for c in self.archive if c.id == base_id]
        if current is None and (version is None or not archived):
            known = sorted({*self.whole, *self.done, *(k for k in self.pending if k not in self.failed)})
            place(Problem(Code.VARIANT_UNKNOWN_BASE, ("extends",), {"base": base_id}, allowed=tuple(known)))
            return None
        match = next((c for c in archived if c.version == version), None)
        if match is None:
            versions = sorted({c.version for c in archived} | ({current.checklist.version} if current else set()))
            problem = Problem(
                Code.VARIANT_UNKNOWN_BASE_VERSION,
                ("extends_version",),
                {"base": base_id, "version": str(version)},
                allowed=tuple(versions),
            )
            place(problem)
            return None
        return match, self._archived_document(match), False

    def _archived_document(self, checklist: Checklist) -> Parsed:
        path = self.archive_dir / checklist.id / f"{checklist.content_hash().removeprefix('sha256:')}.json"
        shown = path.relative_to(self.root)
        text, _ = read_text(path)
        parsed, _ = parse(text or "{}", shown, "json")
        return parsed or Parsed(shown, "", "json", {})


def resolved_text(checklist: Checklist, base: Checklist, variant_file: Path) -> str:
    """The resolved variant as one YAML file, for the download: usable on its own, says where it came from."""
    header = f"# {checklist.id} {checklist.version} = {base.id} {base.version} + {variant_file.as_posix()}\n"
    body = yaml.safe_dump(checklist.model_dump(), allow_unicode=True, sort_keys=False, width=110)
    return header + body
