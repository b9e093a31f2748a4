"""Reading a claim: many phrasings of a figure, in English and Chinese, read with the engine's
readers and the catalogue's words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.checks.reading import ClaimReader
from app.sources.catalogue import load_catalogue
from tests.conftest import PROJECT_ROOT

# The day the 57th report, the latest, was published.
PUBLISHED = dt.date(2026, 2, 5)


@pytest.fixture(scope="module")
def reader() -> ClaimReader:
    return ClaimReader(load_catalogue(PROJECT_ROOT / "seeds" / "catalogue.yaml"), PUBLISHED)


@pytest.mark.parametrize(
    ("claim", "indicator", "dimensions", "value", "period"),
    [
        # English, as the wires write it
        ("China had 1.079 billion internet users in June 2023",
         "internet_users", {}, "1079000000", "2023-06"),
        ("The number of internet users in China reached 1.125 billion by the end of "
         "December 2025", "internet_users", {}, "1125000000", "2025-12"),
        ("By December 2024, China had 1,108 million Internet users",
         "internet_users", {}, "1108000000", "2024-12"),
        ("China's internet penetration rate was 78.6% at the end of 2024",
         "internet_penetration", {}, "78.6", "2024-12"),
        ("The number of rural internet users reached 313.08 million by December 2024",
         "internet_users", {"area": "rural"}, "313080000", "2024-12"),
        ("China had 4.838 million 5G base stations by the end of 2025",
         "base_stations_5g", {}, "4838000", "2025-12"),
        ("internet users grew by 16.08 million in 2024",
         "internet_users_change", {}, "16080000", "2024-12"),
        ("1,092,000,000 internet users", "internet_users", {}, "1092000000", None),
        # Chinese, as the press writes it
        ("10.92亿网民 2023年12月", "internet_users", {}, "1092000000", "2023-12"),
        ("截至2023年12月，我国网民规模达10.92亿人", "internet_users", {}, "1092000000", "2023-12"),
        ("网民规模10.92亿", "internet_users", {}, "1092000000", None),
        ("2024年底网民规模达11.08亿", "internet_users", {}, "1108000000", "2024-12"),
        ("互联网普及率达76.4%", "internet_penetration", {}, "76.4", None),
        ("农村地区互联网普及率为65.6%", "internet_penetration", {"area": "rural"}, "65.6", None),
        ("生成式人工智能用户规模达2.49亿人", "generative_ai_users", {}, "249000000", None),
        # Traditional characters are read as simplified ones.
        ("網民規模達9.89億", "internet_users", {}, "989000000", None),
    ],
)  # fmt: skip
def test_a_claim_worded_as_a_sentence_is_read_by_the_engine(
    reader: ClaimReader,
    claim: str,
    indicator: str,
    dimensions: dict[str, str],
    value: str,
    period: str | None,
) -> None:
    reading = reader.read(claim)

    assert reading.read_as == "sentence"
    assert reading.figure is not None
    assert [named.code for named in reading.indicators] == [indicator]
    assert dict(reading.dimensions) == dimensions
    assert reading.figure.value == Decimal(value)
    assert reader.period_for(reading, indicator) == period


@pytest.mark.parametrize(
    ("claim", "indicator", "phrase", "dimensions", "value"),
    [
        ("5G基站 337.7万个", "base_stations_5g", "5G基站", {}, "3377000"),
        ("5G base stations 4.838 million", "base_stations_5g", "5G base stations", {},
         "4838000"),
        ("农村网民 3.26亿", "internet_users", "农村网民", {"area": "rural"}, "326000000"),
        ("rural internet penetration 65.6%", "internet_penetration",
         "rural internet penetration", {"area": "rural"}, "65.6"),
        # A breakdown named apart from the indicator's phrase narrows it.
        ("Internet penetration in rural areas: 65.6%", "internet_penetration",
         "Internet penetration in rural areas", {"area": "rural"}, "65.6"),
        ("Internet users aged 60 and above: 161 million", "internet_users",
         "Internet users aged 60 and above", {"age_group": "60+"}, "161000000"),
        # A percentage of a count is the count's share.
        ("网民中农村网民占比28.2%", "internet_users_share", "农村网民", {"area": "rural"},
         "28.2"),
    ],
)  # fmt: skip
def test_a_telegraphic_claim_is_read_by_its_phrases(
    reader: ClaimReader,
    claim: str,
    indicator: str,
    phrase: str,
    dimensions: dict[str, str],
    value: str,
) -> None:
    reading = reader.read(claim)

    assert reading.read_as == "phrases"
    assert reading.figure is not None
    assert reading.indicators[0].code == indicator
    assert reading.indicators[0].phrase == phrase
    assert dict(reading.dimensions) == dimensions
    assert reading.figure.value == Decimal(value)


@pytest.mark.parametrize(
    ("claim", "unit", "dimensions"),
    [
        ("penetration 76.4%", "percent", {}),
        ("76.4%", "percent", {}),
        ("rural 65.6%", "percent", {"area": "rural"}),
        ("337.7万", "count", {}),
    ],
)
def test_a_claim_that_names_no_indicator_is_left_to_its_value(
    reader: ClaimReader, claim: str, unit: str, dimensions: dict[str, str]
) -> None:
    reading = reader.read(claim)

    assert reading.read_as == "value"
    assert reading.figure is not None
    assert reading.figure.unit == unit
    assert reading.indicators == ()
    assert dict(reading.dimensions) == dimensions


@pytest.mark.parametrize(
    ("claim", "text", "precision", "qualifier"),
    [
        ("10.92亿网民", "10.92亿", "1000000", None),
        ("10.9亿网民", "10.9亿", "10000000", None),
        ("1,092,000,000 internet users", "1,092,000,000", "1", None),
        ("more than 1.1 billion netizens", "1.1 billion", "100000000", "more than"),
        ("互联网普及率突破80%", "80%", "1", "more than"),
        ("近11亿网民", "11亿", "100000000", "nearly"),
    ],
)
def test_a_figure_is_read_to_its_last_written_digit_with_its_qualifier(
    reader: ClaimReader, claim: str, text: str, precision: str, qualifier: str | None
) -> None:
    figure = reader.read(claim).figure

    assert figure is not None
    assert figure.text == text
    assert figure.precision == Decimal(precision)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    ("claim", "written", "period"),
    [
        ("10.92亿网民 2023年12月", "2023年12月", "2023-12"),
        ("China had 1.125 billion internet users in 2025", "in 2025", "2025-12"),  # a stock
        ("By December, 1.125 billion internet users", "By December", "2025-12"),
        ("网民规模达11.25亿 截至2025年12月31日", "截至2025年12月31日", "2025-12"),
        ("last year China had 1.125 billion internet users", "last year", "2025-12"),
    ],
)
def test_the_period_is_the_date_the_claim_gives_its_figure(
    reader: ClaimReader, claim: str, written: str, period: str
) -> None:
    reading = reader.read(claim)

    assert reading.period is not None
    assert reading.period.text == written
    assert reader.period_for(reading, reading.indicators[0].code) == period


def test_a_claim_with_no_date_gives_no_period(reader: ClaimReader) -> None:
    reading = reader.read("5G基站 337.7万个")

    assert reading.period is None
    assert reader.period_for(reading, "base_stations_5g") is None


@pytest.mark.parametrize(
    "claim", ["internet users 2023", "网民规模大幅增长", "lots of people online", "5G"]
)
def test_a_claim_with_no_figure_says_what_else_it_gives(reader: ClaimReader, claim: str) -> None:
    reading = reader.read(claim)

    assert reading.figure is None
    assert reading.read_as is None


def test_a_claim_with_no_figure_still_names_its_indicator_and_date(reader: ClaimReader) -> None:
    reading = reader.read("internet users in 2023")

    assert [named.code for named in reading.indicators] == ["internet_users"]
    assert reading.period is not None
    assert reading.period.period == "2023"


def test_the_first_figure_is_checked_and_the_others_named(reader: ClaimReader) -> None:
    reading = reader.read("截至2025年12月，我国网民规模达11.25亿人，互联网普及率突破80%")

    assert reading.figure is not None
    assert reading.figure.text == "11.25亿"
    assert reading.others == ("80%",)


def test_spaces_and_line_breaks_are_collapsed(reader: ClaimReader) -> None:
    reading = reader.read("  10.92亿网民\n\n2023年12月 ")

    assert reading.claim == "10.92亿网民 2023年12月"
    assert reading.period is not None
    assert reading.period.period == "2023-12"
