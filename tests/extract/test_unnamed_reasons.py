"""Why a figure no indicator takes is left out."""

from __future__ import annotations

import pytest

from tests.extract.test_sentences import read

AT_A_TIME = "a share at a time of day no indicator in the catalogue names"
UNNAMED = "no indicator in the catalogue names it here"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Instant messaging apps had an even distribution between 9 am and 19 pm, all "
            "accounting for more than 5%.",
            AT_A_TIME,
        ),
        ("Over 80% of the time fell between 7 a.m. and 10 p.m.", AT_A_TIME),
        ("The widgets reached 6.2% of the gadgets.", UNNAMED),
        ("At 12 am, the widgets numbered 4,000.", UNNAMED),  # not a share
    ],
)
def test_the_reason_a_figure_no_indicator_takes_is_left_out(text: str, reason: str) -> None:
    reading = read(text)
    assert reading.records == []
    assert {why for _, why in reading.reasons() if why != "a time of day"} == {reason}
