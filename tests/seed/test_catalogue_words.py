"""The catalogue's words as the seed writes them: descriptions, terms, labels, search words."""

from __future__ import annotations

import pytest

from app.seed.catalogue_words import catalogue_words, search_terms
from app.sources.catalogue import Catalogue, load_catalogue
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_ROOT / "seeds" / "catalogue.yaml")


def test_terms_are_kept_without_their_slots(catalogue: Catalogue) -> None:
    assert search_terms(catalogue.indicators["internet_users"])[:3] == [
        "Internet users",
        "netizens",
        "size of Chinese netizens",
    ]
    # "{area} Internet users" is "Internet users" again, kept once; "{reason}" names nothing.
    assert search_terms(catalogue.indicators["internet_users"]).count("Internet users") == 1
    assert search_terms(catalogue.indicators["non_internet_users_reason"]) == []


def test_only_the_indicators_served_are_written(catalogue: Catalogue) -> None:
    words = catalogue_words(catalogue, ["internet_users", "internet_users_change"])

    assert [row.code for row in words.indicators] == ["internet_users", "internet_users_change"]
    users, change = words.indicators
    assert users.description_zh == "半年内使用过互联网的6周岁及以上中国居民。"
    assert change.terms == []
    assert change.description_zh is not None


def test_every_dimension_value_is_labelled(catalogue: Catalogue) -> None:
    labels = {(row.dimension, row.value): row for row in catalogue_words(catalogue, []).labels}

    assert labels["area", "rural"].label_zh == "农村"
    assert labels["area", "rural"].names == ["rural", "rural areas", "农村", "农村地区"]
    assert labels["province", "Beijing"].label_zh is None
    assert len(labels) == sum(len(values) for values in catalogue.dimensions.values())


def test_the_search_section_becomes_words(catalogue: Catalogue) -> None:
    words = catalogue_words(catalogue, []).search
    stop = {row.phrase for row in words if row.kind == "stop"}
    synonyms = {row.phrase: row.means for row in words if row.kind == "synonym"}

    assert stop == set(catalogue.search.stop_words)
    assert synonyms["smartphone"] == ["mobile phone"]


def test_the_fingerprint_follows_every_word(catalogue: Catalogue) -> None:
    before = catalogue_words(catalogue, ["internet_users"]).fingerprint()
    changed = catalogue_words(catalogue, ["internet_users"])
    changed.labels[0].label_zh = "十至十九岁"

    assert catalogue_words(catalogue, ["internet_users"]).fingerprint() == before
    assert changed.fingerprint() != before
