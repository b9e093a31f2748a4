"""Reads of observations: filters, the choice of one vintage, the N latest periods, keyset pages.

Observations come in the order indicator, dimensions key, period start, report edition, id
(the text columns byte by byte on every database, see :mod:`app.store.models`), which two indexes
hold, for every vintage and for the preferred ones (see :mod:`app.seed.vintages`). A page ends at a
key; the next starts strictly after it, so a page costs the same wherever it is and walking
the pages yields every observation once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict, TypeVar

import orjson
from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    Text,
    bindparam,
    cast,
    func,
    select,
    tuple_,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.sql.elements import KeyedColumnElement

from app.queries.metadata import indicator_units, per_version
from app.store.models import Citation, IndicatorSummary, Note, Observation, Report

R = TypeVar("R")

# Statement shapes kept built (see _Shape): a handful are in use at any time.
_SHAPES = 256

# The tables' columns, not the ORM's attributes: these reads build no objects, and a Core
# statement skips the ORM's set-up on every execution and its row loading.
_observations = Observation.__table__.c
_citations = Citation.__table__.c
_notes = Note.__table__.c
_summaries = IndicatorSummary.__table__.c
_Columns = ReadOnlyColumnCollection[str, KeyedColumnElement[Any]]
_reports = Report.__table__.c


@dataclass(frozen=True)
class ObservationKey:
    """Where an observation stands in the default order; a page ends at one."""

    indicator: str
    dimensions_key: str
    period_start: dt.date
    edition: int
    id: int


# The value of a dimension filter that asks for no breakdown on it: `area=_total` is the
# national figures, not one area's; it is also what CSV writes where a row has no breakdown.
NO_BREAKDOWN = "_total"
# Dimensions that say what a value is measured against, not whose it is: a headline change
# keeps its `compared_with`.
_NOT_BREAKDOWNS = frozenset({"compared_with"})


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
    # Only the headline figures: no breakdown at all (a change keeps what it is measured from).
    total: bool = False
    # Only those added or revised by a release numbered above this (see app.seed.releases).
    changed_after: int | None = None


# A page is read straight into the wire's shape (app.web.schemas.Observation, Citation, Note):
# dicts with the same keys in the same order, which orjson encodes as they are. Reading the rows
# into records first and copying those into dicts cost a third more; a test holds every page to
# the models.
class CitationBody(TypedDict):
    """A quote that supports a value."""

    source: str
    quote: str
    start: int
    end: int
    as_reported: str
    read_by: str
    corrected: list[str]


class NoteBody(TypedDict):
    """What a source says about a value beyond it."""

    kind: str
    source: str
    quote: str
    start: int
    end: int


class ObservationBody(TypedDict):
    """An observation as the API sends it, with its unit, notes and citations.

    Its dimensions and derivation are the JSON text the database holds (the dimensions as their
    canonical key), sent on as they are, never decoded."""

    indicator: str
    period: str
    period_start: dt.date
    period_end: dt.date
    value: float | int
    unit: str
    dimensions: orjson.Fragment
    dimension_labels: orjson.Fragment
    report: str
    status: str
    as_reported: str | None
    qualifier: str | None
    attributed_to: str | None
    derivation: orjson.Fragment | None
    read_by: str
    notes: list[NoteBody]
    citations: list[CitationBody]


def citation_body(
    source: str,
    quote: str,
    start: int,
    end: int,
    as_reported: str,
    read_by: str,
    corrected: list[str] | None,
) -> CitationBody:
    """A citation row as the API sends it."""
    return {
        "source": source,
        "quote": quote,
        "start": start,
        "end": end,
        "as_reported": as_reported,
        "read_by": read_by,
        "corrected": corrected or [],
    }


def _note(kind: str, source: str, quote: str, start: int, end: int) -> NoteBody:
    return {"kind": kind, "source": source, "quote": quote, "start": start, "end": end}


def plain_number(value: float) -> float | int:
    """A value as the API writes it: a whole number without a trailing ``.0`` (``1108000000``,
    not ``1108000000.0``)."""
    return int(value) if value.is_integer() else value


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
    changed: bool = False

    @classmethod
    def of(cls, filters: ObservationFilter, *, after: bool = False) -> _Shape:
        return cls(
            changed=filters.changed_after is not None,
            indicators=bool(filters.indicators),
            start=filters.start is not None,
            end=filters.end is not None,
            report=filters.report is not None,
            dimensions=bool(filters.dimensions) or filters.total,
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
        "changed_after": filters.changed_after,
    }
    if filters.dimensions or filters.total:
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
    of keys, which the paging indexes serve (see :mod:`app.seed.summaries`)."""
    breakdowns = decoded_breakdowns(session=session)
    codes = filters.indicators or breakdowns.keys()
    wanted = filters.dimensions.items()
    return sorted(
        {
            key
            for code in codes
            for key, dimensions in breakdowns.get(code, ())
            if all(_holds(dimensions, name, values) for name, values in wanted)
            and (not filters.total or set(dimensions) <= _NOT_BREAKDOWNS)
        }
    )


