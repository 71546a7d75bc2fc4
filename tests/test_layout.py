"""The layout keeps its promises: the core imports only what runs in the browser, and is tested alone."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "generator" / "ijkpunt_core"
CORE_MAY_IMPORT = {"pydantic", "pydantic_core", "ijkpunt_core"}


def top_level_imports(path: Path, *, module_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` blocks do not run
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_core_imports_only_the_standard_library_and_pydantic() -> None:
    for path in sorted(CORE.rglob("*.py")):
        foreign = top_level_imports(path) - CORE_MAY_IMPORT - set(sys.stdlib_module_names)
        assert foreign == set(), f"{path.relative_to(ROOT)} imports {sorted(foreign)}: the browser has none of them"


def test_core_tests_do_not_load_the_build_package() -> None:
    shared = [ROOT / "tests" / "conftest.py", ROOT / "tests" / "builders.py"]
    for path in [*shared, *sorted((ROOT / "tests" / "core").glob("*.py"))]:
        imports = top_level_imports(path, module_level_only=path in shared)
        assert "ijkpunt" not in imports, f"{path.relative_to(ROOT)} imports the build package"
