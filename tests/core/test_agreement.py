"""Agreement statistics against the reference packages (krippendorff, irrCAC, statsmodels) to 1e-9.

The reference packages are test dependencies only; the core module itself is pure Python.
Their traps, handled here: ``krippendorff.alpha`` wants raters × units and defaults to the
interval level, so both are passed explicitly with the value domain; irrCAC rounds to 5 digits
unless ``digits`` is raised, and takes the declared categories; statsmodels' ``fleiss_kappa``
wants a units × categories count table and a complete design.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Sequence

import krippendorff
import numpy as np
import pandas as pd
import pytest
from irrCAC.raw import CAC
from statsmodels.stats import inter_rater

from ijkpunt_core.agreement import (
    Level,
    RaterDeviation,
    Table,
    deviation_from_key,
    explain,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    split_not_applicable,
)

TOL = 1e-9

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 observers × 12 units with
# missing values (here units × observers). Published: nominal .743, ordinal .815, interval .849.
# It is also irrCAC's raw_4raters data set: AC1 0.77544, Fleiss 0.76117 in irrCAC's documentation.
KRIPPENDORFF_2011: Table = [
    [1, 1, None, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [None, 5, 5, 5],
    [None, None, 1, 1],
    [None, None, 3, None],
]
FIVE = [1, 2, 3, 4, 5]

# Fleiss (1971), Table 1: 30 patients × 6 psychiatrists, 5 diagnoses (1 depression, 2 personality
# disorder, 3 schizophrenia, 4 neurosis, 5 other). Fleiss reports kappa = .430. Raw form as in
# statsmodels' own tests (Fleiss printed only the counts; raters are exchangeable for kappa).
FLEISS_1971: Table = [
    [4, 4, 4, 4, 4, 4],
    [2, 2, 2, 5, 5, 5],
    [2, 3, 3, 3, 3, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3],
    [3, 3, 3, 3, 5, 5],
    [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4],
    [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4],
    [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3],
    [1, 4, 4, 4, 4, 4],
    [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5],
    [1, 1, 1, 1, 1, 2],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 4, 4, 4, 4, 4],
    [2, 2, 4, 5, 5, 5],
    [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4],
    [1, 1, 1, 1, 5, 5],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3],
    [5, 5, 5, 5, 5, 5],
]


# --- reference adapters ---------------------------------------------------------------------


def ref_krippendorff(table: Table, level: Level, domain: Sequence[float] | None) -> float:
    raters = max(len(row) for row in table)
    data = np.full((raters, len(table)), np.nan)  # raters × units
    for unit, row in enumerate(table):
        for rater, value in enumerate(row):
            if value is not None:
                data[rater, unit] = float(value)  # type: ignore[arg-type]
    return float(
        krippendorff.alpha(
            reliability_data=data,
            level_of_measurement=level,
            value_domain=None if domain is None else np.asarray(domain, dtype=float),
        )
    )


def ref_cac(table: Table, categories: Sequence[float]) -> CAC:
    frame = pd.DataFrame([[np.nan if v is None else float(v) for v in row] for row in table])  # type: ignore[arg-type]
    return CAC(frame, categories=[float(c) for c in categories], digits=20)  # no rounding


def ref_fleiss_statsmodels(table: Table, categories: Sequence[Hashable]) -> float:
    counts = [[sum(1 for v in row if v == c) for c in categories] for row in table]
    return float(inter_rater.fleiss_kappa(np.asarray(counts), method="fleiss"))


def near(actual: float | None, expected: float) -> bool:
    return actual is not None and math.isclose(actual, expected, rel_tol=0, abs_tol=TOL)


# --- published examples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "published"), [("nominal", 0.743421052631579), ("ordinal", 0.815), ("interval", 0.849)]
)
def test_krippendorff_2011_alpha(level: Level, published: float) -> None:
    ours = krippendorff_alpha(KRIPPENDORFF_2011, level, FIVE)
    assert ours is not None
    assert near(ours, ref_krippendorff(KRIPPENDORFF_2011, level, FIVE))
    assert round(ours, 3) == round(published, 3)
    if level == "nominal":
        assert near(ours, 0.743421052631579)  # = 0.743421 in DESIGN.md; irrCAC agrees below
        assert near(ours, ref_cac(KRIPPENDORFF_2011, FIVE).krippendorff()["est"]["coefficient_value"])


def test_krippendorff_2011_ac1_kappa_and_percent_agreement() -> None:
    reference = ref_cac(KRIPPENDORFF_2011, FIVE)
    ac1 = reference.gwet()["est"]
    kappa = reference.fleiss()["est"]
    assert near(gwet_ac1(KRIPPENDORFF_2011, FIVE), ac1["coefficient_value"])
    assert near(fleiss_kappa(KRIPPENDORFF_2011, FIVE), kappa["coefficient_value"])
    assert near(percent_agreement(KRIPPENDORFF_2011), ac1["pa"])
    assert near(percent_agreement(KRIPPENDORFF_2011), 9 / 11)
    # irrCAC's documentation, rounded to 5 digits
    assert round(gwet_ac1(KRIPPENDORFF_2011, FIVE) or 0, 5) == 0.77544
    assert round(fleiss_kappa(KRIPPENDORFF_2011, FIVE) or 0, 6) == 0.761169


def test_fleiss_1971() -> None:
    ours = fleiss_kappa(FLEISS_1971, FIVE)
    assert near(ours, ref_fleiss_statsmodels(FLEISS_1971, FIVE))
    assert near(ours, ref_cac(FLEISS_1971, FIVE).fleiss()["est"]["coefficient_value"])
    assert abs((ours or 0) - 0.4302445) < 5e-8  # statsmodels' own test figure, 7 digits
    assert round(ours or 0, 3) == 0.430  # as published
    assert near(gwet_ac1(FLEISS_1971, FIVE), ref_cac(FLEISS_1971, FIVE).gwet()["est"]["coefficient_value"])
    assert near(krippendorff_alpha(FLEISS_1971, "nominal", FIVE), ref_krippendorff(FLEISS_1971, "nominal", FIVE))


def test_fleiss_kappa_wikipedia_counts() -> None:
    """The 10 subjects × 14 raters example (counts per category) in statsmodels' tests: kappa .210."""
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    table = [[c for c, n in zip(FIVE, row, strict=True) for _ in range(n)] for row in counts]
    ours = fleiss_kappa(table, FIVE)
    assert near(ours, float(inter_rater.fleiss_kappa(np.asarray(counts))))
    assert round(ours or 0, 3) == 0.210


