"""app.periods: the period forms of the data and the bounds of start and end."""

from __future__ import annotations

import datetime as dt

import pytest

from app.periods import (
    bound_days,
    is_day,
    is_whole_year,
    period_bounds,
    period_form,
    shift_years,
)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
        ("2024-12-31", dt.date(2024, 12, 31), dt.date(2024, 12, 31)),
    ],
)
def test_bound_days(text: str, first: dt.date, last: dt.date) -> None:
    assert bound_days(text) == (first, last)


@pytest.mark.parametrize(
    "text", ["", "24", "2024-1", "2024-00", "2024-13", "2023-02-29", "0000", "2024/12", " 2024"]
)
def test_bound_days_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text).replace("(", r"\(")):
        bound_days(text)


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("2025", (2025, 1, 1), (2025, 12, 31)),
        ("2024-12", (2024, 12, 1), (2024, 12, 31)),
        ("2024-02", (2024, 2, 1), (2024, 2, 29)),
        ("2025-02", (2025, 2, 1), (2025, 2, 28)),
        ("2025-Q1", (2025, 1, 1), (2025, 3, 31)),
        ("2024-Q3", (2024, 7, 1), (2024, 9, 30)),
        ("2024-12-31", (2024, 12, 31), (2024, 12, 31)),
        ("2024-01/2024-09", (2024, 1, 1), (2024, 9, 30)),
        ("2020-12/2024-12", (2020, 12, 1), (2024, 12, 31)),
        ("2021/2025", (2021, 1, 1), (2025, 12, 31)),
        ("2024-Q4/2025-01-15", (2024, 10, 1), (2025, 1, 15)),
    ],
)
def test_period_bounds(
    period: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    assert period_bounds(period) == (dt.date(*first), dt.date(*last))


@pytest.mark.parametrize(
    "period",
    ["", "abc", "2024-13", "2024-Q5", "2024-02-30", "24-12", "2024-1", "2024/2025/2026"],
)
def test_period_bounds_rejects_malformed(period: str) -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 period") as error:
        period_bounds(period)
    assert repr(period) in str(error.value)


@pytest.mark.parametrize("period", ["2025/2024", "2025-12/2024-01"])
def test_period_bounds_rejects_backward_interval(period: str) -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        period_bounds(period)


@pytest.mark.parametrize(
    ("period", "years", "shifted"),
    [
        ("2025-12", -1, "2024-12"),
        ("2025", -1, "2024"),
        ("2025-Q1", -1, "2024-Q1"),
        ("2024-12-31", -1, "2023-12-31"),
        ("2024-02-29", 1, "2025-02-28"),
        ("2024-01/2024-09", -1, "2023-01/2023-09"),
        ("2020-12", 5, "2025-12"),
    ],
)
def test_shift_years(period: str, years: int, shifted: str) -> None:
    assert shift_years(period, years) == shifted


def test_shift_years_rejects_malformed() -> None:
    with pytest.raises(ValueError, match="'2024-13'"):
        shift_years("2024-13", -1)


@pytest.mark.parametrize(
    ("period", "whole_year", "day"),
    [
        ("2024", True, False),
        ("2024-12", False, False),
        ("2025-Q1", False, False),
        ("2024-11-21", False, True),
        ("2024-01/2024-09", False, False),
        ("2024/2025", False, False),
        ("not a period", False, False),
    ],
)
def test_a_period_says_whether_it_is_a_whole_year_or_a_day(
    period: str, whole_year: bool, day: bool
) -> None:
    assert (is_whole_year(period), is_day(period)) == (whole_year, day)


@pytest.mark.parametrize("text", ["2025-Q1", "2024-01/2024-11", "2024/2025"])
def test_a_quarter_or_an_interval_is_a_period_not_a_bound(text: str) -> None:
    period_bounds(text)
    with pytest.raises(ValueError, match="is not a date as YYYY, YYYY-MM or YYYY-MM-DD"):
        bound_days(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0000", "there is no year 0000"),
        ("2024-13", "month must be 01 to 12"),
        ("2024-13-01", "month must be 01 to 12"),
        ("2023-02-29", "not a day of the calendar"),
    ],
)
def test_a_bound_and_a_period_refuse_with_the_same_reason(text: str, reason: str) -> None:
    for read in (bound_days, period_bounds):
        with pytest.raises(ValueError, match=reason):
            read(text)


@pytest.mark.parametrize(
    ("period", "form"),
    [
        ("2024", "year"),
        ("2025-Q1", "quarter"),
        ("2024-12", "month"),
        ("2024-12-31", "day"),
        ("2025-01/2025-08", "interval"),
    ],
)
def test_period_form(period: str, form: str) -> None:
    assert period_form(period) == form


def test_period_form_refuses_what_is_no_period() -> None:
    with pytest.raises(ValueError, match="month must be 01 to 12"):
        period_form("2024-13")