def _holds(dimensions: Mapping[str, str], name: str, values: Sequence[str]) -> bool:
    """Whether a breakdown has one of ``values`` for ``name``, or none (``NO_BREAKDOWN``)."""
    if name not in dimensions:
        return NO_BREAKDOWN in values
    return dimensions[name] in values


@per_version
def decoded_breakdowns(*, session: Session) -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Every indicator's breakdowns, each key with the dimensions it spells.

    Read and decoded once per data version: a database of every province has thousands of
    keys, and a dimension filter needs them on every request. Indicators share their keys, so
    each is decoded once and its pair shared."""
    pairs: dict[str, tuple[str, dict[str, str]]] = {}

    def pair(key: str) -> tuple[str, dict[str, str]]:
        found = pairs.get(key)
        if found is None:
            found = pairs[key] = (key, json.loads(key))
        return found

    statement = select(_summaries.indicator_code, _summaries.breakdowns)
    return {
        code: [pair(key) for key in keys] for code, keys in session.connection().execute(statement)
    }


def _conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if shape.indicators:
        conditions.append(_observations.indicator_code.in_(bindparam("indicators", expanding=True)))
    if shape.start:
        conditions.append(_observations.period_end >= bindparam("start", type_=Date()))
    if shape.end:
        conditions.append(_observations.period_start <= bindparam("end", type_=Date()))
    if shape.report:
        report = bindparam("report", type_=String())
        # Its edition too, which the paging indexes hold: other reports' entries are passed
        # over in the index, without reading their rows.
        edition = select(_reports.edition).where(_reports.id == report).scalar_subquery()
        conditions += [_observations.edition == edition, _observations.report_id == report]
    if shape.dimensions:
        conditions.append(_observations.dimensions_key.in_(bindparam("breakdowns", expanding=True)))
    if shape.changed:
        conditions.append(_observations.changed_in > bindparam("changed_after", type_=Integer()))
    if shape.preferred:
        # The bare column, as the partial index's condition is written: SQLite uses a partial
        # index only for a query that repeats its condition.
        conditions.append(_observations.preferred)
    return conditions


def _candidates(shape: _Shape) -> Subquery:
    """The ids and sort keys of the observations of ``shape``, before paging."""
    columns: list[ColumnElement[Any]] = [
        _observations.id.label("id"),
        _observations.indicator_code.label("indicator"),
        _observations.dimensions_key.label("dimensions_key"),
        _observations.period_start.label("period_start"),
        _observations.edition.label("edition"),
    ]
    if shape.last:
        recency = func.dense_rank().over(
            partition_by=(_observations.indicator_code, _observations.dimensions_key),
            order_by=(
                _observations.period_end.desc(),
                _observations.period_start.desc(),
                _observations.period.desc(),
            ),
        )
        columns.append(recency.label("recency"))
    statement = select(*columns).where(*_conditions(shape))
    return statement.subquery("candidates")


# In the order observation_page unpacks them. The derivation is read as its text, not decoded.
_PAGE_COLUMNS = (
    _observations.id,
    _observations.indicator_code,
    _observations.dimensions_key,
    _observations.period,
    _observations.period_start,
    _observations.period_end,
    _observations.value,
    _observations.report_id,
    _observations.status,
    _observations.as_reported,
    _observations.qualifier,
    _observations.attributed_to,
    cast(_observations.derivation, Text),
    _observations.read_by,
)
# A line's dimensions are decoded once, from its key.
_SERIES_COLUMNS = (_observations.dimensions_key, _observations.period, _observations.value)


def _ordered(shape: _Shape, columns: Sequence[ColumnElement[Any]]) -> Select[Any]:
    """``columns`` of the observations of ``shape``, in the default order."""
    candidates = _candidates(shape)
    statement = select(*columns, candidates.c.edition).join(
        candidates, candidates.c.id == _observations.id
    )
    return _in_order(statement, shape, candidates)


def _in_order(statement: Select[Any], shape: _Shape, candidates: Subquery) -> Select[Any]:
    """``statement`` over ``candidates``, kept to the N latest periods and to the keys after
    the previous page's where ``shape`` says so, in the default order."""
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
    return statement.order_by(*_sort_columns(candidates))


