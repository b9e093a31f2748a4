"""GET /v1/indicators and /v1/indicators/{code}: the catalogue and its coverage."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def codes(client: TestClient, **params: str) -> list[str]:
    response = client.get("/v1/indicators", params=params)
    assert response.status_code == 200
    return [item["code"] for item in response.json()["data"]]


def test_list_indicators_by_code(client: TestClient) -> None:
    found = codes(client)

    assert found == sorted(found)
    assert len(found) == 9


def test_list_indicators_searches_english_names(client: TestClient) -> None:
    assert codes(client, q="Penetration") == ["internet_penetration"]


def test_list_indicators_searches_chinese_names(client: TestClient) -> None:
    assert codes(client, q="网民") == ["internet_users"]
    assert codes(client, q="網民") == ["internet_users"]  # traditional characters too
    assert codes(client, q="人工智能") == [
        "ai_enterprises",
        "generative_ai_users",
        "new_ai_software_smes",
    ]


def test_list_indicators_searches_terms_and_synonyms(client: TestClient) -> None:
    assert codes(client, q="netizens") == ["internet_users"]
    # A synonym: "online population" is read as "Internet users" (a category's words too).
    assert codes(client, q="online population")[0] == "internet_users"
    assert codes(client, q="网友") == ["internet_users"]


def test_list_indicators_search_leaves_out_stop_words(client: TestClient) -> None:
    assert codes(client, q="number of 5G base stations in China") == ["base_stations_5g"]
    assert codes(client, q="中国的网民") == ["internet_users"]


def test_list_indicators_search_ranks_every_word_before_some(client: TestClient) -> None:
    response = client.get("/v1/indicators", params={"q": "internet users"})
    found = response.json()["data"]

    assert found[0]["code"] == "internet_users"
    assert found[0]["match"] == {
        "words": 2,
        "matched": 2,
        "fields": ["code", "name", "terms", "description"],
        "dimension_values": {},
    }
    # The category "internet_users" holds both words of "Internet penetration rate";
    # "Generative AI users" holds one: after.
    assert [(item["code"], item["match"]["matched"]) for item in found] == [
        ("internet_users", 2),
        ("internet_penetration", 2),
        ("generative_ai_users", 1),
    ]


def test_list_indicators_search_names_the_breakdowns_asked_for(client: TestClient) -> None:
    response = client.get("/v1/indicators", params={"q": "rural penetration"})
    (found,) = response.json()["data"]

    assert found["code"] == "internet_penetration"
    assert found["match"]["fields"] == ["code", "name", "dimension_values", "description"]
    assert found["match"]["dimension_values"] == {"area": ["rural"]}
    assert codes(client, q="农村") == ["internet_penetration"]


def test_list_indicators_search_of_nonsense_is_empty(client: TestClient) -> None:
    assert codes(client, q="xyzzy plugh") == []
    assert codes(client, q="internet nothing") == ["internet_penetration", "internet_users"]


@pytest.mark.parametrize("query", ["the of", "中国的", "%", "_", " "])
def test_list_indicators_search_of_no_word_searches_for_nothing(
    client: TestClient, query: str
) -> None:
    response = client.get("/v1/indicators", params={"q": query})

    assert response.status_code == 200
    found = response.json()["data"]
    assert [item["code"] for item in found] == codes(client)
    assert {item["match"]["words"] for item in found} == {0}
    assert {item["match"]["matched"] for item in found} == {0}


def test_list_indicators_without_a_search_has_no_match(client: TestClient) -> None:
    response = client.get("/v1/indicators")
    assert {item["match"] is None for item in response.json()["data"]} == {True}


def test_list_indicators_of_category(client: TestClient) -> None:
    assert codes(client, category="infrastructure") == ["base_stations_5g", "ipv6_addresses"]
    assert codes(client, category="artificial_intelligence", q="users") == ["generative_ai_users"]


def test_list_indicators_unknown_category_lists_them(client: TestClient) -> None:
    response = client.get("/v1/indicators", params={"category": "telecoms"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "category"
    assert "infrastructure" in problem["allowed"]
    assert "infrastructure" in problem["detail"]


def test_read_indicator_with_coverage(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_penetration")

    assert response.status_code == 200
    assert response.json() == {
        "code": "internet_penetration",
        "name": "Internet penetration rate",
        "name_en": "Internet penetration rate",
        "name_zh": "互联网普及率",
        "description": "Internet penetration rate, as CNNIC counts them.",
        "languages": {"name": "en", "description": "en"},
        "unit": "percent",
        "category": "internet_users",
        "dimensions": ["area"],
        "dimension_values": {"area": ["rural", "urban"]},
        "dimension_labels": {"area": {"rural": "rural", "urban": "urban"}},
        "first_period": "2024-12",
        "last_period": "2025-12",
        "observations": 5,
        "reports": ["cnnic-55", "cnnic-57"],
        "match": None,
    }


def test_read_indicator_coverage_counts_every_vintage(client: TestClient) -> None:
    indicator = client.get("/v1/indicators/generative_ai_users").json()

    assert indicator["observations"] == 3
    assert (indicator["first_period"], indicator["last_period"]) == ("2024-12", "2025-12")


def test_read_indicator_coverage_of_intervals_and_quarters(client: TestClient) -> None:
    revenue = client.get("/v1/indicators/micro_series_overseas_revenue").json()
    smes = client.get("/v1/indicators/new_ai_software_smes").json()

    assert revenue["first_period"] == revenue["last_period"] == "2025-01/2025-08"
    assert smes["first_period"] == "2025-Q1"


def test_read_indicator_without_data(client: TestClient) -> None:
    indicator = client.get("/v1/indicators/ipv6_addresses").json()

    assert indicator["first_period"] is None
    assert indicator["last_period"] is None
    assert indicator["observations"] == 0
    assert indicator["reports"] == []
    assert indicator["dimensions"] == []


def test_read_indicator_not_found_suggests_closest(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_user")

    assert response.status_code == 404
    problem = response.json()
    assert problem["suggestions"][0] == "internet_users"
    assert "internet_users" in problem["detail"]
    assert problem["instance"] == "/v1/indicators/internet_user"


def test_read_indicator_unknown_parameter(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_users", params={"q": "x"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "q"
