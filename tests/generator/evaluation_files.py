"""Exported evaluations of the shipped telephone checklist, made by the core, for the CLI tests."""

from __future__ import annotations

import random
from typing import Any

from ijkpunt_core.checklist import Checklist, GradeScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Evaluation
from tests.builders import a_draft


def evaluations(checklist: Checklist, count: int, seed: int = 1, **fields: Any) -> list[Evaluation]:
    """`count` complete evaluations with seeded answers, two teams and three evaluators over two months."""
    rnd = random.Random(seed)
    found = []
    for n in range(count):
        answers = {}
        for criterion in checklist.criteria():
            scale = checklist.scale_of(criterion)
            if criterion.na.allowed and rnd.random() < 0.1:
                answers[criterion.id] = Answer(na=True)
            elif isinstance(scale, GradeScale):
                answers[criterion.id] = Answer(grade=rnd.randint(scale.min, scale.max))
            else:
                answers[criterion.id] = Answer(option=rnd.choice(scale.options).id)
        draft = a_draft(
            id=f"00000000-0000-4000-8000-{seed:04d}{n:08d}",
            team=f"team-{'noord' if n % 2 else 'zuid'}",
            department="KCC",
            agent=f"MW-{n % 4:03d}",
            evaluator=f"BO-{n % 3:02d}",
            contact_date=f"2026-{9 + n % 2:02d}-{1 + n % 28:02d}",
            answers=answers,
            relationship=rnd.choice(["weakened", "kept", "strengthened"]),
            outcome={"result": "direct", "transfers": 0},
            **fields,
        )
        result = evaluate(checklist, draft)
        assert result.evaluation is not None, result.problems
        found.append(result.evaluation)
    return found
