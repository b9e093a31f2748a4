"""GET /v1/indicators and /v1/indicators/{code}: the catalogue and its coverage."""

from __future__ import annotations

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
    assert codes(client, q="人工智能") == [
        "ai_enterprises",
        "generative_ai_users",
        "new_ai_software_smes",
    ]


def test_list_indicators_search_needs_every_word(client: TestClient) -> None:
    assert codes(client, q="internet users") == ["internet_users"]
    assert codes(client, q="internet nothing") == []


def test_list_indicators_search_takes_wildcards_literally(client: TestClient) -> None:
    assert codes(client, q="%") == []
    assert codes(client, q="_") == codes(client)  # every code has an underscore


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
        "name_zh": "互联网普及率",
        "description": "Internet penetration rate, as CNNIC counts them.",
        "unit": "percent",
        "category": "internet_users",
        "dimensions": ["area"],
        "dimension_values": {"area": ["rural", "urban"]},
        "first_period": "2024-12",
        "last_period": "2025-12",
        "observations": 5,
        "reports": ["cnnic-55", "cnnic-57"],
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
