"""YAML text → plain data and the line of every key and item, as ruamel's round-trip loader reads it, fast.

ruamel.yaml is the project's YAML: version 1.2 (`no` is a string, `1_000` a number), duplicate keys refused,
errors with a line. It is pure Python, and its round-trip loader (the one that keeps line numbers) spends most of
its time gathering comments: reading the shipped project took two seconds. This module reads the common document
with libyaml's C parser (PyYAML) instead and gives every scalar the value ruamel gives it, from ruamel's own
resolver and constructor. Whatever is not a common document (anchors and aliases, merge keys, explicit tags,
duplicate keys, keys that are not strings, several documents, anything libyaml refuses) is read by ruamel, as
before, so its rules and its error messages stay the only ones. tests/generator/test_yaml_tree.py checks that
both readings agree on every YAML file of the repository.
"""

from __future__ import annotations

from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode

type Lines = dict[str, tuple[int, Lines]] | list[tuple[int, Lines]] | None
"""Where each key (of a mapping) or item (of a sequence) starts, 1-based, with the lines of what it holds."""

FAST_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)  # libyaml when PyYAML was built with it
_STR = "tag:yaml.org,2002:str"


class TooManyValues(Exception):
    """The document holds more values than the budget (aliases counted as often as they are used)."""


class NotCommon(Exception):
    """The text is not a common document: ruamel reads it."""


def load(text: str, max_values: int) -> tuple[Any, Lines]:
    """The document's data (plain dicts, lists and scalars) and lines. Raises ruamel's errors for bad YAML,
    ValueError for a number Python refuses to convert, TooManyValues past the budget."""
    try:
        return load_common(text, max_values)
    except (NotCommon, pyyaml.YAMLError):
        return load_by_ruamel(text, max_values)


def load_common(text: str, max_values: int) -> tuple[Any, Lines]:
    """A common document read with libyaml; NotCommon (or libyaml's error) for any other."""
    return _Builder(max_values).build(pyyaml.parse(text, Loader=FAST_LOADER))


def load_by_ruamel(text: str, max_values: int) -> tuple[Any, Lines]:
    """The reference reading, by ruamel's round-trip loader: what `load` gives for any document."""
    return _from_ruamel(YAML(typ="rt").load(text), max_values)


def lines_only(text: str) -> Lines:
    """The lines of a document that is already parsed (JSON), or None when YAML does not read it (JSON that is not
    YAML 1.2: a tab where YAML wants spaces, a number too long for Python): its messages then say line 1."""
    try:
        return load(text, max_values=10**9)[1]
    except (YAMLError, ValueError):
        return None


class _Builder:
    """Builds data and lines from libyaml's event stream, scalars resolved by ruamel's YAML 1.2 rules."""

    def __init__(self, max_values: int) -> None:
        self.left = max_values
        reader = YAML(typ="rt")
        self.resolver = reader.resolver
        self.constructor = reader.constructor

    def build(self, events: Any) -> tuple[Any, Lines]:
        stream = iter(events)
        next(stream)  # StreamStart
        event = next(stream)
        if type(event).__name__ == "StreamEndEvent":
            return None, None
        value, lines = self._node(next(stream), stream)  # event was DocumentStart
        next(stream)  # DocumentEnd
        if type(next(stream)).__name__ != "StreamEndEvent":
            raise NotCommon  # several documents: ruamel says so
        return value, lines

    def _spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooManyValues

    def _node(self, event: Any, stream: Any) -> tuple[Any, Lines]:
        kind = type(event).__name__
        if getattr(event, "anchor", None) is not None or kind == "AliasEvent":
            raise NotCommon
        self._spend()
        if kind == "ScalarEvent":
            return self._scalar(event), None
        if event.tag is not None and not event.implicit:
            raise NotCommon
        if kind == "SequenceStartEvent":
            items: list[Any] = []
            item_lines: list[tuple[int, Lines]] = []
            while True:
                child = next(stream)
                if type(child).__name__ == "SequenceEndEvent":
                    return items, item_lines
                value, lines = self._node(child, stream)
                items.append(value)
                item_lines.append((child.start_mark.line + 1, lines))
        if kind == "MappingStartEvent":
            mapping: dict[str, Any] = {}
            key_lines: dict[str, tuple[int, Lines]] = {}
            while True:
                key_event = next(stream)
                if type(key_event).__name__ == "MappingEndEvent":
                    return mapping, key_lines
                if type(key_event).__name__ != "ScalarEvent" or key_event.anchor is not None:
                    raise NotCommon
                key = self._scalar(key_event)
                if not isinstance(key, str) or key in mapping or (key == "<<" and not key_event.style):
                    raise NotCommon  # a number as key, a duplicate key, a merge key
                mapping[key], lines = self._node(next(stream), stream)
                key_lines[key] = (key_event.start_mark.line + 1, lines)
        raise NotCommon

    def _scalar(self, event: Any) -> Any:
        plain_implicit, _ = event.implicit
        if not event.style and plain_implicit:  # plain (libyaml says None or ""): typed by the YAML 1.2 rules
            tag = self.resolver.resolve(ScalarNode, event.value, (True, False))
        elif event.tag is None or event.tag == "!" or event.implicit[1]:
            return str(event.value)  # quoted or block: a string
        else:
            raise NotCommon  # an explicit tag
        if tag == _STR:
            return str(event.value)
        try:
            return self.constructor.construct_object(ScalarNode(tag, event.value), deep=True)
        except Exception as exc:  # e.g. a date that does not exist: ruamel reads it again and says where
            raise NotCommon from exc


def _from_ruamel(node: Any, max_values: int) -> tuple[Any, Lines]:
    """ruamel's commented containers → plain data and lines, within the budget (aliases share nodes)."""
    left = [max_values]

    def walk(node: Any) -> tuple[Any, Lines]:
        left[0] -= 1
        if left[0] < 0:
            raise TooManyValues
        if isinstance(node, dict):
            data: dict[str, Any] = {}
            lines: dict[str, tuple[int, Lines]] = {}
            own = node.lc.line + 1 if isinstance(node, CommentedMap) and node.lc.line is not None else 1
            for key, value in node.items():
                data[str(key)], inner = walk(value)
                # a key merged in (`<<: *base`) has no line of its own here: the mapping's line
                at = node.lc.data.get(key) if isinstance(node, CommentedMap) else None
                lines[str(key)] = (at[0] + 1 if at else own, inner)
            return data, lines
        if isinstance(node, list):
            items, item_lines = [], []
            for i, value in enumerate(node):
                item, inner = walk(value)
                items.append(item)
                item_lines.append((node.lc.item(i)[0] + 1 if isinstance(node, CommentedSeq) else 1, inner))
            return items, item_lines
        return (str(node) if isinstance(node, str) else node), None

    return walk(node)


def line_of(lines: Lines, path: tuple[str | int, ...]) -> int:
    """1-based line of the deepest part of `path` that exists in the document."""
    line, node = 1, lines
    for key in path:
        found = _child(node, key)
        if found is None:
            break
        line, node = found
    return line


def depth(lines: Lines, path: tuple[str | int, ...]) -> int:
    """How many keys of `path` exist in the document, from the top."""
    node, count = lines, 0
    for key in path:
        found = _child(node, key)
        if found is None:
            break
        node, count = found[1], count + 1
    return count


def _child(node: Lines, key: str | int) -> tuple[int, Lines] | None:
    if isinstance(node, dict) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None
