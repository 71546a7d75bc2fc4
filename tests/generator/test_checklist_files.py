"""Every loader diagnostic: its code, the line it points at and the path a person reads; and answer problems."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from ijkpunt.diagnostics import Diagnostic
from ijkpunt.documents import Loaded, load_document
from ijkpunt.project import load_checklist_file, validate_checklist_document
from ijkpunt_core.checklist import Checklist
from ijkpunt_core.evaluate import answer_problems, evaluate
from ijkpunt_core.evaluation import Answer, Draft
from ijkpunt_core.problems import Code, describe_segments, render
from ijkpunt_core.validate import validate_checklist

from ..builders import (
    NA,
    SHIPPED,
    build,
    criterion,
    grade_scale,
    line_no,
    minimal_checklist,
    opt,
    options_scale,
    section,
    to_yaml,
)

GROET = "section 'opening' → criterion 'groet'"
UUID = "3f2a9c1b-0000-4000-8000-000000000001"


def crit(doc: dict[str, Any], s: int = 0, c: int = 0) -> dict[str, Any]:
    criterion_: dict[str, Any] = doc["sections"][s]["criteria"][c]
    return criterion_


def load_text(text: str) -> Loaded[Checklist]:
    return load_checklist_file(Path("x.yaml"), text=text)


def diagnose(doc: dict[str, Any]) -> tuple[str, Loaded[Checklist]]:
    text = to_yaml(doc)
    return text, load_text(text)


def listing(loaded: Loaded[Checklist]) -> str:
    return "\n".join(d.render("en") for d in loaded.diagnostics) or "(no diagnostics)"


def where_en(diagnostic: Diagnostic) -> str:
    return describe_segments(diagnostic.where, "en")


def only(loaded: Loaded[Checklist], code: str) -> Diagnostic:
    hits = [d for d in loaded.diagnostics if d.problem.code == code]
    assert len(hits) == 1, f"expected one {code}, got:\n{listing(loaded)}"
    return hits[0]


def codes(loaded: Loaded[Checklist]) -> set[str]:
    return {d.problem.code for d in loaded.diagnostics}


# --- a valid file ---------------------------------------------------------------------------


def test_minimal_checklist_is_valid() -> None:
    _, loaded = diagnose(minimal_checklist())
    assert loaded.diagnostics == [], listing(loaded)
    assert isinstance(loaded.value, Checklist)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_checklists_have_no_diagnostics(path: Path) -> None:
    loaded = load_checklist_file(path)
    assert loaded.diagnostics == [], listing(loaded)
    assert loaded.value is not None
    assert loaded.value.id == path.stem


# --- YAML level: E100, E108 -----------------------------------------------------------------


def test_yaml_syntax_yaml_syntax_error_points_at_the_broken_line() -> None:
    text = "id: test\nversion: 1.0.0\ndescription: Let op: een dubbele punt zonder aanhalingstekens\ntitle: Test\n"
    loaded = load_text(text)
    assert loaded.value is None
    [diagnostic] = loaded.diagnostics
    assert diagnostic.problem.code == "E005"
    assert diagnostic.line == 3
    assert diagnostic.render("en").startswith("x.yaml:3: (document): ")
    assert diagnostic.render("en").endswith("[E005]")


def test_yaml_syntax_unclosed_flow_list() -> None:
    text = "id: test\nsources: [boek, blog\nversion: 1.0.0\ntitle: Test\n"
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.problem.code == "E005"
    assert diagnostic.line == 3  # where the parser finds the list unclosed


def test_yaml_syntax_tab_indentation() -> None:
    [diagnostic] = load_text("id: test\nscales:\n\tja-nee: {}\n").diagnostics
    assert (diagnostic.problem.code, diagnostic.line) == ("E005", 3)


def test_duplicate_key_duplicate_top_level_key_points_at_the_second_one() -> None:
    loaded = load_text("id: test\ntitle: Eerste\nversion: 1.0.0\ntitle: Tweede\n")
    [diagnostic] = loaded.diagnostics
    assert (diagnostic.problem.code, diagnostic.line) == ("E007", 4)
    assert "title" in render(diagnostic.problem, "en")
    assert loaded.value is None


def test_duplicate_key_duplicate_key_inside_a_criterion() -> None:
    text = to_yaml(minimal_checklist()).replace("    kind: quality\n", "    kind: quality\n    title: Nog een titel\n")
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.problem.code == "E007"
    assert diagnostic.line == line_no(text, "title: Nog een titel")


@pytest.mark.parametrize(("text", "got"), [("", "found null"), ("- een\n- twee\n", "found […]")])
def test_document_that_is_not_a_mapping(text: str, got: str) -> None:
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.problem.code, diagnostic.line, where_en(diagnostic)) == ("E111", 1, "(document)")
    assert got in render(diagnostic.problem, "en")


# --- structure and consistency: one table, one offending key each -------------------------


def rename(keys: tuple[str | int, ...], new: str) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        *parents, old = keys
        node: Any = doc
        for key in parents:
            node = node[key]
        node[new] = node.pop(old)

    return edit


def put(keys: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a value; `...` deletes the key."""

    def edit(doc: dict[str, Any]) -> None:
        *parents, last = keys
        node: Any = doc
        for key in parents:
            node = node[key]
        if value is ...:
            del node[last]
        else:
            node[last] = value

    return edit


