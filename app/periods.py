"""The period forms the data and the API share, and the days each covers.

A period is written as ISO 8601: a year ``2024``, a quarter ``2025-Q1``, a month ``2024-12``, a
day ``2024-12-31``, or an interval of two of these, ``2024-01/2024-11``. Every observation's
period is one of these (:func:`period_bounds` gives its first and last day); a client's
``start`` and ``end`` are a year, a month or a day (:func:`bound_days`): a bound names a whole
one, ``start`` standing for its first day and ``end`` for its last, so ``start=2024&end=2024``
covers all of 2024.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_POINT = re.compile(
    r"(?P<year>[0-9]{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
)

BOUND_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period or an interval of two.

    >>> period_bounds("2024-Q4/2025-01")
    (datetime.date(2024, 10, 1), datetime.date(2025, 1, 31))

    Raises ``ValueError`` for anything that is not one of the forms above, or an interval that
    ends before it starts.
    """
    first, slash, last = period.partition("/")
    try:
        start, end = _point_bounds(first)[0], _point_bounds(last if slash else first)[1]
    except ValueError as error:
        raise ValueError(f"not an ISO 8601 period: {period!r} ({error})") from None
    if start > end:
        raise ValueError(f"interval ends before it starts: {period!r}")
    return start, end


def bound_days(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the year, month or day ``text`` names.

    >>> bound_days("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))

    Raises ``ValueError`` for anything that is not a real year, month or day in one of
    ``BOUND_FORMATS`` (a quarter or an interval is a period, not a bound).
    """
    form = _POINT.fullmatch(text)
    if form is None or form["quarter"]:
        raise ValueError(f"{text!r} is not a date as {BOUND_FORMATS}")
    try:
        return _point_bounds(text)
    except ValueError as error:
        raise ValueError(f"{text!r}: {error}") from None


def is_whole_year(period: str) -> bool:
    """Whether ``period`` is one calendar year ("2024"): not a part of one, nor an interval."""
    form = _POINT.fullmatch(period)
    return form is not None and not (form["quarter"] or form["month"])


def is_day(period: str) -> bool:
    """Whether ``period`` is one day ("2024-11-21")."""
    form = _POINT.fullmatch(period)
    return form is not None and form["day"] is not None


def period_form(period: str) -> str:
    """Which form ``period`` takes: ``year``, ``quarter``, ``month``, ``day`` or ``interval``.

    >>> period_form("2024-12"), period_form("2025-01/2025-08")
    ('month', 'interval')
    """
    period_bounds(period)
    form = _POINT.fullmatch(period)
    if form is None:
        return "interval"
    if form["day"]:
        return "day"
    if form["month"]:
        return "month"
    return "quarter" if form["quarter"] else "year"


def shift_years(period: str, years: int) -> str:
    """The same period some years away: shift_years("2025-12", -1) == "2024-12".

    A 29 February moved to a common year becomes 28 February.
    """
    period_bounds(period)
    shifted = "/".join(_shift_point(point, years) for point in period.split("/"))
    period_bounds(shifted)
    return shifted


def _shift_point(point: str, years: int) -> str:
    year, rest = int(point[:4]) + years, point[4:]
    if rest == "-02-29" and not calendar.isleap(year):
        rest = "-02-28"
    return f"{year:04d}{rest}"


def _point_bounds(point: str) -> tuple[dt.date, dt.date]:
    """The first and last day of one year, quarter, month or day; the reason it is none."""
    form = _POINT.fullmatch(point)
    if form is None:
        raise ValueError(f"{point!r} is not a year, quarter, month or day")
    year = int(form["year"])
    if year < 1:
        raise ValueError("there is no year 0000")
    if form["month"]:
        first_month = last_month = int(form["month"])
        if not 1 <= first_month <= 12:
            raise ValueError("month must be 01 to 12")
        if form["day"]:
            try:
                day = dt.date(year, first_month, int(form["day"]))
            except ValueError:
                raise ValueError("not a day of the calendar") from None
            return day, day
    elif form["quarter"]:
        last_month = 3 * int(form["quarter"])
        first_month = last_month - 2
    else:
        first_month, last_month = 1, 12
    last_day = calendar.monthrange(year, last_month)[1]
    return dt.date(year, first_month, 1), dt.date(year, last_month, last_day)