# --- seeded random tables -------------------------------------------------------------------


def random_table(seed: int) -> tuple[list[list[int | None]], list[int]]:
    """A units × raters table on a declared scale of 2–5 points, some of it missing, maybe skewed."""
    rng = random.Random(seed)
    categories = list(range(1, rng.randint(2, 5) + 1))
    # skewed prevalence on some seeds: the kappa paradox region
    weights = [rng.random() ** rng.choice([1, 4]) + 0.01 for _ in categories]
    missing = rng.choice([0.0, 0.1, 0.3, 0.5])
    while True:
        units, raters = rng.randint(2, 15), rng.randint(2, 7)
        table: list[list[int | None]] = [
            [None if rng.random() < missing else rng.choices(categories, weights)[0] for _ in range(raters)]
            for _ in range(units)
        ]
        pairable = [[v for v in row if v is not None] for row in table]
        pairable = [row for row in pairable if len(row) >= 2]
        if len(pairable) >= 2 and len({v for row in pairable for v in row}) >= 2:
            return table, categories


SEEDS = range(40)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_tables_against_references(seed: int) -> None:
    table, categories = random_table(seed)
    reference = ref_cac(table, categories)
    ac1 = reference.gwet()["est"]
    assert near(percent_agreement(table), ac1["pa"])
    assert near(gwet_ac1(table, categories), ac1["coefficient_value"])
    assert near(fleiss_kappa(table, categories), reference.fleiss()["est"]["coefficient_value"])
    assert near(krippendorff_alpha(table, "nominal", categories), reference.krippendorff()["est"]["coefficient_value"])
    for level in ("nominal", "ordinal", "interval"):
        assert near(krippendorff_alpha(table, level, categories), ref_krippendorff(table, level, categories))
    if all(v is not None for row in table for v in row):
        assert near(fleiss_kappa(table, categories), ref_fleiss_statsmodels(table, categories))


@pytest.mark.parametrize("seed", range(10))
def test_random_complete_tables_against_statsmodels(seed: int) -> None:
    rng = random.Random(1000 + seed)
    categories = ["ja", "nee", "deels"][: rng.randint(2, 3)]
    table: list[list[Hashable | None]] = [
        [rng.choice(categories) for _ in range(rng.randint(2, 8))] for _ in range(rng.randint(2, 20))
    ]
    width = len(table[0])
    table = [row[:width] + [rng.choice(categories) for _ in range(width - len(row))] for row in table]
    table[0][:2] = categories[:2]  # at least two values, so kappa is defined (one value is tested on its own)
    assert near(fleiss_kappa(table, categories), ref_fleiss_statsmodels(table, categories))