CRIT = ("sections", 0, "criteria", 0)
NEE = ("scales", "ja-nee", "options", 0)

# (code, edit, line needle (occurrence), readable path, other codes expected alongside)
CASES: list[tuple[str, Callable[[dict[str, Any]], None], str | tuple[str, int], str, set[str]]] = [
    ("E101", rename((*CRIT, "title"), "titel"), "titel:", f"{GROET} → titel", {"E102"}),
    ("E101", rename(("title",), "titel"), "titel:", "titel", {"E102"}),
    ("E101", put((*CRIT, "na"), {"allowed": True, "wanneer": "Nooit"}), "wanneer:", f"{GROET} → na → wanneer",
     {"E206"}),
    ("E101", put((*NEE, "punten"), 1), "punten:", "scale 'ja-nee' → option 'nee' → punten", set()),
    ("E101", put(("sources", "boek", "uitgever"), "X"), "uitgever:", "source 'boek' → uitgever", set()),
    ("E102", put((*CRIT, "definition"), ...), "- id: groet", f"{GROET} → definition", set()),
    ("E102", put(("relationship", "rationale"), ...), "relationship:", "relationship → rationale", set()),
    ("E110", put(("scales", "ja-nee", "type"), ...), "ja-nee:", "scale 'ja-nee' → type", set()),
    ("E108", put(("channel",), "fax"), "channel: fax", "channel", set()),
    ("E114", put(("version",), "1.0"), "version:", "version", {"E220"}),
    ("E108", put((*CRIT, "kind"), "kwaliteit"), "kind: kwaliteit", f"{GROET} → kind", set()),
    ("E104", put((*CRIT, "id"), "Voorstellen Naam"), "id: Voorstellen Naam",
     "section 'opening' → criterion 'Voorstellen Naam' → id", set()),
    ("E104", put(("sections", 0, "id"), "open_ing"), "id: open_ing", "section 'open_ing' → id", set()),
    ("E104", put((*NEE, "id"), "nee-"), "id: nee-", "scale 'ja-nee' → option 'nee-' → id", set()),
    ("E105", put((*CRIT, "title"), "   "), "title: '   '", f"{GROET} → title", set()),
    ("E105", put((*CRIT, "indicators"), [""]), "- ''", f"{GROET} → indicators[0]", set()),
    ("E105", put(("relationship", "indicators"), [" "]), "- ' '", "relationship → indicators[0]", set()),
    ("E106", put((*CRIT, "weight"), 0), "weight: 0", f"{GROET} → weight", set()),
    ("E106", put((*CRIT, "weight"), -2), "weight: -2", f"{GROET} → weight", set()),
    ("E106", put((*NEE, "points"), -1), "points: -1", "scale 'ja-nee' → option 'nee' → points", set()),
    ("E106", put(("sources", "boek", "year"), 1800), "year: 1800", "source 'boek' → year", set()),
    ("E106", put(("targets", "direct_min"), 1.5), "direct_min:", "targets → direct_min", set()),
    ("E107", put(("sections", 0, "criteria"), []), "criteria: []", "section 'opening' → criteria", {"W201"}),
    ("E107", put((*CRIT, "indicators"), []), "indicators: []", f"{GROET} → indicators", set()),
    ("E107", put(("scales", "ja-nee", "options"), [{"id": "ja", "label": "Ja", "points": 1}]), "options:",
     "scale 'ja-nee' → options", set()),
    ("E204", put((*CRIT, "sources"), ["boek", "blog"]), "- blog", f"{GROET} → sources[1]", set()),
    ("E204", put(("relationship", "sources"), ["blog"]), "- blog", "relationship → sources[0]", set()),
    ("E205", put((*CRIT, "na"), {"allowed": False, "when": "Nooit"}), "when: Nooit", f"{GROET} → na → when", set()),
    ("E206", put((*CRIT, "na"), {"allowed": True}), "na:", f"{GROET} → na", set()),
    ("E207", put(("scales", "ja-nee", "options", 1, "id"), "nee"), ("id: nee", 2), "scale 'ja-nee' → option 'nee' → id",
     set()),
    ("E208", put(("scales", "ja-nee", "options", 1, "points"), 0), "options:", "scale 'ja-nee' → options", set()),
    ("E209", put((*CRIT, "id"), "outcome"), "- id: outcome", "section 'opening' → criterion 'outcome' → id", set()),
    ("E209", put((*CRIT, "id"), "relationship"), "- id: relationship",
     "section 'opening' → criterion 'relationship' → id", set()),
]  # fmt: skip


