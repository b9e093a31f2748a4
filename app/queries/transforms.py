"""Values computed from a series on request: its change, percent change or year-on-year change.

None of them is stored, and none is mixed with what the texts state: the changes and growth
rates a report gives are indicators of their own (``internet_users_change``), each with its
quote. A computed value comes from two values of one line (one indicator, one breakdown, the
preferred vintage of each period) and says which, so a reader can tell the two kinds apart.

``change`` and ``pct_change`` compare a period with the one before it in the line, of the same
form (a month with the month before it, a year with the year before) and at most a year
earlier: a June figure is never compared with the year's total, nor a figure with one from a
decade before that a report happened to recall. ``yoy`` compares a period with the same period
a year earlier, intervals included (``2025-01/2025-08`` with ``2024-01/2024-08``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from app.periods import period_bounds, period_form, shift_years

Transform = Literal["change", "pct_change", "yoy"]

# A percent change is given to this many decimal places: finer is noise on figures that
# reports round to three or four significant digits.
PERCENT_PLACES = 4

METHODS: dict[Transform, str] = {
    "change": "change from the period before",
    "pct_change": "percent change from the period before",
    "yoy": "percent change from a year earlier",
}


@dataclass(frozen=True)
class Step:
    """A computed value for ``later``'s period and the two ``(period, value)`` pairs it was
    computed from, the earlier first."""

    value: float
    earlier: tuple[str, float]
    later: tuple[str, float]

    @property
    def period(self) -> str:
        return self.later[0]


def transformed_unit(unit: str, transform: Transform) -> str:
    """The unit of ``transform``'s values for an indicator measured in ``unit``."""
    if transform != "change":
        return "percent"
    return "percentage_points" if unit == "percent" else unit


def steps(points: Sequence[tuple[str, float]], transform: Transform) -> list[Step]:
    """``transform`` of one line's ``(period, value)`` points, given in time order: one step per
    period that has a value to compare with (a percent change from zero has none)."""
    pairs = _year_earlier(points) if transform == "yoy" else _period_before(points)
    computed = []
    for earlier, later in pairs:
        value = _computed(earlier[1], later[1], transform)
        if value is not None:
            computed.append(Step(value=value, earlier=earlier, later=later))
    return computed


def formula(step: Step, transform: Transform) -> str:
    """The arithmetic of ``step``, as a person would check it."""
    earlier, later = _plain(step.earlier[1]), _plain(step.later[1])
    if transform == "change":
        return f"{later} − {earlier}"
    return f"({later} − {earlier}) / {earlier} × 100"


def _period_before(
    points: Sequence[tuple[str, float]],
) -> list[tuple[tuple[str, float], tuple[str, float]]]:
    last_of_form: dict[str, tuple[str, float]] = {}
    pairs = []
    for point in points:
        form = period_form(point[0])
        if form == "interval":
            continue
        before = last_of_form.get(form)
        if before is not None and _within_a_year(before[0], point[0]):
            pairs.append((before, point))
        last_of_form[form] = point
    return pairs


def _within_a_year(earlier: str, later: str) -> bool:
    return period_bounds(earlier)[0] >= period_bounds(shift_years(later, -1))[0]


def _year_earlier(
    points: Sequence[tuple[str, float]],
) -> list[tuple[tuple[str, float], tuple[str, float]]]:
    by_period = dict(points)
    pairs = []
    for period, value in points:
        earlier = shift_years(period, -1)
        if earlier in by_period:
            pairs.append(((earlier, by_period[earlier]), (period, value)))
    return pairs


def _computed(earlier: float, later: float, transform: Transform) -> float | None:
    # Decimal arithmetic on the values as written: 78.6 − 78.3 is 0.3, not 0.29999999999999716.
    before, after = Decimal(repr(earlier)), Decimal(repr(later))
    if transform == "change":
        return float(after - before)
    if before == 0:
        return None
    return float(round((after - before) / before * 100, PERCENT_PLACES))


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
