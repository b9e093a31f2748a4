"""A figure that neither its sentence nor its paragraph dates holds by the time of the source
its footnote cites: the period the source's name gives, else the day it was published."""

from __future__ import annotations

import pytest

from app.extract.footnotes import published
from tests.extract.test_sentences import read

XINHUA = "⁴¹ Xinhuanet, <https://www.xinhuanet.com/tech/c.html>, November 21, 2024.\n"
JD_HEALTH = (
    "⁷⁹ JD Health's Financial Report H1 2024, https://example.com/a.pdf, September 6, 2024.\n"
)
LATER = "⁴¹ Xinhuanet, <https://www.xinhuanet.com/tech/c.html>, January 20, 2025.\n"
UNDATED = "⁴¹ International Telecommunication Union, <https://www.itu.int/en/>.\n"
AGENTS = "Baidu AgentBuilder had over 100,000 smart agents applying the commercial component⁴¹."


def test_an_undated_figure_holds_by_the_day_its_source_was_published() -> None:
    result = read(f"{AGENTS}\n\n{XINHUA}")
    agents = result.record("100,000")
    assert (agents.period, agents.attributed_to) == ("2024-11-21", "Xinhuanet")
    (note,) = agents.notes
    assert (note.kind, note.quote) == ("date", XINHUA.removeprefix("⁴¹ ").strip())


def test_a_source_whose_name_gives_a_period_dates_the_figure_by_it() -> None:
    result = read(
        "At present, the average daily online consultation volume of JD Health Internet "
        f"Hospital was more than 480,000⁷⁹.\n\n{JD_HEALTH}"
    )
    assert result.record("480,000").period == "2024-01/2024-06"


def test_a_figure_its_paragraph_dates_after_its_source_holds_by_the_source() -> None:
    """A source published on 21 November cannot speak of the end of December."""
    result = read(
        f"By the end of December, China had 1,108 million Internet users. {AGENTS}\n\n{XINHUA}"
    )
    assert result.record("100,000").period == "2024-11-21"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (f"By November 2024, b{AGENTS[1:]}\n\n{XINHUA}", "2024-11"),
        (
            f"As of October 2024, China had 1,100 million Internet users. {AGENTS}\n\n{XINHUA}",
            "2024-10",
        ),
        (f"{AGENTS}\n\n{LATER}", "2024-12"),
        (f"{AGENTS}\n\n{UNDATED}", "2024-12"),
        (AGENTS.replace("⁴¹", "") + f"\n\n{XINHUA}", "2024-12"),
    ],
    ids=[
        "dated by its sentence",
        "dated by its paragraph",
        "a source published after the report's period",
        "a source with no date",
        "no footnote on it",
    ],
)
def test_a_figure_dated_otherwise_keeps_its_date(text: str, period: str) -> None:
    agents = read(text).record("100,000")
    assert agents.period == period
    assert all(note.quote[:9] != "Xinhuanet" for note in agents.notes)


def test_a_change_from_a_year_before_is_measured_from_its_sources_day() -> None:
    result = read(
        "WeChat Search users grew, and the search volume grew by 30% year-on-year⁴¹.\n\n" + XINHUA
    )
    assert [(r.indicator, dict(r.dimensions), r.period) for r in result.records] == [
        ("wechat_search_volume_growth", {"compared_with": "2023-11-21"}, "2024-11-21")
    ]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("Xinhuanet, <https://www.xinhuanet.com/c.html>, November 21, 2024.", "November 21, 2024"),
        ("Sina, https://finance.sina.com.cn/a.shtml, November 6, 2024.", "November 6, 2024"),
        ("International Telecommunication Union, <https://www.itu.int/en/>.", None),
        ("The number of online video users was updated by November 2024.", None),
    ],
)
def test_the_day_a_citation_says_its_source_was_published(body: str, day: str | None) -> None:
    assert published(body) == day
