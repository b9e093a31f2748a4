"""The time a change is measured from, when the text names it relative to the figure's own
period rather than by date: "较上年末", "from the end of last year", "than six months earlier".

A relative base counts from the period the figure holds for, not from the day of publication:
a report's "较上年底" in a sentence on June 2020 is December 2019 whenever the article ran.
"""

from __future__ import annotations

import re

from app.periods import is_whole_year

__all__ = ["relative_base", "year_end_base"]

_S = r"[ \t\u00a0]"
_WAS = rf"(?:from|over|than|compared{_S}+(?:to|with)|against)"
_LAST_YEAR = rf"(?:last|the{_S}+(?:previous|prior|preceding)){_S}+year"

_MONTH = re.compile(r"[0-9]{4}-(?P<month>[0-9]{2})")

# The end of the year before: "较上年末", "比去年底", "from the end of last year".
_PREVIOUS_YEAR_END = re.compile(
    r"(?:较|比)(?:上年|去年|上一年|前一年)(?:年?[末底])"
    rf"|(?i:{_WAS}{_S}+(?:the{_S}+)?end{_S}+of{_S}+{_LAST_YEAR}"
    rf"|{_WAS}{_S}+(?:last{_S}+)?December{_S}+(?:of{_S}+)?{_LAST_YEAR})"
)
# The year before, by name: "较上年", "over the previous year", "than last year".
_PREVIOUS_YEAR = re.compile(
    rf"(?:较|比)(?:上年|去年|上一年|前一年)(?![末底同])|(?i:{_WAS}{_S}+(?:the{_S}+)?{_LAST_YEAR})"
)
# Half a year before: "较上半年末" is not this (that is a date); "from six months earlier".
_HALF_YEAR_BEFORE = re.compile(
    rf"(?i:{_WAS}{_S}+(?:six|6){_S}+months{_S}+(?:earlier|ago|before)"
    rf"|{_WAS}{_S}+half{_S}+a{_S}+year{_S}+(?:earlier|ago|before))"
    r"|较半年前|比半年前"
)
# The month before: "较上月", "from the previous month".
_MONTH_BEFORE = re.compile(
    rf"(?:较|比)上(?:个)?月|(?i:{_WAS}{_S}+(?:the{_S}+)?(?:previous|prior|preceding|last){_S}+month)"
)


def relative_base(near: str, period: str) -> str | None:
    """The period ``near`` (the words about a change) measures it from, relative to ``period``,
    the figure's own; None when it names no such base or the base cannot be told exactly."""
    year = int(period[:4])
    month_form = _MONTH.fullmatch(period)
    month = int(month_form["month"]) if month_form else None
    if month is None and not is_whole_year(period):
        return None
    if _PREVIOUS_YEAR_END.search(near):
        return f"{year - 1:04d}-12" if month is not None else f"{year - 1:04d}"
    if _PREVIOUS_YEAR.search(near):
        if month is None:
            return f"{year - 1:04d}"
        return f"{year - 1:04d}-12" if month == 12 else None
    if month is None:
        return None
    if _HALF_YEAR_BEFORE.search(near):
        return _months_before(year, month, 6)
    if _MONTH_BEFORE.search(near):
        return _months_before(year, month, 1)
    return None


def year_end_base(base: str, period: str) -> str:
    """A whole year given as the base of a month's figure is that year's end: "up 10.7
    percent from 2017" of a figure as of December 2018 is measured from December 2017."""
    if _MONTH.fullmatch(period) and is_whole_year(base) and base < period[:4]:
        return f"{base}-12"
    return base


def _months_before(year: int, month: int, months: int) -> str:
    index = year * 12 + month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