def case_id(case: tuple[Any, ...]) -> str:
    return f"{case[0]}-{re.sub(r'[^a-z0-9]+', '-', case[3].lower()).strip('-')}"


@pytest.mark.parametrize(("code", "edit", "needle", "where", "alongside"), CASES, ids=list(map(case_id, CASES)))
def test_problem_code_line_and_path(
    code: str,
    edit: Callable[[dict[str, Any]], None],
    needle: str | tuple[str, int],
    where: str,
    alongside: set[str],
) -> None:
    doc = minimal_checklist()
    edit(doc)
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, code)
    needle_text, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
    assert diagnostic.line == line_no(text, needle_text, occurrence), listing(loaded)
    assert where_en(diagnostic) == where
    assert diagnostic.render("en").startswith(f"x.yaml:{diagnostic.line}: {where}: ")
    assert diagnostic.render("en").endswith(f"[{code}]")
    assert codes(loaded) == {code, *alongside}, listing(loaded)
    assert loaded.value is None
    assert diagnostic.problem.severity == "error"
    assert Code(code)


def test_e101_lists_the_allowed_keys() -> None:
    doc = minimal_checklist()
    rename((*CRIT, "title"), "titel")(doc)
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E101")
    assert "unknown key 'titel'" in render(diagnostic.problem, "en")
    assert diagnostic.problem.allowed == (
        "id", "title", "kind", "importance_of", "scale", "weight", "critical", "na", "applies_when",
        "requires_setting", "definition",
        "anchors", "indicators", "examples", "rationale", "kpi", "sources", "basis",
    )  # fmt: skip
    assert (
        "(allowed: id, title, kind, importance_of, scale, weight, critical, na, applies_when, requires_setting, "
        "definition, anchors, " in diagnostic.render("en")
    )
    missing = only(loaded, "E102")
    assert where_en(missing) == f"{GROET} → title"
    assert missing.line == line_no(text, "- id: groet")


