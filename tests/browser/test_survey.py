"""The citizen survey in Chromium: the kto-telefoon form filled and exported as the core computes it; the
dashboard's survey section shows the CLI's figures for the example set, with the priority matrix drawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ijkpunt.project import load_checklist_file
from ijkpunt_core.evaluate import evaluate
from ijkpunt_core.evaluation import Answer, Draft, Evaluation, Outcome

from .conftest import open_form, wait_ready
from .test_dashboard import cli_report

pytestmark = pytest.mark.browser


def test_the_survey_form_is_filled_and_exported_as_cpython_scores_it(page: Page, site_url: str) -> None:
    survey = load_checklist_file(Path(__file__).resolve().parents[2] / "checklists" / "kto-telefoon.yaml").value
    assert survey is not None and survey.is_survey
    open_form(page, site_url, "kto-telefoon")
    page.get_by_label("Interviewer (pseudoniem)").fill("INT-01")
    page.get_by_label("Medewerker (code, of 'onbekend')").fill("onbekend")
    page.get_by_label("Team", exact=True).fill("team-noord")
    page.get_by_label("Datum van het contact met het KCC").fill("2026-11-20")
    wait_ready(page)
    expect(page.locator("#c-belang-resultaat .ijk-tag")).to_have_text("belang")
    answers: dict[str, Answer] = {}
    for i, criterion in enumerate(survey.criteria()):
        scale = survey.scale_of(criterion)
        if criterion.id == "afspraken-nakomen":  # nothing was agreed: n.v.t.
            answers[criterion.id] = Answer(na=True)
            page.locator(f'input[name="answer:{criterion.id}"][value="na"]').click()
        elif criterion.kind == "importance":
            assert scale.type == "options"
            option = scale.options[i % len(scale.options)].id
            answers[criterion.id] = Answer(option=option)
            page.locator(f'input[name="answer:{criterion.id}"][value="{option}"]').click()
        else:
            grade = 5 + i % 5
            answers[criterion.id] = Answer(grade=grade)
            page.locator(f'input[name="answer:{criterion.id}"][value="{grade}"]').click()
    expect(page.locator("#ijk-missing")).to_contain_text("de vraag naar het beeld van de gemeente")
    page.locator('input[name="relationship"][value="strengthened"]').click()
    page.get_by_label("Doorverbonden").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporteren als JSON").click()
    download = download_info.value
    assert download.suggested_filename.startswith("2026-11-20_kto-telefoon_onbekend_")
    exported = Evaluation.model_validate(json.loads(Path(download.path()).read_text(encoding="utf-8")))
    assert exported.answers == answers and exported.scores.complete
    draft = Draft.model_validate(exported.draft().model_dump() | {"answers": answers})
    expected = evaluate(survey, draft.model_copy(update={"outcome": Outcome(result="transferred", transfers=1)}))
    assert expected.evaluation is not None
    assert exported.scores == expected.evaluation.scores
    assert exported.scores.compliance.score is None and not exported.scores.critical.failed


def test_the_dashboard_shows_the_clis_survey_figures_and_the_matrix(page: Page, site_url: str, public: Path) -> None:
    listing = json.loads((public / "data" / "voorbeeld" / "index.json").read_text(encoding="utf-8"))
    folder = Path(__file__).resolve().parents[2] / "examples" / "evaluaties-voorbeeld"
    example = [folder / name if name.endswith(".jsonl") else folder / "kapot" / name for name in listing["files"]]
    [survey] = cli_report(example).surveys
    page.goto(f"{site_url}dashboard/")
    wait_ready(page)
    page.get_by_role("button", name="Probeer met voorbeelddata").click()
    section = page.locator("#ijk-survey")
    expect(section).to_be_visible(timeout=60_000)
    expect(section.locator("h2")).to_contain_text("Klanttevredenheid (enquête)")
    expect(section.locator("h3")).to_have_text(f"{survey.title}: {survey.n} enquêtes.")
    rows = section.locator("tbody tr")
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.question)") == [q.question for q in survey.questions]
    quadrant_names = {
        "improve": "Verbeterpunt",
        "strength": "Sterk punt",
        "low-priority": "Lage prioriteit",
        "less-important-strength": "Minder belangrijk, sterk",
    }
    for q in survey.questions:
        cells = section.locator(f'tr[data-question="{q.question}"] td')
        mark = f"{q.mark.mean:.1f} ({q.mark.low:.1f}–{q.mark.high:.1f}), n={q.mark.n}".replace(".", ",")
        expect(cells.nth(0)).to_have_text(mark)
        s = q.sufficient
        assert s.rate is not None and s.low is not None and s.high is not None
        expect(cells.nth(1)).to_have_text(
            f"{s.count} van {s.n} gaven een 7 of hoger "
            f"({round(100 * s.rate)}%, {round(100 * s.low)}%–{round(100 * s.high)}%)"
        )
        assert q.importance is not None
        importance = f"{q.importance.mean:.1f} ({q.importance.low:.1f}–{q.importance.high:.1f}), n={q.importance.n}"
        expect(cells.nth(2)).to_have_text(importance.replace(".", ","))
        expect(cells.nth(3)).to_have_text(quadrant_names[q.quadrant or ""])
    # the priority matrix: the core's specification drawn by vega-embed, one labelled point per question
    figure = section.locator('figure[data-chart="matrix:kto-telefoon"] svg')
    expect(figure).to_have_count(1, timeout=30_000)
    expect(figure).to_have_attribute("aria-label", f"Prioriteitenmatrix {survey.title}: belang tegenover cijfer")
    labels = figure.locator("text").all_text_contents()
    assert all(q.title in labels for q in survey.questions)
    assert {"Verbeterpunt", "Sterk punt", "Lage prioriteit", "Minder belangrijk, sterk"} <= set(labels)
    # and the surveys stay out of the quality figures: no survey question among the criteria
    expect(page.locator('#ijk-criteria tr[data-criterion="wijze-geholpen"]')).to_have_count(0)
