"""The classics of bad input, each refused with its 4xx as problem details that leak nothing.

One row per case: what is sent, the status it must get and, for a parameter problem, the
parameter the answer must name. Every answer must be ``application/problem+json`` with the
RFC 9457 members, and no body may show a stack trace, SQL, a driver's name or a file path.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from tests.conftest import PROJECT_ROOT


def forged(fields: object) -> str:
    """A cursor built by hand, the way an attacker would."""
    raw = json.dumps(fields).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass(frozen=True)
class Case:
    label: str
    url: str
    status: int
    parameter: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


OBS = "/v1/observations?indicator=internet_users"
CASES = [
    # Dates: malformed, impossible, reversed.
    Case("month 13", f"{OBS}&start=2024-13", 422, "start"),
    Case("30 February", f"{OBS}&start=2024-02-30", 422, "start"),
    Case("29 February of a common year", f"{OBS}&end=2023-02-29", 422, "end"),
    Case("month 0", f"{OBS}&end=2024-00", 422, "end"),
    Case("two-digit year", f"{OBS}&start=24", 422, "start"),
    Case("slashes", f"{OBS}&start=2024/12", 422, "start"),
    Case("a year past 9999", f"{OBS}&start=99999", 422, "start"),
    Case("words", f"{OBS}&start=yesterday", 422, "start"),
    Case("start after end", f"{OBS}&start=2025&end=2024", 422, "start"),
    Case("start day after end day", f"{OBS}&start=2024-12-31&end=2024-12-01", 422, "start"),
    Case(
        "series start after end",
        "/v1/indicators/internet_users/series?start=2025&end=2024",
        422,
        "start",
    ),
    # Parameters: unknown, repeated, out of range, of the wrong type.
    Case("unknown parameter", "/v1/reports?sort=edition", 422, "sort"),
    Case("unknown dimension", f"{OBS}&colour=red", 422, "colour"),
    Case("parameter on a resource that takes none", "/v1/reports/cnnic-55?x=1", 422, "x"),
    Case("limit repeated", f"{OBS}&limit=1&limit=2", 422, "limit"),
    Case("start repeated", f"{OBS}&start=2024&start=2025", 422, "start"),
    Case("format repeated", f"{OBS}&format=json&format=csv", 422, "format"),
    Case("q repeated", "/v1/indicators?q=users&q=rate", 422, "q"),
    Case("limit 0", f"{OBS}&limit=0", 422, "limit"),
    Case("limit 1001", f"{OBS}&limit=1001", 422, "limit"),
    Case("limit negative", f"{OBS}&limit=-1", 422, "limit"),
    Case("limit in exponent form", f"{OBS}&limit=1e3", 422, "limit"),
    Case("limit a fraction", f"{OBS}&limit=1.5", 422, "limit"),
    Case("limit huge", f"{OBS}&limit={'9' * 40}", 422, "limit"),
    Case("last 0", f"{OBS}&last=0", 422, "last"),
    Case("vintages unknown", f"{OBS}&vintages=some", 422, "vintages"),
    Case("format unknown", f"{OBS}&format=xml", 422, "format"),
    Case(
        "51 indicators",
        "/v1/observations?indicator=" + ",".join(f"i{n}" for n in range(51)),
        422,
        "indicator",
    ),
    # Forged cursors.
    Case("cursor not base64", f"{OBS}&cursor=%%%", 422, "cursor"),
    Case("cursor of random bytes", f"{OBS}&cursor=3q2-7w", 422, "cursor"),
    Case("cursor of a JSON object", f"{OBS}&cursor={forged({'id': 1})}", 422, "cursor"),
    Case(
        "cursor of four fields",
        f"{OBS}&cursor={forged(['a', '{}', '2024-12-01', 55])}",
        422,
        "cursor",
    ),
    Case(
        "cursor with an impossible date",
        f"{OBS}&cursor={forged(['a', '{}', '2024-13-01', 55, 1])}",
        422,
        "cursor",
    ),
    Case(
        "cursor with a 2**70 id",
        f"{OBS}&cursor={forged(['a', '{}', '2024-12-01', 55, 2**70])}",
        422,
        "cursor",
    ),
    Case(
        "cursor with a boolean",
        f"{OBS}&cursor={forged(['a', '{}', '2024-12-01', True, 1])}",
        422,
        "cursor",
    ),
    # SQL injection.
    Case(
        "SQL in an indicator",
        "/v1/observations?indicator=%27%20OR%20%271%27%3D%271",
        404,
        "indicator",
    ),
    Case("SQL in a path", "/v1/indicators/x%27%3B%20DROP%20TABLE%20observations%3B--", 404),
    Case("SQL in a report", f"{OBS}&report=cnnic-55%27%20--", 404, "report"),
    Case("SQL in a date", f"{OBS}&start=2024%27%20OR%201%3D1--", 422, "start"),
    Case("SQL as a parameter name", f"{OBS}&1%3D1%3B--=x", 422, "1=1;--"),
    Case("SQL in a category", "/v1/indicators?category=%27%20OR%20%27%27%3D%27", 422, "category"),
    # HTML and script injection.
    Case("script in a path", "/v1/indicators/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404),
    Case(
        "markup in a category",
        "/v1/indicators?category=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        422,
        "category",
    ),
    Case("markup as a parameter name", f"{OBS}&%3Cb%3E=1", 422, "<b>"),
    # Unicode and control characters.
    Case("Chinese indicator", "/v1/observations?indicator=%E7%BD%91%E6%B0%91", 404, "indicator"),
    Case("right-to-left override", "/v1/indicators/%E2%80%AEsresu", 404),
    Case("emoji report", "/v1/reports/%F0%9F%92%A5", 404),
    Case("invalid UTF-8", "/v1/reports/%FF%FE", 404),
    Case("control characters", "/v1/observations?indicator=%01%02%1B%7F", 404, "indicator"),
    Case("NUL", "/v1/sources/cnnic-55-en%00/text", 422),
    Case("path traversal", "/v1/sources/..%2F..%2Fapp%2Fmain.py/text", 404),
    Case("static path traversal", "/docs/assets/..%2F..%2F..%2Fetc%2Fpasswd", 404),
    # Size: very long URLs and headers.
    Case("a 5 KB query", f"{OBS}&q={'x' * 5000}", 414),
    Case("a 60 KB path", f"/v1/indicators/{'x' * 60_000}", 414),
    Case("an identifier over its length", f"/v1/reports/{'x' * 65}", 422, "report_id"),
    Case("a 20 KB header", "/v1/reports", 431, headers={"X-Padding": "x" * 20_000}),
    Case("200 headers", "/v1/reports", 431, headers={f"X-H{n}": "y" * 80 for n in range(200)}),
]

LEAKS = re.compile(
    r"Traceback|File \"|site-packages|sqlalchemy|psycopg|sqlite3|SELECT |FROM |line \d+|"
    + re.escape(str(PROJECT_ROOT)),
    re.IGNORECASE,
)


@pytest.mark.parametrize("case", CASES, ids=[case.label for case in CASES])
def test_bad_input_is_refused_as_a_problem(client: TestClient, case: Case) -> None:
    response = client.get(case.url, headers=case.headers)

    assert response.status_code == case.status, response.text[:500]
    assert not LEAKS.search(response.text), response.text[:500]
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-content-type-options"] == "nosniff"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == case.status
    if case.parameter is not None:
        assert body["parameter"] == case.parameter


def test_sql_in_a_free_text_matches_nothing(client: TestClient) -> None:
    response = client.get("/v1/indicators?q=%27%20OR%20%271%27%3D%271")

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_a_wildcard_in_a_free_text_is_no_word_not_a_pattern(client: TestClient) -> None:
    response = client.get("/v1/indicators?q=%25")

    assert response.status_code == 200
    # "%" is not a word: nothing is searched for, and every entry says so.
    assert {item["match"]["words"] for item in response.json()["data"]} == {0}


def test_sql_in_a_dimension_value_is_a_value_no_observation_has(client: TestClient) -> None:
    response = client.get(
        "/v1/observations?indicator=internet_users&area=rural%27%20OR%20%271%27%3D%271"
    )

    assert response.status_code == 422
    assert response.json()["parameter"] == "area"


@pytest.mark.parametrize("query", ["indicator=", "indicator=,", "indicator=%20"])
def test_an_empty_indicator_is_refused_not_read_as_every_indicator(
    client: TestClient, query: str
) -> None:
    response = client.get(f"/v1/observations?{query}")

    assert response.status_code == 422
    assert response.json()["parameter"] == "indicator"
