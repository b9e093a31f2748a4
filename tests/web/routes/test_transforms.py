"""transform=change|pct_change|yoy on series and observations: computed, labelled, cited."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def test_series_change_is_labelled_and_shows_its_inputs(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/internet_penetration/series", params={"transform": "change"}
    )

    assert response.status_code == 200
    assert response.json() == {
        "indicator": "internet_penetration",
        "unit": "percentage_points",
        "transform": "change",
        "series": [
            {
                "dimensions": {},
                "labels": {},
                "points": [["2025-12", 1.5]],
                "computed_from": [[["2024-12", 78.6], ["2025-12", 80.1]]],
            },
            {
                "dimensions": {"area": "rural"},
                "labels": {"area": "rural"},
                "points": [["2025-12", 3.9]],
                "computed_from": [[["2024-12", 65.6], ["2025-12", 69.5]]],
            },
            {
                "dimensions": {"area": "urban"},
                "labels": {"area": "urban"},
                "points": [],
                "computed_from": [],
            },
        ],
    }


def test_series_pct_change_is_in_percent(client: TestClient) -> None:
    body = client.get(
        "/v1/indicators/internet_users/series", params={"transform": "pct_change"}
    ).json()

    assert body["unit"] == "percent"
    assert body["series"][0]["points"] == [["2024-12", 1.4726], ["2025-12", 1.5343]]


def test_series_transform_is_computed_before_the_range_is_cut(client: TestClient) -> None:
    """The change of 2025-12 needs 2024-12's value, outside the range asked for."""
    for params in ({"start": "2025"}, {"last": "1"}):
        body = client.get(
            "/v1/indicators/internet_users/series", params={"transform": "yoy", **params}
        ).json()
        assert body["series"][0]["points"] == [["2025-12", 1.5343]]


def test_series_transform_as_a_spreadsheet(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/internet_users/series", params={"transform": "change", "format": "csv"}
    )

    assert response.text == "period,_total\n2024-12,16080000\n2025-12,17000000\n"


def test_series_transform_refuses_vintages(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/internet_users/series", params={"transform": "yoy", "vintages": "all"}
    )

    assert response.status_code == 422
    assert response.json()["parameter"] == "vintages"


def test_series_refuses_an_unknown_transform(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_users/series", params={"transform": "diff"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "transform"


def _observations(client: TestClient, **params: str) -> list[dict[str, Any]]:
    response = client.get("/v1/observations", params=params)
    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    data: list[dict[str, Any]] = body["data"]
    return data


def test_observations_transform_cites_both_values(client: TestClient) -> None:
    [computed] = _observations(
        client, indicator="internet_users", transform="pct_change", start="2025"
    )

    assert computed["status"] == "computed"
    assert computed["period"] == "2025-12"
    assert computed["value"] == 1.5343
    assert computed["unit"] == "percent"
    assert computed["report"] == "cnnic-57"
    assert computed["as_reported"] is None
    assert computed["derivation"] == {
        "method": "percent change from the period before",
        "formula": "(1125000000 − 1108000000) / 1108000000 × 100",
        "inputs": [
            {"indicator": "internet_users", "dimensions": {}, "period": "2024-12",
             "report": "cnnic-55"},
            {"indicator": "internet_users", "dimensions": {}, "period": "2025-12",
             "report": "cnnic-57"},
        ],
    }  # fmt: skip
    quotes = [citation["quote"] for citation in computed["citations"]]
    assert quotes[0] == "By December 2024, China had 1,108 million Internet users"
    assert "The number of internet users in China reached 1.125 billion" in quotes


def test_observations_transform_keeps_each_breakdown_apart(client: TestClient) -> None:
    """In the default order: indicator, then dimensions as their canonical JSON text."""
    computed = _observations(client, indicator="internet_penetration", transform="change")

    assert [(row["dimensions"], row["period"], row["value"]) for row in computed] == [
        ({"area": "rural"}, "2025-12", 3.9),
        ({}, "2025-12", 1.5),
    ]


def test_observations_transform_never_includes_stated_changes(client: TestClient) -> None:
    computed = _observations(client, transform="change")

    assert {row["status"] for row in computed} == {"computed"}
    assert all(row["derivation"]["method"] == "change from the period before" for row in computed)


def test_observations_transform_as_csv(client: TestClient) -> None:
    response = client.get(
        "/v1/observations",
        params={"indicator": "internet_users", "transform": "change", "format": "csv"},
    )

    rows = response.text.splitlines()
    assert rows[0].startswith("indicator,period,")
    assert rows[1].startswith("internet_users,2024-12,2024-12-01,2024-12-31,16080000,persons,")
    assert ",computed," in rows[1]


@pytest.mark.parametrize(
    ("extra", "parameter"),
    [
        ({"limit": "5"}, "limit"),
        ({"cursor": "x"}, "cursor"),
        ({"vintages": "all"}, "vintages"),
        ({"changed_since": "2020-01-01"}, "changed_since"),
    ],
)
def test_observations_transform_refuses_what_it_cannot_combine_with(
    client: TestClient, extra: dict[str, str], parameter: str
) -> None:
    response = client.get(
        "/v1/observations", params={"indicator": "internet_users", "transform": "yoy", **extra}
    )

    assert response.status_code == 422
    assert response.json()["parameter"] == parameter
