"""Reads of the catalogue: reports, sources, indicators and their coverage. Nothing here knows HTTP.

Every function takes the session as a keyword argument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from app.queries.memo import per_data_version
from app.store.models import DatasetVersion, Indicator, IndicatorSummary, Report, Source


def _read_dataset_version(session: Session) -> str | None:
    return session.scalar(select(DatasetVersion.version).order_by(DatasetVersion.id).limit(1))


# The catalogue's aggregates are computed once per data version (see app.queries.memo).
per_version = per_data_version(_read_dataset_version)


def list_reports(*, session: Session) -> Sequence[Report]:
    """Every report with its sources, oldest edition first."""
    statement = (
        select(Report)
        .options(selectinload(Report.sources).options(defer(Source.text)))
        .order_by(Report.edition, Report.id)
    )
    return session.scalars(statement).all()


def get_report(report_id: str, *, session: Session) -> Report | None:
    """One report with its sources."""
    statement = (
        select(Report)
        .where(Report.id == report_id)
        .options(selectinload(Report.sources).options(defer(Source.text)))
    )
    return session.scalar(statement)


def report_ids(*, session: Session) -> list[str]:
    """Every report id, for suggestions."""
    return list(session.scalars(select(Report.id).order_by(Report.id)))


def list_sources(*, session: Session, report: str | None = None) -> Sequence[Source]:
    """Sources without their texts, by report edition and id; only ``report``'s if given."""
    statement = (
        select(Source).join(Report).options(defer(Source.text)).order_by(Report.edition, Source.id)
    )
    if report is not None:
        statement = statement.where(Source.report_id == report)
    return session.scalars(statement).all()


def get_source(source_id: str, *, session: Session) -> Source | None:
    """One source without its text."""
    return session.scalar(select(Source).where(Source.id == source_id).options(defer(Source.text)))


def source_text(source_id: str, *, session: Session) -> str | None:
    """A source's text exactly as seeded, or None for an unknown source."""
    return session.scalar(select(Source.text).where(Source.id == source_id))


def source_ids(*, session: Session) -> list[str]:
    """Every source id, for suggestions."""
    return list(session.scalars(select(Source.id).order_by(Source.id)))


def list_indicators(
    *, session: Session, category: str | None = None, codes: Sequence[str] | None = None
) -> Sequence[Indicator]:
    """Catalogue entries: those of ``codes`` in their order if given, else all by code; only
    ``category``'s if given."""
    statement = select(Indicator)
    if category is not None:
        statement = statement.where(Indicator.category == category)
    if codes is None:
        return session.scalars(statement.order_by(Indicator.code)).all()
    found = {row.code: row for row in session.scalars(statement.where(Indicator.code.in_(codes)))}
    return [found[code] for code in codes if code in found]


def get_indicator(code: str, *, session: Session) -> Indicator | None:
    """One catalogue entry."""
    return session.get(Indicator, code)


def dataset_version(*, session: Session) -> DatasetVersion | None:
    """The version of the data served now, and when it was seeded; None before any seed."""
    return session.scalars(select(DatasetVersion).order_by(DatasetVersion.id).limit(1)).first()


@per_version
def indicator_codes(*, session: Session) -> list[str]:
    """Every indicator code, for suggestions."""
    return list(session.scalars(select(Indicator.code).order_by(Indicator.code)))


@per_version
def indicator_units(*, session: Session) -> dict[str, str]:
    """Every indicator's unit, by code."""
    return dict(session.execute(select(Indicator.code, Indicator.unit)).tuples().all())


@per_version
def dimension_names(*, session: Session, indicators: Sequence[str] = ()) -> list[str]:
    """The dimension names observations have: all of them, or those of ``indicators``."""
    if not indicators:
        return all_dimension_names(session=session)
    statement = select(IndicatorSummary.dimension_values).where(
        IndicatorSummary.indicator_code.in_(indicators)
    )
    return sorted({name for values in session.scalars(statement) for name in values})


@per_version
def all_dimension_names(*, session: Session) -> list[str]:
    """Every dimension name an observation has."""
    values = session.scalars(select(IndicatorSummary.dimension_values))
    return sorted({name for dimension_values in values for name in dimension_values})


@per_version
def all_dimension_values(*, session: Session) -> dict[str, list[str]]:
    """Every value each dimension has in some observation, by dimension name."""
    found: dict[str, set[str]] = {}
    for dimension_values in session.scalars(select(IndicatorSummary.dimension_values)):
        for name, values in dimension_values.items():
            found.setdefault(name, set()).update(values)
    return {name: sorted(values) for name, values in sorted(found.items())}


@dataclass
class Coverage:
    """How much of an indicator the data holds."""

    first_period: str | None = None
    last_period: str | None = None
    observations: int = 0
    reports: list[str] = field(default_factory=list)
    dimension_values: dict[str, list[str]] = field(default_factory=dict)


def coverage(*, session: Session, codes: Sequence[str]) -> dict[str, Coverage]:
    """The coverage of each of ``codes`` (an empty one for an indicator with no data), as the
    seed summarised it (see :mod:`app.seed.summaries`)."""
    result = {code: Coverage() for code in codes}
    if not codes:
        return result
    summaries = select(IndicatorSummary).where(IndicatorSummary.indicator_code.in_(codes))
    for summary in session.scalars(summaries):
        result[summary.indicator_code] = Coverage(
            first_period=summary.first_period,
            last_period=summary.last_period,
            observations=summary.observations,
            reports=list(summary.reports),
            dimension_values={
                name: list(values) for name, values in summary.dimension_values.items()
            },
        )
    return result
