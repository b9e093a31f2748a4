"""Changes measured from a time the text names but does not date ("compared with the
Mid-Autumn Festival"): kept with that time, as written, in ``compared_with``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract import cues
from tests.extract.test_sentences import read

D = Decimal
SHANXI = (
    "Shanxi Provincial Culture and Tourism Department has turned online game craze into "
    "offline tourism craze. In the first three days of the National Day, the booking volume of "
    "tour orders in Shanxi Province increased by 63% and the booking amount grew by 171% "
    "compared with the Mid-Autumn Festival⁷¹."
)
MEITUAN = (
    "During the National Day Golden Week, Meituan drones opened a new delivery route. The "
    "average daily orders increased by more than 1,100% compared with the pre-holiday weekend "
    "period, with simple meals and beverages becoming hot-selling items."
)


@pytest.mark.parametrize(
    ("after", "base"),
    [
        (" compared with the Mid-Autumn Festival⁷¹.", "Mid-Autumn Festival"),
        (" compared with the pre-holiday weekend period, with meals", "pre-holiday weekend period"),
        (" compared to the Spring Festival holidays.", "Spring Festival holidays"),
        (" compared with the same week", "same week"),
    ],
)
def test_named_base(after: str, base: str) -> None:
    found = cues.NAMED_BASE.search(after)
    assert found is not None
    assert found.group("base") == base


@pytest.mark.parametrize(
    "after",
    [
        " compared with that of urban users.",  # another group, not another time
        " compared with the pre-holiday",  # no time word ends it
        " compared with the Mid-Autumn, Festival",  # a clause ends before it
    ],
)
def test_no_named_base(after: str) -> None:
    assert cues.NAMED_BASE.search(after) is None


def test_both_changes_before_a_named_base_are_measured_from_it() -> None:
    reading = read(SHANXI)
    assert reading.values() == [
        (
            "shanxi_tour_order_bookings_growth",
            {"compared_with": "Mid-Autumn Festival"},
            "2024-10",
            D(63),
            "63%",
        ),
        (
            "shanxi_tour_booking_amount_growth",
            {"compared_with": "Mid-Autumn Festival"},
            "2024-10",
            D(171),
            "171%",
        ),
    ]


def test_a_named_base_keeps_the_changes_qualifier_and_holiday_note() -> None:
    (growth,) = read(MEITUAN).records
    assert growth.indicator == "meituan_drone_average_daily_orders_growth"
    assert dict(growth.dimensions) == {"compared_with": "pre-holiday weekend period"}
    assert (growth.period, growth.value, growth.qualifier) == ("2024-10", D(1100), "more than")
    assert [n.quote for n in growth.notes] == ["During the National Day Golden Week"]


def test_a_dated_base_is_still_read_as_its_period() -> None:
    reading = read(
        "As of December 2024, China had 1,108 million Internet users, an increase of 16.08 "
        "million compared with December 2023."
    )
    change = reading.record("16.08 million")
    assert dict(change.dimensions) == {"compared_with": "2023-12"}
