"""Query parameters are read once: each validator gives the route what it parsed."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from app.queries.observations import ObservationKey
from app.web.pagination import encode_cursor
from app.web.params import MAX_INDICATORS, Bound, ObservationQuery, SeriesQuery

KEY = ObservationKey("internet_users", "{}", dt.date(2024, 12, 1), 55, 7)
TOO_MANY = ",".join(f"code_{number}" for number in range(MAX_INDICATORS + 1))


def test_start_and_end_arrive_as_the_days_they_name() -> None:
    params = SeriesQuery.model_validate({"start": "2024-02", "end": "2025"})

    assert params.start == Bound("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert params.end == Bound("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_a_cursor_arrives_as_the_key_it_encodes() -> None:
    params = ObservationQuery.model_validate({"cursor": encode_cursor(KEY)})

    assert params.cursor == KEY


def test_indicator_codes_arrive_split_stripped_and_once_each() -> None:
    params = ObservationQuery.model_validate(
        {"indicator": ["internet_users, internet_penetration", "internet_users", ","]}
    )

    assert params.indicator == ["internet_users", "internet_penetration"]
    assert params.indicator_codes == ["internet_users", "internet_penetration"]


def test_no_indicator_is_every_indicator() -> None:
    assert ObservationQuery.model_validate({}).indicator_codes == []


@pytest.mark.parametrize(
    ("query", "error_type"),
    [
        ({"start": "2024-13"}, "date"),
        ({"end": "2025-Q1"}, "date"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        (
            {"indicator": [",".join(f"i{n}" for n in range(MAX_INDICATORS + 1))]},
            "too_many_indicators",
        ),
    ],
)
def test_what_cannot_be_read_is_refused_by_its_own_parameter(
    query: dict[str, object], error_type: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        ObservationQuery.model_validate(query)

    (error,) = raised.value.errors()
    assert error["type"] == error_type
    assert error["loc"] == (next(iter(query)),)
