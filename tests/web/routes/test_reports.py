"""GET /v1/reports and /v1/reports/{id}."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_list_reports_oldest_edition_first_with_sources(client: TestClient) -> None:
    response = client.get("/v1/reports")

    assert response.status_code == 200
    reports = response.json()["data"]
    assert [report["id"] for report in reports] == ["cnnic-55", "cnnic-57"]
    assert reports[0] == {
        "id": "cnnic-55",
        "title": "The 55th Statistical Report on China's Internet Development",
        "publisher": "China Internet Network Information Center (CNNIC)",
        "edition": 55,
        "published": "2025-01",
        "sources": ["cnnic-55-en"],
    }
    assert reports[1]["sources"] == [
        "cnnic-57-cctv-zh",
        "cnnic-57-chinadaily-en",
        "cnnic-57-ecns-en",
        "cnnic-57-xinhua-en",
    ]


def test_read_report(client: TestClient) -> None:
    response = client.get("/v1/reports/cnnic-57")

    assert response.status_code == 200
    assert response.json()["edition"] == 57


def test_read_report_not_found_suggests_closest(client: TestClient) -> None:
    response = client.get("/v1/reports/cnnic-56")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:cnnic-stats:problem:not-found"
    assert problem["status"] == 404
    assert set(problem["suggestions"]) == {"cnnic-55", "cnnic-57"}
    assert "cnnic-56" in problem["detail"]


def test_list_reports_unknown_parameter(client: TestClient) -> None:
    response = client.get("/v1/reports", params={"edition": "55"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == "urn:cnnic-stats:problem:unknown-parameter"
    assert problem["parameter"] == "edition"
    assert problem["allowed"] == []
    assert "'edition'" in problem["detail"]
