"""Aggregation: exported evaluations in, figures per channel, department, team, agent, evaluator, mode and period out.

One pass, streaming: each evaluation is read, checked (the core rescoring it: stored scores must match
the answers), reduced to a small :class:`Fact`, and added to running accumulators; nothing keeps the
evaluations themselves. The browser keeps the facts (a few numbers each) so that filters can change
without reading the files again; the CLI does not keep even those.

What counts, by default: the performance modes (monitoring and self-assessment). Calibration and
training are counted as excluded, never silently dropped; a refused file is listed with its reason.

Rules (tested in tests/core/test_aggregate.py):

* quality is the evaluation's quality score (0–100), a mean with a 95% normal interval;
* knock-out rate: the share of evaluations that failed on a critical criterion or error;
* compliance rate: the share of evaluations where every applicable compliance criterion was met, and
  per compliance criterion the share of applicable evaluations where it failed;
* relationship and outcome: shares of the evaluations that answered them;
* per criterion: mean points (0–100) for quality criteria, pass rate for compliance criteria, over the
  evaluations where it applied; criteria are keyed by checklist id and criterion id, so versions of a
  checklist aggregate on the criteria they share, and a note says which criteria not every version has;
* every share has its n and a Wilson interval; a group is only called higher or lower than the whole
  when its interval does not overlap the whole's;
* agents with fewer evaluations than ``min_n`` are not shown (only how many were hidden);
* evaluator drift: an evaluator's mean quality minus that of the other evaluators on the same
  checklist, with a 95% interval (Welch); flagged when the interval excludes 0;
* citizen surveys (checklist ``kind: survey``) are a different measurement: they never enter the quality
  figures above (groups, criteria, drift) and are reported per survey in ``surveys``: per question the mean
  mark with its interval, the share of marks at or above the pass mark (Wilson), the mean importance, and
  the priority matrix quadrant (split at the mean importance and the mean mark over the questions); the
  relationship and outcome shares. Mode and filters apply as to any evaluation; with an agent filter, a
  survey with fewer than ``min_n`` answers is hidden;
* responses and disputes (``reviews``): over the counted evaluations a coach made of an agent (monitoring,
  training), the share the agent responded to and the share disputed; per criterion how often it was
  disputed and what the coach decided (upheld, partly upheld, rejected, or still open).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .checklist import Checklist, GradeScale, OptionsScale, OutcomeTargets
from .evaluate import rescore
from .evaluation import AgentResponse, Answer, Evaluation, Mode
from .problems import Code, Param, Problem
from .review import REVIEWED_MODES
from .scoring import Judged, judge
from .settings import Targets
from .stats import Z95, Direction, MeanAccumulator, MeanFigure, RateAccumulator, RateFigure, compare
from .translation import read_published

__all__ = [
    "DIMENSIONS",
    "MAX_EVALUATION_CHARS",
    "PERFORMANCE_MODES",
    "AggregateConfig",
    "AggregateReport",
    "Aggregator",
    "ChecklistIndex",
    "Fact",
    "fact_of",
    "period_of",
]

Dimension = Literal["channel", "department", "team", "agent", "evaluator", "mode", "period"]
DIMENSIONS: tuple[Dimension, ...] = ("channel", "department", "team", "agent", "evaluator", "mode", "period")
Period = Literal["week", "month", "quarter"]
PERFORMANCE_MODES: tuple[Mode, ...] = ("monitoring", "self-assessment")
DEFAULT_MIN_N = 5
MAX_EVALUATION_CHARS = 1_000_000
"""An exported evaluation is a few kilobytes; far larger text is not one (and is not parsed)."""
SCORE_RANGE = (0.0, 100.0)


# reading ------------------------------------------------------------------------------------------------


class ChecklistIndex:
    """The checklists evaluations may refer to: every published version by content hash, the current by id."""

    def __init__(
        self, current: Iterable[Checklist], versions: Iterable[Checklist] = (), targets: Targets | None = None
    ) -> None:
        self.by_id = {c.id: c for c in current}
        self.by_hash = {c.content_hash(): c for c in [*versions, *self.by_id.values()]}
        # the municipality's own targets (instellingen.yaml): they replace a checklist's for its channel
        self.targets = targets or Targets()

    def outcome_targets(self, channel: str) -> OutcomeTargets | None:
        """The outcome targets of a channel: the municipality's own, else its current checklist's."""
        own = next((t for name, t in self.targets.channels.items() if name == channel), None)
        if own is not None:
            return own.outcome_targets()
        checklist = next((c for c in self.by_id.values() if c.channel == channel and c.targets), None)
        return checklist.targets if checklist else None

    @classmethod
    def from_json(cls, checklists_json: str) -> ChecklistIndex:
        """From the pages' ``{"current": [checklist, …], "versions": [checklist, …], "targets": …}`` (the published
        documents; ``targets``, the municipality's own, only when it set any)."""
        data = json.loads(checklists_json)
        # JSON mode: dates arrive as text, which the strict authoring model accepts only from JSON
        # a published document may carry texts in the site's language beside the Dutch checklist
        current = [read_published(c) for c in data["current"]]
        versions = [read_published(c) for c in data.get("versions", [])]
        targets = Targets.model_validate_json(json.dumps(data["targets"])) if data.get("targets") else None
        return cls(current, versions, targets)

    def find(self, checklist_id: str, content_hash: str) -> Checklist | None:
        """The exact version when it is known, else the current version of that id."""
        exact = self.by_hash.get(content_hash)
        return exact if exact is not None and exact.id == checklist_id else self.by_id.get(checklist_id)


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to make, and the dashboard makes one per evaluation
class Fact:
    """What the aggregation needs of one evaluation (never changed once made)."""

    id: str
    checklist: str
    version: str
    channel: str
    department: str
    team: str
    agent: str
    evaluator: str
    mode: str
    date: dt.date
    quality: float | None
    failed: bool  # a critical criterion not met or a critical error flagged
    compliant: bool | None  # every applicable compliance criterion met; None when none applied
    compliance: tuple[tuple[str, bool], ...]  # (criterion, met) for applicable compliance criteria
    points: tuple[tuple[str, float], ...]  # (criterion, 0–100) for applicable quality criteria
    relationship: str | None
    outcome: str | None  # "direct", "transferred" or "callback"
    transfers: int
    survey: bool = False  # a citizen survey: reported apart, never in the quality figures
    marks: tuple[tuple[str, float], ...] = ()  # survey: (question, mark as answered) for answered questions
    importance: tuple[tuple[str, float], ...] = ()  # survey: (question it is about, importance as answered)
    responded: bool = False  # the agent acknowledged or disputed it
    disputed: tuple[str, ...] = ()  # criteria the agent disputed (any response)
    rulings: tuple[tuple[str, str], ...] = ()  # (criterion, upheld | partly-upheld | rejected) of the coach

    def value(self, dimension: Dimension, period: Period) -> str:
        return period_of(self.date, period) if dimension == "period" else str(getattr(self, dimension))


