"""A conditional criterion in Chromium: hidden until the core says it applies, announced when it appears, its
answer kept in the draft but not counted while it does not apply, and the export equal to CPython's.

kcc-telefoon: 'informatie-volledig' applies only when 'informatie-juist' got an answer (not n.v.t.).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ijkpunt.project import load_checklist_file
from ijkpunt_core.checklist import Checklist, OptionsScale
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Evaluation, Outcome
from ijkpunt_core.scoring import applicability, score

pytestmark = pytest.mark.browser

CONTROLLER = "informatie-juist"
CONDITIONAL = "informatie-volledig"


@pytest.fixture(scope="module")
def telefoon(project_root: Path) -> Checklist:
    checklist = load_checklist_file(project_root / "checklists" / "kcc-telefoon.yaml").value
    assert checklist is not None
    condition = checklist.criterion(CONDITIONAL).applies_when  # type: ignore[union-attr]
    assert condition is not None and condition.criterion == CONTROLLER
    return checklist


def radio(page: Page, criterion_id: str, value: str):  # type: ignore[no-untyped-def]
    return page.locator(f'input[name="answer:{criterion_id}"][value="{value}"]')


def shown_percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "%"


def test_choosing_the_controlling_answer_shows_the_criterion_and_the_score_equals_cpython(
    form: Page, telefoon: Checklist
) -> None:
    page = form
    fieldset = page.locator(f"#c-{CONDITIONAL}")
    announcer = page.locator("#ijk-conditional-status")
    title = telefoon.criterion(CONDITIONAL).title  # type: ignore[union-attr]

    # an empty form: no condition holds, so the criterion is hidden (out of the tab order and the a11y tree)
    expect(fieldset).to_be_hidden()
    assert (
        page.get_by_role("radio", name="Onvoldoende").count()
        == page.locator("fieldset:not([hidden]) input[value=onvoldoende]").count()
    )
    expect(announcer).to_have_attribute("role", "status")

    # answering the controlling criterion shows it, says so politely, and shows the condition in words
    radio(page, CONTROLLER, "goed").click()
    expect(fieldset).to_be_visible()
    expect(announcer).to_have_text(f"Nu van toepassing: {title}.")
    expect(fieldset.locator(".ijk-condition")).to_have_text(
        "Alleen als ‘Geeft informatie die klopt met de kennisbank’ is beantwoord met Onvoldoende, Voldoende of Goed."
    )
    radio(page, CONDITIONAL, "onvoldoende").click()

    # n.v.t. on the controlling criterion hides it again; its answer stays on the form (and in the draft)
    radio(page, CONTROLLER, "na").click()
    expect(fieldset).to_be_hidden()
    expect(announcer).to_have_text(f"Niet meer van toepassing (telt als n.v.t.): {title}.")
    expect(radio(page, CONDITIONAL, "onvoldoende")).to_be_checked()

    # finish every other criterion; what shows equals what CPython computes for the same answers
    answers: dict[str, Answer] = {CONTROLLER: Answer(na=True), CONDITIONAL: Answer(option="onvoldoende")}
    for criterion in telefoon.criteria():
        if criterion.id in answers:
            continue
        scale = telefoon.scale_of(criterion)
        assert isinstance(scale, OptionsScale)
        best = max(scale.options, key=lambda o: o.points).id
        radio(page, criterion.id, best).click()
        answers[criterion.id] = Answer(option=best)
    page.locator('input[name="relationship"][value="kept"]').click()
    page.locator('input[name="outcome"][value="direct"]').click()
    outcome = Outcome(result="direct")
    assert applicability(telefoon, answers)[CONDITIONAL] is False
    ignored = score(telefoon, answers, "kept", outcome)
    assert ignored.complete and ignored.quality == 100.0  # the hidden 'onvoldoende' does not count
    expect(page.locator("#ijk-quality")).to_have_text(shown_percent(ignored.quality))
    expect(page.locator("#ijk-missing")).to_have_text("Alles is ingevuld.")

    # and back: the kept answer counts again, exactly as CPython counts it
    radio(page, CONTROLLER, "voldoende").click()
    expect(fieldset).to_be_visible()
    expect(radio(page, CONDITIONAL, "onvoldoende")).to_be_checked()
    answers[CONTROLLER] = Answer(option="voldoende")
    counted = score(telefoon, answers, "kept", outcome)
    assert counted.quality is not None and counted.quality < ignored.quality
    expect(page.locator("#ijk-quality")).to_have_text(shown_percent(counted.quality))

    # hidden once more and exported: the file holds no answer for it, and equals CPython's evaluation
    radio(page, CONTROLLER, "na").click()
    expect(fieldset).to_be_hidden()
    page.get_by_label("Beoordelaar (pseudoniem)").fill("coach-1")
    page.get_by_label("Medewerker (code)").fill("A1")
    page.get_by_label("Datum van het contact").fill("2026-11-20")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    evaluation = Evaluation.model_validate(exported)
    assert CONDITIONAL not in evaluation.answers
    assert evaluation.scores == ignored
    draft = evaluation.draft().model_copy(update={"answers": {**evaluation.answers, CONDITIONAL: answers[CONDITIONAL]}})
    recomputed = evaluate(telefoon, draft, evaluation.tool_version).evaluation
    assert recomputed is not None and recomputed.model_dump(mode="json") == exported
