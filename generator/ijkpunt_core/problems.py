"""One catalogue of problem codes, and the problem record every check returns.

A problem knows *where* (a path of keys into the document) and *what*; the
loader adds the file and line. Tests assert on codes, people read messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Path = tuple[str | int, ...]
Severity = Literal["error", "warning"]

# code -> short title; the message of each problem says what is wrong and how to fix it.
CATALOGUE: dict[str, str] = {
    "E100": "YAML syntax error",
    "E101": "unknown key",
    "E102": "required field missing",
    "E103": "invalid value",
    "E104": "malformed id",
    "E105": "empty text",
    "E106": "number out of range",
    "E107": "empty list",
    "E108": "duplicate key",
    "E201": "unknown scale",
    "E202": "duplicate criterion id",
    "E203": "duplicate section id",
    "E204": "unknown source",
    "E205": "n.v.t. rule given but n.v.t. is not allowed",
    "E206": "n.v.t. allowed without saying when",
    "E207": "duplicate option id",
    "E208": "scale cannot tell good from poor",
    "E209": "reserved id",
    "E210": "grade scale out of order",
    "W301": "scale not used",
    "E401": "answer for unknown criterion",
    "E402": "option not on the criterion's scale",
    "E403": "n.v.t. not allowed for this criterion",
    "E404": "grade outside the scale",
    "E405": "answer of the wrong kind for the scale",
    "E406": "evaluation refers to another checklist",
    "E407": "stored scores differ from recomputed scores",
    "E501": "field required for export is empty",
    "E601": "a citizen service number (BSN) in free text",
    "W602": "an e-mail address in free text",
    "W603": "a phone number in free text",
}


@dataclass(frozen=True)
class Problem:
    """A problem found in a document, located by a path of keys."""

    code: str
    message: str
    path: Path = ()
    severity: Severity = "error"
    allowed: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return CATALOGUE[self.code]


def describe_path(data: object, path: Path) -> str:
    """Render a path with the ids it passes through: `section 'opening' → criterion 'x' → scale`."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(path):
        parent = path[i - 1] if i else None
        if isinstance(key, int):
            node_id = _id_of(node, key)
            label = {"sections": "section", "criteria": "criterion", "options": "option"}.get(str(parent), str(parent))
            if parts and parts[-1] == str(parent):
                parts.pop()
            parts.append(f"{label} '{node_id}'" if node_id else f"{parent}[{key}]")
        elif parent == "scales" and parts and parts[-1] == "scales":
            parts[-1] = f"scale '{key}'"
        elif parent == "sources" and parts and parts[-1] == "sources" and i == 1:
            parts[-1] = f"source '{key}'"
        else:
            parts.append(str(key))
        node = _child(node, key)
    return " → ".join(parts) if parts else "(document)"


def _child(node: object, key: str | int) -> object:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _id_of(node: object, index: int) -> str | None:
    item = _child(node, index)
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return str(item["id"])
    return None
