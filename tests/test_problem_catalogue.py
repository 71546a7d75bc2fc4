"""Every problem code: emitted somewhere, worded in Dutch and English, and triggered by a test.

The list of codes is not kept by hand: the code that can be emitted is found
by reading the sources (every `Code.NAME` outside the catalogue itself).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from ijkpunt_core.messages import MESSAGES
from ijkpunt_core.problems import LANGUAGES, Code

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "generator").rglob("*.py"))
CATALOGUE_FILES = {ROOT / "generator/ijkpunt_core/problems.py", ROOT / "generator/ijkpunt_core/messages.py"}


def _code_names(tree: ast.AST) -> set[str]:
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Code"
    }


def emitted() -> set[Code]:
    names: set[str] = set()
    for path in SOURCES:
        if path not in CATALOGUE_FILES:
            names |= _code_names(ast.parse(path.read_text(encoding="utf-8")))
    return {Code[name] for name in names if name in Code.__members__}


def codes_in_tests() -> set[Code]:
    found: set[Code] = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        found |= {Code[n] for n in _code_names(ast.parse(text)) if n in Code.__members__}
        found |= {Code(v) for v in re.findall(r"[\"'\[]([EW]\d{3})[\"'\]]", text) if v in Code._value2member_map_}
    return found


def test_every_code_in_the_catalogue_can_be_emitted() -> None:
    assert set(Code) - emitted() == set(), "remove codes nothing emits, or emit them"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_title_and_a_template(lang: str) -> None:
    messages = MESSAGES[lang]  # type: ignore[index]
    assert set(messages) == set(Code)
    assert all(m.title.strip() and m.template.strip() for m in messages.values())


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.value)
def test_templates_use_the_same_parameters_in_every_language(code: Code) -> None:
    fields = [{f for _, f, _, _ in string.Formatter().parse(MESSAGES[lang][code].template) if f} for lang in LANGUAGES]
    assert all(f == fields[0] for f in fields), fields


def test_every_emitted_code_is_triggered_by_a_test() -> None:
    assert sorted(emitted() - codes_in_tests()) == [], "write a test that triggers each of these codes"


def test_codes_say_their_severity() -> None:
    assert {c.severity for c in Code if c.value.startswith("W")} == {"warning"}
    assert {c.severity for c in Code if c.value.startswith("E")} == {"error"}
