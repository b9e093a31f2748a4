"""A claim's figure held against stored observations: how each differs, and the verdict.

An observation agrees with a claim when it is of the claim's breakdown and period (any period,
when the claim gives none) and its value is the claim's: exactly, or as the claim rounds it.
A number is read to its last written digit ("10.9亿" to the nearest 10,000,000), so it
restates any value within half a unit of that digit (1,092,000,000 is "10.9亿" rounded). A
qualifier shifts that interval: "more than X" restates a value from X up to one unit of the
last digit above it ("more than 1.1 billion": 1,125,000,000), "nearly X" one below it.

The differences an observation may have from a claim, each with what the claim says and what
the observation has:

- ``breakdown``: another breakdown (the headline total instead of the rural users);
- ``period``: another period;
- ``rounded``: the claim is the value rounded (not a disagreement: the way it agrees);
- ``value``: another value, by ``by_percent`` percent of the observation's value.

Observations are ranked by how many of breakdown, period and value differ, then by how far
a value that differs is, the exact value before a rounded one, then by the order of the
indicators the claim names, reported before derived, preferred vintage first, latest report
first; and at last by indicator, breakdown, period and id, so the same data always gives the
same order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.checks.reading import ClaimFigure
from app.queries.figures import StoredFigure

Verdict = Literal["confirmed", "rounded", "differs", "not_found", "unreadable"]
DifferenceKind = Literal["breakdown", "period", "rounded", "value"]

# How many of the closest observations a check shows when none agrees.
CLOSEST = 5
# Dimensions that say what a value is measured against, not whose it is: a claim that does
# not name one ("grew by 16.08 million") is compared whatever the observation's.
_NOT_BREAKDOWNS = frozenset({"compared_with"})


@dataclass(frozen=True, slots=True)
class Difference:
    """One way an observation differs from a claim."""

    kind: DifferenceKind
    claimed: str | None
    found: str
    by_percent: float | None
    detail: str


@dataclass(frozen=True, slots=True)
class Compared:
    """An observation and how it differs from the claim."""

    figure: StoredFigure
    differences: tuple[Difference, ...]
    # How far its value is from the claim's, relative to its own (0 for the same value).
    distance: Decimal

    @property
    def agrees(self) -> bool:
        """Whether it is the claim's figure (exactly or rounded)."""
        return all(difference.kind == "rounded" for difference in self.differences)

    @property
    def disagreements(self) -> int:
        return sum(difference.kind != "rounded" for difference in self.differences)


@dataclass(frozen=True)
class Outcome:
    """The verdict, the observations that agree (best first) and, when none does, the
    closest ones."""

    verdict: Verdict
    matches: list[Compared]
    closest: list[Compared]


def stored_value(figure: StoredFigure) -> Decimal:
    """An observation's value as the exact decimal it was written as."""
    return Decimal(repr(figure.value)).normalize()


def written(value: Decimal) -> str:
    """A value with thousands separators and no exponent: ``1,092,000,000``, ``76.4``."""
    exact = value if value != value.to_integral_value() else value.quantize(Decimal(1))
    return f"{exact:,}"


def agreement(claimed: ClaimFigure, value: Decimal) -> Literal["exact", "rounded"] | None:
    """Whether ``value`` is the claim's figure: the same, the claim rounded to its last
    written digit (in the direction its qualifier says), or neither."""
    if value == claimed.value:
        return "exact"
    unit = claimed.precision
    if claimed.qualifier in {"more than", "at least"}:
        holds = claimed.value < value < claimed.value + unit
    elif claimed.qualifier == "nearly":
        holds = claimed.value - unit < value < claimed.value
    else:
        holds = abs(value - claimed.value) <= unit / 2
    return "rounded" if holds else None


def breakdown_of(dimensions: Mapping[str, str]) -> str:
    """A breakdown in words: ``area=rural``, several joined by ``, ``; ``total`` for none."""
    return ", ".join(f"{name}={value}" for name, value in sorted(dimensions.items())) or "total"


def same_breakdown(claimed: Mapping[str, str], found: Mapping[str, str]) -> bool:
    """Whether ``found`` is the breakdown ``claimed`` names (a ``compared_with`` the claim
    does not give left aside)."""
    kept = {
        name: value
        for name, value in found.items()
        if name in claimed or name not in _NOT_BREAKDOWNS
    }
    return kept == dict(claimed)