def test_e101_in_a_grade_scale_lists_grade_keys() -> None:
    doc = minimal_checklist(
        section("opening", criterion("groet", scale="cijfer")), scales={"cijfer": grade_scale(passmark=6)}
    )
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E101")
    assert where_en(diagnostic) == "scale 'cijfer' → passmark"
    assert diagnostic.line == line_no(text, "passmark:")
    assert diagnostic.problem.allowed == ("type", "title", "min", "max", "pass_mark")


def test_missing_scale_type_offers_the_types() -> None:
    doc = minimal_checklist()
    del doc["scales"]["ja-nee"]["type"]
    _, loaded = diagnose(doc)
    assert only(loaded, "E110").problem.allowed == ("options", "grade")


def test_unknown_scale_type_offers_the_types() -> None:
    doc = minimal_checklist()
    doc["scales"]["ja-nee"]["type"] = "sterren"
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E109")
    assert (where_en(diagnostic), diagnostic.line) == ("scale 'ja-nee' → type", line_no(text, "type: sterren"))
    assert diagnostic.problem.allowed == ("options", "grade")


def test_channel_lists_channels() -> None:
    doc = minimal_checklist()
    doc["channel"] = "fax"
    _, loaded = diagnose(doc)
    assert only(loaded, "E108").problem.allowed == ("telefoon", "e-mail", "chat", "balie")


def test_e104_says_what_an_id_looks_like() -> None:
    doc = minimal_checklist()
    crit(doc)["id"] = "Voorstellen Naam"
    _, loaded = diagnose(doc)
    diagnostic = only(loaded, "E104")
    assert "'Voorstellen Naam'" in render(diagnostic.problem, "en")
    assert "voorstellen-met-naam" in diagnostic.render("en")


def test_e104_malformed_scale_key_reads_as_the_scale() -> None:
    doc = minimal_checklist(section("opening", criterion("groet", scale="Ja Nee")))
    doc["scales"]["Ja Nee"] = doc["scales"].pop("ja-nee")
    text, loaded = diagnose(doc)
    # the key and the criterion's reference to it are both malformed ids
    key, reference = sorted((d for d in loaded.diagnostics if d.problem.code == "E104"), key=lambda d: d.line)
    assert key.line == line_no(text, "Ja Nee:")
    assert where_en(key) == "scale 'Ja Nee'"
    assert where_en(reference) == "section 'opening' → criterion 'groet' → scale"


@pytest.mark.parametrize("weight", [0, -1, -0.5])
def test_e106_weight_must_be_positive(weight: float) -> None:
    doc = minimal_checklist()
    crit(doc)["weight"] = weight
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E106")
    assert diagnostic.line == line_no(text, "weight:")
    assert "it must be > 0" in render(diagnostic.problem, "en")
    assert repr(weight) in render(diagnostic.problem, "en")


def test_e107_empty_section() -> None:
    text = to_yaml(minimal_checklist())
    start = text.index("  criteria:\n")
    end = text.index("relationship:\n")
    text = text[:start] + "  criteria: []\n" + text[end:]
    loaded = load_text(text)
    diagnostic = only(loaded, "E107")
    assert diagnostic.line == line_no(text, "criteria: []")
    assert where_en(diagnostic) == "section 'opening' → criteria"
    assert "at least 1" in render(diagnostic.problem, "en")


