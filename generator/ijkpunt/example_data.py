"""Made-up evaluations with known patterns, for the README, the tests and a dashboard's "try it" button.

Everything is drawn from one ``random.Random(seed)``: the same checklists, count, seed, start and weeks
give the same evaluations, byte for byte (ids too: ``uuid.UUID(int=rng.getrandbits(128), version=4)``).
Every evaluation is a Draft scored by the core (:func:`ijkpunt_core.evaluate.evaluate`); nothing here
computes a score. The model, with the exact parameters (the constants below):

* **Organisation.** Department ``KCC``: ``team-noord`` (6 agents), ``team-zuid`` (5); department
  ``Burgerzaken``: ``team-oost`` (6), ``team-west`` (5). Agents have pseudonymous codes ``MW-001`` …
  ``MW-099`` (22 distinct numbers drawn from the seed), never names. Evaluators ``BO-01`` … ``BO-05``.
* **Latent level.** A contact has a level ``L`` = 0.80 (``BASE_LEVEL``) + the team's effect
  (``team-zuid`` +0.045, ``team-noord`` +0.01, ``team-oost`` −0.01, ``team-west`` −0.045) + the agent's
  own effect (normal, sd 0.03, centred within the team, so a team's mean is exactly its effect) + the
  contact's noise (normal, sd 0.05). A difference in ``L`` shows as about 0.9 times as many points of
  quality score (answers saturate near the top), so ``team-zuid`` is expected about 8 points above
  ``team-west`` (over seeds, a set of 300 gives this ± about 2).
* **Who scores.** The evaluator adds a shift to ``L`` before answering: ``BO-04`` is lenient (+0.08,
  about 7 points on the quality score, ± about 2 in a set of 300), the others 0. In a self-assessment
  the agent scores his own contact (the evaluator is then the agent's code) and adds +0.04. Agents are
  evaluated in rounds (each agent once per round, in a new random order; so all have the same number of
  contacts ±1), and monitoring and training go to the evaluators in rounds too, so evaluators see every
  team and differences between them do not come from the teams.
* **Answers.** A quality criterion is answered so that the expected normalised points are
  ``q = L + shift + offset`` (clamped to 0.03–0.99; the offset per criterion id is ``QUALITY_OFFSET``:
  greeting and correct information are easy, summarising and thinking along are often skipped).
  Yes/no: P(best) = q. Three options: half a wide distribution (best q^1.5, worst 1 + q^1.5 − 2q) and
  half the tightest one (the two options either side of q). A grade: min + q·(max − min) ± 1.
  Compliance criteria are met with P = 0.90 (critical ones 0.96) + half the shift of ``L`` from 0.80.
  A calibration session's evaluators answer from the same draws, each jittered (sd 0.05).
* **Less chance in a small set.** The uniform draws behind the answers are stratified (:class:`Spread`):
  per team and criterion every 10 draws fall once in each tenth of [0, 1), in random order; so are the
  contact noise per agent, the missed criterion's draws over the contacts it applies to, and the
  critical errors in blocks of 50 contacts. Real data vary more than this between small groups.
* **The missed criterion.** ``terugbelnotitie`` (telefoon, chat, balie) is met ("goed") with
  P = 0.40 + half the shift of ``L``: not met in about 60% of the contacts where it applies, and nine
  in ten misses are "onvoldoende". It applies only with a call-back note, so it has few observations
  (about 5% of the contacts).
* **n.v.t.** Only where the criterion allows it (``criterion.na.allowed``), and then from the facts of
  the contact (``APPLIES``): ``overdragen`` only when transferred, ``terugbelnotitie`` only with a
  call-back note, ``empathie`` only when the citizen shows emotion (40%), ``identiteit-vaststellen``
  when identity matters (40%), ``gevaar-signaleren`` with a danger signal (2%), and so on. A criterion
  id the table does not know is n.v.t. in 10% (where allowed).
* **Critical errors.** 2% of the contacts (one in every 50) have one (``onjuiste-informatie`` 60%, ``privacy-inbreuk``
  25%, ``kwetsende-uitlating`` 15%); the answers agree with the flag (wrong information means
  ``informatie-juist`` "onvoldoende") and the relationship is weakened.
* **Relationship.** ``L + shift`` plus noise (sd 0.08): below 0.68 weakened, above 0.92 strengthened.
* **Outcome** per channel (direct / transferred once / two or more times / call-back note):
  telefoon 70/20/4/6%, e-mail 65/25/3/7%, chat 72/16/2/10%, balie 80/12/1/7%; two or more transfers
  are 2 in three of four cases, else 3.
* **Channels and modes** are quotas (largest remainder), shuffled: telefoon 60%, e-mail 20%, chat 15%,
  balie 5% of the contacts; monitoring 88%, self-assessment 6%, training 4%, calibration 2% of the
  evaluations. A calibration session is one contact scored by up to 4 evaluators.
* **Dates.** Contact dates are uniform over the weekdays of ``weeks`` weeks from ``start``; an
  evaluation is started the same working day (50%), the next (30%) or two to four working days later,
  between 07:00 and 16:00 UTC. There is no trend in time: differences between weeks are chance.
* A quarter of the answers that are not met carry a short comment; nothing carries personal data.

* **Citizen survey** (only when a checklist of ``kind: survey`` is given, such as ``kto-telefoon``): one
  survey per five evaluations (``SURVEY_SHARE``; 60 in the default set), drawn from its own
  ``random.Random(seed + SURVEY_SEED_OFFSET)`` so that the evaluations above do not change. A citizen of a
  random team is called back one to three working days after the contact by ``INT-01`` or ``INT-02``; the
  agent is ``onbekend``. Each mark is ``SURVEY_MARK[question]`` + the citizen's own tendency (normal, sd
  0.7) + noise (sd 0.9), − 0.4 on the result after a transfer and − 0.8 after a call-back, rounded and kept
  within 1–10: 'wijze waarop geholpen' about 7.4 and 'resultaat' about 6.8 (the 2006 benchmark), and
  'afspraken nakomen' important (4.5 of 5) but rated lowest (6.2): the clear *verbeterpunt*. Importance is
  ``SURVEY_IMPORTANCE[question]`` + noise (sd 0.6), rounded within 1–5. 'Afspraken nakomen' is n.v.t. when
  nothing was agreed (45%); any question is 'weet niet' (n.v.t.) in 3%. The outcome as the citizen recalls
  it: direct 55%, transferred 33%, called back 12%. The image of the municipality improved when the mean
  mark is 8 or more (with probability 0.6), worsened below 6 (0.6), else stayed the same.

:func:`broken_files` makes one bad file per reason a reader must refuse; :func:`example_files` lays
out the whole folder (month folders, a JSON Lines file, ``kapot/``, a Dutch README) that
:func:`write_example` writes.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
import shutil
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from statistics import NormalDist

from ijkpunt_core.checklist import Channel, Checklist, Criterion, GradeScale, OptionsScale, Relationship
from ijkpunt_core.evaluate import evaluate, export_filename
from ijkpunt_core.evaluation import FORMAT_VERSION, Answer, Draft, Evaluation, Mode, Outcome
from ijkpunt_core.scoring import is_met

DEFAULT_COUNT = 300
DEFAULT_SEED = 2026
DEFAULT_WEEKS = 13
DEFAULT_START = date(2026, 9, 7)

TEAMS: dict[str, str] = {  # team → department
    "team-noord": "KCC",
    "team-zuid": "KCC",
    "team-oost": "Burgerzaken",
    "team-west": "Burgerzaken",
}
TEAM_SIZE: dict[str, int] = {"team-noord": 6, "team-zuid": 5, "team-oost": 6, "team-west": 5}
TEAM_EFFECT: dict[str, float] = {"team-noord": 0.01, "team-zuid": 0.045, "team-oost": -0.01, "team-west": -0.045}
BASE_LEVEL = 0.80
AGENT_SPREAD = 0.03
CONTACT_SPREAD = 0.05

EVALUATORS = ("BO-01", "BO-02", "BO-03", "BO-04", "BO-05")
LENIENT_EVALUATOR = "BO-04"
EVALUATOR_SHIFT: dict[str, float] = {LENIENT_EVALUATOR: 0.08}
SELF_ASSESSMENT_SHIFT = 0.04
CALIBRATION_SESSION = 4  # evaluators per calibration contact, at most
CALIBRATION_JITTER = 0.05

CHANNEL_SHARE: dict[Channel, float] = {"telefoon": 0.60, "e-mail": 0.20, "chat": 0.15, "balie": 0.05}
MODE_SHARE: dict[Mode, float] = {"monitoring": 0.88, "self-assessment": 0.06, "training": 0.04, "calibration": 0.02}
# direct, transferred once, transferred two or more times, call-back note
OUTCOME_SHARE: dict[Channel, tuple[float, float, float, float]] = {
    "telefoon": (0.70, 0.20, 0.04, 0.06),
    "e-mail": (0.65, 0.25, 0.03, 0.07),
    "chat": (0.72, 0.16, 0.02, 0.10),
    "balie": (0.80, 0.12, 0.01, 0.07),
}

MISSED_CRITERION = "terugbelnotitie"
MISSED_MET = 0.40
COMPLIANCE_MET = 0.90
CRITICAL_MET = 0.96
CRITICAL_ERROR_RATE = 0.02
CRITICAL_ERROR_SHARE: dict[str, float] = {
    "onjuiste-informatie": 0.60,
    "privacy-inbreuk": 0.25,
    "kwetsende-uitlating": 0.15,
}
WIDE_SHARE = 0.5
UNKNOWN_NA_RATE = 0.10
STRATA = 10
RELATIONSHIP_NOISE = 0.08
WEAKENED_BELOW = 0.68
STRENGTHENED_ABOVE = 0.92
COMMENT_RATE = 0.25

QUALITY_OFFSET: dict[str, float] = {
    "begroeten-en-voorstellen": 0.12,
    "informatie-juist": 0.10,
    "aanspreekvorm-en-toon": 0.08,
    "objectiviteit": 0.08,
    "laten-uitpraten": 0.05,
    "organisatiegevoel": 0.05,
    "tijdig-na-toewijzing": 0.05,
    "eerste-reactie-na-toewijzing": 0.05,
    "afhandelroute": 0.04,
    "spelling-en-grammatica": 0.03,
    "eenvoudige-taal": 0.02,
    "contact-registreren": 0.02,
    "actief-luisteren": 0.0,
    "opbouw-en-leesbaarheid": 0.0,
    "chat-sluiten-na-stilte": 0.0,
    "overdragen": -0.02,
    "informatie-volledig": -0.04,
    "wachten-begeleiden": -0.04,
    "echte-vraag-achterhalen": -0.05,
    "vervolgstappen": -0.05,
    "overdrachtsnotitie": -0.05,
    "empathie": -0.06,
    "herhaalmelding-herkennen": -0.08,
    "meedenken": -0.12,
    "vraag-samenvatten": -0.15,
}

COMMENTS: dict[str, tuple[str, ...]] = {
    "terugbelnotitie": (
        "Notitie zonder onderwerp en zonder terugbeltermijn.",
        "Geen terugbelnotitie vastgelegd, alleen toegezegd.",
        "Terugbelnotitie mist wat al is uitgezocht.",
    ),
    "vraag-samenvatten": ("Vraag niet samengevat voor het antwoord.",),
    "meedenken": ("Kans gemist om op de vervolgstap te wijzen.",),
    "empathie": ("Weinig ruimte voor de zorg van de inwoner.",),
    "informatie-volledig": ("Termijn niet genoemd.",),
}
GENERIC_COMMENT = "Besproken in het coachgesprek."

BROKEN_FILES: dict[str, str] = {  # file name → why a reader must refuse it (Dutch: it goes into the README)
    "kapot-geen-json.json": "geen JSON: een notitie die als .json is opgeslagen",
    "kapot-afgebroken.json": "een geldige export die halverwege is afgebroken",
    "kapot-onbekende-checklist.json": "noemt een checklist die niet bestaat (`kcc-brief`)",
    "kapot-dubbel.json": "precies dezelfde beoordeling (zelfde id) als een bestand in de maandmappen",
    "kapot-scores-kloppen-niet.json": "de kwaliteitsscore is met de hand veranderd en past niet meer bij de antwoorden",
    "kapot-nieuwere-versie.json": "`format_version` 4: gemaakt door een nieuwere IJkpunt, die deze versie niet kent",
    "kapot-ongeldig-antwoord.json": "een antwoord (`uitstekend`) dat niet op de schaal van het criterium staat",
}
UNKNOWN_CHECKLIST = "kcc-brief"
UNKNOWN_OPTION = "uitstekend"

JSONL_FILE = "alle-beoordelingen.jsonl"
BROKEN_DIR = "kapot"
README_FILE = "README.md"
MONTH_DIR = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True)
class Agent:
    code: str
    team: str
    department: str
    effect: float  # the agent's own effect on the latent level, on top of the team's


@dataclass(frozen=True)
class Facts:
    """What happened in a contact, as far as it decides which criteria apply."""

    channel: Channel
    outcome: Outcome
    person_only: bool  # only asked for a person or department, and was transferred
    unambiguous: bool  # one fixed answer (opening hours, an address)
    report_only: bool  # only made a report (melding)
    identity: bool
    personal_data: bool
    think_along: bool
    emotion: bool
    criticism: bool
    other_department: bool
    on_hold: bool
    repeat_report: bool
    dissatisfied: bool
    danger: bool
    no_registration: bool
    recorded_by_agent: bool
    long_turns: bool
    nothing_started: bool
    assignment_known: bool
    silence_closed: bool
    overheard: bool

    @property
    def transferred(self) -> bool:
        return self.outcome.result == "transferred"


APPLIES: dict[str, Callable[[Facts], bool]] = {
    "opname-melden-medewerker": lambda f: f.recorded_by_agent,
    "laten-uitpraten": lambda f: f.long_turns,
    "echte-vraag-achterhalen": lambda f: not (f.unambiguous or f.person_only),
    "vraag-samenvatten": lambda f: not (f.unambiguous or f.person_only),
    "identiteit-vaststellen": lambda f: f.identity,
    "persoonsgegevens-alleen-indien-nodig": lambda f: f.personal_data or f.identity,
    "informatie-juist": lambda f: not f.person_only,
    "informatie-volledig": lambda f: not (f.person_only or f.report_only),
    "afhandelroute": lambda f: not f.person_only,
    "meedenken": lambda f: f.think_along and not f.person_only,
    "empathie": lambda f: f.emotion,
    "objectiviteit": lambda f: f.criticism,
    "organisatiegevoel": lambda f: f.other_department or f.transferred,
    "wachten-begeleiden": lambda f: f.on_hold,
    "overdragen": lambda f: f.transferred,
    "terugbelnotitie": lambda f: f.outcome.result == "callback",
    "contact-registreren": lambda f: not (f.person_only or f.no_registration),
    "herhaalmelding-herkennen": lambda f: f.repeat_report,
    "klacht-of-bezwaar": lambda f: f.dissatisfied,
    "gevaar-signaleren": lambda f: f.danger,
    "vervolgstappen": lambda f: (
        not (f.outcome.result == "direct" and f.nothing_started) and (f.channel == "e-mail" or not f.transferred)
    ),
    "tijdig-na-toewijzing": lambda f: f.assignment_known,
    "eerste-reactie-na-toewijzing": lambda f: f.assignment_known,
    "overdrachtsnotitie": lambda f: f.outcome.result != "direct",
    "chat-sluiten-na-stilte": lambda f: f.silence_closed,
    "privacy-aan-de-balie": lambda f: f.overheard and (f.personal_data or f.identity),
}


@dataclass
class Contact:
    """One contact as it happened; a calibration session scores the same contact several times."""

    checklist: Checklist
    agent: Agent
    contact_date: date
    level: float
    facts: Facts
    draws: dict[str, float]  # one uniform draw per criterion: higher is better
    critical_error: str | None
    relationship_draw: float
    na_draws: dict[str, float]  # n.v.t. for the criteria APPLIES does not know
    comment_draws: dict[str, float]


@dataclass(frozen=True)
class _Plan:
    channel: Channel
    mode: Mode
    size: int  # evaluations of this contact (more than one only in calibration)


class NotAnExampleFolder(Exception):
    """The output folder holds something the generator did not write; nothing is deleted."""

    def __init__(self, entry: Path) -> None:
        super().__init__(str(entry))
        self.entry = entry


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


SURVEY_SHARE = 0.2
SURVEY_SEED_OFFSET = 7919
INTERVIEWERS = ("INT-01", "INT-02")
SURVEY_AGENT = "onbekend"
SURVEY_MARK: dict[str, float] = {
    "bereikbaarheid": 6.7,
    "wijze-geholpen": 7.4,
    "uitleg-begrijpelijk": 7.3,
    "deskundigheid": 7.5,
    "afspraken-nakomen": 6.2,
    "resultaat": 7.05,
}
SURVEY_IMPORTANCE: dict[str, float] = {
    "bereikbaarheid": 3.6,
    "wijze-geholpen": 4.0,
    "uitleg-begrijpelijk": 3.8,
    "deskundigheid": 4.3,
    "afspraken-nakomen": 4.5,
    "resultaat": 4.6,
}
SURVEY_TENDENCY = 0.7
SURVEY_NOISE = 0.9
IMPORTANCE_NOISE = 0.6
SURVEY_DONT_KNOW = 0.03
NOTHING_AGREED = 0.45
SURVEY_OUTCOME = (0.55, 0.33, 0.12)  # direct, transferred, called back


def generate_surveys(
    survey: Checklist,
    count: int,
    seed: int = DEFAULT_SEED,
    start: date = DEFAULT_START,
    weeks: int = DEFAULT_WEEKS,
) -> Iterator[Evaluation]:
    """`count` completed citizen surveys (checklist ``kind: survey``), in order of contact date, scored by the core."""
    rng = random.Random(seed + SURVEY_SEED_OFFSET)
    days = [d for i in range(7 * weeks) if (d := start + timedelta(days=i)).weekday() < 5]
    for contact_date in sorted(rng.choice(days) for _ in range(count)):
        team = rng.choice(list(TEAMS))
        u = rng.random()
        outcome = (
            Outcome(result="direct")
            if u < SURVEY_OUTCOME[0]
            else Outcome(result="transferred", transfers=1 if rng.random() < 0.7 else 2)
            if u < SURVEY_OUTCOME[0] + SURVEY_OUTCOME[1]
            else Outcome(result="callback")
        )
        tendency = rng.gauss(0, SURVEY_TENDENCY)
        agreed = rng.random() >= NOTHING_AGREED
        answers: dict[str, Answer] = {}
        marks: list[int] = []
        for criterion in survey.criteria():
            scale = survey.scale_of(criterion)
            dont_know = rng.random() < SURVEY_DONT_KNOW
            if criterion.kind == "importance":
                value = SURVEY_IMPORTANCE.get(criterion.importance_of or "", 3.5) + rng.gauss(0, IMPORTANCE_NOISE)
                if dont_know and criterion.na.allowed:
                    answers[criterion.id] = Answer(na=True)
                elif isinstance(scale, OptionsScale):
                    points = min(scale.max_points, max(scale.min_points, round(value)))
                    option = min(scale.options, key=lambda o: abs(o.points - points))
                    answers[criterion.id] = Answer(option=option.id)
                else:
                    answers[criterion.id] = Answer(grade=min(scale.max, max(scale.min, round(value))))
                continue
            assert isinstance(scale, GradeScale)
            mark = SURVEY_MARK.get(criterion.id, 7.0) + tendency + rng.gauss(0, SURVEY_NOISE)
            if criterion.id == "resultaat":
                mark -= {"direct": 0.0, "transferred": 0.4, "callback": 0.8}[outcome.result]
            grade = min(scale.max, max(scale.min, round(mark)))
            if criterion.na.allowed and (dont_know or (criterion.id == "afspraken-nakomen" and not agreed)):
                answers[criterion.id] = Answer(na=True)
            else:
                answers[criterion.id] = Answer(grade=grade)
                marks.append(grade)
        average = _mean(marks)
        relationship: Relationship = "kept"
        if average >= 8 and rng.random() < 0.6:
            relationship = "strengthened"
        elif average < 6 and rng.random() < 0.6:
            relationship = "weakened"
        called = _working_days_after(contact_date, rng.randint(1, 3))
        draft = Draft(
            id=new_id(rng),
            mode="monitoring",
            evaluator=rng.choice(INTERVIEWERS),
            agent=SURVEY_AGENT,
            team=team,
            department=TEAMS[team],
            contact_date=contact_date,
            created_at=datetime.combine(called, time(8, 0), tzinfo=UTC) + timedelta(minutes=rng.randrange(8 * 60)),
            answers=answers,
            relationship=relationship,
            outcome=outcome,
        )
        result = evaluate(survey, draft)
        if result.evaluation is None:
            raise AssertionError(f"generated survey does not evaluate: {result.problems}")
        yield result.evaluation


def generate(
    checklists: Sequence[Checklist],
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    start: date = DEFAULT_START,
    weeks: int = DEFAULT_WEEKS,
) -> Iterator[Evaluation]:
    """`count` complete evaluations, scored by the core, in order of contact date; the same for the same seed."""
    if count < 1 or weeks < 1:
        raise ValueError("count and weeks must be at least 1")
    by_channel = {c.channel: c for c in checklists if not c.is_survey}  # a survey is not a contact's evaluation
    shares = {ch: s for ch, s in CHANNEL_SHARE.items() if ch in by_channel}
    if not shares:
        raise ValueError("no checklist for any channel")
    rng = random.Random(seed)
    agents = _agents(rng)
    days = [d for i in range(7 * weeks) if (d := start + timedelta(days=i)).weekday() < 5]
    plans = _plans(rng, count, shares)
    dated = sorted(((rng.choice(days), i, plan) for i, plan in enumerate(plans)), key=lambda t: (t[0], t[1]))
    chosen_agents = iter(_rounds(rng, agents, len(dated)))
    chosen_evaluators = iter(_rounds(rng, list(EVALUATORS), sum(p.mode in ("monitoring", "training") for p in plans)))
    spread = Spread(rng)
    for contact_date, _, plan in dated:
        agent = next(chosen_agents)
        evaluator = next(chosen_evaluators) if plan.mode in ("monitoring", "training") else plan.mode
        contact = _contact(rng, spread, by_channel[plan.channel], agent, contact_date)
        if plan.mode == "calibration":
            for participant in sorted(rng.sample(EVALUATORS, plan.size)):
                yield _evaluation(rng, contact, plan.mode, participant, jitter=CALIBRATION_JITTER)
        elif plan.mode == "self-assessment":
            yield _evaluation(rng, contact, plan.mode, agent.code)
        else:
            yield _evaluation(rng, contact, plan.mode, evaluator)


def _rounds[T](rng: random.Random, items: Sequence[T], n: int) -> list[T]:
    """`n` items in rounds: every item once per round, in a new random order each round (a monitoring plan)."""
    chosen: list[T] = []
    while len(chosen) < n:
        chosen += rng.sample(items, len(items))
    return chosen[:n]


class Spread:
    """Uniform draws in [0, 1), stratified per key: every `strata` draws of a key fall once in each
    1/strata of the range, in random order. A small set then shows the rates of the model."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pending: dict[tuple[str, ...], list[float]] = {}

    def draw(self, *key: str, strata: int = STRATA) -> float:
        block = self.pending.get(key)
        if not block:
            block = [(i + self.rng.random()) / strata for i in range(strata)]
            self.rng.shuffle(block)
            self.pending[key] = block
        return block.pop()


