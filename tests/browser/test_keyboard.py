"""A scoring form with the keyboard alone, focus always visible, the running score announced politely, and less
motion for a reader who asks for it (WCAG 2.1.1, 2.4.7, 4.1.3, 2.3.3)."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import READY_TIMEOUT_MS, open_form, wait_ready, without_python

pytestmark = pytest.mark.browser

# What the reader sees of the element that has focus. The theme's palette radios are hidden inputs whose label (the
# toggle in the header) shows the focus ring: the one documented case where the ring is on another element.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {where: "body"};
  const shown = el.matches(".md-option") ? el.nextElementSibling : el;
  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  return {
    where: el.name || el.id || el.tagName.toLowerCase(),
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", id: el.id,
    text: (el.innerText || el.value || "").trim().slice(0, 40),
    visible: shown.checkVisibility({opacityProperty: true, visibilityProperty: true})
      && box.width > 0 && box.height > 0,
    inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
  };
}"""


def focus_stop(page: Page) -> dict[str, Any]:
    """The focused element, once it is shown (a skip link slides in); fails if focus stays invisible or unmarked."""
    with contextlib.suppress(PlaywrightTimeout):  # the assertions below say what is wrong
        page.wait_for_function(
            f"() => {{ const f = ({FOCUS})(); return f.visible && f.inView && f.ring; }}", timeout=3000
        )
    stop: dict[str, Any] = page.evaluate(FOCUS)
    assert stop.get("visible") and stop.get("inView"), f"focus on something not visible: {stop}"
    assert stop.get("ring"), f"focus without a visible focus style: {stop}"
    return stop


def answered(page: Page, name: str) -> bool:
    return bool(page.evaluate("n => !!document.querySelector(`input[name='${n}']:checked`)", name))


