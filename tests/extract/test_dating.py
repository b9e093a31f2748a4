"""Which of a sentence's dates is a figure's: the one of its own clause, else the last before."""

from __future__ import annotations

import datetime as dt

import pytest

from app.extract.clauses import Clauses
from app.extract.dating import SentenceDates
from app.extract.numbers import Quantity, find_quantities
from app.extract.periods import find_periods

PUBLISHED = dt.date(2026, 2, 5)


def dates_of(text: str) -> tuple[SentenceDates, list[Quantity]]:
    quantities = find_quantities(text)
    periods = find_periods(text, reference=PUBLISHED)
    return SentenceDates(
        text, periods, quantities, Clauses(text, quantities), PUBLISHED
    ), quantities


@pytest.mark.parametrize(
    ("text", "figure", "mention"),
    [
        ("10.92亿网民 2023年12月", "10.92亿", "2023年12月"),
        ("China had 1.079 billion internet users in June 2023", "1.079 billion", "in June 2023"),
        ("By December 2024, China had 1,108 million Internet users", "1,108 million",
         "By December 2024"),
        # The date a change is measured from is not the figure's.
        ("1,108 million users, up 16.08 million compared to December 2023", "1,108 million",
         None),
        ("截至2025年12月,我国网民规模达11.25亿人", "11.25亿", "截至2025年12月"),
    ],
)  # fmt: skip
def test_the_date_of_a_figure_is_the_phrase_that_names_it(
    text: str, figure: str, mention: str | None
) -> None:
    dating, quantities = dates_of(text)
    quantity = next(q for q in quantities if q.text == figure)

    found = dating.mention_near(quantity)

    assert (found.text if found else None) == mention
    assert dating.near(quantity) == (found.period if found else None)
