"""Figures of shopping promotions: dated by the year with the promotion as a note, and
changes whose verb stands before what changed, or whose subject stands before an aside."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.test_sentences import read

D = Decimal
JUN_18 = (
    "During the Jun.18 promotion period, JD.com collaborated with more than 20 provincial and "
    "municipal governments to increase consumer subsidies, with the turnover of home "
    "appliances in seven provinces or cities, including Beijing and Hebei, increasing by over "
    "100% year-on-year⁵⁷."
)
NOV_11 = (
    "During the Nov.11 promotion period, government subsidies and the discounts stimulated "
    "the first-hour turnover of Tmall's home appliances by 765% year-on-year⁵⁸."
)


def test_the_jun_18_figures_are_the_years_with_the_promotion_as_a_note() -> None:
    reading = read(JUN_18)
    assert reading.values() == [
        ("jd_trade_in_partner_governments", {}, "2024", D(20), "20"),
        (
            "jd_trade_in_home_appliance_turnover_growth",
            {"compared_with": "2023"},
            "2024",
            D(100),
            "100%",
        ),
    ]
    for record in reading.records:
        assert record.qualifier == "more than"
        assert [(n.kind, n.quote) for n in record.notes] == [
            ("date", "During the Jun.18 promotion period")
        ]


def test_a_change_whose_subject_stands_before_an_aside_is_the_subjects() -> None:
    """Not the governments', the last level before it."""
    reading = read(JUN_18)
    growth = reading.record("100%")
    assert growth.indicator == "jd_trade_in_home_appliance_turnover_growth"


def test_a_change_given_by_a_verb_before_what_changed() -> None:
    reading = read(NOV_11)
    assert reading.values() == [
        (
            "tmall_home_appliance_first_hour_turnover_growth",
            {"compared_with": "2023"},
            "2024",
            D(765),
            "765%",
        )
    ]
    (note,) = reading.records[0].notes
    assert note.quote == "During the Nov.11 promotion period"


@pytest.mark.parametrize(
    "text",
    [
        # "by" with no year-on-year after it says how, not how much it changed.
        "In 2024, the first-hour turnover of Tmall's home appliances was raised by 765% more.",
        # A share, not a change.
        "In 2024, the first-hour turnover of Tmall's home appliances was 765% of the target.",
    ],
)
def test_by_alone_makes_no_change(text: str) -> None:
    indicators = [indicator for indicator, *_ in read(text).values()]
    assert "tmall_home_appliance_first_hour_turnover_growth" not in indicators
