"""Builders for tests: a minimal valid checklist to modify per test, and small YAML helpers.

Imports only the core (and test libraries), so core tests never load the build package.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluation import Answer, Draft
from ijkpunt_core.validate import validate_checklist

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST_DIR = ROOT / "checklists"
SHIPPED = sorted(CHECKLIST_DIR.glob("*.yaml"))


def criterion(cid: str = "groet", *, scale: str = "ja-nee", kind: str = "quality", **extra: Any) -> dict[str, Any]:
    """One valid criterion; `extra` adds or overrides keys (weight, critical, na, …).

    Anchors are filled in by :func:`minimal_checklist` from the criterion's scale unless given."""
    return {
        "id": cid,
        "title": f"Criterium {cid}",
        "kind": kind,
        "scale": scale,
        **extra,
        "definition": f"De medewerker doet wat goed is bij {cid}.",
        "indicators": ["Is hoorbaar vriendelijk."],
        "examples": {"good": ["Goedemorgen."], "poor": ["Ja?"]},
        "rationale": "Dit bouwt vertrouwen op.",
        "kpi": "vertrouwen",
        "sources": ["boek"],
    }


def minimal_checklist(
    *sections: dict[str, Any], scales: dict[str, Any] | None = None, policy: str = "zero-score"
) -> dict[str, Any]:
    """A minimal valid checklist document (as parsed YAML): one ja/nee criterion unless sections are given."""
    document = {
        "id": "test",
        "version": "1.0.0",
        "title": "Testchecklist",
        "channel": "telefoon",
        "license": "CC-BY-4.0",
        "description": "Een checklist voor de tests.",
        "critical_policy": policy,
        "bands": [
            {"id": "onvoldoende", "label": "Onvoldoende", "min": 0, "description": "Onder de maat."},
            {"id": "voldoende", "label": "Voldoende", "min": 67, "description": "Op orde."},
            {"id": "goed", "label": "Goed", "min": 80, "description": "Zoals het hoort."},
        ],
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
        "critical_errors": [
            {"id": "onjuiste-informatie", "title": "Onjuiste informatie", "description": "Gaf een fout antwoord."}
        ],
        "relationship": {
            "title": "Relatie verzwakt, behouden of versterkt?",
            "definition": "Hoe de inwoner na het contact tegenover de gemeente staat.",
            "anchors": {"weakened": "Laat maar.", "kept": "Oké, dank u.", "strengthened": "Fijn geholpen, dank u wel!"},
            "indicators": ["Bedankt de medewerker."],
            "rationale": "Vertrouwen is het doel.",
            "sources": ["boek"],
        },
        "targets": {
            "as_of": date(2026, 11, 28),
            "source": "boek",
            "direct_min": 0.8,
            "transferred_or_callback_max": 0.2,
            "transferred_once_max": 0.15,
            "transferred_repeatedly_max": 0.05,
        },
        "changes": [{"version": "1.0.0", "date": date(2026, 11, 28), "summary": "Eerste versie."}],
        "sources": {"boek": {"title": "Een boek", "publisher": "Een uitgever", "year": 2020}},
    }
    with_anchors(document)
    return document


def with_anchors(document: dict[str, Any]) -> dict[str, Any]:
    """Give every criterion on an options scale an anchor per option, unless it has anchors (tests remove them)."""
    scales = document.get("scales") or {}
    for s in document.get("sections") or []:
        for c in s.get("criteria") or []:
            scale = scales.get(c.get("scale")) if isinstance(c, dict) else None
            if isinstance(scale, dict) and scale.get("type") == "options" and "anchors" not in c:
                c["anchors"] = {o["id"]: f"Wat je ziet bij {o['id']} voor {c['id']}." for o in scale["options"]}
    return document


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


def a_draft(**changes: Any) -> Draft:
    """A draft with the metadata an export needs (no answers unless given); `changes` override fields."""
    fields: dict[str, Any] = {
        "id": "0b6f1c9e-2a51-4c8e-9d0e-5f1a2b3c4d5e",
        "evaluator": "coach-1",
        "agent": "A7",
        "contact_date": "2026-11-02",
        "created_at": "2026-11-02T10:00:00Z",
    }
    return Draft.model_validate(fields | changes)


def survey_checklist() -> dict[str, Any]:
    """A minimal valid survey: two questions on a 1–10 mark (7 = voldoende), each with an importance question (1–5)."""
    document = minimal_checklist(
        section(
            "oordeel",
            criterion("geholpen", scale="cijfer"),
            criterion("belang-geholpen", scale="belang", kind="importance", importance_of="geholpen"),
            criterion("resultaat", scale="cijfer"),
            criterion("belang-resultaat", scale="belang", kind="importance", importance_of="resultaat"),
        ),
        scales={
            "cijfer": grade_scale(min=1, max=10, pass_mark=7),
            "belang": {"type": "grade", "title": "Belang", "min": 1, "max": 5, "pass_mark": 4},
        },
    )
    document["id"] = "enquete"
    document["kind"] = "survey"
    document["critical_errors"] = []
    return document
