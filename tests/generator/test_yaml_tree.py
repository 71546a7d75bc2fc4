"""The fast YAML reading (libyaml's parser, ruamel's rules) gives exactly what ruamel's own reading gives.

Data and the line of every key and item are compared on every YAML and JSON file of the repository and on
documents written to try the edges; what the fast reading does not take (anchors, tags, duplicate keys…) must
come out of `load` exactly as ruamel reads it, errors included.
"""

from __future__ import annotations

import math
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml
from ruamel.yaml.error import YAMLError

from ijkpunt.yaml_tree import NotCommon, TooManyValues, depth, line_of, lines_only, load, load_by_ruamel, load_common

ROOT = Path(__file__).resolve().parents[2]
BIG = 10**9


def tracked(*patterns: str) -> list[Path]:
    listed = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in listed.stdout.split()]


def same(value: Any) -> Any:
    """A value with its type kept, and NaN made comparable."""
    if isinstance(value, dict):
        return {k: same(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, str | int | float | date | None):
        return (type(value).__name__, value)
    return (type(value).__name__, repr(value))  # ruamel's own objects (a tagged scalar) compare by what they hold


FILES = tracked("*.yaml", "*.yml", "checklists/archief/*.json", "examples/*.json")


def test_the_repository_has_documents_to_compare() -> None:
    names = {p.name for p in FILES}
    assert {"kcc-telefoon.yaml", "kit.yaml", "mkdocs.yml"} <= names or {"kcc-telefoon.yaml", "kit.yaml"} <= names
    assert len(FILES) > 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_of_the_repository_reads_the_same_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        reference = load_by_ruamel(text, BIG)
    except YAMLError:  # a broken example file: the fast reading refuses it too
        with pytest.raises((NotCommon, pyyaml.YAMLError)):
            load_common(text, BIG)
        return
    assert_same_reading(text, reference)


def assert_same_reading(text: str, reference: tuple[Any, Any] | None = None) -> None:
    expected, expected_lines = reference or load_by_ruamel(text, BIG)
    data, lines = load_common(text, BIG)
    assert same(data) == same(expected)
    assert lines == expected_lines


EDGES = {
    "numbers": "a: 1\nb: -2\nc: +3\nd: 1.5\ne: 1e3\nf: 0x1f\ng: 0o17\nh: 1_000\ni: 007\nj: .inf\nk: -.Inf\nl: .nan\n",
    "not numbers": "a: 2.0.0\nb: 12:30\nc: '7'\nd: \"8\"\ne: 1.2.3a\nf: 0b101\n",
    "yaml 1.2 words": "a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: ~\nh: null\ni:\nj: NULL\n",
    "dates": "a: 2026-11-28\nb: 2026-11-28T10:00:00Z\nc: 2026-11-28 10:00:00\n",
    "block scalars": (
        "a: |\n  one\n  two\n\nb: >-\n  folded\n  text\n\n    more indented\n  back\nc: |+\n  kept\n\nd: x\n"
    ),
    "flow": "a: [1, two, 'three', {x: 4}]\nb: {c: [], d: {}}\n",
    "nested lists": "- id: a\n  items:\n    - 1\n    - - 2\n      - 3\n- id: b\n",
    "comments and unicode": "# kop\na: één # uitleg\nb: 'ü'  # x\nc:\n  # binnen\n  - d\n",
    "empty": "",
    "only a comment": "# niets\n",
    "a scalar": "just text\n",
    "quoted keys": "'a': 1\n\"b\": 2\n'<<': 3\n",
}


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_common_documents_read_the_same_both_ways(text: str) -> None:
    assert_same_reading(text)


UNCOMMON = {
    "anchor and alias": "a: &x [1, 2]\nb: *x\n",
    "merge key": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "explicit tag": "a: !!str 12\nb: !!float 1\n",
    "number as key": "1: a\n2: b\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "impossible date": "a: 2026-13-45\n",
}


@pytest.mark.parametrize("text", UNCOMMON.values(), ids=UNCOMMON.keys())
def test_what_the_fast_reading_does_not_take_is_read_by_ruamel(text: str) -> None:
    with pytest.raises((NotCommon, YAMLError, pyyaml.YAMLError)):
        load_common(text, BIG)
    try:
        expected: Any = load_by_ruamel(text, BIG)
    except (YAMLError, ValueError) as exc:
        with pytest.raises(type(exc)):
            load(text, BIG)
        return
    data, lines = load(text, BIG)
    assert same(data) == same(expected[0]) and lines == expected[1]


def test_a_duplicate_key_is_ruamels_error_with_its_line() -> None:
    text = "a: 1\nb: 2\na: 3\n"
    with pytest.raises(YAMLError) as caught:
        load(text, BIG)
    assert type(caught.value).__name__ == "DuplicateKeyError"
    assert caught.value.problem_mark.line + 1 == 3  # type: ignore[attr-defined]


def test_the_value_budget_counts_every_value_in_both_readings() -> None:
    text = "a: [1, 2, 3]\nb: {c: 4}\n"  # the mapping, a, its three items, b, c: 7 values
    assert load(text, 7)[0] == {"a": [1, 2, 3], "b": {"c": 4}}
    with pytest.raises(TooManyValues):
        load(text, 6)
    with pytest.raises(TooManyValues):
        load("a: &x [1, 2, 3]\nb: *x\nc: *x\n", 12)  # aliases count as often as they are used


def test_lines_point_at_keys_and_items() -> None:
    text = "title: x\nsections:\n  - id: a\n    criteria:\n      - id: b\n        weight: 2\n"
    _, lines = load(text, BIG)
    assert line_of(lines, ("sections", 0, "criteria", 0, "weight")) == 6
    assert line_of(lines, ("sections", 0, "criteria", 3)) == 4  # the deepest part that exists
    assert line_of(lines, ("missing",)) == 1
    assert depth(lines, ("sections", 0, "criteria", 0, "weight", "deeper")) == 5


def test_json_gets_lines_and_none_where_yaml_cannot_read_it() -> None:
    assert lines_only('{"a": {"b": [1,\n 2]}}') == {"a": (1, {"b": (1, [(1, None), (2, None)])})}
    assert lines_only('{"a": ' + "1" * 5000 + "}") is None  # Python refuses the number: messages say line 1
