"""Agreement between raters: percent agreement, Krippendorff's alpha, Gwet's AC1, Fleiss' kappa.

Pure Python (standard library only), so the CLI and the browser (Pyodide, no numpy) run the
same code. Every function takes a units × raters table: one row per unit (a contact, for one
criterion), one column per rater, ``None`` where that rater gave no rating. Rows may differ in
length; a short row counts as missing for the raters beyond its end. A float NaN counts as
missing too. n.v.t. is not a category: map it to ``None`` first (:func:`split_not_applicable`
does that and gives the applicability table to report separately).

Degenerate data never raises and never gives NaN. A coefficient that cannot be computed is
``None``, and :func:`explain` names why, in the Dutch the facilitator sees:

* ``"geen gegevens"``: an empty table, or every rating missing;
* ``"te weinig beoordelaars"``: no unit has ratings from two raters (one rater, or raters who
  never rated the same unit), so there is not a single pair to compare;
* ``"te weinig eenheden"``: the chance-corrected coefficients (alpha, AC1, kappa) need at least
  two units rated by two or more raters: from one unit chance agreement cannot be told apart
  from real agreement (alpha would be 0 by construction). Percent agreement is still given;
* ``"te weinig variatie"``: alpha and kappa when every rating has the same value: their chance
  agreement is then 1 and the coefficient is 0/0 (the kappa paradox at its limit). Percent
  agreement and AC1 are 1.0 here and are the figures to show.

Misuse of the arguments (a value outside the declared categories, a non-numeric value at the
interval level, an unknown level) is a programming error and raises ``ValueError``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal, SupportsFloat, cast

__all__ = [
    "CoefficientName",
    "Level",
    "RaterDeviation",
    "Reason",
    "Table",
    "deviation_from_key",
    "explain",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "percent_agreement",
    "split_not_applicable",
]

type Table = Sequence[Sequence[Hashable | None]]
"""Units × raters; ``None`` is a missing rating."""

type Level = Literal["nominal", "ordinal", "interval"]
type Reason = Literal["geen gegevens", "te weinig beoordelaars", "te weinig eenheden", "te weinig variatie"]
type CoefficientName = Literal["percent_agreement", "krippendorff_alpha", "gwet_ac1", "fleiss_kappa"]

NO_DATA: Reason = "geen gegevens"
TOO_FEW_RATERS: Reason = "te weinig beoordelaars"
TOO_FEW_UNITS: Reason = "te weinig eenheden"
TOO_LITTLE_VARIATION: Reason = "te weinig variatie"

type _Result = tuple[float | None, Reason | None]


@dataclass(frozen=True, slots=True)
class RaterDeviation:
    """One rater against the key: share of agreeing answers over ``compared`` units (None if 0)."""

    rater: int
    agreement: float | None
    compared: int


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _units(table: Table) -> list[list[Hashable]]:
    """The present ratings of each unit (units without any rating are kept, empty)."""
    return [[v for v in row if not _missing(v)] for row in table]


def _check_categories(units: list[list[Hashable]], categories: Sequence[Hashable]) -> None:
    allowed = set(categories)
    if len(allowed) != len(categories):
        raise ValueError(f"categories contain duplicates: {list(categories)!r}")
    for ratings in units:
        for v in ratings:
            if v not in allowed:
                raise ValueError(f"value {v!r} is not one of the categories {list(categories)!r}")


def _common(units: list[list[Hashable]], *, chance_corrected: bool) -> Reason | None:
    """The reason shared by all coefficients, in order of precedence, or None."""
    if not any(units):
        return NO_DATA
    pairable = sum(1 for ratings in units if len(ratings) >= 2)
    if pairable == 0:
        return TOO_FEW_RATERS
    if chance_corrected and pairable < 2:
        return TOO_FEW_UNITS
    return None


def _percent_agreement(table: Table) -> _Result:
    units = _units(table)
    if reason := _common(units, chance_corrected=False):
        return None, reason
    shares = []
    for ratings in units:
        m = len(ratings)
        if m >= 2:
            agreeing = sum(c * (c - 1) for c in Counter(ratings).values())
            shares.append(agreeing / (m * (m - 1)))
    return math.fsum(shares) / len(shares), None


def percent_agreement(table: Table) -> float | None:
    """Share of agreeing rater pairs per unit, averaged over the units with two or more ratings.

    None when no unit has two ratings (see :func:`explain`).
    """
    return _percent_agreement(table)[0]


def _krippendorff_alpha(table: Table, level: Level, categories: Sequence[Hashable] | None) -> _Result:
    if level not in ("nominal", "ordinal", "interval"):
        raise ValueError(f"level must be nominal, ordinal or interval, not {level!r}")
    units = _units(table)
    if categories is not None:
        _check_categories(units, categories)
    if level == "interval":
        for ratings in units:
            for v in ratings:
                if isinstance(v, bool) or not isinstance(v, SupportsFloat):
                    raise ValueError(f"interval level needs numbers, not {v!r}")
    if reason := _common(units, chance_corrected=True):
        return None, reason
    pairable = [ratings for ratings in units if len(ratings) >= 2]
    # Coincidence matrix o[c][k] over the pairable values (Krippendorff 2011, §C).
    coincidences: dict[tuple[Hashable, Hashable], float] = {}
    for ratings in pairable:
        counts = Counter(ratings)
        m = len(ratings)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[c, k] = coincidences.get((c, k), 0.0) + pairs / (m - 1)
    marginals: dict[Hashable, float] = {}
    for (c, _k), o in coincidences.items():
        marginals[c] = marginals.get(c, 0.0) + o
    if len(marginals) < 2:
        return None, TOO_LITTLE_VARIATION
    n = math.fsum(marginals.values())

    if level == "nominal":

        def delta(c: Hashable, k: Hashable) -> float:
            return 0.0 if c == k else 1.0

    elif level == "interval":

        def delta(c: Hashable, k: Hashable) -> float:
            return (float(cast(SupportsFloat, c)) - float(cast(SupportsFloat, k))) ** 2

    else:
        order = list(categories) if categories is not None else _sorted(marginals)
        rank = {value: i for i, value in enumerate(order)}
        counts_in_order = [marginals.get(value, 0.0) for value in order]
        cumulative = [0.0]
        for count in counts_in_order:
            cumulative.append(cumulative[-1] + count)

        def delta(c: Hashable, k: Hashable) -> float:
            i, j = sorted((rank[c], rank[k]))
            between = cumulative[j + 1] - cumulative[i]
            return (between - (counts_in_order[i] + counts_in_order[j]) / 2) ** 2

    observed = math.fsum(o * delta(c, k) for (c, k), o in coincidences.items() if c != k)
    expected = math.fsum(
        n_c * n_k * delta(c, k) for c, n_c in marginals.items() for k, n_k in marginals.items() if c != k
    )
    return 1.0 - (n - 1.0) * observed / expected, None


def _sorted(values: dict[Hashable, float]) -> list[Hashable]:
    try:
        return sorted(values, key=lambda v: cast(float, v))
    except TypeError as exc:
        raise ValueError("ordinal level needs the order of the categories: pass categories=") from exc


def krippendorff_alpha(
    table: Table, level: Level = "nominal", categories: Sequence[Hashable] | None = None
) -> float | None:
    """Krippendorff's alpha at the nominal, ordinal or interval level; missing ratings allowed.

    Units with fewer than two ratings are left out, as Krippendorff prescribes. The ordinal level
    uses Krippendorff's ordinal metric over ``categories`` in the order given (default: the
    observed values sorted). None when it cannot be computed (see :func:`explain`).
    """
    return _krippendorff_alpha(table, level, categories)[0]


def _category_shares(units: list[list[Hashable]], categories: Sequence[Hashable]) -> tuple[float, list[float]]:
    """Percent agreement over units with ≥2 ratings, and each category's mean share per rated unit."""
    rated = [ratings for ratings in units if ratings]
    shares = [0.0] * len(categories)
    index = {c: i for i, c in enumerate(categories)}
    for ratings in rated:
        for value, count in Counter(ratings).items():
            shares[index[value]] += count / len(ratings)
    pi = [s / len(rated) for s in shares]
    agreement = _percent_agreement(units)[0]
    assert agreement is not None  # callers have checked _common first
    return agreement, pi


