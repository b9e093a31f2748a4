"""Reading period phrases out of the seed texts as ISO 8601 periods."""

from __future__ import annotations

import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.extract.periods import find_periods, parse_period
from app.periods import period_bounds
from app.sources.catalogue import load_catalogue
from tests.conftest import PROJECT_ROOT

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPORT_55 = datetime.date(2025, 1, 15)  # the 55th report, January 2025
NEWS = datetime.date(2026, 2, 5)  # the news articles on the 57th report


# (sentence, reference, phrase as written, period)
MENTIONS = [
    ("By December 2024, China had 1,108 million", REPORT_55, "By December 2024", "2024-12"),
    ("As of November 2024, the number of 5G", REPORT_55, "As of November 2024", "2024-11"),
    ("Up to December 2024, the number", REPORT_55, "Up to December 2024", "2024-12"),
    ("updated by November 2024.", REPORT_55, "by November 2024", "2024-11"),
    (
        "an increase of 16.08 million from December 2023.",
        REPORT_55,
        "from December 2023",
        "2023-12",
    ),
    ("up by 1.6% over December 2023.", REPORT_55, "December 2023", "2023-12"),
    ("In November 2024, among the five", REPORT_55, "In November 2024", "2024-11"),
    ("In March 2024, Tencent's financial report", REPORT_55, "In March 2024", "2024-03"),
    ("Since February 2024, the number of 5G", REPORT_55, "Since February 2024", "2024-02"),
    ("The deadline is December, 2024.", REPORT_55, "December, 2024", "2024-12"),
    (
        "Figure 21 from Dec. 2020 to Dec. 2024",
        REPORT_55,
        "from Dec. 2020 to Dec. 2024",
        "2020-12/2024-12",
    ),
    (
        "Figure 22 from Dec. 2020 and Dec. 2024",
        REPORT_55,
        "from Dec. 2020 and Dec. 2024",
        "2020-12/2024-12",
    ),
    ("the end of December 2025, pushing", NEWS, "the end of December 2025", "2025-12"),
    (
        "reached 1.125 billion by the end of December 2025",
        NEWS,
        "by the end of December 2025",
        "2025-12",
    ),
    ("By the end of 2025, China's internet", NEWS, "By the end of 2025", "2025-12"),
    ("up 141.7% from the end of 2024, with", NEWS, "from the end of 2024", "2024-12"),
    ("compared to the end of 2024, according", NEWS, "the end of 2024", "2024-12"),
    ("conducted by CNNIC at the end of 2005, shows", REPORT_55, "at the end of 2005", "2005-12"),
    ("By the end of last year, the number", NEWS, "By the end of last year", "2025-12"),
    ("By the end of September, Didi had", REPORT_55, "By the end of September", "2024-09"),
    ("China had more than 6,000 AI enterprises last year, while", NEWS, "last year", "2025"),
    ("the Ministry earlier this year, China had", NEWS, "earlier this year", "2026"),
    ("expected this year to", NEWS, "this year", "2026"),
    ("602 million as of December, an increase", NEWS, "as of December", "2025-12"),
    ("As of December, the utilization rate", REPORT_55, "As of December", "2024-12"),
    ("By December, China had 662 million", REPORT_55, "By December", "2024-12"),
    ("cellular IoT end-users by November, representing", REPORT_55, "by November", "2024-11"),
    ("In January, Didi and CATL set up", REPORT_55, "In January", "2024-01"),
    ("In May, CaoCao Inc. placed vehicles", REPORT_55, "In May", "2024-05"),
    ("Since July, Beijing, Shanghai", REPORT_55, "Since July", "2024-07"),
    (
        "In the first quarter of 2025, a total of 254,000",
        NEWS,
        "In the first quarter of 2025",
        "2025-Q1",
    ),
    (
        "up by more than 80% year-on-year in the first quarter³⁸.",
        REPORT_55,
        "in the first quarter",
        "2024-Q1",
    ),
    ("In the third quarter, the turnover of applets", REPORT_55, "In the third quarter", "2024-Q3"),
    ("In the second quarter, Kuaishou e-commerce", REPORT_55, "In the second quarter", "2024-Q2"),
    ("The Financial Report Q3 2024 showed", REPORT_55, "Q3 2024", "2024-Q3"),
    ("Over 500 million users in Q3 2024.", REPORT_55, "in Q3 2024", "2024-Q3"),
    ("JD Health's Financial Report H1 2024, https", REPORT_55, "H1 2024", "2024-01/2024-06"),
    (
        "Tencent's Interim Financial Report 2024 indicated",
        REPORT_55,
        "Interim Financial Report 2024",
        "2024-01/2024-06",
    ),
    ("in its 2024 interim results, the", REPORT_55, "2024 interim", "2024-01/2024-06"),
    (
        "Didachuxing's Interim Performance Announcement 2024,",
        REPORT_55,
        "Interim Performance Announcement 2024",
        "2024-01/2024-06",
    ),
    (
        "in the first three quarters of 2024, the Internet business",
        REPORT_55,
        "in the first three quarters of 2024",
        "2024-01/2024-09",
    ),
    (
        "In the first three quarters, China's cross-border",
        REPORT_55,
        "In the first three quarters",
        "2024-01/2024-09",
    ),
    (
        "by the first half of 2025, Chinese online literature",
        NEWS,
        "by the first half of 2025",
        "2025-01/2025-06",
    ),
    (
        "In the first half of the year, nearly 20,000 merchants",
        NEWS,
        "In the first half of the year",
        "2025-01/2025-06",
    ),
    (
        "In the first half of the year, nearly 20,000 merchants",
        REPORT_55,
        "In the first half of the year",
        "2024-01/2024-06",
    ),
    (
        "in revenue from January to August in 2025, a 194.9 percent",
        NEWS,
        "from January to August in 2025",
        "2025-01/2025-08",
    ),
    (
        "From January to September, Tianshui received",
        REPORT_55,
        "From January to September",
        "2024-01/2024-09",
    ),
    (
        "from November to February",
        datetime.date(2025, 3, 15),
        "from November to February",
        "2024-11/2025-02",
    ),
    ("As of January 9, over 300,000", REPORT_55, "As of January 9", "2025-01-09"),
    ("As of September 6, the touch-it payment", REPORT_55, "As of September 6", "2024-09-06"),
    ("BEIJING, Feb. 5 (Xinhua) -- China had", NEWS, "Feb. 5", "2026-02-05"),
    ("Tencent, October 31, 2024.", REPORT_55, "October 31, 2024", "2024-10-31"),
    (
        "The deadline of the statistical survey data is Dec 31, 2024.",
        REPORT_55,
        "Dec 31, 2024",
        "2024-12-31",
    ),
    ("As of Jun.18, JD.com had", REPORT_55, "As of Jun.18", "2024-06-18"),
    ("date 2026-02-05 (ECNS)", NEWS, "2026-02-05", "2026-02-05"),
    ("Since 1997, China Internet Network", REPORT_55, "Since 1997", "1997"),
    ("The year of 2024 marked the 30th anniversary", REPORT_55, "The year of 2024", "2024"),
    ("In 2024, China's basic Internet resources", REPORT_55, "In 2024", "2024"),
    ("doubling the 2022 revenue", REPORT_55, "2022", "2022"),
    ("the 14th Five-Year Plan period (2021–2025) ends", NEWS, "2021–2025", "2021/2025"),
    (
        "up 9.7 percentage points from the beginning of the 14th Five-Year Plan period "
        "(2021–2025). Rural",
        NEWS,
        "from the beginning of the 14th Five-Year Plan period (2021–2025)",
        "2020-12",
    ),
    (
        "the beginning of the 13th Five-Year Plan period (2016-2020)",
        NEWS,
        "the beginning of the 13th Five-Year Plan period (2016-2020)",
        "2015-12",
    ),
    ("报告显示,截至2025年12月,我国网民规模达11.25亿人", NEWS, "截至2025年12月", "2025-12"),
    ("较2024年底增长141.7%", NEWS, "2024年底", "2024-12"),
    ("2025年仅一季度就新设立人工智能软件研发类中小企业", NEWS, "2025年仅一季度", "2025-Q1"),
    ("2025年一季度", NEWS, "2025年一季度", "2025-Q1"),
    ("2025年第二季度", NEWS, "2025年第二季度", "2025-Q2"),
    ("2024年前三季度", NEWS, "2024年前三季度", "2024-01/2024-09"),
    ("2025年上半年", NEWS, "2025年上半年", "2025-01/2025-06"),
    ("2025年下半年", NEWS, "2025年下半年", "2025-07/2025-12"),
    ("2024年12月31日", NEWS, "2024年12月31日", "2024-12-31"),
    ("2024年", NEWS, "2024年", "2024"),
    ("Copyright © 1987-2024 河南经济报社", NEWS, "1987-2024", "1987/2024"),
]


