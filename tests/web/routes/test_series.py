"""GET /v1/indicators/{code}/series: one line per set of dimensions, in time order."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_read_series(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_penetration/series")

    assert response.status_code == 200
    assert response.json() == {
        "indicator": "internet_penetration",
        "unit": "percent",
        "series": [
            {"dimensions": {}, "labels": {}, "points": [["2024-12", 78.6], ["2025-12", 80.1]]},
            {
                "dimensions": {"area": "rural"},
                "labels": {"area": "rural"},
                "points": [["2024-12", 65.6], ["2025-12", 69.5]],
            },
            {
                "dimensions": {"area": "urban"},
                "labels": {"area": "urban"},
                "points": [["2024-12", 85.3]],
            },
        ],
    }


def test_read_series_gives_one_vintage_a_period(client: TestClient) -> None:
    series = client.get("/v1/indicators/generative_ai_users/series").json()["series"]

    assert series == [
        {"dimensions": {}, "labels": {}, "points": [["2024-12", 249000000], ["2025-12", 602000000]]}
    ]


def test_read_series_in_time_order(client: TestClient) -> None:
    series = client.get("/v1/indicators/internet_users/series").json()["series"]

    assert [period for period, _ in series[0]["points"]] == ["2023-12", "2024-12", "2025-12"]


def test_read_series_filtered(client: TestClient) -> None:
    def lines(**params: str) -> list[object]:
        response = client.get("/v1/indicators/internet_penetration/series", params=params)
        assert response.status_code == 200
        series: list[object] = response.json()["series"]
        return series

    assert lines(area="rural", start="2025") == [
        {
            "dimensions": {"area": "rural"},
            "labels": {"area": "rural"},
            "points": [["2025-12", 69.5]],
        }
    ]
    assert lines(report="cnnic-57", end="2025-12-31") == [
        {"dimensions": {}, "labels": {}, "points": [["2025-12", 80.1]]},
        {
            "dimensions": {"area": "rural"},
            "labels": {"area": "rural"},
            "points": [["2025-12", 69.5]],
        },
    ]
    assert lines(last="1", area="urban") == [
        {
            "dimensions": {"area": "urban"},
            "labels": {"area": "urban"},
            "points": [["2024-12", 85.3]],
        }
    ]
    assert lines(start="2026") == []


def test_read_series_not_found(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_penetrations/series")

    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "internet_penetration"


def test_read_series_refuses_observation_only_parameters(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_penetration/series", params={"limit": "5"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "limit"
    assert "limit" not in problem["allowed"]
    assert {"start", "end", "report", "last", "area"} <= set(problem["allowed"])


def test_read_series_start_after_end(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/internet_users/series", params={"start": "2025", "end": "2024-06"}
    )

    assert response.status_code == 422
    assert response.json()["parameter"] == "start"


def test_read_series_as_a_spreadsheet(client: TestClient) -> None:
    response = client.get("/v1/indicators/internet_penetration/series", params={"format": "csv"})

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text == (
        "period,_total,area=rural,area=urban\n2024-12,78.6,65.6,85.3\n2025-12,80.1,69.5,\n"
    )


def test_read_series_as_csv_by_accept_header_and_with_filters(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/internet_penetration/series",
        params={"area": "rural"},
        headers={"Accept": "text/csv"},
    )

    assert response.text == "period,area=rural\n2024-12,65.6\n2025-12,69.5\n"


def test_read_series_csv_writes_whole_numbers_as_integers(client: TestClient) -> None:
    response = client.get("/v1/indicators/generative_ai_users/series", params={"format": "csv"})

    assert response.text == "period,_total\n2024-12,249000000\n2025-12,602000000\n"


def test_read_series_with_vintages_lists_every_report(client: TestClient) -> None:
    response = client.get("/v1/indicators/generative_ai_users/series", params={"vintages": "all"})

    assert response.json()["series"] == [
        {
            "dimensions": {},
            "labels": {},
            "points": [["2024-12", 249000000], ["2025-12", 602000000]],
            "vintages": [
                ["2024-12", 249000000, "cnnic-55"],
                ["2024-12", 249069094, "cnnic-57"],
                ["2025-12", 602000000, "cnnic-57"],
            ],
        }
    ]


def test_read_series_vintages_as_a_spreadsheet(client: TestClient) -> None:
    response = client.get(
        "/v1/indicators/generative_ai_users/series", params={"vintages": "all", "format": "csv"}
    )

    assert response.text == (
        "period,report,_total\n"
        "2024-12,cnnic-55,249000000\n"
        "2024-12,cnnic-57,249069094\n"
        "2025-12,cnnic-57,602000000\n"
    )


def test_read_series_labels_its_lines_in_the_language_asked_for(client: TestClient) -> None:
    chinese = client.get("/v1/indicators/internet_penetration/series", params={"lang": "zh"})
    by_header = client.get(
        "/v1/indicators/internet_penetration/series", headers={"Accept-Language": "zh-CN"}
    )

    assert [line["labels"] for line in chinese.json()["series"]] == [
        {},
        {"area": "农村"},
        {"area": "城镇"},
    ]
    # The keys stay the values filters take.
    assert [line["dimensions"] for line in chinese.json()["series"]][1] == {"area": "rural"}
    assert by_header.json() == chinese.json()
    assert chinese.headers["content-language"] == by_header.headers["content-language"] == "zh"
