"""A JSON-in, JSON-out facade over the calibration core, for the kit pages' worker.

One :class:`KitPage` per page: the published kit and the checklist version it pins, parsed once.
Training compares a trainee's form with the key; a session participant's forms become a result code;
the results page combines codes and result files into the session's figures. Every rule stays in
Python; the page only shows what comes back.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from .calibration import DEFAULT_THRESHOLD, Calibration, calibrate
from .checklist import Checklist
from .evaluation import Answer
from .form_input import draft_from_form, form_field
from .kit import KitContact
from .kit_publication import KitKeys, PublishedKit
from .problems import Code, Lang, Problem, render
from .result_code import NAME_MAX, Result, ResultContact, codes_in_text, encode, layout, read_codes
from .text_safety import spreadsheet_text
from .training import compare

__all__ = ["MAX_RESULT_FILE", "KitPage", "calibration_csv"]

MAX_RESULT_FILE = 1_000_000
"""A result file is a few kilobytes; anything far larger is not one."""


class KitPage:
    """One kit, for training, a session and its results. Methods take and return JSON strings."""

    def __init__(self, published_json: str, checklist_json: str, lang: Lang = "nl") -> None:
        self.published = PublishedKit.model_validate_json(published_json)
        self.checklist = Checklist.model_validate_json(checklist_json)
        self.kit = self.published.kit
        self.layout = layout(self.kit, self.checklist)
        self.keys: KitKeys | None = self.published.keys
        self.lang: Lang = lang

    # the key -------------------------------------------------------------------------------------

    def open(self, keys_json: str) -> str:
        """Take the key a sealed kit hid (the text Web Crypto decrypted); the facilitator notes back."""
        keys = KitKeys.model_validate_json(keys_json)
        if [c.id for c in keys.contacts] != self.kit.contacts:
            raise ValueError("the opened key is not this kit's key")
        self.keys = keys
        return _dump({"facilitator_notes": keys.facilitator_notes})

    def key(self, contacts_json: str) -> str:
        """The key of the given contacts (all when empty), criterion by criterion, with its rationales."""
        keys = self._keys()
        chosen = set(json.loads(contacts_json) or self.kit.contacts)
        return _dump(
            {
                "contacts": [
                    {"id": c.id, "title": c.title, **compare(self.checklist, c, {}).model_dump(mode="json")}
                    for c in keys.contacts
                    if c.id in chosen
                ]
            }
        )

    # training ------------------------------------------------------------------------------------

    def train(self, contact_id: str, form_json: str) -> str:
        """The trainee's form next to the key of one contact, or the problems with the form."""
        contact = self._contact(contact_id)
        answers, errors, relationship, problems = self._answers(form_json)
        if problems:
            return _dump({"training": None, "problems": self._located(problems)})
        training = compare(self.checklist, contact, answers, errors, relationship)
        return _dump({"training": training.model_dump(mode="json"), "problems": []})

    # a session participant -----------------------------------------------------------------------

    def code(self, participant: str, forms_json: str) -> str:
        """One participant's result code and result file, from their forms per contact (in any order)."""
        forms: Mapping[str, Any] = json.loads(forms_json)
        problems: list[Problem] = []
        name = participant.strip()
        if not 1 <= len(name) <= NAME_MAX or any(not c.isprintable() for c in name):
            problems.append(Problem(Code.PARTICIPANT_NAME, ("participant",), {"limit": NAME_MAX}))
        contacts: list[ResultContact] = []
        for contact_id in self.kit.contacts:
            if contact_id not in forms:
                continue
            answers, errors, _, found = self._answers(json.dumps(forms[contact_id]))
            problems += found
            contacts.append(
                ResultContact(contact=contact_id, answers=_without_comments(answers), critical_errors=errors)
            )
        if problems or not contacts:
            return _dump({"code": None, "result": None, "filename": None, "problems": self._located(problems)})
        code = encode(self.layout, name, contacts)
        result = Result(
            kit=self.kit.id,
            kit_version=self.kit.version,
            fingerprint=self.layout.fingerprint.hex(),
            participant=name,
            contacts=contacts,
            code=code,
        )
        filename = f"kalibratie-{self.kit.id}-{_slug(name)}.json"
        return _dump({"code": code, "result": result.model_dump(mode="json"), "filename": filename, "problems": []})

    # the results page ----------------------------------------------------------------------------

    def combine(self, sources_json: str, focus_json: str = "null", threshold: float | None = None) -> str:
        """The session's figures from pasted text and result files.

        ``sources``: ``[{"name": shown name, "kind": "text" | "file", "text": content}]``; a text holds
        codes among other words (a chat), a file is a result file (JSON) or a text file of codes.
        Returns the calibration (null when no code was usable) and, per refused or repeated code, where
        it was and why. ``threshold`` (points, 0–100) replaces the default for mild and streng.
        """
        if threshold is None or not 0 <= threshold <= 100:  # from a hand-edited link: keep the default
            threshold = DEFAULT_THRESHOLD
        entries: list[tuple[str, int, str]] = []
        problems: list[dict[str, Any]] = []
        for source in json.loads(sources_json):
            name, text = str(source["name"]), str(source["text"])
            if source.get("kind") == "file" and name.lower().endswith(".json"):
                found = _code_in_file(text)
                if isinstance(found, Problem):
                    problems.append(self._refusal(name, 1, found))
                else:
                    entries.append((name, 1, found))
            else:
                entries += [(name, line, code) for line, code in codes_in_text(text)]
        results, refused = read_codes(entries, self.layout)
        problems += [self._refusal(entries[i][0], entries[i][1], p, entries[i][2]) for i, p in refused]
        focus = json.loads(focus_json)
        known = {c.id for c in self.checklist.criteria()}
        chosen = [f for f in focus if f in known] if isinstance(focus, list) else None
        keys = self.keys.contacts if self.keys is not None else None
        calibration = calibrate(self.kit, self.checklist, keys, results, threshold, chosen) if results else None
        return _dump(
            {
                "calibration": calibration.model_dump(mode="json") if calibration else None,
                "csv": calibration_csv(calibration, self.lang) if calibration else None,
                "codes_read": len(entries),
                "problems": problems,
                "key_known": self.keys is not None,
            }
        )

    # helpers -------------------------------------------------------------------------------------

    def _keys(self) -> KitKeys:
        if self.keys is None:
            raise ValueError("the key is sealed: open it with the passphrase first")
        return self.keys

    def _contact(self, contact_id: str) -> KitContact:
        contact = next((c for c in self._keys().contacts if c.id == contact_id), None)
        if contact is None:
            raise ValueError(f"kit {self.kit.id!r} has no contact {contact_id!r}")
        return contact

    def _answers(self, form_json: str) -> tuple[dict[str, Answer], list[str], Any, list[Problem]]:
        """Answers, ticked critical errors and the relationship answer of a form (only those count here)."""
        raw = json.loads(form_json)
        draft, problems = draft_from_form(raw if isinstance(raw, dict) else {}, self.checklist)
        if draft is None:
            return {}, [], None, problems
        kept = [p for p in problems if p.path and p.path[0] in ("answers", "critical_errors", "relationship")]
        return dict(draft.answers), list(draft.critical_errors), draft.relationship, kept

    def _located(self, problems: Sequence[Problem]) -> list[dict[str, Any]]:
        return [
            {
                "code": p.code.value,
                "severity": p.severity,
                "message": render(p, self.lang),
                "field": form_field(p.path),
            }
            for p in problems
        ]

    def _refusal(self, source: str, line: int, problem: Problem, code: str = "") -> dict[str, Any]:
        return {
            "source": source,
            "line": line,
            "code": code[:24] + ("…" if len(code) > 24 else ""),
            "problem": problem.code.value,
            "severity": problem.severity,
            "message": render(problem, self.lang),
        }