@pytest.mark.parametrize(("sentence", "reference", "text", "period"), MENTIONS)
def test_period_mention(sentence: str, reference: datetime.date, text: str, period: str) -> None:
    mentions = find_periods(sentence, reference=reference)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert (mention.text, mention.period) == (text, period)
    assert sentence[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("Dec. 2023", "2023-12"),
        ("December 2024 (%)", "2024-12"),
        ("User scale by Dec. 2023 (10,000 people)", "2023-12"),
        ("Percentage of Internet users using the application by Dec. 2024 (%)", "2024-12"),
        ("Number by December 2024", "2024-12"),
        ("Junn 2024 (%)", "2024-06"),
        ("Septtember 2024", "2024-09"),
        ("DECEMBER 2024", "2024-12"),
        ("Table 4 Number of Web Pages from Dec. 2023 to Dec. 2024", "2023-12/2024-12"),
        ("the third quarter", "2024-Q3"),
        ("Growth rate (%)", None),
        ("a year-on-year increase of 25.2 percentage points", None),
        ("up by 12% YoY", None),
        ("the report released on Thursday", None),
        ("“十四五”时期", None),
        ("Over the past three decades", None),
        ("https://www.miit.gov.cn/jgsj/art/2024/art_42faa.html", None),
        ("The Computer-assisted 1199 million ports", None),
    ],
)
def test_parse_period(header: str, period: str | None) -> None:
    assert parse_period(header, reference=REPORT_55) == period


