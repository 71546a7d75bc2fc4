"""A JSON-in, JSON-out facade over the core, for the browser worker.

Strings cross the JavaScript/Python boundary, so the browser needs no
knowledge of the models and every rule stays in Python.
"""

from __future__ import annotations

import json
from typing import Any

from .evaluate import answer_problems, evaluate, export_filename
from .form_input import draft_from_form, form_field
from .privacy import personal_data_problems
from .problems import Lang, Problem, render
from .scoring import applicability, running_quality, score
from .settings import ScoringSettings
from .translation import read_published
from .versions import checklist_changes


class Form:
    """One checklist, parsed once, scoring the form's raw values as the evaluator answers.

    Both methods take the form as the page holds it, as JSON:
    ``{"id": uuid, "created_at": iso, "values": {input name: string}}`` (see ``form_input``).
    Every problem carries ``field``: the form input it is about, or null.
    """

    def __init__(self, checklist_json: str, lang: Lang = "nl", settings_json: str | None = None) -> None:
        """``settings_json``: the municipality's scoring settings as the site publishes them (none: the defaults)."""
        self.checklist = read_published(checklist_json)
        self.lang: Lang = lang
        self.settings = ScoringSettings.model_validate_json(settings_json) if settings_json else None

    def live(self, form_json: str) -> str:
        """Scores so far, a provisional running score, problems with the input, and privacy notices.

        ``applies``: for every criterion with a condition, whether it applies now; the page shows only those that do.
        """
        draft, form_problems = draft_from_form(_parse(form_json), self.checklist)
        if draft is None:
            return _dump(
                {
                    "scores": None,
                    "running": None,
                    "problems": self._located(form_problems),
                    "privacy": [],
                    "applies": applicability(self.checklist, {}, self.settings),
                }
            )
        privacy = self._located(personal_data_problems(draft))
        problems = self._located(form_problems + answer_problems(self.checklist, draft))
        d = draft
        scores = score(self.checklist, d.answers, d.relationship, d.outcome, d.critical_errors, self.settings)
        provisional = not scores.complete or bool(problems)
        shown = (
            running_quality(self.checklist, d.answers, d.critical_errors, self.settings)
            if provisional
            else scores.quality
        )
        band = self.checklist.band_of(shown)
        running = {
            "quality": shown,
            "provisional": provisional,
            "band": {"id": band.id, "label": band.label} if band else None,
        }
        return _dump(
            {
                "scores": scores.model_dump(mode="json"),
                "running": running,
                "problems": problems,
                "privacy": privacy,
                "applies": applicability(self.checklist, draft.answers, self.settings),
            }
        )

    def export(self, form_json: str) -> str:
        """The evaluation to download, its file name and whether it is complete, or what stops the export."""
        draft, form_problems = draft_from_form(_parse(form_json), self.checklist)
        refused = {"evaluation": None, "filename": None, "complete": False}
        if draft is None:
            return _dump({**refused, "problems": self._located(form_problems), "privacy": []})
        privacy = self._located(personal_data_problems(draft))
        result = evaluate(self.checklist, draft, settings=self.settings)
        if form_problems or result.evaluation is None:
            return _dump({**refused, "problems": self._located(form_problems + result.problems), "privacy": privacy})
        return _dump(
            {
                "evaluation": result.evaluation.model_dump(mode="json"),
                "filename": export_filename(result.evaluation),
                "complete": result.evaluation.scores.complete,
                "problems": [],
                "privacy": privacy,
            }
        )

    def changes(self, old_checklist_json: str) -> str:
        """What changed from the version a draft was started on (its published JSON) to this form's checklist."""
        old = read_published(old_checklist_json)
        return _dump(
            {
                "old": {"id": old.id, "version": old.version},
                "new": {"id": self.checklist.id, "version": self.checklist.version},
                "changes": [c.model_dump() for c in checklist_changes(old, self.checklist)],
            }
        )

    def _located(self, problems: list[Problem]) -> list[dict[str, Any]]:
        """Problems as the page shows them: code, place and field as data, the text in the page's language."""
        return [
            {
                "code": p.code.value,
                "severity": p.severity,
                "path": list(p.path),
                "params": dict(p.params),
                "message": render(p, self.lang),
                "field": form_field(p.path),
            }
            for p in problems
        ]


def _parse(form_json: str) -> dict[str, Any]:
    try:
        raw = json.loads(form_json)
    except ValueError:
        return {}
    return raw if isinstance(raw, dict) else {}


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)
