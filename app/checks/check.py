"""A claim checked against the data: read, compared with the observations that could be its
figure, and answered with the matches' citations or the closest observations.

The catalogue a claim is read with, and the day the latest report was published, are loaded
once per data version (app.queries.memo): a check then costs the reading of one short text
and three bounded reads (app.queries.figures), plus one for the citations shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from app.checks.compare import Compared, Outcome, judge, same_breakdown
from app.checks.reading import ClaimReader, ClaimReading, NamedIndicator
from app.extract.levels import fits
from app.periods import bound_days, period_bounds
from app.queries.figures import (
    StoredFigure,
    citations_of,
    indicator_names,
    latest_publication,
    nearest_figures,
)
from app.queries.metadata import indicator_units, per_version
from app.queries.observations import CitationBody, decoded_breakdowns
from app.sources.catalogue import load_catalogue
from app.sources.inputs import CATALOGUE_FILE

# How many observations each read brings to be compared: the nearest in value.
_NEAREST = 12
# How many guessed indicators a reading lists.
_GUESSES = 5


@dataclass(frozen=True)
class Check:
    """What a check found: the reading, the period it gives its first indicator, the verdict
    with the observations behind it, their citations by observation id, and the names and
    unit of each indicator."""

    reading: ClaimReading
    period: str | None
    outcome: Outcome
    citations: dict[int, list[CitationBody]]
    names: dict[str, tuple[str, str]]
    units: dict[str, str]


@per_version
def claim_reader(*, session: Session, seeds_dir: Path) -> ClaimReader:
    """The reader of claims for the data served now: the catalogue of ``seeds_dir``, and the
    day the latest report was published (today, before any seed)."""
    published = latest_publication(session=session)
    day = bound_days(published)[1] if published else dt.date.today()
    return ClaimReader(load_catalogue(seeds_dir / CATALOGUE_FILE), day)


def check_claim(claim: str, *, session: Session, seeds_dir: Path) -> Check:
    """Read ``claim`` and hold its figure against the data."""
    reader = claim_reader(session=session, seeds_dir=seeds_dir)
    reading = reader.read(claim)
    units = indicator_units(session=session)
    names = indicator_names(session=session)
    if reading.figure is None:
        period = reading.period.period if reading.period else None
        return Check(reading, period, Outcome("unreadable", [], []), {}, names, units)
    named = reading.read_as != "value"
    if named:
        codes = [indicator.code for indicator in reading.indicators if indicator.code in units]
    else:
        codes = sorted(code for code, unit in units.items() if fits(reading.figure.unit, unit))
    figures = _candidates(reader, reading, codes, session=session)
    order = {code: index for index, code in enumerate(codes if named else [])}
    outcome = judge(
        reading.figure,
        reading.dimensions,
        figures,
        period_for=lambda code: reader.period_for(reading, code),
        order=order,
        named=named,
    )
    shown = [*outcome.matches, *outcome.closest]
    if not named:
        reading = _with_guesses(reading, shown)
    citations = citations_of([item.figure.id for item in shown], session=session)
    first = reading.indicators[0].code if reading.indicators else None
    period = reader.period_for(reading, first) if first else None
    if period is None and reading.period is not None:
        period = reading.period.period
    return Check(reading, period, outcome, citations, names, units)


def _candidates(
    reader: ClaimReader, reading: ClaimReading, codes: list[str], *, session: Session
) -> list[StoredFigure]:
    """The observations that could be the claim's figure, or come closest: of its period and
    breakdown (every vintage), then the nearest in value of its breakdown in any period, and
    of any breakdown in its period (any period, when it gives none)."""
    assert reading.figure is not None
    value = float(reading.figure.value)
    periods = [
        (period, period_bounds(period)[0])
        for code in codes
        if (period := reader.period_for(reading, code)) is not None
    ]
    wanted = set(codes)
    breakdowns = sorted(
        {
            key
            for code, pairs in decoded_breakdowns(session=session).items()
            if code in wanted
            for key, dimensions in pairs
            if same_breakdown(reading.dimensions, dimensions)
        }
    )
    found: list[StoredFigure] = []

    def read(*, periods: list[tuple[str, dt.date]], breakdowns: list[str]) -> None:
        found.extend(
            nearest_figures(
                session=session,
                indicators=codes,
                value=value,
                limit=_NEAREST,
                periods=periods,
                breakdowns=breakdowns,
            )
        )

    if periods and breakdowns:
        read(periods=periods, breakdowns=breakdowns)
    if breakdowns:
        read(periods=[], breakdowns=breakdowns)
    read(periods=periods, breakdowns=[])
    return found


def _with_guesses(reading: ClaimReading, shown: list[Compared]) -> ClaimReading:
    """``reading`` with the indicators of the observations shown, as guessed (no phrase)."""
    guessed = list(dict.fromkeys(item.figure.indicator for item in shown))[:_GUESSES]
    return replace(reading, indicators=tuple(NamedIndicator(code, None) for code in guessed))