def test_e201_unknown_scale_lists_the_defined_scales() -> None:
    doc = minimal_checklist(
        section(
            "opening", criterion("groet"), criterion("luisteren", scale="vijf-punts"), criterion("x", scale="vier")
        ),
        scales={"ja-nee": options_scale(0, 1), "vier": options_scale(0, 1, 2, 3)},
    )
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E201")
    assert diagnostic.line == line_no(text, "scale: vijf-punts")
    assert where_en(diagnostic) == "section 'opening' → criterion 'luisteren' → scale"
    assert diagnostic.problem.allowed == ("ja-nee", "vier")
    assert diagnostic.render("en") == (
        f"x.yaml:{diagnostic.line}: section 'opening' → criterion 'luisteren' → scale: "
        "unknown scale 'vijf-punts' (allowed: ja-nee, vier) [E201]"
    )
    assert codes(loaded) == {"E201"}


def test_e202_duplicate_criterion_id_across_sections() -> None:
    doc = minimal_checklist(section("een", criterion("x")), section("twee", criterion("y"), criterion("x")))
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E202")
    assert diagnostic.line == line_no(text, "- id: x", 2)
    assert where_en(diagnostic) == "section 'twee' → criterion 'x' → id"
    assert "already used in section 'een'" in render(diagnostic.problem, "en")
    assert codes(loaded) == {"E202"}


def test_e203_duplicate_section_id() -> None:
    doc = minimal_checklist(section("een", criterion("x")), section("een", criterion("y")))
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E203")
    assert diagnostic.line == line_no(text, "- id: een", 2)
    assert where_en(diagnostic) == "section 'een' → id"
    assert "section 1" in render(diagnostic.problem, "en")
    assert codes(loaded) == {"E203"}


def test_e204_unknown_source_lists_the_sources() -> None:
    doc = minimal_checklist()
    crit(doc)["sources"] = ["boek", "blog"]
    _, loaded = diagnose(doc)
    diagnostic = only(loaded, "E204")
    assert "unknown source 'blog'" in render(diagnostic.problem, "en")
    assert diagnostic.problem.allowed == ("boek",)


def test_e210_grade_scale_out_of_order() -> None:
    doc = minimal_checklist(
        section("opening", criterion("groet", scale="cijfer")), scales={"cijfer": grade_scale(pass_mark=11)}
    )
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "E210")
    assert (diagnostic.line, where_en(diagnostic)) == (line_no(text, "cijfer:"), "scale 'cijfer'")
    assert codes(loaded) == {"E210"}


def test_unused_scale_unused_scale_is_a_warning_and_the_checklist_is_valid() -> None:
    doc = minimal_checklist()
    doc["scales"]["cijfer"] = grade_scale()
    text, loaded = diagnose(doc)
    diagnostic = only(loaded, "W201")
    assert not diagnostic.is_error
    assert diagnostic.problem.severity == "warning"
    assert (diagnostic.line, where_en(diagnostic)) == (line_no(text, "cijfer:"), "scale 'cijfer'")
    assert diagnostic.render("en").startswith(f"x.yaml:{diagnostic.line}: scale 'cijfer': warning: ")
    assert loaded.value is not None
    assert validate_checklist(doc).ok


def test_display_path_is_shown_instead_of_the_real_path() -> None:
    doc = minimal_checklist()
    crit(doc)["weight"] = 0
    loaded = load_document(
        Path("/tmp/elders/x.yaml"), validate_checklist_document, text=to_yaml(doc), display=Path("checklists/x.yaml")
    )
    assert loaded.diagnostics[0].render("en").startswith("checklists/x.yaml:")


# --- everything at once -----------------------------------------------------------------------


def test_structure_errors_are_all_reported_at_once() -> None:
    doc = minimal_checklist(
        section("opening", criterion("groet"), criterion("Voorstellen Naam", weight=0)),
        section("afsluiting", criterion("groeten")),
    )
    rename((*CRIT, "title"), "titel")(doc)
    doc["sections"][1]["criteria"] = []
    doc["sources"]["boek"]["year"] = 1800
    text, loaded = diagnose(doc)
    found = sorted((d.problem.code, d.line, where_en(d)) for d in loaded.diagnostics)
    assert found == sorted(
        [
            ("E101", line_no(text, "titel:"), f"{GROET} → titel"),
            ("E102", line_no(text, "- id: groet"), f"{GROET} → title"),
            ("E104", line_no(text, "id: Voorstellen Naam"), "section 'opening' → criterion 'Voorstellen Naam' → id"),
            ("E106", line_no(text, "weight: 0"), "section 'opening' → criterion 'Voorstellen Naam' → weight"),
            ("E107", line_no(text, "criteria: []"), "section 'afsluiting' → criteria"),
            ("E106", line_no(text, "year: 1800"), "source 'boek' → year"),
        ]
    ), listing(loaded)


