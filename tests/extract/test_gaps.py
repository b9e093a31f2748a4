"""Gaps between a share and another at the same time: "54.4% of the total non-netizens, 20.6
percentage points higher than that of the rural population in the total population"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.test_sentences import read

D = Decimal
PARAGRAPH = (
    "As of December 2024, the size of non-netizens had reached 301 million. By region, the "
    "majority of non-netizens were still in rural areas. Their proportion had reached 54.4% of "
    "the total non-netizens, {gap} percentage points {side} than that of the {other} in the "
    "total population.\n"
)


def test_a_gap_is_kept_against_the_share_named_after_than() -> None:
    result = read(PARAGRAPH.format(gap="20.6", side="higher", other="rural population"))
    gap = result.record("20.6 percentage points")
    assert (gap.indicator, dict(gap.dimensions), gap.period, gap.value) == (
        "non_internet_users_share_gap",
        {"area": "rural", "compared_with": "population_share"},
        "2024-12",
        D("20.6"),
    )
    assert result.reasons() == []


def test_a_gap_below_is_negative() -> None:
    result = read(PARAGRAPH.format(gap="3.1", side="lower", other="rural population"))
    assert result.record("3.1 percentage points").value == D("-3.1")


@pytest.mark.parametrize(
    ("other", "reason"),
    [
        ("elderly", "a gap to a figure the catalogue does not name"),
        ("urban population", "a gap to a figure of another breakdown"),
    ],
)
def test_a_gap_to_a_share_that_cannot_be_derived_is_left_out(other: str, reason: str) -> None:
    result = read(PARAGRAPH.format(gap="20.6", side="higher", other=other))
    assert ("20.6 percentage points", reason) in result.reasons()
    assert all(r.indicator != "non_internet_users_share_gap" for r in result.records)


def test_a_gap_with_no_share_before_it_is_left_out() -> None:
    result = read("Rural users were 20.6 percentage points more than that of urban users.\n")
    assert result.reasons() == [
        ("20.6 percentage points", "a gap from a figure the text does not give")
    ]
