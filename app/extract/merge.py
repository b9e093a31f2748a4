"""From records to observations: one value per key, every place that gives it, and what follows.

Several places may give the same figure: the report's table and its text, four articles on one
report. They become one observation whose value is the most precise one given exactly; a
rounder ("1,081 million" beside 108,133 ten-thousands) or qualified one ("surpassed 80
percent" beside 80.1%) that agrees with it is one more citation. One that does not agree is a
disagreement: kept, as a note on the observation, and listed.

A change given beside a level ("an increase of 16.08 million compared to December 2023")
yields the earlier level, marked derived, unless the same report gives that level itself; a
gap beside a share ("54.4% ..., 20.6 percentage points higher than that of the rural
population in the total population") yields the share it is measured against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import combinations
from typing import Any

from app.extract.records import Dimensions, NoteRef, Observation, Record
from app.periods import period_bounds
from app.sources.catalogue import CHANGE_SUFFIX, GAP_SUFFIX, GROWTH_SUFFIX

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two values for the same thing that do not agree, even allowing for rounding."""

    key: tuple[str, Dimensions, str, str]
    kept: Decimal
    other: Decimal
    other_key: tuple[str, Dimensions, str, str]
    where: str


def agrees(precise: Record | Observation, rough: Record) -> bool:
    """Whether ``rough`` is ``precise`` written with less precision, or qualified.

    A qualifier speaks of a figure's size ("down by more than 16 million"), so sizes are
    compared, not signed values; a rough figure of the other sign never agrees.
    """
    if (precise.value < 0) != (rough.value < 0):
        return False
    difference = abs(precise.value) - abs(rough.value)
    precision = max(rough.precision, _rounding_of(rough.value))
    half = precision / 2
    match rough.qualifier:
        case "more than" | "at least":
            return Decimal(0) <= difference < precision * 10
        case "nearly":
            return Decimal(0) <= -difference < precision * 10
        case "about":
            return abs(difference) <= precision
        case _:
            return abs(difference) <= half


def _rounding_of(value: Decimal) -> Decimal:
    """How coarsely a whole number may have been rounded: "170,000" to the ten thousand."""
    if value != value.to_integral_value() or value == 0:
        return Decimal(0)
    zeros = 0
    whole = int(abs(value))
    while whole % 10 == 0:
        whole //= 10
        zeros += 1
    return Decimal(10) ** zeros


def _rank(record: Record) -> tuple[int, Decimal]:
    precision = max(record.precision, _rounding_of(record.value))
    return (0 if record.qualifier is None else 1, precision)


def merge(records: Iterable[Record]) -> tuple[list[Observation], list[Disagreement]]:
    """Group records by key into observations, most precise value first."""
    groups: dict[tuple[str, Dimensions, str, str], list[Record]] = defaultdict(list)
    for record in records:
        groups[record.key].append(record)
    observations: list[Observation] = []
    disagreements: list[Disagreement] = []
    for key, group in groups.items():
        best = min(group, key=_rank)
        observation = _observation_from(best)
        for record in group:
            if record is best:
                continue
            if agrees(best, record):
                observation.evidence.append(record.evidence)
            else:
                disagreements.append(
                    Disagreement(key, best.value, record.value, key, record.evidence.quote)
                )
                observation.notes.append(_disagreement_note(record))
            observation.attributed_to = observation.attributed_to or record.attributed_to
            for note in record.notes:
                if note not in observation.notes:
                    observation.notes.append(note)
        observations.append(observation)
    return observations, disagreements


def _observation_from(record: Record) -> Observation:
    return Observation(
        indicator=record.indicator,
        dimensions=record.dimensions,
        period=record.period,
        value=record.value,
        precision=record.precision,
        report=record.report,
        status="reported",
        as_reported=record.evidence.as_reported,
        qualifier=record.qualifier,
        attributed_to=record.attributed_to,
        evidence=[record.evidence],
        notes=list(record.notes),
    )


def _disagreement_note(record: Record) -> NoteRef:
    evidence = record.evidence
    return NoteRef("disagreement", evidence.source, evidence.start, evidence.end, evidence.quote)


def derive(
    observations: list[Observation],
) -> tuple[list[Observation], list[Disagreement]]:
    """Earlier levels from levels and their changes, shares from shares and their gaps;
    disagreements with reported levels."""
    by_key = {observation.key: observation for observation in observations}
    derived: dict[tuple[str, Dimensions, str, str], Observation] = {}
    disagreements: list[Disagreement] = []
    for change in observations:
        made = _derive_from(change, by_key)
        if made is None:
            continue
        reported = by_key.get(made.key)
        if reported is None:
            derived.setdefault(made.key, made)
        elif not _within_rounding(reported, made):
            disagreements.append(
                Disagreement(made.key, reported.value, made.value, made.key, "derived")
            )
    return list(derived.values()), disagreements


