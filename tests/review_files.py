"""Evaluation files for the tests of the agent's side (browser and CLI): made by the core, as an export would be."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ijkpunt_core.checklist import Checklist, OptionsScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import AgentResponse, Answer, Dispute, Draft, Evaluation, Outcome
from ijkpunt_core.review import OutcomeInput, RulingInput, decide, respond

from .builders import shipped

TELEFOON = shipped("kcc-telefoon")


def best_answers(checklist: Checklist) -> dict[str, Answer]:
    answers = {}
    for criterion in checklist.criteria():
        scale = checklist.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        answers[criterion.id] = Answer(option=max(scale.options, key=lambda o: o.points).id)
    return answers


def evaluation_file(folder: Path, name: str, **fields: object) -> Path:
    answers = best_answers(TELEFOON)
    answers["laten-uitpraten"] = Answer(option="onvoldoende", comment="Viel de inwoner twee keer in de rede.")
    answers["vraag-samenvatten"] = Answer(option="nee", comment="Geen samenvatting gehoord.")
    base: dict[str, object] = {
        "id": "0b6f1c9e-2a51-4c8e-9d0e-5f1a2b3c4d5e",
        "evaluator": "coach-7",
        "agent": "A123",
        "contact_date": "2026-11-24",
        "created_at": "2026-11-24T14:30:00Z",
        "answers": answers,
        "relationship": "kept",
        "outcome": Outcome(result="direct"),
    }
    result = evaluate(TELEFOON, Draft.model_validate(base | fields))
    assert result.evaluation is not None, result.problems
    path = folder / name
    path.write_text(result.evaluation.model_dump_json(indent=2), encoding="utf-8")
    return path


def disputed_files(folder: Path) -> list[Path]:
    """Three coach's evaluations: one not responded to, one acknowledged, one disputed and decided (upheld)."""
    paths = []
    for n in range(3):
        path = evaluation_file(folder, f"e{n}.json", id=f"0b6f1c9e-2a51-4c8e-9d0e-00000000000{n}")
        evaluation = Evaluation.model_validate_json(path.read_text(encoding="utf-8"))
        at = datetime(2026, 11, 30, tzinfo=UTC)
        if n == 1:
            response = AgentResponse(type="response", by="A123", at=at, position="acknowledged")
            evaluation = respond(TELEFOON, evaluation, response).evaluation  # type: ignore[assignment]
        elif n == 2:
            dispute = Dispute(criterion="vraag-samenvatten", comment="Wel samengevat.")
            response = AgentResponse(type="response", by="A123", at=at, position="disputed", disputes=[dispute])
            evaluation = respond(TELEFOON, evaluation, response).evaluation  # type: ignore[assignment]
            ruling = RulingInput(
                criterion="vraag-samenvatten", decision="upheld", comment="Ja.", answer=Answer(option="ja")
            )
            evaluation = decide(TELEFOON, evaluation, OutcomeInput(by="coach-7", at=at, rulings=[ruling])).evaluation  # type: ignore[assignment]
        path.write_text(evaluation.model_dump_json(), encoding="utf-8")
        paths.append(path)
    return paths
