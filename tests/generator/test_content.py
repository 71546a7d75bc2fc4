"""Checks on the shipped checklists as content: what a quality officer relies on when adopting them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ijkpunt.project import Project, load_project
from ijkpunt_core.checklist import Checklist, OptionsScale

ROOT = Path(__file__).resolve().parents[2]
CHANNELS = {"telefoon", "e-mail", "chat", "balie"}


@pytest.fixture(scope="module")
def project() -> Project:
    loaded = load_project(ROOT)
    assert loaded.diagnostics == [], "\n".join(map(str, loaded.diagnostics))
    return loaded


def checklists(project: Project) -> list[Checklist]:
    return project.current()


def quality_checklists(project: Project) -> list[Checklist]:
    """The checklists for judging contacts; a citizen survey asks other things (tested below)."""
    return [c for c in project.current() if not c.is_survey]


def test_there_is_a_checklist_at_2_0_for_every_channel(project: Project) -> None:
    assert {c.channel for c in checklists(project)} == CHANNELS
    assert all(c.version.startswith("2.") for c in checklists(project))


def test_every_criterion_has_its_own_anchor_for_every_option(project: Project) -> None:
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            scale = checklist.scale_of(criterion)
            if isinstance(scale, OptionsScale):
                assert set(criterion.anchors) == {o.id for o in scale.options}, (checklist.id, criterion.id)
            # an anchor says something about this criterion, not a generic 'af en toe, met missers'
            generic = [a for a in criterion.anchors.values() if len(a.split()) < 4]
            assert generic == [], (checklist.id, criterion.id, generic)


def test_anchors_differ_between_criteria(project: Project) -> None:
    for checklist in checklists(project):
        seen: dict[str, str] = {}
        for criterion in checklist.criteria():
            for text in criterion.anchors.values():
                assert text not in seen, f"{checklist.id}: {criterion.id} and {seen.get(text)} share an anchor"
                seen[text] = criterion.id


def test_every_criterion_is_sourced_or_says_why_not(project: Project) -> None:
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            assert set(criterion.sources) <= set(checklist.sources), (checklist.id, criterion.id)
            assert criterion.sources or criterion.basis, (checklist.id, criterion.id)


def test_every_channel_has_its_own_dated_targets(project: Project) -> None:
    blocks = {}
    for checklist in quality_checklists(project):
        targets = checklist.targets
        assert targets.source or targets.basis, checklist.id
        assert targets.note, f"{checklist.id}: say where the targets come from and how strict they are"
        blocks[checklist.channel] = targets
    telephone = blocks["telefoon"]
    for channel, targets in blocks.items():
        if channel != "telefoon":
            assert (targets.source, targets.basis, targets.note) != (telephone.source, telephone.basis, telephone.note)


def test_the_same_id_means_the_same_thing_on_every_channel(project: Project) -> None:
    seen: dict[str, tuple[str, tuple[str, str, bool, str]]] = {}
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            shape = (criterion.kind, criterion.scale, criterion.critical, criterion.kpi)
            if criterion.id in seen:
                other, other_shape = seen[criterion.id]
                assert shape[:3] == other_shape[:3], f"{criterion.id}: {checklist.id} {shape} vs {other} {other_shape}"
            else:
                seen[criterion.id] = (checklist.id, shape)
    shared = [i for i in seen if sum(c.criterion(i) is not None for c in checklists(project)) == len(CHANNELS)]
    assert "informatie-juist" in shared and "identiteit-vaststellen" in shared


def test_correct_information_weighs_most(project: Project) -> None:
    for checklist in quality_checklists(project):
        quality = [c for c in checklist.criteria() if c.kind == "quality"]
        heaviest = max(quality, key=lambda c: c.weight)
        assert heaviest.id == "informatie-juist", checklist.id


def test_compliance_and_critical_criteria_are_yes_no(project: Project) -> None:
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            if criterion.kind == "compliance" or criterion.critical:
                assert criterion.scale == "ja-nee", (checklist.id, criterion.id)


def test_critical_policy_and_bands_are_the_same_everywhere(project: Project) -> None:
    policies = {c.critical_policy for c in checklists(project)}
    bands = {tuple((b.id, b.min) for b in c.bands) for c in checklists(project)}
    assert len(policies) == 1 and len(bands) == 1
    # the bands follow the Dutch 1–10 convention: a 7 (= 1 + 9 × score/100) is voldoende
    voldoende = next(b for b in checklists(project)[0].bands if b.id == "voldoende")
    assert round(1 + 9 * voldoende.min / 100, 1) == 7.0


def test_the_survey_asks_marks_from_1_to_10_and_the_importance_of_each(project: Project) -> None:
    [survey] = [c for c in checklists(project) if c.is_survey]
    questions = [c for c in survey.criteria() if c.kind == "quality"]
    assert 5 <= len(questions) <= 7 and {"wijze-geholpen", "resultaat"} <= {q.id for q in questions}
    for question in questions:
        scale = survey.scale_of(question)
        assert (scale.type, getattr(scale, "min", None), getattr(scale, "max", None)) == ("grade", 1, 10)
        assert getattr(scale, "pass_mark", None) == 7  # "vanaf een 7 voldoende" (TNS NIPO)
        assert survey.importance_of(question.id) is not None, question.id
        assert question.na.allowed and "weet" in (question.na.when or "")  # 'weet niet' is recorded as n.v.t.
    assert {c.kind for c in survey.criteria()} == {"quality", "importance"}
    assert survey.critical_errors == [] and not any(c.critical for c in survey.criteria())


def test_no_citizen_facing_jargon_without_explanation(project: Project) -> None:
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            for example in criterion.examples.good:
                assert not re.search(r"\b(compliance|knock-?out)\b", example, re.I), (checklist.id, criterion.id)


def test_no_closing_question_that_the_seeds_call_outdated(project: Project) -> None:
    for checklist in checklists(project):
        for criterion in checklist.criteria():
            for example in criterion.examples.good:
                assert "verder nog vragen" not in example.lower(), (checklist.id, criterion.id)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_the_handbook_shows_every_anchor(public: Path, project: Project) -> None:
    for checklist in checklists(project):
        parser = _Text()
        parser.feed((public / "handboek" / checklist.id / "index.html").read_text(encoding="utf-8"))
        text = " ".join(" ".join(parser.parts).split())
        for criterion in checklist.criteria()[:5]:
            for anchor in criterion.anchors.values():
                assert " ".join(anchor.split())[:60] in text, (checklist.id, criterion.id)