def quota[K](shares: Mapping[K, float], total: int) -> dict[K, int]:
    """Split `total` in proportion to `shares` (largest remainder; ties go to the earlier key)."""
    weight = sum(shares.values())
    exact = {k: total * s / weight for k, s in shares.items()}
    counts = {k: math.floor(v) for k, v in exact.items()}
    order = sorted(shares, key=lambda k: -(exact[k] - counts[k]))
    for k in order[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _agents(rng: random.Random) -> list[Agent]:
    numbers = rng.sample(range(1, 100), sum(TEAM_SIZE.values()))
    agents: list[Agent] = []
    for team, size in TEAM_SIZE.items():
        mine, numbers = sorted(numbers[:size]), numbers[size:]
        effects = [rng.gauss(0, AGENT_SPREAD) for _ in mine]
        mean = sum(effects) / len(effects)
        agents += [Agent(f"MW-{n:03d}", team, TEAMS[team], e - mean) for n, e in zip(mine, effects, strict=True)]
    return agents


def _plans(rng: random.Random, count: int, shares: Mapping[Channel, float]) -> list[_Plan]:
    modes = quota(MODE_SHARE, count)
    calibration = modes.pop("calibration")
    sessions = math.ceil(calibration / CALIBRATION_SESSION)
    sizes = [calibration // sessions + (i < calibration % sessions) for i in range(sessions)] if sessions else []
    kinds: list[tuple[Mode, int]] = [(m, 1) for m, n in modes.items() for _ in range(n)]
    kinds += [("calibration", size) for size in sizes]
    channels = [ch for ch, n in quota(shares, len(kinds)).items() for _ in range(n)]
    rng.shuffle(kinds)
    rng.shuffle(channels)
    return [_Plan(ch, mode, size) for ch, (mode, size) in zip(channels, kinds, strict=True)]


def _outcome(rng: random.Random, channel: Channel) -> Outcome:
    direct, once, repeatedly, _ = OUTCOME_SHARE[channel]
    u = rng.random()
    if u < direct:
        return Outcome(result="direct")
    if u < direct + once:
        return Outcome(result="transferred", transfers=1)
    if u < direct + once + repeatedly:
        return Outcome(result="transferred", transfers=2 if rng.random() < 0.75 else 3)
    return Outcome(result="callback")


def _contact(rng: random.Random, spread: Spread, checklist: Checklist, agent: Agent, contact_date: date) -> Contact:
    outcome = _outcome(rng, checklist.channel)
    r = rng.random
    facts = Facts(
        channel=checklist.channel,
        outcome=outcome,
        person_only=outcome.result == "transferred" and r() < 0.35,
        unambiguous=r() < 0.15,
        report_only=r() < 0.20,
        identity=r() < 0.40,
        personal_data=r() < 0.55,
        think_along=r() < 0.45,
        emotion=r() < 0.40,
        criticism=r() < 0.15,
        other_department=r() < 0.35,
        on_hold=r() < 0.30,
        repeat_report=r() < 0.12,
        dissatisfied=r() < 0.08,
        danger=r() < 0.02,
        no_registration=r() < 0.05,
        recorded_by_agent=r() < 0.70,
        long_turns=r() < 0.95,
        nothing_started=r() < 0.50,
        assignment_known=r() < 0.93,
        silence_closed=r() < 0.25,
        overheard=r() < 0.60,
    )
    noise = NormalDist(0, CONTACT_SPREAD).inv_cdf(spread.draw(agent.code, "level"))
    level = BASE_LEVEL + TEAM_EFFECT[agent.team] + agent.effect + noise
    critical_error = None
    if spread.draw("critical-error", strata=round(1 / CRITICAL_ERROR_RATE)) < CRITICAL_ERROR_RATE:
        names = [e.id for e in checklist.critical_errors if e.id in CRITICAL_ERROR_SHARE]
        if names:
            critical_error = rng.choices(names, weights=[CRITICAL_ERROR_SHARE[n] for n in names])[0]
    criteria = checklist.criteria()
    return Contact(
        checklist=checklist,
        agent=agent,
        contact_date=contact_date,
        level=level,
        facts=facts,
        draws={c.id: _answer_draw(spread, agent.team, c, facts) for c in criteria},
        critical_error=critical_error,
        relationship_draw=rng.gauss(0, RELATIONSHIP_NOISE),
        na_draws={c.id: r() for c in criteria},
        comment_draws={c.id: r() for c in criteria},
    )


def _answer_draw(spread: Spread, team: str, criterion: Criterion, facts: Facts) -> float:
    """Stratified per team and criterion; for the missed criterion, which applies rarely, over all the contacts
    it applies to."""
    if criterion.id == MISSED_CRITERION:
        rule = APPLIES[MISSED_CRITERION]
        return spread.draw(MISSED_CRITERION) if rule(facts) else spread.rng.random()
    return spread.draw(team, criterion.id)


def _clamp(value: float, low: float = 0.03, high: float = 0.99) -> float:
    return min(high, max(low, value))


def _applies(criterion: Criterion, contact: Contact) -> bool:
    if not criterion.na.allowed:
        return True
    forced = _forced(contact)
    if criterion.id in forced:
        return True
    rule = APPLIES.get(criterion.id)
    if rule is not None:
        return rule(contact.facts)
    return contact.na_draws[criterion.id] >= UNKNOWN_NA_RATE


def _forced(contact: Contact) -> dict[str, str]:
    """Answers a flagged critical error implies: criterion id → 'worst'."""
    return {
        "onjuiste-informatie": {"informatie-juist": "worst"},
        "privacy-inbreuk": {"persoonsgegevens-alleen-indien-nodig": "worst"},
        "kwetsende-uitlating": {"aanspreekvorm-en-toon": "worst"},
    }.get(contact.critical_error or "", {})


def _option_answer(scale: OptionsScale, u: float, p_best: float, p_worst: float) -> str:
    options = sorted(scale.options, key=lambda o: o.points)
    if u >= 1 - p_best:
        return options[-1].id
    if u < p_worst or len(options) == 2:
        return options[0].id
    middle = options[1:-1]
    return middle[min(len(middle) - 1, int(len(middle) * (u - p_worst) / max(1e-9, 1 - p_best - p_worst)))].id


def _answer(criterion: Criterion, contact: Contact, shift: float, u: float) -> Answer:
    scale = contact.checklist.scale_of(criterion)
    if criterion.id in _forced(contact):
        if isinstance(scale, GradeScale):
            return Answer(grade=scale.min)
        return Answer(option=min(scale.options, key=lambda o: o.points).id)
    level = contact.level + shift
    if criterion.kind == "compliance" or criterion.id == MISSED_CRITERION:
        base = (
            MISSED_MET if criterion.id == MISSED_CRITERION else CRITICAL_MET if criterion.critical else COMPLIANCE_MET
        )
        p_met = _clamp(base + (level - BASE_LEVEL) / 2, 0.02, 0.99)
        if isinstance(scale, GradeScale):
            return Answer(grade=scale.max if u >= 1 - p_met else scale.min)
        miss_worst = 0.9 if criterion.kind == "quality" else 1.0
        return Answer(option=_option_answer(scale, u, p_met, (1 - p_met) * miss_worst))
    q = _clamp(level + QUALITY_OFFSET.get(criterion.id, 0.0))
    if isinstance(scale, GradeScale):
        grade = round(scale.min + q * (scale.max - scale.min) + 2 * (u - 0.5))
        return Answer(grade=min(scale.max, max(scale.min, grade)))
    if len(scale.options) == 2:
        return Answer(option=_option_answer(scale, u, q, 1 - q))
    p_best, p_worst = three_point(q)
    return Answer(option=_option_answer(scale, u, p_best, p_worst))


def three_point(q: float) -> tuple[float, float]:
    """P(best) and P(worst) on a three-point scale so that the expected normalised points are `q`.

    A mix of a wide distribution (best q^1.5, worst 1 + q^1.5 − 2q) and the tightest one (only the two
    options next to q), in the proportion WIDE_SHARE : 1 − WIDE_SHARE.
    """
    wide_best, wide_worst = q**1.5, 1 + q**1.5 - 2 * q
    tight_best, tight_worst = max(0.0, 2 * q - 1), max(0.0, 1 - 2 * q)
    return (
        WIDE_SHARE * wide_best + (1 - WIDE_SHARE) * tight_best,
        WIDE_SHARE * wide_worst + (1 - WIDE_SHARE) * tight_worst,
    )


def _comment(criterion: Criterion, contact: Contact, answer: Answer) -> str:
    scale = contact.checklist.scale_of(criterion)
    if not isinstance(scale, OptionsScale) or answer.option is None:
        return ""
    option = scale.option(answer.option)
    if option is None or option.points == scale.max_points or contact.comment_draws[criterion.id] >= COMMENT_RATE:
        return ""
    texts = COMMENTS.get(criterion.id, (GENERIC_COMMENT,))
    return texts[int(contact.comment_draws[criterion.id] / COMMENT_RATE * len(texts))]


def _evaluation(rng: random.Random, contact: Contact, mode: Mode, evaluator: str, jitter: float = 0.0) -> Evaluation:
    shift = SELF_ASSESSMENT_SHIFT if mode == "self-assessment" else EVALUATOR_SHIFT.get(evaluator, 0.0)
    answers: dict[str, Answer] = {}
    for criterion in contact.checklist.criteria():
        u = contact.draws[criterion.id]
        if jitter:
            u = _clamp(u + rng.gauss(0, jitter), 0.0, 0.999999)
        if not _applies(criterion, contact):
            answers[criterion.id] = Answer(na=True)
            continue
        answer = _answer(criterion, contact, shift, u)
        comment = _comment(criterion, contact, answer)
        answers[criterion.id] = answer.model_copy(update={"comment": comment}) if comment else answer
    relationship: Relationship = "kept"
    felt = contact.level + shift + contact.relationship_draw
    if contact.critical_error or felt < WEAKENED_BELOW:
        relationship = "weakened"
    elif felt > STRENGTHENED_ABOVE:
        relationship = "strengthened"
    delay = 0 if (d := rng.random()) < 0.5 else 1 if d < 0.8 else rng.randint(2, 4)
    started = _working_days_after(contact.contact_date, delay)
    created_at = datetime.combine(started, time(7, 0), tzinfo=UTC) + timedelta(minutes=rng.randrange(9 * 60))
    draft = Draft(
        id=new_id(rng),
        mode=mode,
        evaluator=evaluator,
        agent=contact.agent.code,
        team=contact.agent.team,
        department=contact.agent.department,
        contact_date=contact.contact_date,
        created_at=created_at,
        answers=answers,
        relationship=relationship,
        outcome=contact.facts.outcome,
        critical_errors=[contact.critical_error] if contact.critical_error else [],
    )
    result = evaluate(contact.checklist, draft)
    if result.evaluation is None:  # the generator's own mistake: say so loudly
        raise AssertionError(f"generated draft does not evaluate: {result.problems}")
    return result.evaluation


def _working_days_after(day: date, n: int) -> date:
    while n:
        day += timedelta(days=1)
        n -= day.weekday() < 5
    return day


def export_bytes(evaluation: Evaluation) -> bytes:
    """An evaluation as the scoring form exports it: JSON indented by 2, UTF-8, ending in a newline."""
    return _pretty(evaluation.model_dump(mode="json"))


def _pretty(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def jsonl_bytes(evaluations: Sequence[Evaluation]) -> bytes:
    """One evaluation per line, compact."""
    lines = [json.dumps(e.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) for e in evaluations]
    return ("\n".join(lines) + "\n").encode()


def broken_files(evaluations: Sequence[Evaluation], seed: int = DEFAULT_SEED) -> dict[str, bytes]:
    """One bad file per reason to refuse (names in BROKEN_FILES), made from monitoring evaluations of the set.

    Each has exactly one fault: except the duplicate, every file made from an evaluation gets a new id,
    so that it does not also collide with the evaluation it came from.
    """
    rng = random.Random(f"kapot-{seed}")
    usable = [
        e
        for e in evaluations
        if e.scores.quality is not None and any(a.option is not None and not a.comment for a in e.answers.values())
    ]
    monitoring = [e for e in usable if e.mode == "monitoring"]
    if not usable:
        raise ValueError("no complete evaluation with an option to make the broken files from")
    pool = monitoring or usable
    picks = rng.sample(pool, 6) if len(pool) >= 6 else rng.choices(pool, k=6)
    duplicate, truncated, unknown, edited, newer, invalid = picks

    def fresh(evaluation: Evaluation) -> dict[str, object]:
        data: dict[str, object] = evaluation.model_dump(mode="json")
        data["id"] = new_id(rng)
        return data

    whole = _pretty(fresh(truncated)).decode()
    unknown_data = fresh(unknown)
    unknown_data["checklist"] = {
        "id": UNKNOWN_CHECKLIST,
        "version": "1.0.0",
        "content_hash": "sha256:" + hashlib.sha256(UNKNOWN_CHECKLIST.encode()).hexdigest(),
    }
    edited_data = fresh(edited)
    quality = edited.scores.quality
    assert quality is not None
    edited_data["scores"] = {
        **edited.scores.model_dump(mode="json"),
        "quality": round(quality + 15 if quality < 85 else quality - 20, 1),
    }
    newer_data = fresh(newer)
    newer_data["format_version"] = FORMAT_VERSION + 1
    invalid_data = fresh(invalid)
    criterion_id = next(k for k, a in invalid.answers.items() if a.option is not None and not a.comment)
    invalid_data["answers"] = {
        **invalid.model_dump(mode="json")["answers"],
        criterion_id: {"option": UNKNOWN_OPTION, "grade": None, "na": False, "comment": ""},
    }
    files = {
        "kapot-geen-json.json": b"Dit is geen beoordeling: iemand heeft een notitie opgeslagen als .json.\n"
        b"Terugbellen over de afspraak van dinsdag.\n",
        "kapot-afgebroken.json": whole[: len(whole) // 2].encode(),
        "kapot-onbekende-checklist.json": _pretty(unknown_data),
        "kapot-dubbel.json": export_bytes(duplicate),
        "kapot-scores-kloppen-niet.json": _pretty(edited_data),
        "kapot-nieuwere-versie.json": _pretty(newer_data),
        "kapot-ongeldig-antwoord.json": _pretty(invalid_data),
    }
    assert list(files) == list(BROKEN_FILES)
    return files


def example_files(
    checklists: Sequence[Checklist],
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    start: date = DEFAULT_START,
    weeks: int = DEFAULT_WEEKS,
) -> dict[str, bytes]:
    """The whole example folder as relative path → bytes: month folders, the JSON Lines file, kapot/, README.md."""
    evaluations = list(generate(checklists, count, seed, start, weeks))
    surveys = [
        s
        for checklist in checklists
        if checklist.is_survey
        for s in generate_surveys(checklist, round(SURVEY_SHARE * count), seed, start, weeks)
    ]
    files: dict[str, bytes] = {}
    for evaluation in [*evaluations, *surveys]:
        path = f"{evaluation.contact_date:%Y-%m}/{export_filename(evaluation)}"
        if path in files:
            raise AssertionError(f"two evaluations share the file name {path}")
        files[path] = export_bytes(evaluation)
    files[JSONL_FILE] = jsonl_bytes([*evaluations, *surveys])  # the surveys last: earlier line numbers stay
    for name, content in broken_files(evaluations, seed).items():
        files[f"{BROKEN_DIR}/{name}"] = content
    text = readme(evaluations, checklists, count=count, seed=seed, start=start, weeks=weeks, surveys=surveys)
    files[README_FILE] = text.encode()
    return files


def write_example(
    out: Path,
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    *,
    checklists: Sequence[Checklist],
    start: date = DEFAULT_START,
    weeks: int = DEFAULT_WEEKS,
) -> dict[str, bytes]:
    """Write the example folder to `out`, replacing an earlier example set there; returns what was written.

    Refuses (:class:`NotAnExampleFolder`) when `out` holds anything this function does not write.
    """
    files = example_files(checklists, count, seed, start, weeks)
    _clear(out)
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def _clear(out: Path) -> None:
    """Remove an earlier example set from `out`, after checking that everything there is one."""
    for entry in earlier_example(out):
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def earlier_example(out: Path) -> list[Path]:
    """What an earlier example set in `out` consists of; :class:`NotAnExampleFolder` if `out` holds anything else.

    An example set is README.md, the JSON Lines file, and folders `kapot` and `YYYY-MM` holding only .json files.
    """
    if not out.exists():
        return []
    if out.is_symlink() or not out.is_dir():
        raise NotAnExampleFolder(out)
    entries = sorted(out.iterdir())
    for entry in entries:
        if entry.is_symlink():
            raise NotAnExampleFolder(entry)
        if entry.is_dir() and (MONTH_DIR.match(entry.name) or entry.name == BROKEN_DIR):
            for item in sorted(entry.iterdir()):
                if item.is_symlink() or not item.is_file() or item.suffix != ".json":
                    raise NotAnExampleFolder(item)
        elif not (entry.is_file() and entry.name in (README_FILE, JSONL_FILE)):
            raise NotAnExampleFolder(entry)
    return entries


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def _nl(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def readme(
    evaluations: Sequence[Evaluation],
    checklists: Sequence[Checklist],
    *,
    count: int,
    seed: int,
    start: date,
    weeks: int,
    surveys: Sequence[Evaluation] = (),
) -> str:
    """The Dutch README of the example set, with this set's own figures (means over monitoring)."""
    total = len(evaluations)
    monitoring = [e for e in evaluations if e.mode == "monitoring"]

    def quality_by(key: Callable[[Evaluation], str], order: Sequence[str]) -> list[tuple[str, int, float]]:
        groups: dict[str, list[float]] = defaultdict(list)
        for e in monitoring:
            if e.scores.quality is not None:
                groups[key(e)].append(e.scores.quality)
        known = [k for k in order if k in groups] + sorted(k for k in groups if k not in order)
        return [(k, len(groups[k]), _mean(groups[k])) for k in known]

    def share(n: int) -> str:
        return f"{100 * n / total:.0f}%"

    teams = quality_by(lambda e: e.team, list(TEAMS))
    departments = quality_by(lambda e: e.department, list(dict.fromkeys(TEAMS.values())))
    evaluators = [row for row in quality_by(lambda e: e.evaluator, EVALUATORS) if row[0] in EVALUATORS]
    lenient = [q for e in monitoring if e.evaluator == LENIENT_EVALUATOR and (q := e.scores.quality) is not None]
    others = [
        q
        for e in monitoring
        if e.evaluator in EVALUATORS and e.evaluator != LENIENT_EVALUATOR and (q := e.scores.quality) is not None
    ]
    by_id = {c.id: c for c in checklists}
    missed = [
        is_met(checklist.scale_of(criterion), answer)
        for e in evaluations
        if (answer := e.answers.get(MISSED_CRITERION)) is not None
        and not answer.na
        and (checklist := by_id.get(e.checklist.id)) is not None
        and (criterion := checklist.criterion(MISSED_CRITERION)) is not None
    ]
    agents: dict[str, set[str]] = defaultdict(set)
    for e in evaluations:
        agents[e.team].add(e.agent)
    passed = sum(len(e.scores.compliance.passed) for e in evaluations)
    judged = passed + sum(len(e.scores.compliance.failed) for e in evaluations)
    phone = [e for e in evaluations if e.channel == "telefoon"]
    direct = sum(e.outcome is not None and e.outcome.result == "direct" for e in phone)
    months = sorted({f"{e.contact_date:%Y-%m}" for e in evaluations})
    mode_names = {"self-assessment": "zelfbeoordeling", "calibration": "kalibratie"}

    def table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)])

    command = (
        f".venv/bin/ijkpunt example-data --out examples/evaluaties-voorbeeld --count {count} --seed {seed} "
        f"--weeks {weeks} --start {start.isoformat()}"
    )
    parts = [
        "# Voorbeelddata: verzonnen beoordelingen",
        "",
        f"Deze map bevat {total} **verzonnen** beoordelingen van een verzonnen gemeente, gemaakt met "
        f"`ijkpunt example-data` (seed {seed}, {weeks} weken vanaf {start.isoformat()}). Er zit geen echt "
        "gesprek, geen echte medewerker en geen inwoner in. Ze zijn er om het samenvoegen van beoordelingen "
        "te proberen en te testen: de patronen hieronder zitten er met opzet in, zodat je kunt zien of een "
        "overzicht ze vindt.",
        "",
        "Alle beoordelingen zijn volledig en berekend met de rekenregels van IJkpunt zelf: `ijkpunt score` "
        "geeft voor elk bestand in de maandmappen dezelfde scores. Opnieuw maken geeft precies dezelfde "
        "bestanden:",
        "",
        "```sh",
        command,
        "```",
        "",
        "## Wat erin zit",
        "",
        f"* `{months[0]}/` … `{months[-1]}/`: één JSON-bestand per beoordeling, zoals het scoreformulier het "
        f"exporteert, in een map per maand van het contact ({evaluations[0].contact_date.isoformat()} tot en "
        f"met {evaluations[-1].contact_date.isoformat()}, alleen werkdagen).",
        f"* `{JSONL_FILE}`: dezelfde {total} beoordelingen, één per regel (JSON Lines). Lees óf de maandmappen "
        "óf dit bestand, niet allebei: anders telt alles dubbel.",
        f"* `{BROKEN_DIR}/`: {len(BROKEN_FILES)} kapotte bestanden, elk met één reden om geweigerd te worden "
        "(zie onder).",
        "",
        "Organisatie: afdeling KCC met `team-noord` en `team-zuid`, afdeling Burgerzaken met `team-oost` en "
        f"`team-west`; {sum(len(a) for a in agents.values())} medewerkers met codes als `MW-017` (nooit namen) "
        "en vijf beoordelaars, `BO-01` … `BO-05`. Bij een zelfbeoordeling is de beoordelaar de medewerker zelf "
        "(zijn eigen code). Een kalibratiesessie is één contact dat door tot vier beoordelaars is gescoord "
        "(zelfde medewerker, zelfde datum).",
        "",
        table(
            ("kanaal", "beoordelingen", "aandeel"),
            [(ch, str(n), share(n)) for ch, n in Counter(e.channel for e in evaluations).most_common()],
        ),
        "",
        table(
            ("soort", "beoordelingen", "aandeel"),
            [
                (f"{mode_names[m]} (`{m}`)" if m in mode_names else m, str(n), share(n))
                for m, n in Counter(e.mode for e in evaluations).most_common()
            ],
        ),
        "",
        "## De patronen",
        "",
        "De gemiddelden hieronder zijn kwaliteitsscores (0–100) van de beoordelingen in de soort *monitoring*. "
        "Het model staat hiernaast; door toeval wijkt een set van deze omvang er een paar punten van af.",
        "",
        "**1. Teams verschillen.** In het model ligt `team-zuid` 8 punten boven `team-west`, met `team-noord` "
        "(+1) en `team-oost` (−1) daartussen; daardoor scoort KCC ook hoger dan Burgerzaken.",
        "",
        table(
            ("team", "afdeling", "medewerkers", "beoordelingen", "gemiddeld"),
            [(t, TEAMS.get(t, ""), str(len(agents[t])), str(n), _nl(m)) for t, n, m in teams],
        ),
        "",
        table(("afdeling", "beoordelingen", "gemiddeld"), [(d, str(n), _nl(m)) for d, n, m in departments]),
        "",
        f"**2. Eén beoordelaar is mild.** `{LENIENT_EVALUATOR}` antwoordt op vergelijkbare contacten hoger: in "
        "het model ongeveer 7 punten op de kwaliteitsscore, en iets vaker *voldaan* bij compliance. Elke "
        "beoordelaar krijgt contacten uit alle teams, dus het verschil komt niet door de teams. In deze set: "
        f"{_nl(_mean(lenient))} voor `{LENIENT_EVALUATOR}` tegen {_nl(_mean(others))} voor de andere vier samen. "
        "Zelfbeoordelingen zijn in het model 4 punten milder dan een beoordeling door een ander.",
        "",
        table(("beoordelaar", "beoordelingen", "gemiddeld"), [(k, str(n), _nl(m)) for k, n, m in evaluators]),
        "",
        f"**3. Eén criterium wordt vaak gemist.** `{MISSED_CRITERION}` (telefoon, chat, balie) is in het model "
        "in 60% van de contacten waar het van toepassing is niet voldaan (geen *goed*), en dan bijna altijd "
        "*onvoldoende*. Het is alleen van toepassing als het contact eindigt met een terugbelnotitie, dus er "
        f"zijn weinig waarnemingen: in deze set {len(missed)} keer van toepassing en {missed.count(False)} keer "
        f"niet voldaan ({_nl(100 * missed.count(False) / len(missed) if missed else float('nan'), 0)}%).",
        "",
        "**Verder, zoals in een gewone gemeente:** compliancecriteria zijn meestal voldaan "
        f"({_nl(100 * passed / judged if judged else float('nan'), 0)}% van de toepasselijke), een kritieke fout "
        f"is zeldzaam ({sum(bool(e.critical_errors) for e in evaluations)} keer aangevinkt; "
        f"{sum(e.scores.critical.failed for e in evaluations)} beoordelingen zakten op iets kritieks), n.v.t. "
        "staat alleen waar het criterium het toelaat en als het contact ernaar is (doorverbinden alleen bij "
        "doorverbinden, empathie alleen bij emotie), en van de telefoongesprekken is "
        f"{_nl(100 * direct / len(phone) if phone else float('nan'), 0)}% direct beantwoord. Er zit geen trend "
        "in de tijd in: verschillen tussen weken zijn toeval.",
        "",
        *survey_readme(surveys, checklists),
        "## De kapotte bestanden",
        "",
        f"Elk bestand in `{BROKEN_DIR}/` moet geweigerd worden, om precies één reden:",
        "",
        table(("bestand", "wat er mis is"), [(f"`{name}`", reason) for name, reason in BROKEN_FILES.items()]),
        "",
        "`ijkpunt score` weigert ze allemaal behalve `kapot-dubbel.json`: dat is op zichzelf een goede "
        "beoordeling, maar dezelfde als een bestand in de maandmappen. Alleen wie bestanden samenvoegt, ziet "
        "dat de id al voorkwam.",
        "",
        "Het hele model, met alle getallen, staat bovenaan `generator/ijkpunt/example_data.py`.",
        "",
    ]
    return "\n".join(parts)


def survey_readme(surveys: Sequence[Evaluation], checklists: Sequence[Checklist]) -> list[str]:
    """The README's part on the citizen surveys, with this set's own mean marks."""
    if not surveys:
        return []
    survey = next(c for c in checklists if c.id == surveys[0].checklist.id)
    rows = []
    for criterion in survey.criteria():
        if criterion.kind != "quality":
            continue
        marks = [a.grade for e in surveys if (a := e.answers.get(criterion.id)) is not None and a.grade is not None]
        about = survey.importance_of(criterion.id)
        points: list[float] = []
        if about is not None:
            scale = survey.scale_of(about)
            for e in surveys:
                answer = e.answers.get(about.id)
                if answer is None or answer.na:
                    continue
                if isinstance(scale, OptionsScale) and (option := scale.option(answer.option or "")) is not None:
                    points.append(option.points)
                elif answer.grade is not None:
                    points.append(answer.grade)
        rows.append((criterion.title, str(len(marks)), _nl(_mean(marks)), _nl(_mean(points))))
    lines = ["| vraag | n | gemiddeld cijfer | gemiddeld belang (1–5) |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [
        f"**4. Een enquête onder bellers.** {len(surveys)} keer `{survey.id}`: een interviewer belde een inwoner "
        "na een contact terug (`INT-01`, `INT-02`; medewerker `onbekend`). Ze staan in de maandmappen en achteraan "
        f"in `{JSONL_FILE}`. Ze tellen niet mee in de kwaliteitscijfers hierboven: het overzicht toont ze apart. In "
        "het model krijgt 'wijze waarop u bent geholpen' gemiddeld ongeveer een 7,4 en 'resultaat' een 6,8 (zoals "
        "in de benchmark van 2006), en is 'afspraken nakomen' belangrijk maar het laagst gewaardeerd: het "
        "duidelijke verbeterpunt in de prioriteitenmatrix. In deze set:",
        "",
        *lines,
        "",
    ]
