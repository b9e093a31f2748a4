"""Phrases that name a figure only as someone's: which of a sentence's phrases keep their
indicator, given what the paragraph named before them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from app.extract.owners import Said, owned_hits
from app.extract.terms import TermFinder
from app.sources.catalogue import Catalogue, load_catalogue


def _indicator(code: str, terms: list[str], owners: list[str] | None = None) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "code": code,
        "name": code,
        "name_zh": "指标",
        "unit": "count",
        "category": "test",
        "description": code,
        "terms": terms,
    }
    if owners is not None:
        spec["owners"] = owners
    return spec


SMALL = {
    "dimensions": {"province": {"Beijing": ["Beijing"]}},
    "bodies": {},
    "indicators": [
        _indicator("mooc_courses", ["MOOC courses"]),
        _indicator("mooc_views", ["views"], ["MOOC"]),
        _indicator("drone_orders", ["orders"], ["Meituan drones"]),
        _indicator("hailing_orders", ["orders"], ["one-key car hailing"]),
        _indicator("hailing_cities", ["one-key car hailing service"]),
        _indicator("didi_trips", ["trips"], ["Didi"]),
        _indicator("didi_cities", ["cities"], ["Didi"]),
        _indicator("channel_hours", ["total hours"], ["Channels"]),
    ],
    "tables": [],
}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    path: Path = tmp_path_factory.mktemp("owners") / "catalogue.yaml"
    path.write_text(yaml.safe_dump(SMALL), encoding="utf-8")
    return load_catalogue(path)


def named(catalogue: Catalogue, *sentences: str) -> list[tuple[str, list[str | None]]]:
    """The phrases of the last sentence, each with the indicators it keeps, after reading the
    sentences before it as one paragraph."""
    finder = TermFinder(catalogue)
    said = Said()
    hits = []
    for sentence in sentences:
        hits = owned_hits(finder.find(sentence), sentence, said, catalogue)
        said = said.then(sentence, hits)
    last = sentences[-1]
    return [(last[h.start : h.end], [t.indicator for t in h.terms]) for h in hits]


def test_an_owner_named_before_the_phrase_in_its_sentence(catalogue: Catalogue) -> None:
    found = named(
        catalogue, "The number of MOOC courses exceeded 76,800, with 1.277 billion views."
    )
    assert found == [("MOOC courses", ["mooc_courses"]), ("views", ["mooc_views"])]


def test_an_owner_named_in_an_earlier_sentence_of_the_paragraph(catalogue: Catalogue) -> None:
    found = named(
        catalogue,
        "MOOC platforms have grown.",
        "Learning is open to all.",
        "They attracted 1.277 billion views.",
    )
    assert found == [("views", ["mooc_views"])]


def test_a_phrase_with_no_owner_named_names_nothing(catalogue: Catalogue) -> None:
    assert named(catalogue, "It attracted 4.7 billion views.") == []


def test_an_owner_named_only_after_the_phrase_names_nothing(catalogue: Catalogue) -> None:
    assert named(catalogue, "It attracted 4.7 billion views on MOOC platforms.") == []


def test_another_indicators_phrase_ends_the_owners_reach(catalogue: Catalogue) -> None:
    found = named(
        catalogue,
        "Didi had provided 197 million trips in 355 cities.",
        "Meanwhile, the one-key car hailing service has been available in 325 cities.",
    )
    assert found == [("one-key car hailing service", ["hailing_cities"])]


def test_a_phrase_of_the_same_owner_does_not_end_its_reach(catalogue: Catalogue) -> None:
    found = named(catalogue, "Didi had provided 197 million trips to seniors in 355 cities.")
    assert found == [("trips", ["didi_trips"]), ("cities", ["didi_cities"])]


def test_a_phrase_two_owners_share_is_the_one_named_last(catalogue: Catalogue) -> None:
    first = named(catalogue, "Meituan drones flew, like one-key car hailing, 400,000 orders.")
    second = named(catalogue, "Like one-key car hailing, Meituan drones had 400,000 orders.")
    assert first == [("orders", ["hailing_orders"])]
    assert second == [("orders", ["drone_orders"])]


def test_an_owner_that_names_a_service_reaches_past_its_own_phrase(
    catalogue: Catalogue,
) -> None:
    found = named(
        catalogue,
        "The one-key car hailing service has been available in 325 cities.",
        "More than 150 million orders have been made.",
    )
    assert found == [("orders", ["hailing_orders"])]


@pytest.mark.parametrize(
    "sentence",
    [
        "The channels of learning have widened, with total hours up by 80%.",
        "Didier reported total trips up by 80%.",
    ],
    ids=["case matters", "a whole word only"],
)
def test_an_owner_is_its_name_as_written(catalogue: Catalogue, sentence: str) -> None:
    assert named(catalogue, sentence) == []


def test_said_keeps_the_offsets_of_each_sentences_phrases(catalogue: Catalogue) -> None:
    finder = TermFinder(catalogue)
    first, second = "MOOC courses grew.", "It had 3 views."
    said = Said().then(first, finder.find(first))
    said = said.then(second, owned_hits(finder.find(second), second, said, catalogue))
    assert [said.text[h.start : h.end] for h in said.hits] == ["MOOC courses", "views"]