def compare_reports(observations: list[Observation]) -> list[Disagreement]:
    """Values that two reports give (or imply) for the same thing and that do not agree."""
    by_thing: dict[tuple[str, Dimensions, str], list[Observation]] = defaultdict(list)
    for observation in observations:
        by_thing[observation.key[:3]].append(observation)
    found: list[Disagreement] = []
    for versions in by_thing.values():
        for first, second in combinations(versions, 2):
            if not _within_rounding(first, second):
                found.append(
                    Disagreement(first.key, first.value, second.value, second.key, "reports")
                )
    return found


def _within_rounding(first: Observation, second: Observation) -> bool:
    """Whether two values can be the same quantity, each rounded to its own precision."""
    return abs(first.value - second.value) <= (first.precision + second.precision) / 2


# A change given as a lower bound ("up by more than 20%") bounds the earlier level from above,
# not below, and with a level that is itself a bound it bounds nothing: no earlier level is
# derived from it.
_LOWER_BOUNDS = frozenset({"more than", "at least"})


def _derive_from(
    change: Observation, by_key: dict[tuple[str, Dimensions, str, str], Observation]
) -> Observation | None:
    if change.indicator.endswith(GAP_SUFFIX):
        return _derive_from_gap(change, by_key)
    dims = dict(change.dimensions)
    base_period = dims.pop("compared_with", None)
    if base_period is None or change.qualifier in _LOWER_BOUNDS or not _dated(base_period):
        return None
    if change.indicator.endswith(GROWTH_SUFFIX):
        code, growth = change.indicator.removesuffix(GROWTH_SUFFIX), True
    elif change.indicator.endswith(CHANGE_SUFFIX):
        code, growth = change.indicator.removesuffix(CHANGE_SUFFIX), False
    else:
        return None
    level_dims = tuple(sorted(dims.items()))
    level = by_key.get((code, level_dims, change.period, change.report))
    if level is None:
        return None
    if growth:
        exact = level.value / (1 + change.value / _HUNDRED)
        value = (exact / level.precision).to_integral_value(ROUND_HALF_EVEN) * level.precision
        precision = level.precision + level.value * change.precision / _HUNDRED

        method = "level divided by (1 + growth rate)"
        formula = f"{level.as_reported} / (1 + {change.as_reported})"
    else:
        value = level.value - change.value
        precision = level.precision + change.precision
        method = "level minus change"
        formula = f"{level.as_reported} − {change.as_reported}"
    return _derived(
        code,
        base_period,
        value,
        precision,
        level,
        change,
        qualifier=change.qualifier or level.qualifier,
        method=method,
        formula=formula,
    )


def _derive_from_gap(
    gap: Observation, by_key: dict[tuple[str, Dimensions, str, str], Observation]
) -> Observation | None:
    """The share a gap is measured against: "54.4% ..., 20.6 percentage points higher than
    that of the rural population in the total population" gives that share, 33.8%."""
    dims = dict(gap.dimensions)
    other = dims.pop("compared_with", None)
    if other is None or gap.qualifier is not None:
        return None
    level_dims = tuple(sorted(dims.items()))
    level = by_key.get((gap.indicator.removesuffix(GAP_SUFFIX), level_dims, gap.period, gap.report))
    if level is None:
        return None
    sign = "−" if gap.value >= 0 else "+"
    return _derived(
        other,
        gap.period,
        level.value - gap.value,
        level.precision + gap.precision,
        level,
        gap,
        qualifier=level.qualifier,
        method="level minus gap",
        formula=f"{level.as_reported} {sign} {gap.as_reported}",
    )


def _derived(
    indicator: str,
    period: str,
    value: Decimal,
    precision: Decimal,
    level: Observation,
    given: Observation,
    *,
    qualifier: str | None,
    method: str,
    formula: str,
) -> Observation:
    """A value of ``indicator`` derived from a reported ``level`` and the change or gap
    ``given`` beside it, for the level's breakdown, in their report."""
    return Observation(
        indicator=indicator,
        dimensions=level.dimensions,
        period=period,
        value=value,
        precision=precision,
        report=given.report,
        status="derived",
        as_reported=None,
        qualifier=qualifier,
        attributed_to=level.attributed_to or given.attributed_to,
        evidence=[*level.evidence, *given.evidence],
        notes=[],
        derivation=_derivation(method, formula, level, given),
    )


def _dated(base: str) -> bool:
    """Whether a change's base is a period, not a time the text names without a date ("the
    Mid-Autumn Festival"), at which no level can be placed."""
    try:
        period_bounds(base)
    except ValueError:
        return False
    return True


def _derivation(
    method: str, formula: str, level: Observation, change: Observation
) -> dict[str, Any]:
    return {
        "method": method,
        "formula": formula,
        "inputs": [_natural_key(level), _natural_key(change)],
    }


def _natural_key(observation: Observation) -> dict[str, Any]:
    return {
        "indicator": observation.indicator,
        "dimensions": dict(observation.dimensions),
        "period": observation.period,
        "report": observation.report,
    }
