"""The example data: every evaluation valid and scored by the core, reproducible byte for byte, the shipped
set exactly what the generator makes, and the patterns it promises visible in plain means."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from ijkpunt.cli import main
from ijkpunt.example_data import (
    BROKEN_FILES,
    DEFAULT_COUNT,
    EVALUATORS,
    JSONL_FILE,
    LENIENT_EVALUATOR,
    MISSED_CRITERION,
    SURVEY_SHARE,
    broken_files,
    example_files,
    export_bytes,
    generate,
    generate_surveys,
)
from ijkpunt.project import load_project
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import export_filename, rescore
from ijkpunt_core.evaluation import Evaluation
from ijkpunt_core.problems import Code
from ijkpunt_core.scoring import applicability, is_met

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "examples" / "evaluaties-voorbeeld"
REGENERATE = "regenerate it: .venv/bin/ijkpunt example-data --out examples/evaluaties-voorbeeld"
LARGE = 1200


@pytest.fixture(scope="module")
def checklists() -> list[Checklist]:
    return load_project(ROOT).current()


@pytest.fixture(scope="module")
def by_id(checklists: list[Checklist]) -> dict[str, Checklist]:
    return {c.id: c for c in checklists}


@pytest.fixture(scope="module")
def shipped_files(checklists: list[Checklist]) -> dict[str, bytes]:
    """What the defaults make: the files of the shipped set."""
    return example_files(checklists)


@pytest.fixture(scope="module")
def shipped_set(checklists: list[Checklist]) -> list[Evaluation]:
    """What the defaults make: the evaluations of the shipped set."""
    return list(generate(checklists))


@pytest.fixture(scope="module")
def large_set(checklists: list[Checklist]) -> list[Evaluation]:
    """A larger set with the same seed, where the model's effects show with less chance in them."""
    return list(generate(checklists, LARGE))


@pytest.fixture(scope="module", params=["shipped", "large"])
def sample(request: pytest.FixtureRequest) -> tuple[str, list[Evaluation]]:
    return request.param, request.getfixturevalue(f"{request.param}_set")


def mean(values: list[float]) -> float:
    assert values, "no values to average"
    return sum(values) / len(values)


def quality_by(evaluations: list[Evaluation], key: Callable[[Evaluation], str]) -> dict[str, float]:
    """Mean quality score per group, over monitoring evaluations."""
    groups: dict[str, list[float]] = defaultdict(list)
    for e in evaluations:
        if e.mode == "monitoring" and e.scores.quality is not None:
            groups[key(e)].append(e.scores.quality)
    return {k: mean(v) for k, v in groups.items()}


# --- the shipped set -------------------------------------------------------------------------------------


def test_the_shipped_set_is_exactly_what_the_generator_makes(shipped_files: dict[str, bytes]) -> None:
    expected = shipped_files
    found = {p.relative_to(SHIPPED).as_posix(): p.read_bytes() for p in sorted(SHIPPED.rglob("*")) if p.is_file()}
    assert sorted(found) == sorted(expected), f"the shipped example set has other files; {REGENERATE}"
    differ = [name for name in expected if found[name] != expected[name]]
    assert differ == [], f"the shipped example set differs from the generator; {REGENERATE}"


def test_the_shipped_set_stays_small() -> None:
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size < 3_000_000


def test_files_are_in_the_month_of_the_contact_and_the_jsonl_holds_the_same(
    shipped_files: dict[str, bytes], shipped_set: list[Evaluation], checklists: list[Checklist]
) -> None:
    files = shipped_files
    [survey] = [c for c in checklists if c.is_survey]
    surveys = list(generate_surveys(survey, round(SURVEY_SHARE * DEFAULT_COUNT)))
    assert len(surveys) == 60 and {e.checklist.id for e in surveys} == {"kto-telefoon"}
    for e in [*shipped_set, *surveys]:
        assert files[f"{e.contact_date:%Y-%m}/{export_filename(e)}"] == export_bytes(e)
    lines = files[JSONL_FILE].decode().splitlines()
    # the evaluations of contacts first (in date order), then the surveys (in date order)
    assert [Evaluation.model_validate_json(line) for line in lines] == [*shipped_set, *surveys]
    assert len([n for n in files if re.fullmatch(r"\d{4}-\d{2}/.+\.json", n)]) == DEFAULT_COUNT + 60
    assert sorted(n for n in files if n.startswith("kapot/")) == sorted(f"kapot/{n}" for n in BROKEN_FILES)