CSV_HEADER = {
    "nl": ("soort", "id", "titel", "maat", "waarde"),
    "en": ("kind", "id", "title", "measure", "value"),
}


def calibration_csv(calibration: Calibration, lang: Lang = "nl") -> str:
    """The session's figures in long form (one figure per row) for a spreadsheet.

    Dutch: ``;`` between fields and a decimal comma, as Dutch Excel reads a CSV; English: ``,`` and a point.
    A UTF-8 byte order mark makes Excel read the accents right.
    """
    comma = lang == "nl"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if comma else ",", lineterminator="\r\n")
    writer.writerow(CSV_HEADER[lang])

    def number(value: float | None) -> str:
        if value is None:
            return ""
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if comma else text

    def row(kind: str, first: str, second: str, measure: str, value: str) -> None:
        # titles and participants' names (from result codes anyone can write) must not start a formula
        writer.writerow((kind, spreadsheet_text(first), spreadsheet_text(second), spreadsheet_text(measure), value))

    for c in calibration.criteria:
        figures = {
            "percent_agreement": c.percent_agreement,
            "krippendorff_alpha": c.krippendorff_alpha,
            "gwet_ac1": c.gwet_ac1,
            "applicability_agreement": c.applicability_agreement,
            "key_agreement": c.key_agreement,
        }
        for measure, value in figures.items():
            row("criterion", c.criterion, c.title, measure, number(value))
        for answer, count in c.spread.items():
            row("criterion", c.criterion, c.title, f"count:{answer or '-'}", str(count))
    for p in calibration.participants:
        row("participant", p.participant, p.participant, "key_agreement", number(p.key_agreement))
        row("participant", p.participant, p.participant, "mean_difference", number(p.mean_difference))
        for d in p.differences:
            row("participant", p.participant, d.contact, "quality", number(d.quality))
            row("participant", p.participant, d.contact, "difference", number(d.difference))
    return "\ufeff" + out.getvalue()


def _code_in_file(text: str) -> str | Problem:
    """The code of a result file; the rest of the file is checked, not trusted (the code carries the answers)."""
    if len(text) > MAX_RESULT_FILE:
        return Problem(Code.NOT_A_RESULT_FILE, (), {"detail": f"{len(text)} tekens"})
    try:
        return Result.model_validate_json(text, strict=True).code
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "—"
        return Problem(Code.NOT_A_RESULT_FILE, (), {"detail": f"{where}: {first['msg']}"})


def _without_comments(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """A result holds choices only: comments stay on the participant's device."""
    return {cid: Answer(option=a.option, grade=a.grade, na=a.na) for cid, a in answers.items() if a.answered}


def _slug(name: str) -> str:
    kept = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in kept.split("-") if part) or "deelnemer"


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)