def compare_one(
    claimed: ClaimFigure,
    dimensions: Mapping[str, str],
    period: str | None,
    figure: StoredFigure,
) -> Compared:
    """How ``figure`` differs from a claim of ``claimed`` for ``dimensions`` and ``period``
    (None: any period)."""
    differences: list[Difference] = []
    if not same_breakdown(dimensions, figure.dimensions):
        claimed_breakdown, found = breakdown_of(dimensions), breakdown_of(figure.dimensions)
        differences.append(
            Difference(
                "breakdown",
                claimed_breakdown,
                found,
                None,
                f"It is the value for {found}, not for {claimed_breakdown}.",
            )
        )
    if period is not None and figure.period != period:
        differences.append(
            Difference(
                "period", period, figure.period, None, f"It is for {figure.period}, not {period}."
            )
        )
    value = stored_value(figure)
    agreed = agreement(claimed, value)
    distance = abs(claimed.value - value) / abs(value) if value else abs(claimed.value)
    if agreed == "rounded":
        said = f"{claimed.qualifier} {claimed.text}" if claimed.qualifier else claimed.text
        differences.append(
            Difference(
                "rounded",
                said,
                written(value),
                None,
                f"{said} is {written(value)} rounded to its last written digit.",
            )
        )
    elif agreed is None:
        by_percent = _percent_of(claimed.value - value, value)
        direction = "above" if claimed.value > value else "below"
        share = "" if by_percent is None else f" {abs(by_percent)}% {direction} it"
        differences.append(
            Difference(
                "value",
                claimed.text,
                written(value),
                by_percent,
                f"Its value is {written(value)}; the claim's {claimed.text} is{share}.",
            )
        )
    return Compared(figure, tuple(differences), distance)


def _percent_of(part: Decimal, whole: Decimal) -> float | None:
    """``part`` in percent of ``whole``, to two decimals; None when that is no number."""
    if not whole:
        return None
    percent = float(part / abs(whole) * 100)
    return round(percent, 2) if math.isfinite(percent) else None


def rank(compared: Sequence[Compared], order: Mapping[str, int]) -> list[Compared]:
    """``compared`` best first (see the module's doc)."""

    def key(item: Compared) -> tuple[object, ...]:
        figure = item.figure
        kinds = {difference.kind for difference in item.differences}
        return (
            item.disagreements,
            item.distance if "value" in kinds else 0,
            "rounded" in kinds,
            order.get(figure.indicator, len(order)),
            figure.status != "reported",
            not figure.preferred,
            -figure.edition,
            figure.indicator,
            figure.dimensions_key,
            figure.period,
            figure.id,
        )

    return sorted(compared, key=key)


def judge(
    claimed: ClaimFigure,
    dimensions: Mapping[str, str],
    figures: Sequence[StoredFigure],
    *,
    period_for: Callable[[str], str | None],
    order: Mapping[str, int],
    named: bool,
) -> Outcome:
    """The verdict on a claim of ``claimed`` for ``dimensions`` (and the period
    ``period_for`` gives each indicator) against ``figures``.

    ``confirmed``: an observation agrees exactly; ``rounded``: only as the claim rounds it;
    ``differs``: none agrees, but the claim names an indicator and a period and the data has
    its figure there, with another value (those observations come first among the closest);
    ``not_found`` otherwise. ``order`` ranks the indicators, ``named`` says whether the claim
    named them or they were guessed.
    """
    unique = {figure.id: figure for figure in figures}.values()
    compared = rank(
        [
            compare_one(claimed, dimensions, period_for(figure.indicator), figure)
            for figure in unique
        ],
        order,
    )
    matches = [item for item in compared if item.agrees]
    if matches:
        exact = any(not item.differences for item in matches)
        return Outcome("confirmed" if exact else "rounded", matches, [])
    there = [
        item
        for item in compared
        if [difference.kind for difference in item.differences] == ["value"]
        and period_for(item.figure.indicator) is not None
    ]
    if named and there:
        first = {item.figure.id for item in there}
        rest = [item for item in compared if item.figure.id not in first]
        return Outcome("differs", [], [*there, *rest][:CLOSEST])
    return Outcome("not_found", [], compared[:CLOSEST])
