"""Figures dated by a time the text names rather than a date: an event the catalogue knows
("During the Paris Olympics")."""

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