def fact_of(evaluation: Evaluation, checklist: Checklist, judged: Sequence[Judged] = ()) -> Fact:
    """Reduce a checked evaluation to its fact (``checklist``: the version it was scored with).

    ``judged``: its answers as :func:`~ijkpunt_core.scoring.judge` judged them when it was rescored.
    """
    compliance: list[tuple[str, bool]] = []
    points: list[tuple[str, float]] = []
    marks: list[tuple[str, float]] = []
    importance: list[tuple[str, float]] = []
    for j in judged or judge(checklist, evaluation.answers, evaluation.settings):
        if j.na or not j.answered:
            continue
        criterion = j.criterion
        if criterion.kind == "importance":
            answer = evaluation.answers[criterion.id]
            importance.append(
                (criterion.importance_of or criterion.id, _as_answered(checklist.scale_of(criterion), answer))
            )
        elif criterion.kind == "compliance":
            compliance.append((criterion.id, bool(j.met)))
        elif j.value is not None:
            points.append((criterion.id, round(100 * j.value, 4)))
            if checklist.is_survey:
                answer = evaluation.answers[criterion.id]
                marks.append((criterion.id, _as_answered(checklist.scale_of(criterion), answer)))
    outcome = evaluation.outcome
    history = evaluation.review.history if evaluation.review else []
    disputed = [d.criterion for e in history if isinstance(e, AgentResponse) for d in e.disputes]
    rulings = [(r.criterion, r.decision) for e in history if not isinstance(e, AgentResponse) for r in e.rulings]
    return Fact(
        id=str(evaluation.id),
        checklist=checklist.id,
        version=checklist.version,
        channel=evaluation.channel,
        department=evaluation.department,
        team=evaluation.team,
        agent=evaluation.agent,
        evaluator=evaluation.evaluator,
        mode=evaluation.mode,
        date=evaluation.contact_date,
        quality=evaluation.scores.quality,
        failed=evaluation.scores.critical.failed,
        compliant=all(met for _, met in compliance) if compliance else None,
        compliance=tuple(compliance),
        points=tuple(points),
        relationship=evaluation.relationship,
        outcome=outcome.result if outcome else None,
        transfers=outcome.transfers if outcome else 0,
        survey=checklist.is_survey,
        marks=tuple(marks),
        importance=tuple(importance),
        responded=bool(history),
        disputed=tuple(disputed),
        rulings=tuple(rulings),
    )


def _as_answered(scale: OptionsScale | GradeScale, answer: Answer) -> float:
    """A survey answer in the scale's own terms: the grade, or the option's points."""
    if isinstance(scale, GradeScale):
        return float(answer.grade if answer.grade is not None else scale.min)
    option = scale.option(answer.option or "")
    return option.points if option is not None else scale.min_points


def period_of(day: dt.date, period: Period) -> str:
    """``2026-W37``, ``2026-09`` or ``2026-K3`` (kwartaal)."""
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "quarter":
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


Checked = tuple[Evaluation, Checklist, tuple[Judged, ...]]
"""A checked evaluation, the checklist version it was scored with and its answers as judged."""


