"""Transforms of observations and series, read and computed: what ``transform=`` answers.

A transform is computed over each whole line, then cut to the periods asked for: the percent
change of 2024-12 needs 2024-06's value even when ``start=2024-12``, and ``last=1`` is the
latest computed value, not a value with nothing before it. Each computed observation cites the
two observations it comes from; ``status`` is ``computed`` and ``derivation`` shows the
arithmetic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import orjson
from sqlalchemy.orm import Session

from app.periods import period_bounds
from app.queries.observations import (
    ObservationBody,
    ObservationFilter,
    ObservationKey,
    observation_page,
    plain_number,
    series_points,
)
from app.queries.transforms import METHODS, Step, Transform, formula, steps, transformed_unit

_PAGE = 1000

Line = tuple[dict[str, str], list[tuple[str, float]]]


@dataclasses.dataclass(frozen=True)
class ComputedLine:
    """One series line transformed: its dimensions and computed steps, in time order."""

    dimensions: dict[str, str]
    steps: list[Step]


def computed_series(
    filters: ObservationFilter, transform: Transform, *, session: Session
) -> list[ComputedLine]:
    """``transform`` of each line of the series ``filters`` selects."""
    lines = series_points(_whole_lines(filters), session=session)
    return [
        ComputedLine(dimensions, _within(filters, steps(points, transform)))
        for dimensions, points in lines
    ]


def computed_observations(
    filters: ObservationFilter,
    transform: Transform,
    *,
    session: Session,
    labels: Mapping[str, orjson.Fragment] | None = None,
) -> list[ObservationBody]:
    """``transform`` of the preferred observations ``filters`` selects, as observations: in
    the default order (indicator, dimensions, period), their dimensions labelled as
    :func:`app.queries.observations.observation_page` labels them."""
    whole = _whole_lines(filters)
    records: list[ObservationBody] = []
    after: ObservationKey | None = None
    while True:
        page, after = observation_page(
            whole, session=session, limit=_PAGE, after=after, labels=labels
        )
        records.extend(page)
        if after is None:
            break
    computed: list[ObservationBody] = []
    for line in _lines(records):
        by_period = {record["period"]: record for record in line}
        points = [(record["period"], float(record["value"])) for record in line]
        for step in _within(filters, steps(points, transform)):
            earlier, later = by_period[step.earlier[0]], by_period[step.later[0]]
            computed.append(_observation(step, transform, earlier, later))
    return computed


def _whole_lines(filters: ObservationFilter) -> ObservationFilter:
    """The same lines, every period of them, one value a period."""
    return dataclasses.replace(filters, start=None, end=None, last=None, all_vintages=False)


def _within(filters: ObservationFilter, computed: Sequence[Step]) -> list[Step]:
    kept = [step for step in computed if _in_range(step.period, filters.start, filters.end)]
    if filters.last is not None:
        kept = kept[-filters.last :]
    return kept


def _in_range(period: str, start: dt.date | None, end: dt.date | None) -> bool:
    first, last = period_bounds(period)
    return (start is None or first >= start) and (end is None or last <= end)


def _lines(records: Iterable[ObservationBody]) -> list[list[ObservationBody]]:
    """The records grouped by indicator and dimensions, in the order they come."""
    grouped: dict[tuple[str, bytes], list[ObservationBody]] = {}
    for record in records:
        grouped.setdefault((record["indicator"], orjson.dumps(record["dimensions"])), []).append(
            record
        )
    return list(grouped.values())


def _observation(
    step: Step, transform: Transform, earlier: ObservationBody, later: ObservationBody
) -> ObservationBody:
    inputs = [
        {
            "indicator": record["indicator"],
            "dimensions": record["dimensions"],
            "period": record["period"],
            "report": record["report"],
        }
        for record in (earlier, later)
    ]
    derivation = {
        "method": METHODS[transform],
        "formula": formula(step, transform),
        "inputs": inputs,
    }
    qualifiers = [record["qualifier"] for record in (earlier, later) if record["qualifier"]]
    credited = {earlier["attributed_to"], later["attributed_to"]}
    return {
        "indicator": later["indicator"],
        "period": later["period"],
        "period_start": later["period_start"],
        "period_end": later["period_end"],
        "value": plain_number(step.value),
        "unit": transformed_unit(later["unit"], transform),
        "dimensions": later["dimensions"],
        "dimension_labels": later["dimension_labels"],
        "report": later["report"],
        "status": "computed",
        "as_reported": None,
        "qualifier": qualifiers[0] if qualifiers else None,
        "attributed_to": credited.pop() if len(credited) == 1 else None,
        "derivation": orjson.Fragment(orjson.dumps(derivation)),
        "read_by": _read_by(earlier["read_by"], later["read_by"]),
        "notes": [*earlier["notes"], *later["notes"]],
        "citations": [*earlier["citations"], *later["citations"]],
    }


def _read_by(*ways: str) -> str:
    """How the citations of both inputs were read, together (as an observation's ``read_by``)."""
    return ways[0] if len(set(ways)) == 1 else "corrected"


def series_lines(computed: Sequence[ComputedLine]) -> list[Line]:
    """Computed lines as plain ``(dimensions, [(period, value), ...])`` lines, for CSV."""
    return [
        (line.dimensions, [(step.period, step.value) for step in line.steps]) for line in computed
    ]
