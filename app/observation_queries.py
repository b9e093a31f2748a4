"""Reads of observations: filters, the choice of one vintage, the N latest periods, keyset pages.

Observations come in the order indicator, dimensions key, period start, report edition, id. A
page ends at a key; the next starts strictly after it, so a page costs the same wherever it is
and walking the pages yields every observation once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    case,
    exists,
    func,
    literal,
    select,
    tuple_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.models import Indicator, Observation, ObservationDimension, Report


class bytewise(FunctionElement[str]):  # noqa: N801 - reads as the SQL it renders
    """A text column compared byte by byte, so both backends order keys alike (PostgreSQL's
    default collation would otherwise ignore punctuation such as the braces of ``{}``)."""

    type = String()
    inherit_cache = True


@compiles(bytewise)
def _bytewise_default(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(bytewise, "postgresql")
def _bytewise_postgresql(element: bytewise, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)}) COLLATE "C"'


@dataclass(frozen=True)
class ObservationKey:
    """Where an observation stands in the default order; a page ends at one."""

    indicator: str
    dimensions_key: str
    period_start: dt.date
    edition: int
    id: int


@dataclass(frozen=True)
class ObservationFilter:
    """Which observations to read. Every part is optional; all given parts must hold."""

    indicators: Sequence[str] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    report: str | None = None
    dimensions: Mapping[str, Sequence[str]] = field(default_factory=dict)
    all_vintages: bool = False
    last: int | None = None


@dataclass(frozen=True)
class ObservationRow:
    """An observation with what its wire form needs from elsewhere."""

    observation: Observation
    unit: str
    key: ObservationKey


def _status_rank(observation: type[Observation]) -> ColumnElement[int]:
    return case((observation.status == "reported", 1), else_=0)


def _is_preferred() -> ColumnElement[bool]:
    """No other report's value for the same indicator, dimensions and period is better: a
    reported value beats a derived one, then a later edition beats an earlier one."""
    other = aliased(Observation)
    other_report = aliased(Report)
    better = (
        select(literal(1))
        .select_from(other)
        .join(other_report, other_report.id == other.report_id)
        .where(
            other.indicator_code == Observation.indicator_code,
            other.dimensions_key == Observation.dimensions_key,
            other.period == Observation.period,
            tuple_(_status_rank(other), other_report.edition, other.report_id)
            > tuple_(_status_rank(Observation), Report.edition, Observation.report_id),
        )
    )
    return ~exists(better)


def _conditions(filters: ObservationFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.indicators:
        conditions.append(Observation.indicator_code.in_(filters.indicators))
    if filters.start is not None:
        conditions.append(Observation.period_end >= filters.start)
    if filters.end is not None:
        conditions.append(Observation.period_start <= filters.end)
    if filters.report is not None:
        conditions.append(Observation.report_id == filters.report)
    for name, values in filters.dimensions.items():
        conditions.append(
            exists().where(
                ObservationDimension.observation_id == Observation.id,
                ObservationDimension.name == name,
                ObservationDimension.value.in_(values),
            )
        )
    # Within one report each indicator, dimensions and period has one value already.
    if not filters.all_vintages and filters.report is None:
        conditions.append(_is_preferred())
    return conditions


def _candidates(filters: ObservationFilter) -> Subquery:
    """The ids and sort keys of the observations ``filters`` selects, before paging."""
    columns: list[ColumnElement[Any]] = [
        Observation.id.label("id"),
        bytewise(Observation.indicator_code).label("indicator"),
        bytewise(Observation.dimensions_key).label("dimensions_key"),
        Observation.period_start.label("period_start"),
        Report.edition.label("edition"),
    ]
    if filters.last is not None:
        recency = func.dense_rank().over(
            partition_by=(Observation.indicator_code, Observation.dimensions_key),
            order_by=(
                Observation.period_end.desc(),
                Observation.period_start.desc(),
                Observation.period.desc(),
            ),
        )
        columns.append(recency.label("recency"))
    statement = (
        select(*columns)
        .join(Report, Report.id == Observation.report_id)
        .where(*_conditions(filters))
    )
    return statement.subquery("candidates")


def _ordered(filters: ObservationFilter) -> tuple[Select[tuple[Observation, str]], Subquery]:
    candidates = _candidates(filters)
    statement = (
        select(Observation, Indicator.unit)
        .join(candidates, candidates.c.id == Observation.id)
        .join(Indicator, Indicator.code == Observation.indicator_code)
        .order_by(*_sort_columns(candidates))
    )
    if filters.last is not None:
        statement = statement.where(candidates.c.recency <= filters.last)
    return statement, candidates


def _sort_columns(candidates: Subquery) -> list[ColumnElement[Any]]:
    c = candidates.c
    return [c.indicator, c.dimensions_key, c.period_start, c.edition, c.id]


def _after(candidates: Subquery, key: ObservationKey) -> ColumnElement[bool]:
    bounds = (
        literal(key.indicator, String()),
        literal(key.dimensions_key, String()),
        literal(key.period_start, Date()),
        literal(key.edition, Integer()),
        literal(key.id, Integer()),
    )
    return tuple_(*_sort_columns(candidates)) > tuple_(*bounds)


def observation_page(
    filters: ObservationFilter,
    *,
    session: Session,
    limit: int,
    after: ObservationKey | None = None,
) -> tuple[list[ObservationRow], bool]:
    """Up to ``limit`` observations after ``after``, and whether more follow."""
    statement, candidates = _ordered(filters)
    statement = statement.add_columns(candidates.c.edition)
    if after is not None:
        statement = statement.where(_after(candidates, after))
    statement = statement.limit(limit + 1).options(
        selectinload(Observation.citations), selectinload(Observation.notes)
    )
    rows = [
        ObservationRow(
            observation=observation,
            unit=unit,
            key=ObservationKey(
                indicator=observation.indicator_code,
                dimensions_key=observation.dimensions_key,
                period_start=observation.period_start,
                edition=edition,
                id=observation.id,
            ),
        )
        for observation, unit, edition in session.execute(statement)
    ]
    return rows[:limit], len(rows) > limit


def series_points(
    filters: ObservationFilter, *, session: Session
) -> list[tuple[dict[str, str], list[tuple[str, float]]]]:
    """One vintage of each period, grouped by dimensions (the headline total first), each group
    in time order."""
    statement, _ = _ordered(filters)
    lines: dict[str, tuple[dict[str, str], list[tuple[str, float]]]] = {}
    for observation, _unit in session.execute(statement):
        _, points = lines.setdefault(observation.dimensions_key, (observation.dimensions, []))
        points.append((observation.period, observation.value))
    return [lines[key] for key in sorted(lines, key=lambda key: (key != "{}", key))]