def read_evaluation(text: str, index: ChecklistIndex) -> Checked | Problem:
    """One exported evaluation, checked as ``ijkpunt score`` checks it, or the reason it is refused."""
    if len(text) > MAX_EVALUATION_CHARS:
        return Problem(Code.FILE_TOO_LARGE, (), {"size": len(text), "limit": MAX_EVALUATION_CHARS})
    try:  # the common case in one step: pydantic's own JSON parser, no dictionary in between
        evaluation = Evaluation.model_validate_json(text)
    except ValidationError as exc:  # say precisely why, or read an older format: the import's careful reader
        return _careful(text, exc, index)
    return _checked(evaluation, index)


def _careful(text: str, json_error: ValidationError, index: ChecklistIndex) -> Checked | Problem:
    from .importing import check, read_carefully  # imported late: only refusals and older formats need it

    read = read_carefully(text, json_error)
    if isinstance(read, Problem):
        return read
    imported = check(read, index)
    if imported.evaluation is None or imported.checklist is None:
        refusal = imported.refusal
        assert refusal is not None
        return refusal
    return imported.evaluation, imported.checklist, imported.judged


def _checked(evaluation: Evaluation, index: ChecklistIndex) -> Checked | Problem:
    checklist = index.find(evaluation.checklist.id, evaluation.checklist.content_hash)
    if checklist is None:
        params: dict[str, Param] = {"checklist": evaluation.checklist.id}
        return Problem(Code.UNKNOWN_CHECKLIST, ("checklist", "id"), params, allowed=tuple(sorted(index.by_id)))
    result = rescore(checklist, evaluation)
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        return errors[0]
    return evaluation, checklist, result.judged


# accumulating -----------------------------------------------------------------------------------------


_OUTCOMES = ("direct", "transferred_once", "transferred_repeatedly", "callback")
_RELATIONSHIP = ("weakened", "kept", "strengthened")


@dataclass(slots=True)
class _Group:
    quality: MeanAccumulator = field(default_factory=MeanAccumulator)
    failed: RateAccumulator = field(default_factory=RateAccumulator)
    compliant: RateAccumulator = field(default_factory=RateAccumulator)
    compliance_failed: dict[tuple[str, str], RateAccumulator] = field(default_factory=dict)
    relationship: dict[str, RateAccumulator] = field(
        default_factory=lambda: {r: RateAccumulator() for r in _RELATIONSHIP}
    )
    outcome: dict[str, RateAccumulator] = field(default_factory=lambda: {o: RateAccumulator() for o in _OUTCOMES})
    criteria: dict[tuple[str, str], MeanAccumulator | RateAccumulator] = field(default_factory=dict)
    channels: set[str] = field(default_factory=set)
    n: int = 0

    def add(self, fact: Fact, with_criteria: bool) -> None:
        self.n += 1
        self.channels.add(fact.channel)
        if fact.quality is not None:
            self.quality.add(fact.quality)
        self.failed.add(fact.failed)
        if fact.compliant is not None:
            self.compliant.add(fact.compliant)
        for criterion, met in fact.compliance:
            self.compliance_failed.setdefault((fact.checklist, criterion), RateAccumulator()).add(not met)
        if fact.relationship is not None:
            for level, acc in self.relationship.items():
                acc.add(fact.relationship == level)
        if fact.outcome is not None:
            kind = (
                fact.outcome
                if fact.outcome != "transferred"
                else ("transferred_once" if fact.transfers <= 1 else "transferred_repeatedly")
            )
            for name, acc in self.outcome.items():
                acc.add(kind == name)
        if with_criteria:
            for criterion, value in fact.points:
                mean = self.criteria.setdefault((fact.checklist, criterion), MeanAccumulator())
                assert isinstance(mean, MeanAccumulator)
                mean.add(value)
            for criterion, met in fact.compliance:
                rate = self.criteria.setdefault((fact.checklist, criterion), RateAccumulator())
                assert isinstance(rate, RateAccumulator)
                rate.add(met)


_RULINGS = ("upheld", "partly-upheld", "rejected")


@dataclass(slots=True)
class _Reviews:
    """Responses and disputes over the evaluations an agent can respond to."""

    responded: RateAccumulator = field(default_factory=RateAccumulator)
    disputed: RateAccumulator = field(default_factory=RateAccumulator)
    criteria: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)

    def add(self, fact: Fact) -> None:
        if fact.mode not in REVIEWED_MODES:
            return
        self.responded.add(fact.responded)
        self.disputed.add(bool(fact.disputed))
        for criterion in fact.disputed:
            counts = self.criteria.setdefault((fact.checklist, criterion), dict.fromkeys(("disputed", *_RULINGS), 0))
            counts["disputed"] += 1
        for criterion, decision in fact.rulings:
            counts = self.criteria.setdefault((fact.checklist, criterion), dict.fromkeys(("disputed", *_RULINGS), 0))
            counts[decision] += 1


_SURVEY_OUTCOMES = ("direct", "transferred", "callback")


