"""Figures dated by a time the text names rather than a date: an event the catalogue knows
("During the Paris Olympics"), a holiday that dates its whole clause."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.test_sentences import read


def test_a_figure_during_an_event_is_dated_by_its_months_with_the_phrase_as_a_note() -> None:
    result = read(
        "During the Paris Olympics, there were more than 4 billion interactions of "
        "Olympic-related topics on the five major social media platforms.\n"
    )
    interactions = result.record("4 billion")
    assert (interactions.indicator, interactions.period, interactions.value) == (
        "olympic_topic_interactions",
        "2024-07/2024-08",
        Decimal(4_000_000_000),
    )
    assert interactions.qualifier == "more than"
    assert [(n.kind, n.quote) for n in interactions.notes] == [
        ("date", "During the Paris Olympics")
    ]


def test_a_holiday_dates_every_figure_of_its_clause() -> None:
    """The 42 locations are counted at the May Day holidays too, though the consumers stand
    between them and the holiday; the paragraph's National Day does not date them."""
    result = read(
        "In the first three days of the National Day, the booking volume of tour orders in "
        "Shanxi Province increased by 63% compared with the Mid-Autumn Festival. The first 42 "
        "new immersion experience locations attracted more than 4.3 million consumers during "
        "the May Day holidays.\n"
    )
    assert [(r.indicator, r.period) for r in result.records][-2:] == [
        ("immersive_experience_locations", "2024-05"),
        ("immersive_experience_consumers", "2024-05"),
    ]
    assert [n.quote for n in result.record("42").notes] == ["during the May Day holidays"]


def test_a_date_nearer_another_figure_is_still_that_figures() -> None:
    result = read(
        "As of December 2024, there were 1,108 million Internet users. The proportion of "
        "Internet users aged 50 and above increased to 34.1% from 32.5% in December 2023.\n"
    )
    assert [(r.evidence.as_reported, r.period) for r in result.records][1:] == [
        ("34.1%", "2024-12"),
        ("32.5%", "2023-12"),
    ]
