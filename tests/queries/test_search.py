"""Searching the catalogue the real seed writes: what people type finds what they mean."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from app.queries.search import Hit, SearchIndex, search_index
from app.seed.writer import seed_database
from tests.conftest import PROJECT_ROOT, empty_engine


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    engine = empty_engine("sqlite", tmp_path_factory.mktemp("search"))
    seed_database(engine, PROJECT_ROOT / "seeds")
    with Session(engine) as session:
        yield search_index(session=session)
    engine.dispose()


def codes(index: SearchIndex, query: str) -> list[str]:
    return [hit.code for hit in index.search(query)]


def hit(index: SearchIndex, query: str, code: str) -> Hit:
    return next(hit for hit in index.search(query) if hit.code == code)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("number of 5G base stations", "base_stations_5g"),
        ("5G基站数量", "base_stations_5g"),
        ("netizens", "internet_users"),
        ("China's netizens", "internet_users"),
        ("internet users", "internet_users"),
        ("网民", "internet_users"),
        ("網民規模", "internet_users"),
        ("网友", "internet_users"),
        ("普及率", "internet_penetration"),
        ("Penetration", "internet_penetration"),
        ("农村互联网普及率", "internet_penetration"),
        ("generative AI users", "generative_ai_users"),
        ("mobile internet users", "mobile_internet_users"),
    ],
)
def test_the_indicator_meant_comes_first(index: SearchIndex, query: str, first: str) -> None:
    assert codes(index, query)[0] == first


def test_a_smartphone_is_a_mobile_phone(index: SearchIndex) -> None:
    found = codes(index, "smartphone")

    assert {"individuals_owning_mobile_phone", "mobile_internet_users"} <= set(found)
    # The catalogue's own "Smartphones" is found too, by its stem.
    assert "age_friendly_upgraded_devices" in found
    assert hit(index, "smartphone", "access_device_usage").dimension_values == {
        "device": ["mobile phone"]
    }


def test_every_word_matched_ranks_before_some(index: SearchIndex) -> None:
    hits = index.search("number of 5G base stations")
    matched = [hit.matched for hit in hits]

    assert matched == sorted(matched, reverse=True)
    assert hits[0].matched == hits[0].words == 3
    assert "mobile_base_stations" in [hit.code for hit in hits if hit.matched < 3]


def test_a_name_ranks_before_a_description(index: SearchIndex) -> None:
    found = codes(index, "rural")
    by_name = found.index("rural_tourism_product_bookings_growth")
    by_breakdown = found.index("internet_penetration")

    assert by_name < by_breakdown
    assert hit(index, "rural", "internet_penetration").fields == ["dimension_values"]


def test_a_breakdown_the_query_names_is_given(index: SearchIndex) -> None:
    assert hit(index, "rural", "internet_penetration").dimension_values == {"area": ["rural"]}
    assert hit(index, "农村", "internet_penetration").dimension_values == {"area": ["rural"]}
    assert hit(index, "online payment users", "application_users").dimension_values == {
        "application": ["online payment"]
    }
    # Words the indicator's own names hold name no breakdown.
    assert hit(index, "internet users", "application_users").dimension_values == {}


def test_ties_are_broken_by_code(index: SearchIndex) -> None:
    # 互联网普及率增量 and 互联网普及率差距 hold 普及率 alike.
    found = codes(index, "普及率")
    assert found.index("internet_penetration_change") + 1 == found.index("internet_penetration_gap")


def test_stop_words_alone_leave_no_word(index: SearchIndex) -> None:
    assert index.words_of("the number of") == ()
    assert index.words_of("中国的") == ()
    assert index.search("the number of") == []


def test_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert index.search("xyzzy plugh") == []
    assert index.search("龘靐齉") == []
