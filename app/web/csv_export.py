"""Observations as CSV: one row each, one column per dimension, readable by pandas as it is."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

import orjson

from app.periods import period_bounds
from app.queries.observations import NO_BREAKDOWN, ObservationBody

_BEFORE_DIMENSIONS = ["indicator"]
_AFTER_DIMENSIONS = [
    "period",
    "period_start",
    "period_end",
    "value",
    "unit",
    "report",
    "status",
    "as_reported",
    "qualifier",
    "attributed_to",
    "sources",
]


def _dimension_column(name: str) -> str:
    """A dimension's column: its name, unless that is already a fixed column's."""
    fixed = {*_BEFORE_DIMENSIONS, *_AFTER_DIMENSIONS}
    return f"dimension_{name}" if name in fixed else name


def csv_header(dimension_names: Sequence[str]) -> list[str]:
    """The columns, the same on every page of one query."""
    dimensions = [_dimension_column(name) for name in dimension_names]
    return [*_BEFORE_DIMENSIONS, *dimensions, *_AFTER_DIMENSIONS]


def observations_csv(
    observations: Sequence[ObservationBody], dimension_names: Sequence[str]
) -> str:
    """The header line and one line per observation (see :func:`csv_rows`)."""
    return csv_line(csv_header(dimension_names)) + csv_rows(observations, dimension_names)


def csv_line(fields: Sequence[str]) -> str:
    """One CSV line, quoted where a field needs it."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def csv_rows(observations: Sequence[ObservationBody], dimension_names: Sequence[str]) -> str:
    """One line per observation. A dimension an observation is not broken
    down by is written `_total` (the same word that asks for it: `area=_total`), never an empty
    cell a reader would take for missing data; `sources` lists the cited sources' ids,
    separated by `;`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for item in observations:
        # The dimensions travel as JSON text for the JSON page; a Fragment dumps to its text.
        breakdown = orjson.loads(orjson.dumps(item["dimensions"]))
        writer.writerow(
            [
                item["indicator"],
                *(breakdown.get(name, NO_BREAKDOWN) for name in dimension_names),
                item["period"],
                item["period_start"].isoformat(),
                item["period_end"].isoformat(),
                item["value"],
                item["unit"],
                item["report"],
                item["status"],
                item["as_reported"] or "",
                item["qualifier"] or "",
                item["attributed_to"] or "",
                ";".join(dict.fromkeys(citation["source"] for citation in item["citations"])),
            ]
        )
    return buffer.getvalue()


SeriesLines = Sequence[tuple[dict[str, str], Sequence[tuple[str, float]]]]
Vintages = Sequence[Sequence[tuple[str, float, str]]]


def series_csv(lines: SeriesLines) -> str:
    """A chart's series as a spreadsheet reads them: one row per period (in time order), one
    column per line, named by its breakdown (`area=rural`, several joined by `;`; `_total`
    for the headline); a cell is empty where that line has no value for that period."""
    values = [dict(points) for _, points in lines]
    text = csv_line(["period", *_line_names(lines)])
    for period in _in_time_order({period for points in values for period in points}):
        text += csv_line([period, *(_plain(line.get(period)) for line in values)])
    return text


def series_vintages_csv(lines: SeriesLines, vintages: Vintages) -> str:
    """Every report's value of the series: one row per period and report (in time order, then
    by report), one column per line as in :func:`series_csv`; ``vintages`` holds each line's
    ``(period, value, report)`` triples, in the order of ``lines``."""
    cells = [{(period, report): value for period, value, report in line} for line in vintages]
    rows = sorted(
        {row for line in cells for row in line},
        key=lambda row: (period_bounds(row[0]), _natural(row[1])),
    )
    text = csv_line(["period", "report", *_line_names(lines)])
    for period, report in rows:
        text += csv_line([period, report, *(_plain(line.get((period, report))) for line in cells)])
    return text


def _line_names(lines: SeriesLines) -> list[str]:
    return [
        ";".join(f"{name}={value}" for name, value in sorted(dimensions.items())) or NO_BREAKDOWN
        for dimensions, _ in lines
    ]


def _natural(name: str) -> tuple[str | int, ...]:
    """A sort key that puts ``cnnic-9`` before ``cnnic-10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"([0-9]+)", name))


def _in_time_order(periods: set[str]) -> list[str]:
    return sorted(periods, key=period_bounds)


def _plain(value: float | None) -> str:
    """A value as JSON writes it (1108000000, not 1108000000.0); empty for none."""
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else repr(value)