def test_a_form_is_completed_and_exported_with_the_keyboard_alone(
    browser: Browser, browser_context_args: dict[str, Any], site_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    open_form(page, site_url)
    wait_ready(page)
    page.keyboard.press("Tab")
    assert focus_stop(page)["text"] == "Ga naar inhoud"  # the skip link, past header and navigation
    page.keyboard.press("Enter")
    missing = page.locator("#ijk-missing")
    typed_comment = blocked = False
    stops: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        stop = focus_stop(page)
        stops.append(stop["where"])
        name, kind = stop["name"], stop["type"]
        if name == "evaluator" and not stop["text"]:
            page.keyboard.type("coach-1")
        elif name == "contact_date" and not page.locator('input[name="contact_date"]').input_value():
            # by arrows, in whatever order this browser shows day, month and year: 1 January of this year
            for key in ("ArrowUp", "ArrowRight", "ArrowUp", "ArrowRight", "ArrowUp"):
                page.keyboard.press(key)
            expect(page.locator('input[name="contact_date"]')).to_have_value(re.compile(r"^\d{4}-01-01$"))
        elif kind == "radio" and not answered(page, name):
            before = missing.get_attribute("title") or ""  # the titles of what is still open
            page.keyboard.press("ArrowRight")  # the second choice: ja, voldoende, bleef gelijk, doorverbonden
            assert answered(page, name)
            expect(missing).not_to_have_attribute(
                "title", before
            )  # scored: a condition may show a criterion further on
        elif name == "transfers" and stop["text"] == "1":
            page.keyboard.press("ArrowUp")
            expect(page.locator('input[name="transfers"]')).to_have_value("2")
        elif kind == "textarea" and name.startswith("comment:") and not typed_comment:
            page.keyboard.type("Noemde gemeente en eigen naam.")
            typed_comment = True
        elif stop["id"] == "ijk-export" and not blocked:
            # the agent's code was left open: the export is refused and focus goes to that field, linked to its message
            page.keyboard.press("Enter")
            blocked = True
            agent = page.locator('input[name="agent"]')
            expect(agent).to_be_focused()
            expect(agent).to_have_attribute("aria-invalid", "true")
            message_id = agent.get_attribute("aria-describedby")
            assert message_id
            for part in message_id.split():
                expect(page.locator(f"#{part}")).to_contain_text("Medewerker (code)")
            focus_stop(page)
            page.keyboard.type("A1")
            page.keyboard.press("Shift+Tab")  # back one field and forward again
            assert focus_stop(page)["name"] == "evaluator"
            page.keyboard.press("Tab")
            assert focus_stop(page)["name"] == "agent"
        elif stop["id"] == "ijk-export":
            with page.expect_download() as download:
                page.keyboard.press("Enter")
            break
    else:
        pytest.fail(f"the export button was not reached: {stops[-10:]}")
    name = download.value.suggested_filename
    day = page.locator('input[name="contact_date"]').input_value()
    assert re.fullmatch(rf"{day}_kcc-telefoon_A1_[0-9a-f]+\.json", name), name  # complete: not a _concept
    saved = tmp_path / name
    download.value.save_as(saved)
    evaluation = json.loads(saved.read_text(encoding="utf-8"))
    assert (evaluation["evaluator"], evaluation["agent"], evaluation["relationship"]) == ("coach-1", "A1", "kept")
    assert evaluation["outcome"] == {"result": "transferred", "transfers": 2}
    assert "Noemde gemeente en eigen naam." in json.dumps(evaluation, ensure_ascii=False)
    # every criterion was reached and answered from the keyboard
    assert page.locator("#ijk-form fieldset.ijk-criterion:visible input[type=radio]:checked").count() == len(
        page.locator("#ijk-form fieldset.ijk-criterion:visible .ijk-options").all()
    )
    context.close()


COUNT_MUTATIONS = """() => {
  window.ijkMutations = 0;
  new MutationObserver(records => { window.ijkMutations += records.length; })
    .observe(document.getElementById("ijk-score-announce"), {childList: true, characterData: true, subtree: true});
}"""


def test_the_running_score_is_announced_politely_once_per_answer_not_per_keystroke(form: Page) -> None:
    page = form
    live = page.locator("[aria-live=polite], [role=status], output").evaluate_all(
        "nodes => nodes.filter(n => n.closest('#ijk-scores') && n.getAttribute('aria-live') !== 'off').map(n => n.id)"
    )
    assert live == ["ijk-privacy", "ijk-score-announce"]  # one region for the score; the privacy notices apart
    region = page.locator("#ijk-score-announce")
    criteria = page.locator("#ijk-form fieldset.ijk-criterion:visible")
    for i in range(4):
        criteria.nth(i).locator("input[type=radio]").nth(1).click()
    expect(region).to_have_text(re.compile(r"^Kwaliteit \d+,\d% voorlopig\. Betekenis: \w+"))
    said = region.inner_text()
    page.evaluate(COUNT_MUTATIONS)
    comment = page.locator('textarea[name="comment:identiteit-vaststellen"]')
    comment.focus()
    page.keyboard.type("Vroeg naar naam en geboortedatum, BSN 111222333", delay=15)
    expect(page.locator("#ijk-privacy")).to_be_visible()  # the core has read the last keystroke
    page.keyboard.press("Tab")  # the comment is committed: the score did not change, so nothing is said
    expect(page.locator("#ijk-privacy")).to_be_visible()
    assert page.evaluate("window.ijkMutations") == 0
    assert region.inner_text() == said
    # a changed answer is said, once
    criteria.nth(3).locator("input[type=radio]").nth(0).click()
    expect(region).not_to_have_text(said)
    expect(region).to_contain_text("Kwaliteit")
    assert page.evaluate("window.ijkMutations") >= 1
    page.locator('textarea[name="comment:identiteit-vaststellen"]').fill("")


# Every transition or animation the page starts is counted, whenever it ends: the count does not depend on how fast
# the test reads it. Read after two frames, when the events of what the interaction started have been sent.
RECORD_MOTION = """() => {
  window.ijkMotion = [];
  for (const type of ["transitionrun", "animationstart"]) {
    const note = event => window.ijkMotion.push(`${type} ${event.propertyName || event.animationName}`);
    document.addEventListener(type, note, true);
  }
}"""
MOTION = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(window.ijkMotion))))"


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_stops_animations_and_smooth_scrolling(
    browser: Browser, browser_context_args: dict[str, Any], site_url: str, motion: str
) -> None:
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 360, "height": 740}})
    page = context.new_page()
    without_python(page)
    page.emulate_media(reduced_motion=motion)  # type: ignore[arg-type]
    page.goto(f"{site_url}handboek/kcc-telefoon/")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"), timeout=READY_TIMEOUT_MS)
    # the navigation drawer slides in; the skip link slides down when the keyboard reaches it
    page.evaluate(RECORD_MOTION)
    page.locator('label.md-header__button[for="__drawer"]').click()
    started: list[str] = page.evaluate(MOTION)
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"), timeout=READY_TIMEOUT_MS)
    page.evaluate(RECORD_MOTION)
    page.keyboard.press("Tab")
    started += page.evaluate(MOTION)
    behaviour = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
    context.close()
    if motion == "reduce":
        assert started == []
        assert behaviour == "auto"
    else:  # the same interactions do animate for a reader who did not ask for less motion
        assert started, started


def test_focus_is_visible_through_the_header_and_the_navigation(page: Page, site_url: str) -> None:
    """From the top of a handbook page through the header (logo, colour scheme, search) into the navigation."""
    without_python(page)
    page.goto(f"{site_url}handboek/kcc-telefoon/")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(focus_stop(page)["where"])
    assert "__palette" in seen and "query" in seen  # the scheme toggle and the search field were reached
    assert seen[-1] == "a"  # into the navigation's links


def test_on_a_phone_the_keyboard_opens_the_navigation_and_skips_it_while_closed(
    browser: Browser, browser_context_args: dict[str, Any], site_url: str
) -> None:
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 360, "height": 740}})
    page = context.new_page()
    without_python(page)
    page.goto(f"{site_url}handboek/kcc-telefoon/")
    menu = page.get_by_role("button", name="Navigatie openen of sluiten")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    focus_stop(page)
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert focus_stop(page)["text"] == "Home"  # in the drawer, visible
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    # closed, the drawer's links are passed over: header, then the page itself
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        seen.append(focus_stop(page)["where"])
    assert seen[:2] == ["__palette", "query"]
    context.close()
