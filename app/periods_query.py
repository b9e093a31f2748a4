"""The bounds a client may give for a time range: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

A bound names a whole year, month or day; ``start`` stands for its first day and ``end`` for its
last, so ``start=2024&end=2024`` covers all of 2024.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_BOUND = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")

BOUND_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"


def bound_days(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the year, month or day ``text`` names.

    >>> bound_days("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))

    Raises ``ValueError`` for anything that is not a real year, month or day in one of
    ``BOUND_FORMATS``.
    """
    match = _BOUND.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date as {BOUND_FORMATS}")
    year = int(match["year"])
    if year < 1:
        raise ValueError(f"{text!r}: there is no year 0000")
    if match["month"] is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: month must be 01 to 12")
    if match["day"] is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        day = dt.date(year, month, int(match["day"]))
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None
    return day, day
