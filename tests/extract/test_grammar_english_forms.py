"""English phrasings of the articles on the reports, read by grammar: months "of this year",
a breakdown named after its figure, quoted domain suffixes, age groups "and older"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.extract.periods import find_periods
from tests.extract.test_sentences import REPORT_55, read

D = Decimal


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("By June of this year", "2025-06"),
        ("by June this year", "2025-06"),
        ("in December last year", "2024-12"),
        ("December of last year", "2024-12"),
    ],
)
def test_a_month_of_this_or_last_year(text: str, period: str) -> None:
    (mention,) = find_periods(text, reference=dt.date(2025, 8, 1), covered=dt.date(2025, 6, 30))
    assert mention.period == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As of December 2024, the internet penetration rate reached 65.6 percent in rural "
            "areas.",
            ("internet_penetration", {"area": "rural"}, D("65.6")),
        ),
        (
            'By December 2024, the number of ".cn" domain names had reached 20.82 million.',
            ("domain_names", {"tld": ".CN"}, D(20_820_000)),
        ),
        (
            "As of December 2024, China had 161 million internet users aged 60 and older.",
            ("internet_users", {"age_group": "60+"}, D(161_000_000)),
        ),
    ],
    ids=["a breakdown after the figure", "a quoted suffix", "aged 60 and older"],
)
def test_a_breakdown_phrased_in_english(
    text: str, expected: tuple[str, dict[str, str], Decimal]
) -> None:
    assert [(c, d, v) for c, d, _, v, _ in read(text, REPORT_55).values()] == [expected]


def test_a_figure_of_a_breakdown_the_indicator_does_not_take_is_left_out() -> None:
    """It is not the total, and no series here holds it."""
    reading = read("As of December 2024, 5G base stations reached 4.25 million in rural areas.")
    assert reading.values() == []
    assert reading.reasons()[-1] == (
        "4.25 million",
        "a figure of one area, which base_stations_5g is not broken down by",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As of June 2021, 888 million people watch short videos and 638 million watch live "
            "broadcasts.",
            [("short video", D(888_000_000)), ("live streaming", D(638_000_000))],
        ),
        (
            "As of June 2021, 325 million people use online education, 239 million people use "
            "online medical care, and 812 million people buy online.",
            [
                ("online education", D(325_000_000)),
                ("internet healthcare", D(239_000_000)),
                ("online shopping", D(812_000_000)),
            ],
        ),
    ],
    ids=["watch, in the plural", "use and buy"],
)
def test_people_and_what_they_do(text: str, expected: list[tuple[str, Decimal]]) -> None:
    values = read(text, REPORT_55).values()
    assert [(c, d["application"], v) for c, d, _, v, _ in values] == [
        ("application_users", application, value) for application, value in expected
    ]


def test_people_doing_something_no_breakdown_names_are_no_users() -> None:
    reading = read("As of June 2021, 812 million people walked to work.", REPORT_55)
    assert reading.values() == []


def test_a_count_of_people_in_a_year_holds_at_its_end() -> None:
    reading = read(
        "A total of 600 million people used online payment in 2018, up 13 percent year on year."
    )
    assert [(c, d, p) for c, d, p, *_ in reading.values()] == [
        ("application_users", {"application": "online payment"}, "2018-12"),
        (
            "application_users_growth",
            {"application": "online payment", "compared_with": "2017-12"},
            "2018-12",
        ),
    ]


def test_a_flow_in_a_year_is_the_year() -> None:
    reading = read("In 2024, online retail sales reached 15.52 trillion yuan.")
    assert [p for _, _, p, *_ in reading.values()] == ["2024"]


def test_shares_of_all_users_named_by_the_application() -> None:
    reading = read(
        "Ride-hailing users reached 43.2%, while bike rental users climbed to 30.6% of the total "
        "number of internet users, with an increase of 20.8% and 11% respectively."
    )
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("application_usage_rate", {"application": "online car-hailing"}),
        ("application_usage_rate", {"application": "bike sharing"}),
    ]
    assert reading.reasons()[-2:] == [
        ("20.8%", "a list whose items the catalogue does not name"),
        ("11%", "a list whose items the catalogue does not name"),
    ]


def test_netizens_who_watch_are_users_of_what_they_watch() -> None:
    reading = read("As of December 2021, 975 million netizens watch online videos.", REPORT_55)
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("application_users", {"application": "online video"})
    ]


def test_a_rate_now_and_the_one_it_rose_from() -> None:
    reading = read(
        "About 67.2 percent of China's Internet users used mobile payments offline, up from 65.2 "
        "percent in 2017.",
        (dt.date(2019, 2, 28), "2018-12"),
    )
    assert [(c, p, v) for c, _, p, v, _ in reading.values()] == [
        ("offline_mobile_payment_rate", "2018-12", D("67.2")),
        ("offline_mobile_payment_rate", "2017-12", D("65.2")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The internet penetration rates among the aged and the rural population have reached "
            "52 percent and 69.2 percent, respectively.",
            [
                ("internet_penetration", {"age_group": "60+"}, D(52)),
                ("internet_penetration", {"area": "rural"}, D("69.2")),
            ],
        ),
        (
            "As of June 2025, 322 million of the internet users nationwide are living in rural "
            "areas.",
            [("internet_users", {"area": "rural"}, D(322_000_000))],
        ),
        (
            "China has 1.032 billion internet users, 73.0% penetration rate",
            [("internet_users", {}, D(1_032_000_000)), ("internet_penetration", {}, D(73))],
        ),
        (
            "Chinese netizens spend 28.5 hours online every week on average.",
            [("weekly_online_hours", {}, D("28.5"))],
        ),
    ],
    ids=["a list of breakdowns of two kinds", "users living in", "a rate word after", "hours"],
)
def test_more_english_phrasings(
    text: str, expected: list[tuple[str, dict[str, str], Decimal]]
) -> None:
    assert [(c, d, v) for c, d, _, v, _ in read(text, REPORT_55).values()] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The total number internet users in June stood at 1.011 billion, 21 million more "
            "than at the end of 2020.",
            [
                ("internet_users", {}, D(1_011_000_000)),
                ("internet_users_change", {"compared_with": "2020-12"}, D(21_000_000)),
            ],
        ),
        (
            "The number of users of online food delivery increased 29.9 percent year-on-year to "
            "reach 544 million in December 2021.",
            [
                (
                    "application_users_growth",
                    {"application": "online meal ordering", "compared_with": "2020-12"},
                    D("29.9"),
                ),
                ("application_users", {"application": "online meal ordering"}, D(544_000_000)),
            ],
        ),
        (
            "China's internet users reach record high of 1.12 billion",
            [("internet_users", {}, D(1_120_000_000))],
        ),
    ],
    ids=["more than at a time", "to reach", "a record high of"],
)
def test_changes_and_levels_in_english(
    text: str, expected: list[tuple[str, dict[str, str], Decimal]]
) -> None:
    assert [(c, d, v) for c, d, _, v, _ in read(text, REPORT_55).values()] == expected


def test_more_than_a_count_of_things_is_no_change() -> None:
    reading = read(
        "As of December 2024, 5G base stations reached 4.25 million, more than 20 cities."
    )
    assert [c for c, *_ in reading.values()] == ["base_stations_5g"]


def test_people_who_engaged_in_an_application() -> None:
    reading = read("By December 2024, 974 million Chinese people had engaged in online shopping.")
    assert reading.values() == [
        (
            "application_users",
            {"application": "online shopping"},
            "2024-12",
            D(974_000_000),
            "974 million",
        )
    ]


def test_sales_that_surged_over_the_half_year() -> None:
    reading = read(
        "In the first half of 2024, the country's online retail sales surged 9.8 percent year on "
        "year to nearly 7.1 trillion yuan.",
    )
    assert [(c, d, p) for c, d, p, *_ in reading.values()] == [
        ("online_retail_sales_growth", {"compared_with": "2023-01/2023-06"}, "2024-01/2024-06"),
        ("online_retail_sales", {}, "2024-01/2024-06"),
    ]


def test_users_added_over_a_half_year_are_the_change_to_its_end() -> None:
    reading = read(
        "China added 29.68 million internet users in the first half of 2018.",
        (dt.date(2018, 8, 20), "2018-06"),
    )
    assert reading.values() == [
        (
            "internet_users_change",
            {"compared_with": "2017-12"},
            "2018-06",
            D(29_680_000),
            "29.68 million",
        )
    ]


def test_visitors_over_months_are_a_flow_not_a_change_to_their_end() -> None:
    reading = read(
        "From January to September, Tianshui received a year-on-year growth of more than 25% in "
        "the cumulative tourist number."
    )
    assert reading.values() == [
        (
            "tianshui_tourists_growth",
            {"compared_with": "2023-01/2023-09"},
            "2024-01/2024-09",
            D(25),
            "25%",
        )
    ]


@pytest.mark.parametrize(
    ("text", "dims"),
    [
        (
            "As of June 2024, 160 million internet users were aged 60 and above.",
            {"age_group": "60+"},
        ),
        (
            "As of June 2024, 304 million internet users in rural areas went online.",
            {"area": "rural"},
        ),
    ],
)
def test_a_group_named_after_the_figures_phrase(text: str, dims: dict[str, str]) -> None:
    ((code, read_dims, *_),) = read(text, REPORT_55).values()
    assert (code, read_dims) == ("internet_users", dims)


def test_users_of_a_place_no_series_holds_are_not_the_total() -> None:
    reading = read("As of June 2024, 20 million internet users in Beijing went online.")
    assert reading.values() == []


def test_a_headline_that_tops_a_figure() -> None:
    reading = read("China's netizens top 1.1 bln: report")
    assert [
        (c, v, r.qualifier)
        for (c, _, _, v, _), r in zip(reading.values(), reading.records, strict=True)
    ] == [("internet_users", D(1_100_000_000), "more than")]