def _gwet_ac1(table: Table, categories: Sequence[Hashable]) -> _Result:
    units = _units(table)
    _check_categories(units, categories)
    if reason := _common(units, chance_corrected=True):
        return None, reason
    q = len(categories)
    if q < 2:
        return None, TOO_LITTLE_VARIATION
    pa, pi = _category_shares(units, categories)
    pe = math.fsum(p * (1.0 - p) for p in pi) / (q - 1)
    return (pa - pe) / (1.0 - pe), None


def gwet_ac1(table: Table, categories: Sequence[Hashable]) -> float | None:
    """Gwet's AC1 (Gwet 2008; irrCAC ``gwet()`` without weights), missing ratings allowed.

    Chance agreement is taken over all ``categories`` of the declared scale, also those nobody
    used: pe = Σ πₖ(1 − πₖ) / (q − 1), with πₖ the mean share of category k over the units that
    have at least one rating; pa averages over the units with two or more. Stays defined (1.0)
    when everyone gives the same answer. None when it cannot be computed (see :func:`explain`).
    """
    return _gwet_ac1(table, categories)[0]


def _fleiss_kappa(table: Table, categories: Sequence[Hashable]) -> _Result:
    units = _units(table)
    _check_categories(units, categories)
    if reason := _common(units, chance_corrected=True):
        return None, reason
    if len({v for ratings in units for v in ratings}) < 2:
        return None, TOO_LITTLE_VARIATION
    pa, pi = _category_shares(units, categories)
    pe = math.fsum(p * p for p in pi)
    return (pa - pe) / (1.0 - pe), None