# --- every evaluation valid, scored by the core, reproducible -------------------------------------------


def test_every_evaluation_is_valid_complete_and_rescores_without_difference(
    large_set: list[Evaluation], shipped_set: list[Evaluation], by_id: dict[str, Checklist]
) -> None:
    schema = json.loads((ROOT / "schemas" / "evaluation.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for e in shipped_set:
        data = json.loads(export_bytes(e))
        assert Evaluation.model_validate(data) == e
        assert list(validator.iter_errors(data)) == []
    for e in [*shipped_set, *large_set]:
        assert e.scores.complete and e.scores.quality is not None
        assert rescore(by_id[e.checklist.id], e).problems == []
    assert len({e.id for e in large_set}) == LARGE


def test_the_same_seed_gives_the_same_evaluations_and_another_seed_others(checklists: list[Checklist]) -> None:
    def dumped(seed: int) -> list[bytes]:
        return [export_bytes(e) for e in generate(checklists, 40, seed, date(2027, 1, 4), 4)]

    assert dumped(7) == dumped(7)
    assert not set(dumped(7)) & set(dumped(8))


# --- structure ---------------------------------------------------------------------------------------------


def test_organisation_people_and_dates(shipped_set: list[Evaluation]) -> None:
    teams: dict[str, set[str]] = defaultdict(set)
    departments: dict[str, set[str]] = defaultdict(set)
    for e in shipped_set:
        teams[e.team].add(e.agent)
        departments[e.team].add(e.department)
        assert re.fullmatch(r"MW-\d{3}", e.agent)
        if e.mode == "self-assessment":
            assert e.evaluator == e.agent
        else:
            assert e.evaluator in EVALUATORS
        assert e.contact_date.weekday() < 5
        assert date(2026, 9, 7) <= e.contact_date < date(2026, 12, 7)
        assert e.created_at.date() >= e.contact_date
        assert e.relationship is not None and e.outcome is not None
    assert sorted(teams) == ["team-noord", "team-oost", "team-west", "team-zuid"]
    assert all(5 <= len(agents) <= 6 for agents in teams.values())
    assert {t: d.pop() for t, d in departments.items() if len(d) == 1} == {
        "team-noord": "KCC",
        "team-zuid": "KCC",
        "team-oost": "Burgerzaken",
        "team-west": "Burgerzaken",
    }
    assert {e.evaluator for e in shipped_set if e.mode != "self-assessment"} == set(EVALUATORS)


def test_modes_and_channels_in_proportion(sample: tuple[str, list[Evaluation]]) -> None:
    _, evaluations = sample
    n = len(evaluations)
    modes = Counter(e.mode for e in evaluations)
    channels = Counter(e.channel for e in evaluations)
    for mode, share in {"monitoring": 0.88, "self-assessment": 0.06, "training": 0.04, "calibration": 0.02}.items():
        assert modes[mode] / n == pytest.approx(share, abs=0.01), mode
    for channel, share in {"telefoon": 0.60, "e-mail": 0.20, "chat": 0.15, "balie": 0.05}.items():
        assert channels[channel] / n == pytest.approx(share, abs=0.02), channel


def test_calibration_sessions_score_one_contact_with_several_evaluators(shipped_set: list[Evaluation]) -> None:
    sessions: dict[tuple[str, date], list[Evaluation]] = defaultdict(list)
    for e in shipped_set:
        if e.mode == "calibration":
            sessions[(e.agent, e.contact_date)].append(e)
    assert sessions
    for evaluations in sessions.values():
        assert len({e.evaluator for e in evaluations}) == len(evaluations) >= 2
        assert len({e.channel for e in evaluations}) == 1


def test_outcomes_of_phone_calls(large_set: list[Evaluation]) -> None:
    phone = [e.outcome for e in large_set if e.channel == "telefoon" and e.outcome is not None]
    direct = sum(o.result == "direct" for o in phone) / len(phone)
    once = sum(o.result == "transferred" and o.transfers == 1 for o in phone) / len(phone)
    repeatedly = sum(o.result == "transferred" and o.transfers >= 2 for o in phone) / len(phone)
    callback = sum(o.result == "callback" for o in phone) / len(phone)
    assert direct == pytest.approx(0.70, abs=0.05)
    assert once == pytest.approx(0.20, abs=0.04)
    assert repeatedly == pytest.approx(0.04, abs=0.02)
    assert callback == pytest.approx(0.06, abs=0.025)


def test_na_only_where_allowed_and_where_the_contact_calls_for_it(
    large_set: list[Evaluation], by_id: dict[str, Checklist]
) -> None:
    for e in large_set:
        checklist = by_id[e.checklist.id]
        assert e.outcome is not None
        applies = applicability(checklist, e.answers)
        for criterion in checklist.criteria():
            if not applies.get(criterion.id, True):  # its condition does not hold: the export records no answer
                assert criterion.id not in e.answers, (e.id, criterion.id)
                continue
            answer = e.answers[criterion.id]
            assert not answer.na or criterion.na.allowed, (e.id, criterion.id)
        if "overdragen" in e.answers:
            assert e.answers["overdragen"].na == (e.outcome.result != "transferred")
        if MISSED_CRITERION in e.answers:
            assert e.answers[MISSED_CRITERION].na == (e.outcome.result != "callback")
    na_rates = {
        cid: mean([e.answers[cid].na for e in large_set if cid in e.answers])
        for cid in ("begroeten-en-voorstellen", "informatie-juist", "empathie", "gevaar-signaleren")
    }
    assert na_rates["begroeten-en-voorstellen"] == 0
    assert na_rates["informatie-juist"] < 0.15
    assert 0.4 < na_rates["empathie"] < 0.8
    assert na_rates["gevaar-signaleren"] > 0.95


def test_compliance_mostly_met_and_critical_errors_rare(sample: tuple[str, list[Evaluation]]) -> None:
    _, evaluations = sample
    passed = sum(len(e.scores.compliance.passed) for e in evaluations)
    failed = sum(len(e.scores.compliance.failed) for e in evaluations)
    assert 0.85 <= passed / (passed + failed) <= 0.96
    flagged = mean([bool(e.critical_errors) for e in evaluations])
    assert 0.01 <= flagged <= 0.035
    assert mean([e.scores.critical.failed for e in evaluations]) < 0.06


# --- the patterns -------------------------------------------------------------------------------------------


def test_team_zuid_is_clearly_better_than_team_west(sample: tuple[str, list[Evaluation]]) -> None:
    name, evaluations = sample
    teams = quality_by(evaluations, lambda e: e.team)
    assert max(teams, key=teams.__getitem__) == "team-zuid"
    assert min(teams, key=teams.__getitem__) == "team-west"
    low, high = (4, 12) if name == "shipped" else (6, 10)
    assert low <= teams["team-zuid"] - teams["team-west"] <= high
    departments = quality_by(evaluations, lambda e: e.department)
    assert departments["KCC"] > departments["Burgerzaken"]


def test_one_evaluator_is_lenient(sample: tuple[str, list[Evaluation]]) -> None:
    name, evaluations = sample
    evaluators = quality_by(evaluations, lambda e: e.evaluator)
    assert max(EVALUATORS, key=evaluators.__getitem__) == LENIENT_EVALUATOR
    others = mean(
        [
            e.scores.quality
            for e in evaluations
            if e.mode == "monitoring" and e.evaluator in EVALUATORS and e.evaluator != LENIENT_EVALUATOR
            if e.scores.quality is not None
        ]
    )
    low, high = (4, 12) if name == "shipped" else (5, 9)
    assert low <= evaluators[LENIENT_EVALUATOR] - others <= high


def test_one_criterion_is_missed_most_of_the_time(
    sample: tuple[str, list[Evaluation]], by_id: dict[str, Checklist]
) -> None:
    name, evaluations = sample
    met: dict[str, list[bool]] = defaultdict(list)
    for e in evaluations:
        checklist = by_id[e.checklist.id]
        for criterion in checklist.criteria():
            answer = e.answers.get(criterion.id)  # none only where the criterion does not apply (applies_when)
            if answer is not None and criterion.kind == "quality" and not answer.na:
                met[criterion.id].append(is_met(checklist.scale_of(criterion), answer))
    missed = 1 - mean(met[MISSED_CRITERION])
    assert len(met[MISSED_CRITERION]) >= 10
    low, high = (0.4, 0.8) if name == "shipped" else (0.5, 0.7)
    assert low <= missed <= high
    rates = {cid: mean(values) for cid, values in met.items() if len(values) >= 10}
    assert min(rates, key=rates.__getitem__) == MISSED_CRITERION
    others = [rate for cid, rate in rates.items() if cid != MISSED_CRITERION]
    assert min(others) - rates[MISSED_CRITERION] >= 0.05


# --- the broken files ---------------------------------------------------------------------------------------

REFUSED = {
    "kapot-geen-json.json": (2, Code.JSON_SYNTAX),
    "kapot-afgebroken.json": (2, Code.JSON_SYNTAX),
    "kapot-onbekende-checklist.json": (2, Code.UNKNOWN_CHECKLIST),
    "kapot-scores-kloppen-niet.json": (1, Code.SCORES_DIFFER),
    "kapot-nieuwere-versie.json": (2, Code.NEWER_FORMAT_VERSION),
    "kapot-ongeldig-antwoord.json": (1, Code.UNKNOWN_OPTION),
}


def test_every_broken_file_has_a_test() -> None:
    assert sorted(BROKEN_FILES) == sorted([*REFUSED, "kapot-dubbel.json"])


@pytest.mark.parametrize(("name", "expected"), sorted(REFUSED.items()))
def test_score_refuses_each_broken_file_for_its_reason(
    name: str, expected: tuple[int, Code], capsys: pytest.CaptureFixture[str]
) -> None:
    status, code = expected
    assert main(["--project", str(ROOT), "--lang", "nl", "score", str(SHIPPED / "kapot" / name)]) == status
    err = capsys.readouterr().err
    assert f"[{code.value}]" in err
    assert len(re.findall(r"\[E\d{3}\]", err)) == 1, err  # one reason only


def test_the_duplicate_is_a_good_evaluation_with_the_id_of_one_in_the_set(
    shipped_set: list[Evaluation], capsys: pytest.CaptureFixture[str]
) -> None:
    path = SHIPPED / "kapot" / "kapot-dubbel.json"
    duplicate = Evaluation.model_validate_json(path.read_bytes())
    original = next(e for e in shipped_set if e.id == duplicate.id)
    assert path.read_bytes() == export_bytes(original)
    assert main(["--project", str(ROOT), "score", str(path)]) == 0
    capsys.readouterr()


def test_broken_files_other_than_the_duplicate_have_ids_of_their_own(shipped_set: list[Evaluation]) -> None:
    ids = {e.id for e in shipped_set}
    for name, content in broken_files(shipped_set).items():
        found = re.findall(rb'"id": "([0-9a-f-]{36})"', content)
        if name == "kapot-dubbel.json":
            assert found[0].decode() in ids
        elif found:
            assert found[0].decode() not in ids, name


# --- the command --------------------------------------------------------------------------------------------


def test_the_command_writes_replaces_and_refuses_a_folder_that_is_not_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    out = tmp_path / "voorbeeld"
    args = ["--project", str(ROOT), "example-data", "--out", str(out), "--count", "12", "--seed", "5", "--weeks", "2"]
    assert main(args) == 0
    assert "12 beoordelingen, 2 enquêtes en 7 kapotte bestanden" in capsys.readouterr().out
    first = files(out)
    assert len(list(out.glob("20*/*.json"))) == 12 + 2  # one survey per five evaluations
    assert len(list(out.glob("20*/*_kto-telefoon_onbekend_*.json"))) == 2
    assert len(list(out.glob("kapot/*.json"))) == 7
    (out / "2027-01").mkdir()
    (out / "2027-01" / "oud.json").write_text("{}", encoding="utf-8")  # a file of an earlier set goes
    assert main(args) == 0
    assert files(out) == first
    (out / "mijn-notities.txt").write_text("niet weggooien", encoding="utf-8")
    assert main(args) == 2
    assert "mijn-notities.txt" in capsys.readouterr().err
    assert files(out) == {**first, "mijn-notities.txt": b"niet weggooien"}


@pytest.mark.parametrize("bad", [["--count", "0"], ["--start", "2026-13-01"], ["--weeks", "x"]])
def test_the_command_refuses_unusable_arguments(
    bad: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(ROOT), "example-data", "--out", str(tmp_path / "x"), *bad])
    assert exit_info.value.code == 2
    assert not (tmp_path / "x").exists()
    capsys.readouterr()
