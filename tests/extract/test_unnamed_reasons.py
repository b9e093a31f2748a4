"""Why a figure no indicator takes is left out."""

from __future__ import annotations

import pytest

from tests.extract.test_sentences import read

HOURLY = "a share at an hour of the day (no breakdown by hour)"
UNNAMED = "no indicator in the catalogue names it here"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "The usage peak of online video apps appeared at 12 am, with the distribution of "
            "usage period reaching 6.2%.",
            HOURLY,
        ),
        (
            "Instant messaging apps had an even distribution between 9 am and 19 pm, all "
            "accounting for more than 5%.",
            HOURLY,
        ),
        ("Over 80% of the total usage time fell between 7 a.m. and 10 p.m.", HOURLY),
        ("The widgets reached 6.2% of the gadgets.", UNNAMED),
        ("At 12 am, the widgets numbered 4,000.", UNNAMED),  # not a share
    ],
)
def test_the_reason_a_figure_no_indicator_takes_is_left_out(text: str, reason: str) -> None:
    reading = read(text)
    assert reading.records == []
    assert {why for _, why in reading.reasons() if why != "a time of day"} == {reason}
