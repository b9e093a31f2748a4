"""Reads of observations: filters, the choice of one vintage, the N latest periods, keyset pages.

Observations come in the order indicator, dimensions key, period start, report edition, id
(the text columns byte by byte on every database, see :mod:`app.models`), which two indexes
hold, for every vintage and for the preferred ones (see :mod:`app.vintages`). A page ends at a
key; the next starts strictly after it, so a page costs the same wherever it is and walking
the pages yields every observation once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
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
    bindparam,
    func,
    select,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import Citation, Indicator, IndicatorSummary, Note, Observation

# Statement shapes kept built (see _Shape): a handful are in use at any time.
_SHAPES = 256


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


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """A quote that supports a value."""

    source: str
    quote: str
    start: int
    end: int
    as_reported: str


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """What a source says about a value beyond it."""

    kind: str
    source: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """An observation as read, with its unit, citations and notes, and its place in the order."""

    indicator: str
    period: str
    period_start: dt.date
    period_end: dt.date
    value: float
    unit: str
    dimensions: dict[str, str]
    report: str
    status: str
    as_reported: str | None
    qualifier: str | None
    attributed_to: str | None
    derivation: dict[str, Any] | None
    notes: list[NoteRecord]
    citations: list[CitationRecord]
    key: ObservationKey


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a statement's SQL depends on; the values themselves are bound parameters, so one
    statement per shape is built, and its cache key computed, once per process."""

    indicators: bool
    start: bool
    end: bool
    report: bool
    dimensions: bool
    preferred: bool
    last: bool
    after: bool = False

    @classmethod
    def of(cls, filters: ObservationFilter, *, after: bool = False) -> _Shape:
        return cls(
            indicators=bool(filters.indicators),
            start=filters.start is not None,
            end=filters.end is not None,
            report=filters.report is not None,
            dimensions=bool(filters.dimensions),
            # Within one report each indicator, dimensions and period has one value already.
            preferred=not filters.all_vintages and filters.report is None,
            last=filters.last is not None,
            after=after,
        )


def _parameters(
    filters: ObservationFilter, *, session: Session, after: ObservationKey | None = None
) -> dict[str, Any]:
    """The values of the parameters a statement of ``filters``'s shape binds."""
    values: dict[str, Any] = {
        "indicators": list(filters.indicators),
        "start": filters.start,
        "end": filters.end,
        "report": filters.report,
        "last": filters.last,
    }
    if filters.dimensions:
        values["breakdowns"] = breakdowns_matching(filters, session=session)
    if after is not None:
        values |= {
            "after_indicator": after.indicator,
            "after_dimensions_key": after.dimensions_key,
            "after_period_start": after.period_start,
            "after_edition": after.edition,
            "after_id": after.id,
        }
    return values


def breakdowns_matching(filters: ObservationFilter, *, session: Session) -> list[str]:
    """The dimensions keys, among the breakdowns the indicators asked for have (all of them
    when none is named), whose dimensions hold every filter: a dimension filter read as a list
    of keys, which the paging indexes serve (see :mod:`app.summaries`)."""
    statement = select(IndicatorSummary.breakdowns)
    if filters.indicators:
        statement = statement.where(IndicatorSummary.indicator_code.in_(filters.indicators))
    keys = {key for breakdowns in session.scalars(statement) for key in breakdowns}
    return sorted(
        key
        for key in keys
        if all(json.loads(key).get(name) in wanted for name, wanted in filters.dimensions.items())
    )


def _conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if shape.indicators:
        conditions.append(Observation.indicator_code.in_(bindparam("indicators", expanding=True)))
    if shape.start:
        conditions.append(Observation.period_end >= bindparam("start", type_=Date()))
    if shape.end:
        conditions.append(Observation.period_start <= bindparam("end", type_=Date()))
    if shape.report:
        conditions.append(Observation.report_id == bindparam("report", type_=String()))
    if shape.dimensions:
        conditions.append(Observation.dimensions_key.in_(bindparam("breakdowns", expanding=True)))
    if shape.preferred:
        # The bare column, as the partial index's condition is written: SQLite uses a partial
        # index only for a query that repeats its condition.
        conditions.append(Observation.preferred.expression)
    return conditions


def _candidates(shape: _Shape) -> Subquery:
    """The ids and sort keys of the observations of ``shape``, before paging."""
    columns: list[ColumnElement[Any]] = [
        Observation.id.label("id"),
        Observation.indicator_code.label("indicator"),
        Observation.dimensions_key.label("dimensions_key"),
        Observation.period_start.label("period_start"),
        Observation.edition.label("edition"),
    ]
    if shape.last:
        recency = func.dense_rank().over(
            partition_by=(Observation.indicator_code, Observation.dimensions_key),
            order_by=(
                Observation.period_end.desc(),
                Observation.period_start.desc(),
                Observation.period.desc(),
            ),
        )
        columns.append(recency.label("recency"))
    statement = select(*columns).where(*_conditions(shape))
    return statement.subquery("candidates")


_PAGE_COLUMNS = (
    Observation.id,
    Observation.indicator_code,
    Observation.dimensions,
    Observation.dimensions_key,
    Observation.period,
    Observation.period_start,
    Observation.period_end,
    Observation.value,
    Observation.report_id,
    Observation.status,
    Observation.as_reported,
    Observation.qualifier,
    Observation.attributed_to,
    Observation.derivation,
    Indicator.unit,
)
_SERIES_COLUMNS = (
    Observation.dimensions_key,
    Observation.dimensions,
    Observation.period,
    Observation.value,
)