@pytest.mark.parametrize("seed", range(10))
def test_random_interval_values_against_krippendorff(seed: int) -> None:
    """Interval alpha on real-valued ratings (1–10 grades with decimals), no value domain."""
    rng = random.Random(2000 + seed)
    table: list[list[float | None]] = [
        [None if rng.random() < 0.25 else round(rng.uniform(1, 10), 1) for _ in range(5)] for _ in range(12)
    ]
    assert near(krippendorff_alpha(table, "interval"), ref_krippendorff(table, "interval", None))


def test_ordinal_uses_the_declared_order() -> None:
    """Ordinal alpha ranks by the order of ``categories``, not by the values' own sort order."""
    scale = ["onvoldoende", "voldoende", "goed"]
    table = [["goed", "voldoende"], ["onvoldoende", "onvoldoende"], ["goed", "goed"], ["voldoende", "onvoldoende"]]
    as_ranks = [[scale.index(v) for v in row] for row in table]
    assert near(krippendorff_alpha(table, "ordinal", scale), ref_krippendorff(as_ranks, "ordinal", [0, 1, 2]))
    # alphabetical order would put "goed" first and give another figure
    assert krippendorff_alpha(table, "ordinal", scale) != krippendorff_alpha(table, "ordinal", sorted(scale))


def test_ac1_uses_the_declared_scale_not_only_observed_values() -> None:
    table = [["ja", "ja", "ja"], ["ja", "ja", "nee"], ["ja", "ja", "ja"], ["nee", "nee", "ja"]]
    two = gwet_ac1(table, ["ja", "nee"])
    three = gwet_ac1(table, ["ja", "nee", "deels"])
    assert two != three
    as_numbers = [[1.0 if v == "ja" else 2.0 for v in row] for row in table]
    assert near(three, ref_cac(as_numbers, [1.0, 2.0, 3.0]).gwet()["est"]["coefficient_value"])


# --- the kappa paradox and degenerate cases -------------------------------------------------


def test_kappa_paradox_ac1_and_agreement_stay_high() -> None:
    """Nearly everyone passes: agreement is high, kappa and alpha collapse, AC1 does not."""
    table = [["ja"] * 4 for _ in range(19)] + [["ja", "ja", "ja", "nee"]]
    assert near(percent_agreement(table), (19 + 0.5) / 20)
    assert (fleiss_kappa(table, ["ja", "nee"]) or 0) < 0.0
    alpha = krippendorff_alpha(table, "nominal")
    assert alpha is not None and alpha < 0.01
    assert near(alpha, ref_krippendorff([[0 if v == "ja" else 1 for v in row] for row in table], "nominal", [0, 1]))
    assert (gwet_ac1(table, ["ja", "nee"]) or 0) > 0.97


ALL = ("percent_agreement", "krippendorff_alpha", "gwet_ac1", "fleiss_kappa")


def results(table: Table, categories: Sequence[Hashable] = ("ja", "nee")) -> dict[str, tuple[float | None, str | None]]:
    values = {
        "percent_agreement": percent_agreement(table),
        "krippendorff_alpha": krippendorff_alpha(table, "nominal", categories),
        "gwet_ac1": gwet_ac1(table, categories),
        "fleiss_kappa": fleiss_kappa(table, categories),
    }
    reasons = {name: explain(table, name, level="nominal", categories=categories) for name in ALL}  # type: ignore[arg-type]
    for name in ALL:  # a value never comes with a reason, None always does, NaN never appears
        value = values[name]
        assert (value is None) == (reasons[name] is not None)
        assert value is None or math.isfinite(value)
    return {name: (values[name], reasons[name]) for name in ALL}


@pytest.mark.parametrize("table", [[], [[]], [[], []], [[None, None], [None, None]], [[float("nan"), None]]])
def test_no_data(table: Table) -> None:
    assert set(results(table).values()) == {(None, "geen gegevens")}
    assert all(
        krippendorff_alpha(table, level) is None
        and explain(table, "krippendorff_alpha", level=level) == "geen gegevens"
        for level in ("nominal", "ordinal", "interval")
    )


@pytest.mark.parametrize(
    "table",
    [
        [["ja"], ["nee"], ["ja"]],  # one rater
        [["ja", None], [None, "nee"], ["ja"]],  # two raters who never rated the same unit
    ],
)
def test_too_few_raters(table: Table) -> None:
    assert set(results(table).values()) == {(None, "te weinig beoordelaars")}


def test_one_unit() -> None:
    """Percent agreement is given; chance correction needs at least two units rated by two raters."""
    out = results([["ja", "ja", "nee"]])
    assert near(out["percent_agreement"][0], 1 / 3)
    assert out["percent_agreement"][1] is None
    for name in ("krippendorff_alpha", "gwet_ac1", "fleiss_kappa"):
        assert out[name] == (None, "te weinig eenheden")
    # units with a single rating do not make up for it
    assert results([["ja", "ja", "nee"], ["ja", None, None]])["gwet_ac1"] == (None, "te weinig eenheden")