def _sort_columns(candidates: Subquery) -> list[ColumnElement[Any]]:
    c = candidates.c
    return [c.indicator, c.dimensions_key, c.period_start, c.edition, c.id]


@functools.lru_cache(maxsize=_SHAPES)
def _page_statement(shape: _Shape) -> Select[Any]:
    return _ordered(shape, _PAGE_COLUMNS).limit(bindparam("limit", type_=Integer()))


@functools.lru_cache(maxsize=_SHAPES)
def _series_statement(shape: _Shape) -> Select[Any]:
    return _ordered(shape, _SERIES_COLUMNS)


@functools.lru_cache(maxsize=_SHAPES)
def _vintages_statement(shape: _Shape) -> Select[Any]:
    return _ordered(shape, (*_SERIES_COLUMNS, _observations.report_id))


def _page_ids(shape: _Shape) -> Select[Any]:
    """The ids of a page of ``shape``, with the same parameters as its rows.

    A page's citations and notes are read for these, not for its ids bound one by one: a
    statement with a hundred parameters is rendered and parsed again on every execution
    (psycopg keeps no long query), and walking the page's index entries again costs less."""
    candidates = _candidates(shape)
    statement = _in_order(select(candidates.c.id), shape, candidates)
    return statement.limit(bindparam("limit", type_=Integer()))


def _of_page(shape: _Shape, table: _Columns, *columns: str) -> Select[Any]:
    """``columns`` of the rows of ``table`` (citations or notes) that belong to a page of
    ``shape``, after their observation's id, in the order they were written."""
    return (
        select(table.observation_id, *(table[name] for name in columns))
        .where(table.observation_id.in_(_page_ids(shape)))
        .order_by(table.observation_id, table.id)
    )


# After the observation's id, the columns of these two are the arguments of citation_body and
# _note, in that order.
@functools.lru_cache(maxsize=_SHAPES)
def _citations_statement(shape: _Shape) -> Select[Any]:
    return _of_page(
        shape,
        _citations,
        "source_id",
        "quote",
        "start_offset",
        "end_offset",
        "as_reported",
        "read_by",
        "corrected",
    )


@functools.lru_cache(maxsize=_SHAPES)
def _notes_statement(shape: _Shape) -> Select[Any]:
    return _of_page(shape, _notes, "kind", "source_id", "quote", "start_offset", "end_offset")


