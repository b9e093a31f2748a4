"""Texts as a search reads them: English stems, Chinese pairs, stop words, folding."""

from __future__ import annotations

import pytest

from app.queries.search_text import Analyzer

ANALYZER = Analyzer.of(["the", "of", "number", "china", "的", "中国"])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("number of 5G base stations", ("5g", "base", "station")),
        ("Smartphones", ("smartphon",)),
        ("China's netizens", ("netizen",)),
        ("internet_users_share", ("internet", "user", "share")),
        ("５Ｇ基站", ("5g", "基站")),
        ("網民規模", ("网民", "民规", "规模")),
        ("中国的网民规模", ("网民", "民规", "规模")),
        ("网", ("网",)),
        ("e-commerce", ("ecommerc",)),
        ("income of 2,001-5,000 yuan", ("incom", "20015000", "yuan")),
        ("the of 的", ()),
        ("%_'", ()),
    ],
)
def test_words_of_a_text(text: str, words: tuple[str, ...]) -> None:
    assert ANALYZER.words(text).main == words


def test_a_compound_and_a_chinese_run_also_hold_their_parts() -> None:
    assert {"e", "commerc"} <= ANALYZER.words("e-commerce").also
    assert {"网", "民"} <= ANALYZER.words("网民").also


def test_words_are_grouped_by_the_run_they_come_from() -> None:
    assert ANALYZER.words("农村 5G基站").runs == (("农村",), ("5g",), ("基站",))


def test_a_query_leaves_out_pairs_that_straddle_two_words() -> None:
    known = {"网民", "普及", "及率"}.__contains__

    assert ANALYZER.query("网民普及率", known) == ("网民", "普及", "及率")
    # A run none of whose pairs is known keeps them all: it matches nothing.
    assert ANALYZER.query("无此词", known) == ("无此", "此词")
    assert ANALYZER.query("Internet", known) == ("internet",)
