"""Builders for tests: a minimal valid checklist to modify per test, and small YAML helpers.

Imports only the core (and test libraries), so core tests never load the build package.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Answer
from ijkpunt_core.validate import validate_checklist

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST_DIR = ROOT / "checklists"
SHIPPED = sorted(CHECKLIST_DIR.glob("*.yaml"))


def criterion(cid: str = "groet", *, scale: str = "ja-nee", kind: str = "quality", **extra: Any) -> dict[str, Any]:
    """One valid criterion; `extra` adds or overrides keys (weight, knockout, na, …)."""
    return {
        "id": cid,
        "title": f"Criterium {cid}",
        "kind": kind,
        "scale": scale,
        **extra,
        "definition": "De medewerker doet wat goed is.",
        "indicators": ["Is hoorbaar vriendelijk."],
        "examples": {"good": ["Goedemorgen."], "poor": ["Ja?"]},
        "rationale": "Dit bouwt vertrouwen op.",
        "kpi": "vertrouwen",
        "sources": ["boek"],
    }


def minimal_checklist(*sections: dict[str, Any], scales: dict[str, Any] | None = None) -> dict[str, Any]:
    """A minimal valid checklist document (as parsed YAML): one ja/nee criterion unless sections are given."""
    return {
        "id": "test",
        "version": "1.0.0",
        "title": "Testchecklist",
        "channel": "telefoon",
        "license": "CC-BY-4.0",
        "description": "Een checklist voor de tests.",
        "scales": scales
        if scales is not None
        else {
            "ja-nee": {
                "type": "options",
                "title": "Ja / nee",
                "options": [{"id": "nee", "label": "Nee", "points": 0}, {"id": "ja", "label": "Ja", "points": 1}],
            }
        },
        "sections": list(sections) or [section("opening", criterion("groet"))],
        "relationship": {
            "title": "Vertrouwen behouden?",
            "definition": "De inwoner vertrouwt de gemeente na het contact.",
            "indicators": ["Bedankt de medewerker."],
            "examples": {"good": ["Dank u wel."], "poor": ["Laat maar."]},
            "rationale": "Vertrouwen is het doel.",
            "sources": ["boek"],
        },
        "sources": {"boek": {"title": "Een boek", "publisher": "Een uitgever", "year": 2020}},
    }


def section(sid: str, *criteria: dict[str, Any]) -> dict[str, Any]:
    return {"id": sid, "title": f"Sectie {sid}", "criteria": list(criteria)}


def options_scale(*points: float, title: str = "Schaal") -> dict[str, Any]:
    """An options scale with options o0, o1, … carrying the given points."""
    return {
        "type": "options",
        "title": title,
        "options": [{"id": f"o{i}", "label": f"Optie {i}", "points": p} for i, p in enumerate(points)],
    }


def grade_scale(**extra: Any) -> dict[str, Any]:
    return {"type": "grade", "title": "Rapportcijfer", **extra}


def build(data: dict[str, Any]) -> Checklist:
    """A checklist model from a document that must be valid."""
    return Checklist.model_validate(data)


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML for a document, as an author would write it."""
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def line_no(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `needle` (found by reading the text, not the loader)."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} occurs {len(hits)} time(s) in:\n{text}"
    return hits[occurrence - 1]


def opt(option: str, comment: str = "") -> Answer:
    return Answer(option=option, comment=comment)


NA = Answer(na=True)


def read_yaml(path: Path) -> Any:
    """A YAML file as plain data (the core validates data; reading files is the build's job)."""
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def shipped(checklist_id: str) -> Checklist:
    """A checklist from checklists/, which must be valid."""
    result = validate_checklist(read_yaml(CHECKLIST_DIR / f"{checklist_id}.yaml"))
    assert result.checklist is not None, result.problems
    return result.checklist