def fleiss_kappa(table: Table, categories: Sequence[Hashable]) -> float | None:
    """Fleiss' kappa (Fleiss 1971); with missing ratings, Gwet's generalisation as in irrCAC ``fleiss()``.

    On a complete table this is exactly Fleiss (1971). When units have different numbers of
    ratings, pa averages each unit's share of agreeing pairs over the units with two or more
    ratings, and pe = Σ πₖ² with πₖ the mean share of category k over the units with at least one
    rating (Gwet 2014, Handbook of Inter-Rater Reliability, ch. 2). None when it cannot be
    computed (see :func:`explain`).
    """
    return _fleiss_kappa(table, categories)[0]


def explain(
    table: Table,
    coefficient: CoefficientName,
    *,
    level: Level = "nominal",
    categories: Sequence[Hashable] | None = None,
) -> Reason | None:
    """Why ``coefficient`` is None for this table (a Dutch reason), or None when it has a value.

    Takes the same arguments as the coefficient function; AC1 and kappa need ``categories``.
    """
    match coefficient:
        case "percent_agreement":
            return _percent_agreement(table)[1]
        case "krippendorff_alpha":
            return _krippendorff_alpha(table, level, categories)[1]
        case "gwet_ac1" | "fleiss_kappa":
            if categories is None:
                raise ValueError(f"{coefficient} needs the categories of the scale")
            compute = _gwet_ac1 if coefficient == "gwet_ac1" else _fleiss_kappa
            return compute(table, categories)[1]
        case _:
            raise ValueError(f"unknown coefficient {coefficient!r}")


def deviation_from_key(table: Table, key: Sequence[Hashable | None]) -> list[RaterDeviation]:
    """Per rater (column): the share of units where the rating equals the key, and how many were compared.

    A unit counts for a rater only when both the key and the rating are present.
    """
    raters = max((len(row) for row in table), default=0)
    result = []
    for rater in range(raters):
        compared = agreeing = 0
        for unit, row in enumerate(table):
            expected = key[unit] if unit < len(key) else None
            given = row[rater] if rater < len(row) else None
            if _missing(expected) or _missing(given):
                continue
            compared += 1
            agreeing += given == expected
        result.append(RaterDeviation(rater, agreeing / compared if compared else None, compared))
    return result


def split_not_applicable(table: Table, na: Hashable) -> tuple[list[list[Hashable | None]], list[list[bool | None]]]:
    """Split n.v.t. off: the ratings with ``na`` made missing, and the applicability table.

    The second table holds True (applicable), False (n.v.t.) or None (no rating); give it to
    :func:`percent_agreement` to report agreement on applicability apart from the coefficients.
    """
    ratings: list[list[Hashable | None]] = []
    applicable: list[list[bool | None]] = []
    for row in table:
        ratings.append([None if _missing(v) or v == na else v for v in row])
        applicable.append([None if _missing(v) else v != na for v in row])
    return ratings, applicable