def test_consistency_errors_are_all_reported_at_once() -> None:
    doc = minimal_checklist(
        section(
            "opening",
            criterion("groet", scale="vijf-punts"),
            criterion("outcome"),
            criterion("luisteren", na={"allowed": True}),
        ),
        section("afsluiting", criterion("groet", na={"allowed": False, "when": "Nooit"})),
        scales={"ja-nee": options_scale(0, 1), "cijfer": grade_scale()},
    )
    crit(doc, 1, 0)["sources"] = ["blog"]
    text, loaded = diagnose(doc)
    found = sorted((d.problem.code, d.line) for d in loaded.diagnostics)
    assert found == sorted(
        [
            ("E201", line_no(text, "scale: vijf-punts")),
            ("E209", line_no(text, "- id: outcome")),
            ("E206", line_no(text, "na:", 1)),
            ("E202", line_no(text, "- id: groet", 2)),
            ("E205", line_no(text, "when: Nooit")),
            ("E204", line_no(text, "- blog")),
            ("W201", line_no(text, "cijfer:")),
        ]
    ), listing(loaded)
    assert loaded.value is None


def test_structure_and_consistency_errors_are_reported_together() -> None:
    doc = minimal_checklist(section("opening", criterion("groet", scale="ja-neee"), criterion("luisteren", weight=0)))
    rename((*CRIT, "kpi"), "kpj")(doc)
    text, loaded = diagnose(doc)
    found = sorted((d.problem.code, d.line, where_en(d)) for d in loaded.diagnostics)
    assert found == sorted(
        [
            ("E101", line_no(text, "kpj:"), f"{GROET} → kpj"),
            ("E102", line_no(text, "- id: groet"), f"{GROET} → kpi"),
            ("E106", line_no(text, "weight: 0"), "section 'opening' → criterion 'luisteren' → weight"),
            ("E201", line_no(text, "scale: ja-neee"), f"{GROET} → scale"),
        ]
    ), listing(loaded)


@pytest.mark.parametrize(
    "edit",
    [
        put((*CRIT, "id"), ["groet", "welkom"]),
        put((*CRIT, "scale"), ["ja-nee"]),
        put(("sections", 0, "id"), {"naam": "opening"}),
        put((*NEE, "id"), ["nee"]),
    ],
    ids=["criterion-id-list", "scale-list", "section-id-map", "option-id-list"],
)
def test_a_list_or_map_where_an_id_belongs_is_reported_not_raised(edit: Callable[[dict[str, Any]], None]) -> None:
    doc = minimal_checklist()
    edit(doc)
    _, loaded = diagnose(doc)
    assert "E111" in codes(loaded), listing(loaded)
    assert loaded.value is None


def test_validate_checklist_never_raises_and_keeps_the_checklist_only_when_ok() -> None:
    bad: object
    for bad in (None, 42, "tekst", [], {"id": "x"}):
        result = validate_checklist(bad)
        assert result.checklist is None
        assert not result.ok
        assert result.problems
    assert validate_checklist(minimal_checklist()).ok


def test_checklist_model_rejects_consistency_errors_outside_the_loader() -> None:
    doc = minimal_checklist()
    crit(doc)["scale"] = "vijf-punts"
    with pytest.raises(ValueError, match="unknown scale 'vijf-punts'"):
        Checklist.model_validate(doc)