def observation_page(
    filters: ObservationFilter,
    *,
    session: Session,
    limit: int,
    after: ObservationKey | None = None,
    labels: Mapping[str, orjson.Fragment] | None = None,
) -> tuple[list[ObservationBody], ObservationKey | None]:
    """Up to ``limit`` observations after ``after``, and the key the next page starts after
    (``None`` on the last page). Each observation's dimension labels are ``labels``' entry
    for its dimensions key (see :func:`app.queries.labels.breakdown_labels`), else its values.

    Three queries: the page's rows (columns, not ORM objects: nothing here is changed), then
    the citations and the notes of all of them."""
    shape = _Shape.of(filters, after=after is not None)
    parameters = _parameters(filters, session=session, after=after)
    connection = session.connection()
    rows = connection.execute(_page_statement(shape), parameters | {"limit": limit + 1}).all()
    more = len(rows) > limit
    rows = rows[:limit]
    parameters["limit"] = limit
    citations: dict[int, list[CitationBody]] = {}
    notes: dict[int, list[NoteBody]] = {}
    if rows:
        citations = _by_observation(
            _citations_statement(shape), parameters, citation_body, connection=connection
        )
        notes = _by_observation(_notes_statement(shape), parameters, _note, connection=connection)
    # From the catalogue, kept per data version: joining the indicators instead made
    # PostgreSQL compare each row with every indicator before the one it names.
    units = indicator_units(session=session)
    labelled = labels or {}
    records: list[ObservationBody] = [
        {
            "indicator": indicator,
            "period": period,
            "period_start": period_start,
            "period_end": period_end,
            "value": plain_number(value),
            "unit": units[indicator],
            "dimensions": orjson.Fragment(dimensions_key),
            "dimension_labels": labelled.get(dimensions_key) or orjson.Fragment(dimensions_key),
            "report": report,
            "status": status,
            "as_reported": as_reported,
            "qualifier": qualifier,
            "attributed_to": attributed_to,
            "derivation": None if derivation is None else orjson.Fragment(derivation),
            "read_by": read_by,
            "notes": notes.get(id_, []),
            "citations": citations.get(id_, []),
        }
        for (
            id_,
            indicator,
            dimensions_key,
            period,
            period_start,
            period_end,
            value,
            report,
            status,
            as_reported,
            qualifier,
            attributed_to,
            derivation,
            read_by,
            _edition,
        ) in rows
    ]
    if not more:
        return records, None
    id_, indicator, dimensions_key, _period, period_start, *_, edition = rows[-1]
    return records, ObservationKey(indicator, dimensions_key, period_start, edition, id_)


def _by_observation(
    statement: Select[Any],
    parameters: dict[str, Any],
    record: Callable[..., R],
    *,
    connection: Connection,
) -> dict[int, list[R]]:
    """The rows of ``statement`` (the observation's id, then a record's fields in order) as
    records, grouped by observation."""
    found: dict[int, list[R]] = {}
    for owner, *fields in connection.execute(statement, parameters).all():
        found.setdefault(owner, []).append(record(*fields))
    return found


def series_points(
    filters: ObservationFilter, *, session: Session
) -> list[tuple[dict[str, str], list[tuple[str, float]]]]:
    """One vintage of each period, grouped by dimensions (the headline total first), each group
    in time order."""
    statement = _series_statement(_Shape.of(filters))
    lines: dict[str, list[tuple[str, float]]] = {}
    rows = session.connection().execute(statement, _parameters(filters, session=session)).all()
    for key, period, value, _edition in rows:
        lines.setdefault(key, []).append((period, value))
    return [
        (json.loads(key), lines[key]) for key in sorted(lines, key=lambda key: (key != "{}", key))
    ]


Breakdown = tuple[tuple[str, str], ...]


def breakdown_of(dimensions: Mapping[str, str]) -> Breakdown:
    """Dimensions as a key that does not depend on their order."""
    return tuple(sorted(dimensions.items()))


def series_vintages(
    filters: ObservationFilter, *, session: Session
) -> dict[Breakdown, list[tuple[str, float, str]]]:
    """Every report's value of each period, ``(period, value, report)``, by breakdown, each
    line in time order and then by edition."""
    every = replace(filters, all_vintages=True)
    statement = _vintages_statement(_Shape.of(every))
    lines: dict[Breakdown, list[tuple[str, float, str]]] = {}
    rows = session.connection().execute(statement, _parameters(every, session=session)).all()
    for key, period, value, report, _edition in rows:
        lines.setdefault(breakdown_of(json.loads(key)), []).append((period, value, report))
    return lines
