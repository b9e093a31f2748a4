"""app.periods_query: the bounds of start and end."""

from __future__ import annotations

import datetime as dt

import pytest

from app.periods_query import bound_days


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