def _ordered(shape: _Shape, columns: Sequence[InstrumentedAttribute[Any]]) -> Select[Any]:
    """``columns`` of the observations of ``shape``, in the default order."""
    candidates = _candidates(shape)
    statement = (
        select(*columns, candidates.c.edition)
        .join(candidates, candidates.c.id == Observation.id)
        .join(Indicator, Indicator.code == Observation.indicator_code)
        .order_by(*_sort_columns(candidates))
    )
    if shape.last:
        statement = statement.where(candidates.c.recency <= bindparam("last", type_=Integer()))
    if shape.after:
        bounds = (
            bindparam("after_indicator", type_=String()),
            bindparam("after_dimensions_key", type_=String()),
            bindparam("after_period_start", type_=Date()),
            bindparam("after_edition", type_=Integer()),
            bindparam("after_id", type_=Integer()),
        )
        statement = statement.where(tuple_(*_sort_columns(candidates)) > tuple_(*bounds))
    return statement


def _sort_columns(candidates: Subquery) -> list[ColumnElement[Any]]:
    c = candidates.c
    return [c.indicator, c.dimensions_key, c.period_start, c.edition, c.id]


@functools.lru_cache(maxsize=_SHAPES)
def _page_statement(shape: _Shape) -> Select[Any]:
    return _ordered(shape, _PAGE_COLUMNS).limit(bindparam("limit", type_=Integer()))


@functools.lru_cache(maxsize=_SHAPES)
def _series_statement(shape: _Shape) -> Select[Any]:
    return _ordered(shape, _SERIES_COLUMNS)


_CITATIONS = (
    select(
        Citation.observation_id,
        Citation.source_id,
        Citation.quote,
        Citation.start,
        Citation.end,
        Citation.as_reported,
    )
    .where(Citation.observation_id.in_(bindparam("ids", expanding=True)))
    .order_by(Citation.observation_id, Citation.id)
)
_NOTES = (
    select(Note.observation_id, Note.kind, Note.source_id, Note.quote, Note.start, Note.end)
    .where(Note.observation_id.in_(bindparam("ids", expanding=True)))
    .order_by(Note.observation_id, Note.id)
)


def observation_page(
    filters: ObservationFilter,
    *,
    session: Session,
    limit: int,
    after: ObservationKey | None = None,
) -> tuple[list[ObservationRecord], bool]:
    """Up to ``limit`` observations after ``after``, and whether more follow.

    Three queries: the page's rows (columns, not ORM objects: nothing here is changed), then
    the citations and the notes of all of them."""
    statement = _page_statement(_Shape.of(filters, after=after is not None))
    parameters = _parameters(filters, session=session, after=after) | {"limit": limit + 1}
    rows = session.execute(statement, parameters).all()
    more = len(rows) > limit
    rows = rows[:limit]
    ids = [row.id for row in rows]
    citations = _citations_of(ids, session=session)
    notes = _notes_of(ids, session=session)
    records = [
        ObservationRecord(
            indicator=row.indicator_code,
            period=row.period,
            period_start=row.period_start,
            period_end=row.period_end,
            value=row.value,
            unit=row.unit,
            dimensions=row.dimensions,
            report=row.report_id,
            status=row.status,
            as_reported=row.as_reported,
            qualifier=row.qualifier,
            attributed_to=row.attributed_to,
            derivation=row.derivation,
            notes=notes.get(row.id, []),
            citations=citations.get(row.id, []),
            key=ObservationKey(
                indicator=row.indicator_code,
                dimensions_key=row.dimensions_key,
                period_start=row.period_start,
                edition=row.edition,
                id=row.id,
            ),
        )
        for row in rows
    ]
    return records, more


def _citations_of(ids: Sequence[int], *, session: Session) -> dict[int, list[CitationRecord]]:
    found: dict[int, list[CitationRecord]] = {}
    if ids:
        for owner, source, quote, start, end, as_reported in session.execute(
            _CITATIONS, {"ids": ids}
        ):
            found.setdefault(owner, []).append(
                CitationRecord(source, quote, start, end, as_reported)
            )
    return found


def _notes_of(ids: Sequence[int], *, session: Session) -> dict[int, list[NoteRecord]]:
    found: dict[int, list[NoteRecord]] = {}
    if ids:
        for owner, kind, source, quote, start, end in session.execute(_NOTES, {"ids": ids}):
            found.setdefault(owner, []).append(NoteRecord(kind, source, quote, start, end))
    return found


def series_points(
    filters: ObservationFilter, *, session: Session
) -> list[tuple[dict[str, str], list[tuple[str, float]]]]:
    """One vintage of each period, grouped by dimensions (the headline total first), each group
    in time order."""
    statement = _series_statement(_Shape.of(filters))
    lines: dict[str, tuple[dict[str, str], list[tuple[str, float]]]] = {}
    for key, dimensions, period, value, _edition in session.execute(
        statement, _parameters(filters, session=session)
    ):
        _, points = lines.setdefault(key, (dimensions, []))
        points.append((period, value))
    return [lines[key] for key in sorted(lines, key=lambda key: (key != "{}", key))]
