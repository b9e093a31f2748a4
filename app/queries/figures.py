"""Reads for checking a figure: the observations nearest a value, and their citations.

A check compares one figure with the observations that could be it. Each read here is bounded
and follows an index: the observations of a few indicators for one period (the index on
indicator and period start), or of a few indicators and breakdowns (the paging index), the
nearest in value first. Only the observations a check shows have their citations read.
Every order ends on the observation's id, so the same data gives the same rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Float, Integer, Select, String, bindparam, func, select
from sqlalchemy.orm import Session

from app.queries.metadata import per_version
from app.queries.observations import CitationBody, citation_body
from app.store.models import Citation, Indicator, Observation, Report

_observations = Observation.__table__.c
_citations = Citation.__table__.c


@dataclass(frozen=True, slots=True)
class StoredFigure:
    """One observation as a check compares it."""

    id: int
    indicator: str
    dimensions: dict[str, str]
    dimensions_key: str
    period: str
    value: float
    report: str
    edition: int
    status: str
    preferred: bool
    as_reported: str | None
    qualifier: str | None
    attributed_to: str | None


_COLUMNS = (
    _observations.id,
    _observations.indicator_code,
    _observations.dimensions_key,
    _observations.period,
    _observations.value,
    _observations.report_id,
    _observations.edition,
    _observations.status,
    _observations.preferred,
    _observations.as_reported,
    _observations.qualifier,
    _observations.attributed_to,
)


@functools.lru_cache(maxsize=8)
def _nearest_statement(*, periods: bool, breakdowns: bool) -> Select[Any]:
    """The statement of :func:`nearest_figures` for the filters present (values bound)."""
    distance = func.abs(_observations.value - bindparam("value", type_=Float()))
    statement = select(*_COLUMNS).where(
        _observations.indicator_code.in_(bindparam("indicators", expanding=True))
    )
    if periods:
        statement = statement.where(
            _observations.period_start.in_(bindparam("starts", expanding=True, type_=Date())),
            _observations.period.in_(bindparam("periods", expanding=True, type_=String())),
        )
    if breakdowns:
        statement = statement.where(
            _observations.dimensions_key.in_(bindparam("breakdowns", expanding=True))
        )
    return statement.order_by(
        distance,
        _observations.indicator_code,
        _observations.dimensions_key,
        _observations.period_start,
        _observations.edition.desc(),
        _observations.id,
    ).limit(bindparam("limit", type_=Integer()))


def nearest_figures(
    *,
    session: Session,
    indicators: Sequence[str],
    value: float,
    limit: int,
    periods: Sequence[tuple[str, dt.date]] = (),
    breakdowns: Sequence[str] = (),
) -> list[StoredFigure]:
    """Up to ``limit`` observations of ``indicators`` (every vintage), the nearest to
    ``value`` first; only those of ``periods`` (each with its first day) and of
    ``breakdowns`` (dimensions keys), when given."""
    if not indicators:
        return []
    statement = _nearest_statement(periods=bool(periods), breakdowns=bool(breakdowns))
    parameters: dict[str, Any] = {"indicators": list(indicators), "value": value, "limit": limit}
    if periods:
        parameters["periods"] = sorted({period for period, _ in periods})
        parameters["starts"] = sorted({start for _, start in periods})
    if breakdowns:
        parameters["breakdowns"] = list(breakdowns)
    rows = session.connection().execute(statement, parameters).all()
    return [
        StoredFigure(
            id=id_,
            indicator=indicator,
            dimensions=json.loads(key),
            dimensions_key=key,
            period=period,
            value=value_,
            report=report,
            edition=edition,
            status=status,
            preferred=bool(preferred),
            as_reported=as_reported,
            qualifier=qualifier,
            attributed_to=attributed_to,
        )
        for (
            id_,
            indicator,
            key,
            period,
            value_,
            report,
            edition,
            status,
            preferred,
            as_reported,
            qualifier,
            attributed_to,
        ) in rows
    ]


_CITATIONS = (
    select(
        _citations.observation_id,
        _citations.source_id,
        _citations.quote,
        _citations.start_offset,
        _citations.end_offset,
        _citations.as_reported,
        _citations.read_by,
        _citations.corrected,
    )
    .where(_citations.observation_id.in_(bindparam("ids", expanding=True)))
    .order_by(_citations.observation_id, _citations.id)
)


def citations_of(ids: Sequence[int], *, session: Session) -> dict[int, list[CitationBody]]:
    """The citations of each observation of ``ids``, in the order they were written."""
    if not ids:
        return {}
    found: dict[int, list[CitationBody]] = {}
    rows = session.connection().execute(_CITATIONS, {"ids": list(ids)})
    for owner, *fields in rows:
        found.setdefault(owner, []).append(citation_body(*fields))
    return found


def latest_publication(*, session: Session) -> str | None:
    """When the latest report was published (ISO 8601, as precise as known); None before any
    seed."""
    statement = select(Report.published).order_by(Report.edition.desc(), Report.id).limit(1)
    return session.scalar(statement)


@per_version
def indicator_names(*, session: Session) -> dict[str, tuple[str, str]]:
    """Every indicator's English and Chinese names, by code."""
    rows = session.execute(select(Indicator.code, Indicator.name, Indicator.name_zh)).tuples()
    return {code: (name, name_zh) for code, name, name_zh in rows}
