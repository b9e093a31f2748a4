"""Changes whose subjects follow them: "a growth of more than 25% in the cumulative tourist
number and tourism revenue" is a growth of each."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.test_sentences import read

D = Decimal
TIANSHUI = "From January to September, Tianshui received a year-on-year growth of more than 25%"
BASE = {"compared_with": "2023-01/2023-09"}


def changes(text: str) -> list[tuple[str, dict[str, str], str, Decimal, str | None]]:
    return [
        (r.indicator, dict(r.dimensions), r.period, r.value, r.qualifier)
        for r in read(text).records
    ]


def test_a_change_of_each_subject_after_it() -> None:
    text = f"{TIANSHUI} in the cumulative tourist number and tourism revenue⁶⁸."
    assert changes(text) == [
        ("tianshui_tourists_growth", BASE, "2024-01/2024-09", D(25), "more than"),
        ("tianshui_tourism_revenue_growth", BASE, "2024-01/2024-09", D(25), "more than"),
    ]


def test_a_change_of_one_subject_after_it() -> None:
    text = f"{TIANSHUI} in tourism revenue."
    assert changes(text) == [
        ("tianshui_tourism_revenue_growth", BASE, "2024-01/2024-09", D(25), "more than")
    ]


def test_the_subjects_end_where_other_words_come_between() -> None:
    """ "tourism revenue" after "in spite of" is not a subject of the change."""
    text = f"{TIANSHUI} in the cumulative tourist number, in spite of tourism revenue."
    assert changes(text) == [
        ("tianshui_tourists_growth", BASE, "2024-01/2024-09", D(25), "more than")
    ]


def test_a_place_after_in_leaves_the_change_to_the_level_before() -> None:
    text = (
        "As of December 2024, China had 1,108 million Internet users, up by 1.5% "
        "year-on-year in rural areas."
    )
    assert [indicator for indicator, *_ in changes(text)] == [
        "internet_users",
        "internet_users_growth",
    ]


def test_a_subject_whose_unit_does_not_fit_the_change_is_not_its_subject() -> None:
    """Percentage points change a percentage, not tourism revenue."""
    text = f"{TIANSHUI.removesuffix('25%')}2 percentage points in tourism revenue."
    assert changes(text) == []


def test_a_change_named_by_its_noun_before_its_subject() -> None:
    """ "over 30% year-on-year growth in total revenue came from mini games": the growth of
    the mini games' revenue, in the half year the interim report covers."""
    text = (
        "Tencent's Interim Financial Report 2024 indicated that over 30% year-on-year growth "
        "in total revenue came from mini games."
    )
    assert changes(text) == [
        (
            "tencent_mini_games_revenue_growth",
            {"compared_with": "2023-01/2023-06"},
            "2024-01/2024-06",
            D(30),
            "more than",
        )
    ]


def test_a_change_measured_from_no_time_is_kept_as_given() -> None:
    text = "It achieved a 395% increase in the number of smart agents gaining revenue."
    assert changes(text) == [("baidu_revenue_smart_agents_growth", {}, "2024-12", D(395), None)]
