"""What `check` and `score` found, as objects: printed for people, or as JSON for machines.

The exit status is derived from the report, never decided where a problem is
found. The JSON form is described by the models below; `ijkpunt schemas`
publishes their JSON Schemas next to those of the formats.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ijkpunt_core import __version__
from ijkpunt_core.calibration import Calibration
from ijkpunt_core.messages import WORDS
from ijkpunt_core.problems import Lang

from .diagnostics import Diagnostic


class DiagnosticOut(BaseModel):
    """One problem, placed in a file."""

    model_config = ConfigDict(frozen=True)

    file: str = Field(description="Bestand, relatief aan de projectmap.")
    line: int = Field(description="Regel (vanaf 1).")
    path: list[str | int] = Field(description="Plek in het document als lijst van sleutels.")
    where: str = Field(description="Dezelfde plek, leesbaar, met de ids erin.")
    code: str = Field(description="Vaste code; zie 'Foutcodes' in het formaat voor auteurs.")
    severity: Literal["error", "warning"]
    message: str = Field(description="De melding in de gekozen taal.")
    params: dict[str, str | int | float] = Field(description="De waarden in de melding, per naam.")
    allowed: list[str] = Field(description="Wat wel is toegestaan, als dat bekend is.")


class Report(BaseModel):
    """Common to every report."""

    model_config = ConfigDict(frozen=True)

    tool_version: str = __version__
    lang: Lang
    errors: int
    warnings: int
    exit_code: int = Field(description="0: in orde; 1: problemen gevonden; 2: invoer onbruikbaar.")
    diagnostics: list[DiagnosticOut]


class CheckReport(Report):
    """`ijkpunt check --json`: every problem in the project's documents."""

    report: Literal["check"] = "check"
    files_checked: int
    strict: bool


class ChecklistMatch(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    content_hash: str
    exact: bool = Field(description="Waar als precies de versie is gevonden waarmee de beoordeling is gemaakt.")


class ScoreReport(Report):
    """`ijkpunt score --json`: an exported evaluation recomputed by the core."""

    report: Literal["score"] = "score"
    file: str
    checklist: ChecklistMatch | None
    scores: dict[str, Any] | None = Field(description="De scores zoals de rekenregels ze berekenen.")


class CalibrationReport(Report):
    """`ijkpunt calibrate --json`: result codes of a calibration session, combined into figures."""

    report: Literal["calibrate"] = "calibrate"
    kit: str
    files: list[str] = Field(description="De gelezen bestanden met resultaatcodes.")
    codes_read: int = Field(description="Gelezen codes (zonder lege regels en commentaar).")
    codes_used: int = Field(description="Codes die meetellen: geweigerde en dubbele codes tellen niet.")
    calibration: Calibration | None = Field(description="De cijfers; leeg als geen enkele code bruikbaar is.")


def diagnostics_out(diagnostics: list[Diagnostic], lang: Lang) -> list[DiagnosticOut]:
    return [DiagnosticOut.model_validate(d.to_json(lang)) for d in diagnostics]


def check_report(diagnostics: list[Diagnostic], files: int, strict: bool, lang: Lang) -> CheckReport:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    failed = errors or (strict and warnings)
    return CheckReport(
        lang=lang,
        errors=errors,
        warnings=warnings,
        exit_code=1 if failed else 0,
        diagnostics=diagnostics_out(diagnostics, lang),
        files_checked=files,
        strict=strict,
    )


def score_report(
    file: str,
    diagnostics: list[Diagnostic],
    lang: Lang,
    *,
    usable: bool,
    checklist: ChecklistMatch | None = None,
    scores: dict[str, Any] | None = None,
) -> ScoreReport:
    errors = sum(d.is_error for d in diagnostics)
    return ScoreReport(
        lang=lang,
        errors=errors,
        warnings=len(diagnostics) - errors,
        exit_code=2 if not usable else (1 if errors else 0),
        diagnostics=diagnostics_out(diagnostics, lang),
        file=file,
        checklist=checklist,
        scores=scores,
    )


def calibration_report(
    kit: str,
    files: list[str],
    diagnostics: list[Diagnostic],
    lang: Lang,
    *,
    codes_read: int,
    calibration: Calibration | None,
) -> CalibrationReport:
    """Exit 2 when nothing is usable (unknown kit, no good code), 1 when some codes were refused."""
    errors = sum(d.is_error for d in diagnostics)
    used = len(calibration.participants) if calibration else 0
    return CalibrationReport(
        lang=lang,
        errors=errors,
        warnings=len(diagnostics) - errors,
        exit_code=2 if calibration is None else (1 if errors else 0),
        diagnostics=diagnostics_out(diagnostics, lang),
        kit=kit,
        files=files,
        codes_read=codes_read,
        codes_used=used,
        calibration=calibration,
    )


SUMMARY = {
    "nl": "{files} bestand(en) gecontroleerd: {errors} {error_word}, {warnings} {warning_word}",
    "en": "{files} file(s) checked: {errors} {error_word}, {warnings} {warning_word}",
}


def summary(report: CheckReport) -> str:
    words = WORDS[report.lang]
    return SUMMARY[report.lang].format(
        files=report.files_checked,
        errors=report.errors,
        warnings=report.warnings,
        error_word=words["error_count"],
        warning_word=words["warning_count"],
    )
