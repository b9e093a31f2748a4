"""Observations as CSV: the same rows as JSON, one column per dimension."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests.dataset import add_yearly_values


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def as_csv_row(row: dict[str, Any], dimension_names: list[str]) -> dict[str, str]:
    """What a JSON observation becomes in CSV."""

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "indicator": row["indicator"],
        **{name: row["dimensions"].get(name, "_total") for name in dimension_names},
        "period": row["period"],
        "period_start": row["period_start"],
        "period_end": row["period_end"],
        "value": text(row["value"]),
        "unit": row["unit"],
        "report": row["report"],
        "status": row["status"],
        "as_reported": text(row["as_reported"]),
        "qualifier": text(row["qualifier"]),
        "attributed_to": text(row["attributed_to"]),
        "sources": ";".join(citation["source"] for citation in row["citations"]),
    }


def test_csv_parses_back_to_the_json_rows(client: TestClient) -> None:
    params = {"vintages": "all", "limit": "1000"}
    rows = client.get("/v1/observations", params=params).json()["data"]
    response = client.get("/v1/observations", params={**params, "format": "csv"})

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    parsed = parse(response.text)
    assert list(parsed[0]) == [
        "indicator",
        "area",
        "tld",
        "period",
        "period_start",
        "period_end",
        "value",
        "unit",
        "report",
        "status",
        "as_reported",
        "qualifier",
        "attributed_to",
        "sources",
    ]
    assert parsed == [as_csv_row(row, ["area", "tld"]) for row in rows]


def test_csv_by_accept_header(client: TestClient) -> None:
    by_accept = client.get(
        "/v1/observations", params={"indicator": "internet_users"}, headers={"Accept": "text/csv"}
    )
    by_format = client.get(
        "/v1/observations", params={"indicator": "internet_users", "format": "csv"}
    )

    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_format.text
    assert [row["value"] for row in parse(by_accept.text)] == [
        "1091920000",
        "1108000000",
        "1125000000",
    ]


def test_csv_only_when_preferred_to_json(client: TestClient) -> None:
    browser = client.get(
        "/v1/observations", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    )
    json_first = client.get(
        "/v1/observations", headers={"Accept": "application/json, text/csv;q=0.5"}
    )
    csv_first = client.get("/v1/observations", headers={"Accept": "application/json;q=0.5, text/*"})

    assert browser.headers["content-type"] == "application/json"
    assert json_first.headers["content-type"] == "application/json"
    assert csv_first.headers["content-type"].startswith("text/csv")


def test_format_json_overrides_accept(client: TestClient) -> None:
    response = client.get(
        "/v1/observations", params={"format": "json"}, headers={"Accept": "text/csv"}
    )

    assert response.headers["content-type"] == "application/json"


def test_csv_has_columns_of_the_asked_indicators_dimensions(client: TestClient) -> None:
    response = client.get(
        "/v1/observations", params={"indicator": "internet_penetration", "format": "csv"}
    )

    parsed = parse(response.text)
    assert "area" in parsed[0]
    assert "tld" not in parsed[0]
    assert [row["area"] for row in parsed] == ["rural", "rural", "urban", "_total", "_total"]


def test_csv_pages_share_one_header_and_link(client: TestClient) -> None:
    first = client.get("/v1/observations", params={"format": "csv", "limit": "2"})
    next_url = first.headers["link"].removeprefix("<").removesuffix('>; rel="next"')
    second = client.get(next_url)

    assert second.headers["content-type"].startswith("text/csv")
    assert first.text.splitlines()[0] == second.text.splitlines()[0]
    assert first.text.splitlines()[1:] != second.text.splitlines()[1:]


def test_csv_keeps_chinese_and_commas(client: TestClient) -> None:
    response = client.get(
        "/v1/observations",
        params={"indicator": "micro_series_overseas_revenue,ai_enterprises", "format": "csv"},
    )

    rows = parse(response.content.decode("utf-8"))
    assert rows[1]["as_reported"] == "1.53 billion U.S. dollars"
    assert rows[1]["period"] == "2025-01/2025-08"
    assert rows[0]["qualifier"] == "more than"


def test_csv_bad_format(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"format": "xlsx"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "format"


def test_csv_names_the_headline_total_never_an_empty_cell(client: TestClient) -> None:
    response = client.get(
        "/v1/observations", params={"indicator": "internet_penetration", "format": "csv"}
    )
    parsed = parse(response.text)

    everything = parse(client.get("/v1/observations", params={"format": "csv"}).text)

    assert {row["area"] for row in parsed} == {"_total", "rural", "urban"}
    assert all(row["area"] and row["tld"] for row in everything)


def test_csv_without_a_page_asked_for_is_every_row(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    """What `pd.read_csv` on the README's URL reads: every row (more than a page of 100 or of
    1,000 rows' worth of pages), not a first page."""
    with Session(writable_seeded) as session, session.begin():
        add_yearly_values(session, range(1000, 2005))
    rows: list[dict[str, Any]] = []
    url: str | None = "/v1/observations?limit=1000"
    while url is not None:
        body = writable_client.get(url).json()
        rows.extend(body["data"])
        url = body["next"]
    response = writable_client.get("/v1/observations", params={"format": "csv"})

    assert response.status_code == 200
    assert "link" not in response.headers
    parsed = parse(response.text)
    assert len(parsed) == len(rows) > 1000
    assert [(row["indicator"], row["period"]) for row in parsed] == [
        (row["indicator"], row["period"]) for row in rows
    ]


def test_csv_with_a_limit_is_a_page_with_its_next_link(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"format": "csv", "limit": "2"})

    assert len(parse(response.text)) == 2
    assert 'rel="next"' in response.headers["link"]
