"""Figures a page break cuts between their currency or qualifier and their number, or
between their number and its magnitude."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract.page_breaks import (
    figure_across_break,
    magnitude_across_break,
    qualified_after_break,
)

BEFORE = "In the third quarter, the turnover of applets exceeded RMB"
AFTER = "2 trillion, up by over ten percentage points year-on-year."


def test_a_currency_before_the_break_and_the_number_after_it() -> None:
    figure = figure_across_break(BEFORE, AFTER, 400)
    assert figure is not None
    assert (figure.start, figure.end, figure.text) == (400, 410, "2 trillion")
    assert (figure.value, figure.unit) == (Decimal(2_000_000_000_000), "yuan")
    assert figure.qualifier == "more than"  # "exceeded", before the currency
    assert figure.qualifier_start == BEFORE.index("exceeded")


def test_a_currency_alone_before_the_break() -> None:
    figure = figure_across_break("the turnover reached RMB", "2 trillion in 2024.", 100)
    assert figure is not None
    assert (figure.text, figure.qualifier) == ("2 trillion", None)


def test_a_qualifier_before_the_break_is_kept() -> None:
    figure = figure_across_break("there were more", "than 2.21 million travel notes posted", 100)
    assert figure is None  # the number does not begin the part after the break
    figure = figure_across_break("downloads reached more than", "2.21 million in 2024.", 100)
    assert figure is not None
    assert (figure.text, figure.value, figure.qualifier) == (
        "2.21 million",
        Decimal(2_210_000),
        "more than",
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The peak of single-day searches also exceeded 800", "million. On the website"),
        ("China had 1,108 million Internet users.", "2 trillion yuan"),
        ("the turnover of applets exceeded RMB", "two trillion"),
    ],
    ids=["the number before the break", "a finished sentence", "no digits after the break"],
)
def test_no_figure_across_the_break(before: str, after: str) -> None:
    assert figure_across_break(before, after, 50) is None


def test_a_number_before_the_break_and_its_magnitude_after_it() -> None:
    before = "The peak of single-day searches also exceeded 800"
    found = magnitude_across_break(before, "million⁴³. On the Xiaohongshu website")
    assert found is not None
    figure, reach = found
    assert (before[figure.start : figure.end], figure.text) == ("800", "800")
    assert (figure.value, figure.unit, figure.qualifier) == (
        Decimal(800_000_000),
        "count",
        "more than",
    )
    assert figure.qualifier_start == before.index("exceeded")
    assert reach == len("million")


def test_a_currency_and_number_before_the_break_and_the_magnitude_after_it() -> None:
    found = magnitude_across_break("tourists spent RMB4.35", "trillion, up by 17.9%")
    assert found is not None
    figure, reach = found
    assert (figure.text, figure.value, figure.unit) == (
        "RMB4.35",
        Decimal(4_350_000_000_000),
        "yuan",
    )
    assert reach == len("trillion")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("China had 1,108 million Internet users.", "million"),
        ("the searches exceeded 800", "millions of users"),
        ("the searches exceeded 800", "2 trillion"),
        ("the searches exceeded", "million"),
        ("users reached 1.1 billion", "million"),
    ],
    ids=[
        "words after the number",
        "not a magnitude word",
        "a number after the break",
        "no number before the break",
        "a magnitude already given",
    ],
)
def test_no_magnitude_across_the_break(before: str, after: str) -> None:
    assert magnitude_across_break(before, after) is None


def test_a_qualifier_cut_in_two_by_the_break() -> None:
    figure = qualified_after_break(
        "Xiaohongshu has become a channel for travel content, with more",
        "than 2.21 million travel notes posted",
    )
    assert figure is not None
    assert (figure.start, figure.text, figure.value) == (5, "2.21 million", Decimal(2_210_000))
    assert (figure.qualifier, figure.qualifier_start) == ("more than", 0)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("with more", "than ever, 2.21 million notes"),
        ("with fewer", "than 2.21 million notes"),
        ("with more.", "Than 2.21 million notes"),
        ("the users", "than 2.21 million notes"),
    ],
    ids=["no number after 'than'", "not 'more'", "a finished sentence", "no comparison"],
)
def test_no_qualifier_across_the_break(before: str, after: str) -> None:
    assert qualified_after_break(before, after) is None