@dataclass(slots=True)
class _Survey:
    """One survey's running figures: per question the marks and the importance, and the closing questions."""

    n: int = 0
    marks: dict[str, MeanAccumulator] = field(default_factory=dict)
    sufficient: dict[str, RateAccumulator] = field(default_factory=dict)
    importance: dict[str, MeanAccumulator] = field(default_factory=dict)
    relationship: dict[str, RateAccumulator] = field(
        default_factory=lambda: {r: RateAccumulator() for r in _RELATIONSHIP}
    )
    outcome: dict[str, RateAccumulator] = field(
        default_factory=lambda: {o: RateAccumulator() for o in _SURVEY_OUTCOMES}
    )

    def add(self, fact: Fact, pass_mark: float) -> None:
        self.n += 1
        for question, mark in fact.marks:
            self.marks.setdefault(question, MeanAccumulator()).add(mark)
            self.sufficient.setdefault(question, RateAccumulator()).add(mark >= pass_mark)
        for question, value in fact.importance:
            self.importance.setdefault(question, MeanAccumulator()).add(value)
        if fact.relationship is not None:
            for level, acc in self.relationship.items():
                acc.add(fact.relationship == level)
        if fact.outcome is not None:
            for name, acc in self.outcome.items():
                acc.add(fact.outcome == name)


# the report ---------------------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TargetCheck(_Model):
    """One outcome target of the channel against the group's share."""

    target: Literal[
        "quality_min", "direct_min", "transferred_once_max", "transferred_repeatedly_max", "transferred_or_callback_max"
    ]
    value: float = Field(
        description="De streefwaarde (aandeel 0–1; bij `quality_min` de streefscore van de gemeente / 100)."
    )
    rate: float | None = Field(description="Het aandeel in deze groep (bij `quality_min` de gemiddelde score / 100).")
    met: bool | None = Field(description="Gehaald (op het aandeel zelf), of null zonder gegevens.")
    certain: bool = Field(description="Waar als het hele 95%-interval aan dezelfde kant van de streefwaarde ligt.")


class GroupFigures(_Model):
    """The figures of one group: everything, one team, one month, …"""

    key: str = Field(description="De waarde van de groep ('' voor alles samen).")
    n: int = Field(description="Aantal beoordelingen.")
    quality: MeanFigure = Field(description="Kwaliteitsscore (0–100).")
    knockout: RateFigure = Field(description="Aandeel niet geslaagd door een kritiek criterium of een kritieke fout.")
    compliance: RateFigure = Field(description="Aandeel waarin elk toepasselijk regelcriterium is gehaald.")
    compliance_failures: dict[str, RateFigure] = Field(
        description="Per regelcriterium (checklist/criterium): aandeel niet gehaald."
    )
    relationship: dict[str, RateFigure] = Field(description="Aandeel verzwakt, behouden, versterkt.")
    outcome: dict[str, RateFigure] = Field(
        description="Aandeel direct beantwoord, één keer doorverbonden, twee of meer keer, terugbelnotitie."
    )
    targets: list[TargetCheck] = Field(description="Streefwaarden van het kanaal (alleen als de groep één kanaal is).")
    versus_all: Direction = Field(
        description="Kwaliteitsscore hoger of lager dan alles samen (intervallen overlappen niet)."
    )
    higher_than: list[str] = Field(
        default_factory=list, description="Groepen in dezelfde uitsplitsing met een aantoonbaar lagere kwaliteitsscore."
    )
    lower_than: list[str] = Field(
        default_factory=list, description="Groepen in dezelfde uitsplitsing met een aantoonbaar hogere kwaliteitsscore."
    )


class Breakdown(_Model):
    dimension: Dimension
    groups: list[GroupFigures]
    hidden: int = Field(
        description="Groepen met minder dan min_n beoordelingen, niet getoond (alleen bij medewerkers)."
    )


class TrendPoint(_Model):
    period: str
    figure: MeanFigure | RateFigure
    versus_previous: Direction


class CriterionFigures(_Model):
    """One criterion over all evaluations that applied it, and per period."""

    checklist: str
    criterion: str
    title: str
    kind: Literal["quality", "compliance"]
    figure: MeanFigure | RateFigure = Field(description="Gemiddelde punten (0–100) of aandeel gehaald (0–1).")
    score: float | None = Field(description="Op 0–100, om criteria te vergelijken: punten, of 100 × aandeel gehaald.")
    trend: list[TrendPoint]


class EvaluatorDrift(_Model):
    """An evaluator's mean quality score against the other evaluators' on the same checklist."""

    evaluator: str
    checklist: str
    n: int
    mean: float | None
    others_n: int
    others_mean: float | None
    difference: float | None = Field(description="Deze beoordelaar min de anderen, in punten.")
    low: float | None
    high: float | None
    direction: Direction = Field(description="higher: milder dan de anderen; lower: strenger.")


class VersionNote(_Model):
    """A checklist seen in more than one version: what was aggregated on what."""

    checklist: str
    versions: list[str]
    not_in_every_version: list[str] = Field(description="Criteria die niet in elke versie voorkomen.")


class Refusal(_Model):
    source: str
    line: int
    code: str
    params: dict[str, str | int | float]


Quadrant = Literal["improve", "strength", "low-priority", "less-important-strength"]
QUADRANTS: tuple[Quadrant, ...] = ("improve", "strength", "low-priority", "less-important-strength")