def test_several_mentions_in_order() -> None:
    sentence = (
        "As of December 2024, China had 1,081 million users of instant messaging, an increment "
        "of 21.7 million from December 2023, taking up 97.6% of all netizens."
    )
    mentions = find_periods(sentence, reference=REPORT_55)
    assert [(m.text, m.period) for m in mentions] == [
        ("As of December 2024", "2024-12"),
        ("from December 2023", "2023-12"),
    ]


def test_phrases_do_not_cross_line_breaks() -> None:
    text = "Figure 23 User Size from Dec. 2020 to Dec. 2024\n\nIn 2024, China's basic"
    mentions = find_periods(text, reference=REPORT_55)
    assert [(m.text, m.period) for m in mentions] == [
        ("from Dec. 2020 to Dec. 2024", "2020-12/2024-12"),
        ("In 2024", "2024"),
    ]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_mentions_are_ordered_and_valid(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    mentions = find_periods(text, reference=NEWS)
    assert mentions
    for previous, mention in pairwise(mentions):
        assert previous.end <= mention.start
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert "\n" not in mention.text
        period_bounds(mention.period)


@given(st.text(), st.dates(min_value=datetime.date(1901, 1, 1)))
def test_any_text_reads_without_error(text: str, reference: datetime.date) -> None:
    for mention in find_periods(text, reference=reference):
        assert text[mention.start : mention.end] == mention.text
        period_bounds(mention.period)


# (sentence, period) read in the 55th report: published in January 2025, covering 2024.
COVERED_2024 = datetime.date(2024, 12, 31)
COVERED = [
    ("As of January, DingTalk had 20-plus product lines", "2024-01"),
    ("As of January 9, over 300,000 three-party payment enterprises", "2024-01-09"),
    ("In the third quarter, revenue grew", "2024-Q3"),
    ("From January to September, Tianshui received", "2024-01/2024-09"),
    ("By December 2024, China had", "2024-12"),
    ("earlier this year", "2025"),
    ("the Q3 number of Meituan instant delivery transactions", "2024-Q3"),
    ("By October, 85% of Taobao shops", "2024-10"),
]


@pytest.mark.parametrize(("sentence", "period"), COVERED)
def test_phrase_without_a_year_is_read_within_the_covered_period(
    sentence: str, period: str
) -> None:
    (mention,) = find_periods(sentence, reference=REPORT_55, covered=COVERED_2024)
    assert mention.period == period


def test_phrase_without_a_year_falls_back_on_publication() -> None:
    (mention,) = find_periods("As of January, DingTalk had", reference=REPORT_55)
    assert mention.period == "2024-01"
    (later,) = find_periods("In January, it had", reference=datetime.date(2025, 2, 5))
    assert later.period == "2025-01"
    (covered,) = find_periods(
        "In January, it had", reference=datetime.date(2025, 2, 5), covered=COVERED_2024
    )
    assert covered.period == "2024-01"


# (sentence, phrase as written, period) read in the 55th report, covering 2024.
HOLIDAYS = [
    (
        "travel notes posted during China's 2024 National Day holidays, an increase",
        "2024 National Day holidays",
        "2024-10",
    ),
    (
        "During the National Day holiday, the number of",
        "During the National Day holiday",
        "2024-10",
    ),
    (
        "During the National Day Golden Week, Meituan",
        "During the National Day Golden Week",
        "2024-10",
    ),
    (
        "consumers during the May Day holidays, with a total",
        "during the May Day holidays",
        "2024-05",
    ),
    ("In the first three days of the National Day, bookings", "National Day", "2024-10"),
    ("during the 2023 National Day holiday", "during the 2023 National Day holiday", "2023-10"),
]


# Holidays are yearly events of the catalogue (`--10`, `--05`).
CATALOGUE = load_catalogue(PROJECT_ROOT / "seeds" / "catalogue.yaml")


@pytest.mark.parametrize(("sentence", "text", "period"), HOLIDAYS)
def test_a_holiday_is_read_as_its_month_and_marked_within_it(
    sentence: str, text: str, period: str
) -> None:
    holiday = find_periods(
        sentence, reference=REPORT_55, covered=COVERED_2024, events=CATALOGUE.events
    )[-1]
    assert (holiday.text, holiday.period, holiday.within) == (text, period, True)
    assert sentence[holiday.start : holiday.end] == holiday.text


# A promotion period named by its festival day ends on that day but begins weeks before it:
# only its year is sure.
PROMOTIONS = [
    ("During the Jun.18 promotion period, JD.com", "During the Jun.18 promotion period", "2024"),
    (
        "During the Nov.11 promotion period, government",
        "During the Nov.11 promotion period",
        "2024",
    ),
    ("sales in the Nov. 11 shopping festival rose", "in the Nov. 11 shopping festival", "2024"),
    ("in the Nov.11, 2023 promotion, sales", "in the Nov.11, 2023 promotion", "2023"),
]


@pytest.mark.parametrize(("sentence", "text", "period"), PROMOTIONS)
def test_a_promotion_period_is_read_as_its_year_and_marked_within_it(
    sentence: str, text: str, period: str
) -> None:
    (mention,) = find_periods(sentence, reference=REPORT_55, covered=COVERED_2024)
    assert (mention.text, mention.period, mention.within) == (text, period, True)
    assert sentence[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "sentence",
    [
        "By December 2024, China had",
        "In May, the users",
        "May 1, 2024",
        "the national day care",
        "As of Jun.18, JD.com had",
        "Jun.18 promotions",
    ],
)
def test_other_periods_are_not_within_theirs(sentence: str) -> None:
    mentions = find_periods(sentence, reference=REPORT_55, covered=COVERED_2024)
    assert [m.within for m in mentions] == [False] * len(mentions)


def test_a_holiday_without_a_year_is_the_latest_the_source_covers() -> None:
    holidays = {"May Day": "--05"}
    (mention,) = find_periods(
        "during the May Day holidays", reference=datetime.date(2025, 3, 1), events=holidays
    )
    assert mention.period == "2024-05"
    (later,) = find_periods(
        "during the May Day holidays", reference=datetime.date(2025, 5, 31), events=holidays
    )
    assert later.period == "2025-05"


def test_a_yearly_event_of_the_catalogue_needs_no_code() -> None:
    """A holiday the code has never heard of, dated by the month the catalogue gives it."""
    (mention,) = find_periods(
        "orders during the 2024 Dragon Boat Festival holiday rose",
        reference=REPORT_55,
        events={"Dragon Boat Festival": "--06"},
    )
    assert (mention.text, mention.period, mention.within) == (
        "during the 2024 Dragon Boat Festival holiday",
        "2024-06",
        True,
    )


EVENTS = {"Paris Olympics": "2024-07/2024-08"}


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("During the Paris Olympics, there were", "During the Paris Olympics"),
        ("interactions during the paris\tolympics.", "during the paris\tolympics"),
    ],
)
def test_a_named_event_is_read_as_its_months_and_marked_within_them(
    sentence: str, text: str
) -> None:
    (mention,) = find_periods(sentence, reference=REPORT_55, events=EVENTS)
    assert (mention.text, mention.period, mention.within) == (text, "2024-07/2024-08", True)
    assert sentence[mention.start : mention.end] == mention.text


def test_an_event_is_a_whole_name_and_known_only_from_the_catalogue() -> None:
    assert find_periods("the Paris Olympicsville fair", reference=REPORT_55, events=EVENTS) == []
    assert find_periods("During the Paris Olympics", reference=REPORT_55) == []
