"""GET /v1: the API's index, and the data version every answer carries."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_index_names_the_collections_and_the_data_version(client: TestClient) -> None:
    response = client.get("/v1")

    assert response.status_code == 200
    body = response.json()
    assert body["data_version"]
    assert body["data_seeded_at"]
    hrefs = {link["href"] for link in body["links"]}
    assert {
        "/v1/reports",
        "/v1/sources",
        "/v1/indicators",
        "/v1/observations",
        "/v1/releases",
    } <= hrefs
    for href in hrefs - {"/v1/indicators/{code}/series"}:
        assert client.get(href).status_code == 200, href


def test_every_data_answer_carries_the_data_version_and_its_seed_time(
    client: TestClient,
) -> None:
    index = client.get("/v1").json()

    for path in ["/v1", "/v1/reports", "/v1/observations?format=csv", "/v1/indicators"]:
        headers = client.get(path).headers
        assert headers["x-data-version"] == index["data_version"], path
        assert headers["x-data-seeded-at"] == index["data_seeded_at"], path


def test_the_index_takes_no_parameters(client: TestClient) -> None:
    response = client.get("/v1", params={"q": "x"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "q"