class SurveyQuestion(_Model):
    """One survey question: how citizens rate it and how important they find it."""

    question: str = Field(description="Id van de vraag.")
    title: str
    mark: MeanFigure = Field(description="Gemiddeld cijfer, met 95%-interval (op de schaal van de vraag).")
    sufficient: RateFigure = Field(description="Aandeel cijfers vanaf het voldoende-cijfer, met Wilson-interval.")
    importance: MeanFigure | None = Field(description="Gemiddeld belang, of null als de vraag geen belangvraag heeft.")
    quadrant: Quadrant | None = Field(
        description="Plaats in de prioriteitenmatrix: improve (belangrijk, lager oordeel: verbeterpunt), strength "
        "(belangrijk, hoger oordeel: sterk punt), low-priority (minder belangrijk, lager oordeel), "
        "less-important-strength (minder belangrijk, hoger oordeel); null zonder belang of met minder dan twee vragen."
    )


class SurveyFigures(_Model):
    """A citizen survey (checklist kind `survey`), reported apart from the quality figures."""

    checklist: str
    title: str
    n: int = Field(description="Aantal afgenomen enquêtes die meetellen.")
    hidden: bool = Field(description="Niet getoond: gefilterd op medewerker en minder dan min_n enquêtes.")
    pass_mark: int = Field(description="Voldoende vanaf dit cijfer.")
    mark_min: int
    mark_max: int
    importance_min: float | None
    importance_max: float | None
    mean_mark: float | None = Field(description="Gemiddelde van de gemiddelde cijfers van de vragen: de ene grens.")
    mean_importance: float | None = Field(description="Gemiddelde van het gemiddelde belang: de andere grens.")
    questions: list[SurveyQuestion]
    relationship: dict[str, RateFigure] = Field(
        description="Aandeel verzwakt, behouden, versterkt (beeld van de gemeente)."
    )
    outcome: dict[str, RateFigure] = Field(description="Aandeel direct geholpen, doorverbonden, teruggebeld.")


class CriterionDisputes(_Model):
    """How often one criterion was disputed, and what the coach decided."""

    checklist: str
    criterion: str
    title: str
    disputed: int = Field(description="Aantal keren betwist.")
    upheld: int = Field(description="Toegekend.")
    partly_upheld: int = Field(description="Deels toegekend.")
    rejected: int = Field(description="Afgewezen.")
    open: int = Field(description="Nog geen besluit.")


class ReviewFigures(_Model):
    """Responses and disputes over the counted evaluations of a coach (monitoring, training)."""

    n: int = Field(description="Beoordelingen waarop de medewerker kan reageren.")
    responded: RateFigure = Field(description="Aandeel waarop de medewerker reageerde (akkoord of bezwaar).")
    disputed: RateFigure = Field(description="Aandeel met bezwaar tegen minstens één criterium.")
    criteria: list[CriterionDisputes] = Field(description="Betwiste criteria, vaakst betwist eerst.")


class AggregateReport(_Model):
    """What the report, the dashboard and ``ijkpunt aggregate --json`` show."""

    period: Period
    min_n: int
    modes: list[str] = Field(description="De soorten beoordeling die meetellen.")
    read: int = Field(description="Gelezen beoordelingen (regels of bestanden).")
    used: int = Field(description="Meegeteld.")
    excluded: dict[str, int] = Field(description="Niet meegeteld door de soort (modus) of een filter, per reden.")
    refused: list[Refusal]
    overall: GroupFigures
    breakdowns: list[Breakdown]
    criteria: list[CriterionFigures] = Field(description="Zwakste eerst.")
    drift: list[EvaluatorDrift]
    versions: list[VersionNote]
    surveys: list[SurveyFigures] = Field(
        default_factory=list, description="Klanttevredenheidsenquêtes, apart van de kwaliteitscijfers."
    )
    reviews: ReviewFigures | None = Field(
        default=None, description="Reacties en bezwaren van medewerkers (null zonder beoordelingen van een coach)."
    )


@dataclass
class AggregateConfig:
    period: Period = "month"
    min_n: int = DEFAULT_MIN_N
    modes: tuple[str, ...] = PERFORMANCE_MODES
    filters: Mapping[Dimension, Sequence[str]] = field(default_factory=dict)


