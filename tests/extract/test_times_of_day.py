"""Shares of an application's usage time at a time of day: the time kept as written, the
share given for each application the sentence names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract.times_of_day import time_of_day
from tests.extract.test_sentences import read

D = Decimal


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The usage peak appeared at 12 am, with", "12 am"),
        ("usage period between 9 am and 19 pm, all accounting", "9 am-19 pm"),
        ("A small peak would reappear from 17 pm  to 20 pm.", "17 pm-20 pm"),
        ("The peaks occurred at 11-12 pm.", "11-12 pm"),
        ("The peaks occurred at 11 am and at 17 pm.", None),
        ("The peaks occurred in the evening.", None),
    ],
)
def test_the_one_time_or_span_a_sentence_names(text: str, named: str | None) -> None:
    assert time_of_day(text) == named


HOURS = (
    "In November 2024, instant messaging apps had a more even distribution of usage period "
    "between 9 am and 19 pm, all accounting for more than 5%. The usage peak of online video "
    "apps appeared at 12 am, with the distribution of usage period reaching 6.2%. The usage "
    "period distribution of online shopping apps and that of online payment apps were "
    "relatively similar, with over 80% of the total usage time between 7 am and 22 pm.\n"
)


def test_a_share_of_usage_time_is_given_at_its_time_for_each_application_named() -> None:
    result = read(HOURS)
    hourly, span = "app_hourly_usage_time_share", "app_usage_time_share"
    assert [(v[0], v[1], v[2], v[3]) for v in result.values()] == [
        (
            hourly,
            {"application": "instant messaging", "time_of_day": "9 am-19 pm"},
            "2024-11",
            D(5),
        ),
        (hourly, {"application": "online video", "time_of_day": "12 am"}, "2024-11", D("6.2")),
        (span, {"application": "online shopping", "time_of_day": "7 am-22 pm"}, "2024-11", D(80)),
        (span, {"application": "online payment", "time_of_day": "7 am-22 pm"}, "2024-11", D(80)),
    ]
    assert [r.qualifier for r in result.records] == ["more than", None, "more than", "more than"]


def test_a_share_of_usage_time_needs_its_application_and_one_time() -> None:
    result = read(
        "With over 80% of the total usage time between 7 am and 22 pm, apps were busy. The "
        "distribution of usage period of online video apps reached 6.2% at 12 am and at 20 pm.\n"
    )
    assert result.records == []
    assert [why for _, why in result.reasons() if why != "a time of day"] == [
        "a figure whose application the sentence does not name",
        "a share at a time of day the sentence does not single out",
    ]
