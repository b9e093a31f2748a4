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