def test_one_value_used_by_everyone() -> None:
    """Perfect agreement on one value: agreement and AC1 are 1.0, alpha and kappa say why they are absent."""
    out = results([["ja", "ja", "ja"], ["ja", "ja", None], ["ja", "ja", "ja"]])
    assert out["percent_agreement"] == (1.0, None)
    assert out["gwet_ac1"] == (1.0, None)
    assert out["krippendorff_alpha"] == (None, "te weinig variatie")
    assert out["fleiss_kappa"] == (None, "te weinig variatie")
    for level in ("ordinal", "interval"):
        assert krippendorff_alpha([[3, 3], [3, 3]], level) is None
        assert explain([[3, 3], [3, 3]], "krippendorff_alpha", level=level) == "te weinig variatie"


def test_variation_only_outside_pairable_units_is_no_variation() -> None:
    """A value given by one rater alone cannot be paired: alpha ignores it, as Krippendorff does."""
    table: Table = [["ja", "ja"], ["ja", "ja"], ["nee", None]]
    assert explain(table, "krippendorff_alpha") == "te weinig variatie"
    assert fleiss_kappa(table, ["ja", "nee"]) is not None  # Fleiss/Gwet use every rated unit for π


def test_scale_with_one_category() -> None:
    assert gwet_ac1([["ja", "ja"], ["ja", "ja"]], ["ja"]) is None
    assert explain([["ja", "ja"], ["ja", "ja"]], "gwet_ac1", categories=["ja"]) == "te weinig variatie"


def test_ragged_rows_are_padded_with_missing() -> None:
    ragged: Table = [[1, 1, 2], [2, 2], [1], [3, 3, 3, 3]]
    padded: Table = [[1, 1, 2, None], [2, 2, None, None], [1, None, None, None], [3, 3, 3, 3]]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(ragged, level) == krippendorff_alpha(padded, level)
    assert gwet_ac1(ragged, [1, 2, 3]) == gwet_ac1(padded, [1, 2, 3])
    assert near(fleiss_kappa(ragged, [1, 2, 3]), ref_cac(padded, [1, 2, 3]).fleiss()["est"]["coefficient_value"])


def test_misuse_raises_value_error() -> None:
    with pytest.raises(ValueError, match="not one of the categories"):
        gwet_ac1([["ja", "misschien"], ["ja", "ja"]], ["ja", "nee"])
    with pytest.raises(ValueError, match="interval level needs numbers"):
        krippendorff_alpha([["ja", "nee"], ["ja", "ja"]], "interval")
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha([[1, 2], [1, 1]], "ratio")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="order of the categories"):
        krippendorff_alpha([["a", 1], [2, "b"]], "ordinal")
    with pytest.raises(ValueError, match="categories"):
        explain([[1, 1]], "fleiss_kappa")


# --- deviation from the key and n.v.t. ------------------------------------------------------


def test_deviation_from_key() -> None:
    table: Table = [["ja", "nee", None], ["ja", "ja", "ja"], ["nee", None, None], ["ja", "ja", "nee"]]
    key = ["ja", "ja", None, "nee"]
    assert deviation_from_key(table, key) == [
        RaterDeviation(rater=0, agreement=2 / 3, compared=3),  # unit 3 has no key
        RaterDeviation(rater=1, agreement=1 / 3, compared=3),
        RaterDeviation(rater=2, agreement=1.0, compared=2),  # missing ratings are not compared
    ]


def test_deviation_from_key_without_anything_to_compare() -> None:
    assert deviation_from_key([], []) == []
    assert deviation_from_key([[None, "ja"]], [None]) == [
        RaterDeviation(rater=0, agreement=None, compared=0),
        RaterDeviation(rater=1, agreement=None, compared=0),
    ]


def test_not_applicable_is_missing_and_reported_apart() -> None:
    table: Table = [["ja", "nvt", "ja"], ["nvt", "nvt", "nvt"], ["nee", "nee", None], ["ja", "nee", "ja"]]
    ratings, applicable = split_not_applicable(table, "nvt")
    assert ratings == [["ja", None, "ja"], [None, None, None], ["nee", "nee", None], ["ja", "nee", "ja"]]
    assert applicable == [[True, False, True], [False, False, False], [True, True, None], [True, True, True]]
    assert near(percent_agreement(applicable), (1 / 3 + 1 + 1 + 1) / 4)
    assert near(
        gwet_ac1(ratings, ["ja", "nee"]),
        ref_cac(
            [[{"ja": 1.0, "nee": 2.0}[v] if isinstance(v, str) else None for v in row] for row in ratings],
            [1.0, 2.0],
        ).gwet()["est"]["coefficient_value"],
    )
