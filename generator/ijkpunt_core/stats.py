"""Honest small numbers: rates with a Wilson interval, means with a normal interval, built up one value at a time.

Every figure the aggregation reports carries its n and a 95% interval, and two figures are only called
different when their intervals do not overlap. Accumulators take one value at a time (streaming: no list
of values is ever kept) and can be merged, so "everyone but this evaluator" is a sum of parts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Z95", "MeanAccumulator", "MeanFigure", "RateAccumulator", "RateFigure", "compare", "wilson"]

Z95 = 1.959963984540054
"""The 97.5% quantile of the standard normal distribution: a two-sided 95% interval."""

Direction = Literal["higher", "lower", "no-difference"]


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for a proportion (None when n is 0).

    Unlike the textbook p ± z·√(p(1−p)/n) it never leaves [0, 1] and stays sensible at 0/n and n/n,
    which is what small teams produce.
    """
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError(f"{successes} successes out of {n}")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


class _Figure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RateFigure(_Figure):
    """A share with its n and 95% Wilson interval."""

    n: int = Field(description="Aantal waarnemingen.")
    count: int = Field(description="Aantal dat meetelt als 'ja'.")
    rate: float | None = Field(description="Aandeel (0–1), of null als n 0 is.")
    low: float | None = Field(description="Ondergrens van het 95%-interval (Wilson).")
    high: float | None = Field(description="Bovengrens van het 95%-interval (Wilson).")


class MeanFigure(_Figure):
    """A mean with its n, standard deviation and 95% interval (normal approximation)."""

    n: int = Field(description="Aantal waarnemingen.")
    mean: float | None = Field(description="Gemiddelde, of null als n 0 is.")
    sd: float | None = Field(description="Standaardafwijking (n−1), of null als n < 2.")
    low: float | None = Field(description="Ondergrens van het 95%-interval, of null als n < 2.")
    high: float | None = Field(description="Bovengrens van het 95%-interval, of null als n < 2.")


@dataclass(slots=True)
class RateAccumulator:
    """Counts yes out of n."""

    count: int = 0
    n: int = 0

    def add(self, yes: bool) -> None:
        self.n += 1
        self.count += yes

    def merge(self, other: RateAccumulator) -> None:
        self.count += other.count
        self.n += other.n

    def figure(self) -> RateFigure:
        interval = wilson(self.count, self.n)
        return RateFigure(
            n=self.n,
            count=self.count,
            rate=self.count / self.n if self.n else None,
            low=interval[0] if interval else None,
            high=interval[1] if interval else None,
        )


@dataclass(slots=True)
class MeanAccumulator:
    """Welford's running mean and sum of squared deviations: exact enough, one pass, no list kept."""

    n: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, value: float) -> None:
        self.n += 1
        delta = value - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (value - self.mean)

    def merge(self, other: MeanAccumulator) -> None:
        """Chan et al.'s parallel combination: the result equals adding the other's values one by one."""
        if other.n == 0:
            return
        n = self.n + other.n
        delta = other.mean - self.mean
        self.mean += delta * other.n / n
        self.m2 += other.m2 + delta * delta * self.n * other.n / n
        self.n = n

    @property
    def variance(self) -> float | None:
        return self.m2 / (self.n - 1) if self.n >= 2 else None

    def figure(self, digits: int = 1, bounds: tuple[float, float] = (-math.inf, math.inf)) -> MeanFigure:
        """The mean with its interval; ``bounds`` is the scale's range (a score of 0–100 has no interval below 0)."""
        variance = self.variance
        sd = math.sqrt(variance) if variance is not None else None
        half = Z95 * sd / math.sqrt(self.n) if sd is not None else None
        mean = self.mean if self.n else None
        low, high = bounds
        return MeanFigure(
            n=self.n,
            mean=round(mean, digits) if mean is not None else None,
            sd=round(sd, digits + 1) if sd is not None else None,
            low=round(max(low, self.mean - half), digits) if half is not None else None,
            high=round(min(high, self.mean + half), digits) if half is not None else None,
        )


def compare(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> Direction:
    """Whether interval ``a`` lies wholly above or below interval ``b``; overlapping (or unknown) is no difference.

    Non-overlap of two 95% intervals is a strict test (stricter than p < 0.05): when this says
    "higher", the data say so too; when it says "no-difference", there may still be one too small to show.
    """
    a_low, a_high = a
    b_low, b_high = b
    if None in (a_low, a_high, b_low, b_high):
        return "no-difference"
    assert a_low is not None and a_high is not None and b_low is not None and b_high is not None
    if a_low > b_high:
        return "higher"
    if a_high < b_low:
        return "lower"
    return "no-difference"
