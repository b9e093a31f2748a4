"""Ranges: "between 6% and 7%" read as a lower and an upper bound of each breakdown named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract.context import SourceContext
from app.extract.numbers import find_quantities
from app.extract.pipeline import _continuation
from app.extract.ranges import is_range, ranges_in
from app.extract.sentences import SentenceReader
from app.extract.structure import parse_document
from app.periods import period_bounds
from tests.extract.test_sentences import CATALOGUE, FINDER, REPORT_55, read

D = Decimal
INCONVENIENCE = "non_internet_users_inconvenience"


def bounds(text: str) -> dict[str, tuple[Decimal, Decimal]]:
    """Each breakdown's (lower, upper), checking both cite the number as written."""
    found: dict[str, dict[str, Decimal]] = {}
    for indicator, dims, period, value, _ in read(text).values():
        assert (indicator, period) == (INCONVENIENCE, "2024-12")
        bound = dims.pop("bound")
        found.setdefault(dims["inconvenience"], {})[bound] = value
    return {kind: (ends["lower"], ends["upper"]) for kind, ends in found.items()}


def test_each_breakdown_named_before_a_range_shares_it() -> None:
    text = (
        "The proportions of inconveniences, such as difficulties in consulting a doctor, "
        "registering and buying medicines, in contacting family and friends, and in running "
        "errands and paying bills were similar, with each making up between 6% and 7%."
    )
    assert bounds(text) == {
        "medical care": (D(6), D(7)),
        "contacting family and friends": (D(6), D(7)),
        "errands and bills": (D(6), D(7)),
    }


def test_a_range_given_respectively_holds_for_each() -> None:
    text = (
        "Difficulties in getting a taxi, purchasing train and plane tickets, and other "
        "inconveniences accounted for between 5% and 6%, respectively."
    )
    assert bounds(text) == {
        "taxi": (D(5), D(6)),
        "train and plane tickets": (D(5), D(6)),
        "other": (D(5), D(6)),
    }


def test_a_range_of_one_breakdown() -> None:
    text = "Inconvenient shopping accounted for between 7.5% and 8%."
    assert bounds(text) == {"shopping": (D("7.5"), D(8))}


def test_the_bounds_cite_their_own_numbers_and_carry_no_qualifier() -> None:
    reading = read("Getting a taxi accounted for between 5% and 6%.")
    lower, upper = reading.records
    assert (lower.evidence.as_reported, upper.evidence.as_reported) == ("5%", "6%")
    assert lower.evidence.quote == upper.evidence.quote == reading.text.strip()
    assert lower.qualifier is None
    assert upper.qualifier is None


def test_a_range_before_the_phrases_of_an_earlier_figure_is_not_theirs() -> None:
    """Only the phrases since the last figure name the range."""
    reading = read(
        "Inconvenient shopping accounted for 7.6%, and getting a taxi for between 5% and 6%."
    )
    found = sorted((d["inconvenience"], d.get("bound"), v) for _, d, _, v, _ in reading.values())
    assert found == [
        ("shopping", None, D("7.6")),
        ("taxi", "lower", D(5)),
        ("taxi", "upper", D(6)),
    ]


def test_a_range_of_several_breakdowns_without_each_is_left_out() -> None:
    """ "A and B accounted for between 5% and 6%" may be their sum: it is not read."""
    reading = read(
        "Getting a taxi and purchasing train and plane tickets accounted for between 5% and 6%."
    )
    assert reading.records == []
    assert [text for text, _ in reading.reasons()] == ["5%", "6%"]
    assert {reason for _, reason in reading.reasons()} == {
        "a range shared by several breakdowns without 'each' (it may be their sum)"
    }


def test_a_range_the_catalogue_does_not_name_is_left_out() -> None:
    reading = read("The share of the unnamed lay between 5% and 6%.")
    assert reading.records == []
    assert reading.reasons() == [
        ("5%", "a range whose breakdowns the catalogue does not name"),
        ("6%", "a range whose breakdowns the catalogue does not name"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 6% and 7%", True),
        ("between 6% to 7%", True),
        ("between 1.5 million and 2 million", True),
        ("between 6% and 7 million", False),  # the units differ
        ("from 6% to 7%", False),  # a change, not a range
        ("6% and 7%", False),  # a list
        ("between 2023 and 2024, 6% and 7%", False),
    ],
)
def test_is_range(text: str, expected: bool) -> None:
    first, second = find_quantities(text)[-2:]
    assert is_range(text, first, second) is expected


def test_ranges_in_finds_both_ends_of_each_range() -> None:
    text = "between 6% and 7%, and between 5% and 6%, with 3% and 4%"
    ends = ranges_in(text, find_quantities(text))
    assert [q.text for q in ends] == ["6%", "7%", "5%", "6%"]


def test_a_range_after_a_page_break_is_read_with_the_phrases_before_it() -> None:
    """The sentence is cut by footnotes; the breakdowns before the break name the range."""
    text = (
        "The proportions of inconveniences, such as difficulties in contacting family\n\n"
        "¹ China's Ministry of Industry and Information Technology, https://www.miit.gov.cn/, "
        "October 23, 2024.\n\n"
        "and friends, and in running errands and paying bills were similar, with each making "
        "up between 6% and 7%.\n"
    )
    document = parse_document(text)
    context = SourceContext(
        source="test-source",
        report="test-report",
        reference=REPORT_55[0],
        covered=period_bounds(REPORT_55[1])[1],
        default_period=REPORT_55[1],
        catalogue=CATALOGUE,
        finder=FINDER,
        document=document,
    )
    reader = SentenceReader(context)
    sentences = document.sentences
    for sentence, following in zip(sentences, (*sentences[1:], None), strict=True):
        reader.read(sentence, _continuation(sentence, following))
    found = {
        (dict(r.dimensions)["inconvenience"], dict(r.dimensions)["bound"], r.value)
        for r in reader.records
    }
    assert found == {
        ("contacting family and friends", "lower", D(6)),
        ("contacting family and friends", "upper", D(7)),
        ("errands and bills", "lower", D(6)),
        ("errands and bills", "upper", D(7)),
    }
    for record in reader.records:
        evidence = record.evidence
        assert text[evidence.start : evidence.end] == evidence.quote
        assert evidence.quote.startswith("The proportions of inconveniences")
        assert text[evidence.value_start : evidence.value_end] == evidence.as_reported
    assert reader.left_out == []