class Aggregator:
    """Add evaluations (as text) or facts one at a time; ``report()`` at any moment."""

    def __init__(self, index: ChecklistIndex, config: AggregateConfig | None = None) -> None:
        self.index = index
        self.config = config or AggregateConfig()
        self.read = 0
        self.seen: set[str] = set()
        self.refused: list[Refusal] = []
        self.excluded: dict[str, int] = {}
        self.overall = _Group()
        self.groups: dict[Dimension, dict[str, _Group]] = {d: {} for d in DIMENSIONS}
        self.trend: dict[str, _Group] = {}
        self.by_evaluator: dict[tuple[str, str], MeanAccumulator] = {}
        self.versions: dict[str, set[str]] = {}
        self.surveys: dict[str, _Survey] = {}
        self.reviews = _Reviews()

    def add_text(self, text: str, source: str, line: int = 1) -> Fact | None:
        """Read, check and add one exported evaluation; a refusal is recorded, never raised."""
        self.read += 1
        found = read_evaluation(text, self.index)
        if isinstance(found, Problem):
            self._refuse(source, line, found)
            return None
        evaluation, checklist, judged = found
        if str(evaluation.id) in self.seen:
            self._refuse(source, line, Problem(Code.DUPLICATE_EVALUATION, ("id",), {"id": str(evaluation.id)}))
            return None
        self.seen.add(str(evaluation.id))
        fact = fact_of(evaluation, checklist, judged)
        self.add(fact)
        return fact

    def refuse(self, source: str, line: int, problem: Problem) -> None:
        """Record a file the caller could not even read (unreadable, too large)."""
        self.read += 1
        self._refuse(source, line, problem)

    def _refuse(self, source: str, line: int, problem: Problem) -> None:
        self.refused.append(Refusal(source=source, line=line, code=problem.code.value, params=dict(problem.params)))

    def add(self, fact: Fact) -> None:
        """Count one checked fact, unless its mode or a filter leaves it out (then it is counted as excluded)."""
        config = self.config
        if fact.mode not in config.modes:
            self.excluded[f"mode:{fact.mode}"] = self.excluded.get(f"mode:{fact.mode}", 0) + 1
            return
        for dimension, allowed in config.filters.items():
            if allowed and fact.value(dimension, config.period) not in allowed:
                self.excluded[f"filter:{dimension}"] = self.excluded.get(f"filter:{dimension}", 0) + 1
                return
        if fact.survey:  # a different measurement: never mixed into the quality figures
            checklist = self.index.by_id.get(fact.checklist)
            scale = _mark_scale(checklist) if checklist is not None else None
            pass_mark = scale.pass_mark if scale is not None else math.inf
            self.surveys.setdefault(fact.checklist, _Survey()).add(fact, pass_mark)
            self.versions.setdefault(fact.checklist, set()).add(fact.version)
            return
        self.overall.add(fact, with_criteria=True)
        self.reviews.add(fact)
        for dimension, groups in self.groups.items():
            key = fact.value(dimension, config.period)
            groups.setdefault(key, _Group()).add(fact, with_criteria=dimension == "period")
        if fact.quality is not None:
            self.by_evaluator.setdefault((fact.checklist, fact.evaluator), MeanAccumulator()).add(fact.quality)
        self.versions.setdefault(fact.checklist, set()).add(fact.version)

    # the report -------------------------------------------------------------------------------------------

    def report(self) -> AggregateReport:
        overall = self._figures("", self.overall, None)
        breakdowns = []
        for dimension, groups in self.groups.items():
            shown = {
                key: group for key, group in groups.items() if dimension != "agent" or group.n >= self.config.min_n
            }
            figures = [self._figures(key, shown[key], overall) for key in sorted(shown)]
            breakdowns.append(
                Breakdown(dimension=dimension, groups=_pairwise(figures), hidden=len(groups) - len(shown))
            )
        return AggregateReport(
            period=self.config.period,
            min_n=self.config.min_n,
            modes=list(self.config.modes),
            read=self.read,
            used=self.overall.n + sum(s.n for s in self.surveys.values()),
            excluded=dict(sorted(self.excluded.items())),
            refused=self.refused,
            overall=overall,
            breakdowns=breakdowns,
            criteria=self._criteria(),
            drift=self._drift(),
            versions=self._versions(),
            surveys=[self._survey(key, survey) for key, survey in sorted(self.surveys.items())],
            reviews=self._reviews(),
        )

    def _reviews(self) -> ReviewFigures | None:
        reviews = self.reviews
        if not reviews.responded.n:
            return None
        titles = {
            (c.id, k.id): k.title
            for c in [*self.index.by_hash.values(), *self.index.by_id.values()]
            for k in c.criteria()
        }
        criteria = [
            CriterionDisputes(
                checklist=checklist,
                criterion=criterion,
                title=titles.get((checklist, criterion), criterion),
                disputed=counts["disputed"],
                upheld=counts["upheld"],
                partly_upheld=counts["partly-upheld"],
                rejected=counts["rejected"],
                open=max(0, counts["disputed"] - counts["upheld"] - counts["partly-upheld"] - counts["rejected"]),
            )
            for (checklist, criterion), counts in reviews.criteria.items()
        ]
        criteria.sort(key=lambda c: (-c.disputed, c.checklist, c.criterion))
        return ReviewFigures(
            n=reviews.responded.n,
            responded=reviews.responded.figure(),
            disputed=reviews.disputed.figure(),
            criteria=criteria,
        )

    def _survey(self, checklist_id: str, survey: _Survey) -> SurveyFigures:
        checklist = self.index.by_id.get(checklist_id)
        scale = _mark_scale(checklist) if checklist is not None else None
        low, high = (scale.min, scale.max) if scale is not None else (0, 10)
        importance_range = _importance_range(checklist) if checklist is not None else None
        hidden = bool(self.config.filters.get("agent")) and survey.n < self.config.min_n
        titles = {c.id: c.title for c in checklist.criteria()} if checklist is not None else {}
        order = list(titles) + sorted(set(survey.marks) - set(titles))
        asked = [q for q in order if q in survey.marks] if not hidden else []
        means = {q: survey.marks[q].mean for q in asked}
        importances = {q: survey.importance[q].mean for q in asked if q in survey.importance}
        rated = [q for q in asked if q in importances]
        mean_mark = sum(means[q] for q in rated) / len(rated) if len(rated) >= 2 else None
        mean_importance = sum(importances[q] for q in rated) / len(rated) if len(rated) >= 2 else None
        questions = []
        for q in asked:
            quadrant: Quadrant | None = None
            if mean_mark is not None and mean_importance is not None and q in importances:
                important, high_mark = importances[q] >= mean_importance, means[q] >= mean_mark
                quadrant = QUADRANTS[(0 if important else 2) + (1 if high_mark else 0)]
            importance = survey.importance.get(q)
            questions.append(
                SurveyQuestion(
                    question=q,
                    title=titles.get(q, q),
                    mark=survey.marks[q].figure(bounds=(low, high)),
                    sufficient=survey.sufficient[q].figure(),
                    importance=importance.figure(bounds=importance_range or (-math.inf, math.inf))
                    if importance is not None
                    else None,
                    quadrant=quadrant,
                )
            )
        return SurveyFigures(
            checklist=checklist_id,
            title=checklist.title if checklist is not None else checklist_id,
            n=survey.n,
            hidden=hidden,
            pass_mark=scale.pass_mark if scale is not None else 0,
            mark_min=low,
            mark_max=high,
            importance_min=importance_range[0] if importance_range else None,
            importance_max=importance_range[1] if importance_range else None,
            mean_mark=round(mean_mark, 2) if mean_mark is not None else None,
            mean_importance=round(mean_importance, 2) if mean_importance is not None else None,
            questions=questions,
            relationship={} if hidden else {name: acc.figure() for name, acc in survey.relationship.items()},
            outcome={} if hidden else {name: acc.figure() for name, acc in survey.outcome.items()},
        )

    def _figures(self, key: str, group: _Group, overall: GroupFigures | None) -> GroupFigures:
        quality = group.quality.figure(bounds=SCORE_RANGE)
        versus: Direction = "no-difference"
        if overall is not None:
            versus = compare((quality.low, quality.high), (overall.quality.low, overall.quality.high))
        outcome = {name: acc.figure() for name, acc in group.outcome.items()}
        return GroupFigures(
            key=key,
            n=group.n,
            quality=quality,
            knockout=group.failed.figure(),
            compliance=group.compliant.figure(),
            compliance_failures={f"{c}/{k}": acc.figure() for (c, k), acc in sorted(group.compliance_failed.items())},
            relationship={name: acc.figure() for name, acc in group.relationship.items()},
            outcome=outcome,
            targets=self._targets(group, overall is None),
            versus_all=versus,
        )

    def _targets(self, group: _Group, everything: bool = False) -> list[TargetCheck]:
        """The group's figures against the targets: the quality target (the municipality's own, for everything and
        for a group of one channel), and the outcome targets of the channel (for a group of one channel)."""
        quality = self._quality_target(group) if everything or len(group.channels) == 1 else []
        if len(group.channels) != 1:
            return quality
        [channel] = group.channels
        targets = self.index.outcome_targets(channel)
        if targets is None:
            return quality
        o = group.outcome
        transferred_or_callback = RateAccumulator(
            count=o["transferred_once"].count + o["transferred_repeatedly"].count + o["callback"].count,
            n=o["direct"].n,
        )
        checks = (
            ("direct_min", targets.direct_min, o["direct"], True),
            ("transferred_once_max", targets.transferred_once_max, o["transferred_once"], False),
            ("transferred_repeatedly_max", targets.transferred_repeatedly_max, o["transferred_repeatedly"], False),
            ("transferred_or_callback_max", targets.transferred_or_callback_max, transferred_or_callback, False),
        )
        found = []
        for name, value, acc, at_least in checks:
            figure = acc.figure()
            met = None if figure.rate is None else (figure.rate >= value if at_least else figure.rate <= value)
            certain = (
                figure.low is not None
                and figure.high is not None
                and (
                    (figure.low >= value or figure.high < value)
                    if at_least
                    else (figure.high <= value or figure.low > value)
                )
            )
            found.append(TargetCheck(target=name, value=value, rate=figure.rate, met=met, certain=certain))
        return quality + found

    def _quality_target(self, group: _Group) -> list[TargetCheck]:
        """The mean quality score against the municipality's target, both on the 0–1 scale of the other targets."""
        target = self.index.targets.quality
        if target is None:
            return []
        figure = group.quality.figure(bounds=SCORE_RANGE)
        value = target / 100
        met = None if figure.mean is None else figure.mean >= target
        certain = figure.low is not None and figure.high is not None and (figure.low >= target or figure.high < target)
        rate = None if figure.mean is None else round(figure.mean / 100, 4)
        return [TargetCheck(target="quality_min", value=value, rate=rate, met=met, certain=certain)]

    def _criteria(self) -> list[CriterionFigures]:
        titles: dict[tuple[str, str], tuple[str, str]] = {}
        for checklist in [*self.index.by_hash.values(), *self.index.by_id.values()]:  # current titles win
            for criterion in checklist.criteria():
                titles[(checklist.id, criterion.id)] = (criterion.title, criterion.kind)
        periods = sorted(self.groups["period"])
        found = []
        for key, acc in self.overall.criteria.items():
            title, kind = titles.get(key, (key[1], "quality"))
            figure = _figure(acc)
            trend: list[TrendPoint] = []
            for period in periods:
                at = self.groups["period"][period].criteria.get(key)
                if at is None:
                    continue
                point = _figure(at)
                previous = trend[-1].figure if trend else None
                versus = (
                    compare((point.low, point.high), (previous.low, previous.high)) if previous else "no-difference"
                )
                trend.append(TrendPoint(period=period, figure=point, versus_previous=versus))
            found.append(
                CriterionFigures(
                    checklist=key[0],
                    criterion=key[1],
                    title=title,
                    kind=kind,
                    figure=figure,
                    score=_score(figure),
                    trend=trend,
                )
            )
        return sorted(found, key=lambda c: (c.score is None, c.score if c.score is not None else 0, c.criterion))

    def _drift(self) -> list[EvaluatorDrift]:
        found = []
        for (checklist, evaluator), mine in sorted(self.by_evaluator.items()):
            others = MeanAccumulator()
            for (other_checklist, other), acc in self.by_evaluator.items():
                if other_checklist == checklist and other != evaluator:
                    others.merge(acc)
            difference = low = high = None
            direction: Direction = "no-difference"
            if mine.n and others.n:
                difference = mine.mean - others.mean
                if mine.variance is not None and others.variance is not None:
                    half = Z95 * math.sqrt(mine.variance / mine.n + others.variance / others.n)
                    low, high = difference - half, difference + half
                    direction = compare((low, high), (0.0, 0.0))
            found.append(
                EvaluatorDrift(
                    evaluator=evaluator,
                    checklist=checklist,
                    n=mine.n,
                    mean=round(mine.mean, 1) if mine.n else None,
                    others_n=others.n,
                    others_mean=round(others.mean, 1) if others.n else None,
                    difference=_round(difference),
                    low=_round(low),
                    high=_round(high),
                    direction=direction,
                )
            )
        return found

    def _versions(self) -> list[VersionNote]:
        notes = []
        for checklist_id, versions in sorted(self.versions.items()):
            if len(versions) < 2:
                continue
            sets = [
                {c.id for c in checklist.criteria()}
                for checklist in self.index.by_hash.values()
                if checklist.id == checklist_id and checklist.version in versions
            ]
            every = set.intersection(*sets) if sets else set()
            some = set.union(*sets) if sets else set()
            notes.append(
                VersionNote(
                    checklist=checklist_id, versions=sorted(versions), not_in_every_version=sorted(some - every)
                )
            )
        return notes


