"""What each indicator's data covers, summarised once when the data is written.

The catalogue shows, for every indicator, how many observations it has, its first and last
periods, the reports that gave them and the values of each of its dimensions; a dimension
filter needs the breakdowns (dimensions keys) it has. Computed on
request these scan every observation of the indicators asked for (seconds on millions of rows);
the data changes only when it is written, so they are computed then, into
``indicator_summaries``, and read by key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.store.models import IndicatorSummary, Observation, ObservationDimension, Report


def summarise(session: Session) -> None:
    """Write the summary of every indicator that has observations (after any write)."""
    session.execute(delete(IndicatorSummary))
    summaries: dict[str, IndicatorSummary] = {}
    for code, count in session.execute(
        select(Observation.indicator_code, func.count()).group_by(Observation.indicator_code)
    ):
        summaries[code] = IndicatorSummary(
            indicator_code=code,
            observations=count,
            reports=[],
            dimension_values={},
            breakdowns=[],
        )

    spans: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    periods = select(
        Observation.indicator_code,
        Observation.period_start,
        Observation.period_end,
        Observation.period,
    ).distinct()
    for code, start, end, period in session.execute(periods):
        spans[code].append((start, end, period))
    for code, found in spans.items():
        summaries[code].first_period = min(found)[2]
        summaries[code].last_period = max(found, key=lambda span: (span[1], span[0], span[2]))[2]

    reports = (
        select(Observation.indicator_code, Report.id, Report.edition)
        .join(Report, Report.id == Observation.report_id)
        .distinct()
    )
    for code, report_id, _edition in sorted(session.execute(reports), key=lambda row: row[2]):
        summaries[code].reports.append(report_id)

    dimensions = (
        select(Observation.indicator_code, ObservationDimension.name, ObservationDimension.value)
        .join(ObservationDimension, ObservationDimension.observation_id == Observation.id)
        .distinct()
    )
    for code, name, value in sorted(session.execute(dimensions), key=tuple):
        summaries[code].dimension_values.setdefault(name, []).append(value)
    breakdowns = select(Observation.indicator_code, Observation.dimensions_key).distinct()
    for code, key in sorted(session.execute(breakdowns), key=tuple):
        summaries[code].breakdowns.append(key)
    session.add_all(summaries.values())
    session.flush()