# --- answers: E401–E405 ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def form() -> Checklist:
    return build(
        minimal_checklist(
            section(
                "s",
                criterion("groet"),
                criterion("cijfer", scale="rapport"),
                criterion("melding", kind="compliance", na={"allowed": True, "when": "Geen opname."}),
            ),
            scales={"ja-nee": options_scale(0, 1), "rapport": grade_scale(min=1, max=10, pass_mark=6)},
        )
    )


def problems_for(checklist: Checklist, answers: dict[str, Answer]) -> list[tuple[str, tuple[str | int, ...]]]:
    draft = Draft(id=UUID, answers=answers)
    return [(p.code, p.path) for p in answer_problems(checklist, draft)]


def test_fitting_answers_have_no_problems(form: Checklist) -> None:
    answers = {"groet": opt("o1"), "cijfer": Answer(grade=10), "melding": NA}
    assert problems_for(form, answers) == []
    assert problems_for(form, {"cijfer": Answer(grade=1), "groet": Answer(comment="nog twijfel")}) == []


@pytest.mark.parametrize(
    ("answers", "code", "path"),
    [
        ({"begroeting": opt("o1")}, "E401", ("answers", "begroeting")),
        ({"groet": opt("misschien")}, "E402", ("answers", "groet", "option")),
        ({"groet": NA}, "E403", ("answers", "groet", "na")),
        ({"cijfer": NA}, "E403", ("answers", "cijfer", "na")),
        ({"cijfer": Answer(grade=11)}, "E404", ("answers", "cijfer", "grade")),
        ({"cijfer": Answer(grade=0)}, "E404", ("answers", "cijfer", "grade")),
        ({"groet": Answer(grade=1)}, "E406", ("answers", "groet", "grade")),
        ({"cijfer": opt("o1")}, "E405", ("answers", "cijfer", "option")),
    ],
)
def test_answer_problem(form: Checklist, answers: dict[str, Answer], code: str, path: tuple[str, ...]) -> None:
    assert problems_for(form, answers) == [(code, path)]


def test_answer_problem_messages_help_the_evaluator(form: Checklist) -> None:
    draft = Draft(
        id=UUID,
        answers={"groet": NA, "x": opt("ja"), "cijfer": Answer(grade=12), "melding": opt("misschien")},
    )
    problems = {p.code: p for p in answer_problems(form, draft)}
    assert set(problems) == {"E401", "E402", "E403", "E404"}
    assert render(problems["E403"], "en") == "n.v.t. is not allowed for 'Criterium groet'"
    assert render(problems["E401"], "en") == "criterion 'x' is not on checklist 'test'"
    assert problems["E402"].allowed == ("o0", "o1")
    assert render(problems["E404"], "en") == "grade 12 is outside 1–10"


def test_evaluate_refuses_answers_that_do_not_fit(form: Checklist) -> None:
    draft = Draft(id=UUID, evaluator="B1", agent="A1", answers={"groet": NA})
    result = evaluate(form, draft)
    assert result.evaluation is None
    assert ("E403", ("answers", "groet", "na")) in [(p.code, p.path) for p in result.problems]


def test_evaluate_names_every_missing_export_field(form: Checklist) -> None:
    result = evaluate(form, Draft(id=UUID, evaluator="  ", agent="A1"))
    assert [(p.code, p.path, render(p)) for p in result.problems] == [
        ("E501", ("evaluator",), "Vul 'Beoordelaar' in."),
        ("E501", ("contact_date",), "Vul 'Datum van het contact' in."),
        ("E501", ("created_at",), "Vul 'Aangemaakt op' in."),
    ]


def test_every_code_evaluate_emits_is_catalogued(form: Checklist) -> None:
    draft = Draft(id=UUID, agent="A1", contact_date=date(2026, 11, 24), created_at=datetime(2026, 11, 24, 10))
    [problem] = evaluate(form, draft).problems
    assert render(problem, "nl") and render(problem, "en")