def _mark_scale(checklist: Checklist) -> GradeScale | None:
    """The grade scale of a survey's questions (the first question on a grade scale)."""
    for criterion in checklist.criteria():
        scale = checklist.scale_of(criterion)
        if criterion.kind == "quality" and isinstance(scale, GradeScale):
            return scale
    return None


def _importance_range(checklist: Checklist) -> tuple[float, float] | None:
    """The lowest and highest value an importance question can have (grade or option points)."""
    for criterion in checklist.criteria():
        if criterion.kind == "importance":
            scale = checklist.scale_of(criterion)
            if isinstance(scale, GradeScale):
                return float(scale.min), float(scale.max)
            return scale.min_points, scale.max_points
    return None


def _pairwise(groups: list[GroupFigures]) -> list[GroupFigures]:
    """Each group with the groups of the same breakdown it is demonstrably higher or lower than."""

    def interval(g: GroupFigures) -> tuple[float | None, float | None]:
        return g.quality.low, g.quality.high

    return [
        g.model_copy(
            update={
                "higher_than": [o.key for o in groups if o is not g and compare(interval(g), interval(o)) == "higher"],
                "lower_than": [o.key for o in groups if o is not g and compare(interval(g), interval(o)) == "lower"],
            }
        )
        for g in groups
    ]


def _figure(acc: MeanAccumulator | RateAccumulator) -> MeanFigure | RateFigure:
    return acc.figure(bounds=SCORE_RANGE) if isinstance(acc, MeanAccumulator) else acc.figure()


def _score(figure: MeanFigure | RateFigure) -> float | None:
    if isinstance(figure, MeanFigure):
        return figure.mean
    return round(100 * figure.rate, 1) if figure.rate is not None else None


def _round(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def aggregate_texts(
    texts: Iterable[tuple[str, int, str]], index: ChecklistIndex, config: AggregateConfig | None = None
) -> AggregateReport:
    """Aggregate ``(source, line, text)`` evaluations in one pass (the convenience the tests and CLI use)."""
    aggregator = Aggregator(index, config)
    for source, line, text in texts:
        aggregator.add_text(text, source, line)
    return aggregator.report()


def report_json(report: AggregateReport) -> dict[str, Any]:
    return report.model_dump(mode="json")
