"""GET /v1/releases, one release's changes, and what changed since one
(`/v1/observations?changed_since=`): what a copy of the data needs to keep up.

The data set is release 1, everything added (``fixture-1``); the tests that need a second
release make it on a database of their own, as a seed would (:func:`tests.dataset.release`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.store.models import Observation
from tests.dataset import (
    FACTS,
    INDICATORS,
    SEEDED_AT,
    Fact,
    add_observation,
    dimensions_key,
    release,
)

SECOND_SEEDED_AT = "2026-03-01T00:00:00+00:00"


def walk(client: TestClient, url: str, field: str) -> list[Any]:
    """Every item of ``field`` on every page from ``url`` on, following `next`."""
    items: list[Any] = []
    next_url: str | None = url
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body[field]
        next_url = body["next"]
        assert (response.headers.get("link") is None) == (next_url is None)
    return items


def test_the_first_release_holds_every_observation_added(client: TestClient) -> None:
    response = client.get("/v1/releases")

    assert response.status_code == 200
    (first,) = response.json()["data"]
    assert first == {
        "number": 1,
        "data_version": "fixture-1",
        "previous_version": None,
        "seeded_at": SEEDED_AT,
        "reports_added": ["cnnic-55", "cnnic-57"],
        "reports_removed": [],
        "sources_added": sorted(
            [
                "cnnic-55-en",
                "cnnic-57-cctv-zh",
                "cnnic-57-chinadaily-en",
                "cnnic-57-ecns-en",
                "cnnic-57-xinhua-en",
            ]
        ),
        "sources_removed": [],
        "added": len(FACTS),
        "revised": 0,
        "withdrawn": 0,
        "indicators_changed": sorted(code for code, *_ in INDICATORS),
        "vocabulary_changed": True,
    }
    assert response.json()["next"] is None


def test_a_release_gives_its_changes_page_by_page_by_natural_key(client: TestClient) -> None:
    changes = walk(client, "/v1/releases/fixture-1?limit=4", "changes")

    assert len(changes) == len(FACTS)
    assert {change["kind"] for change in changes} == {"added"}
    in_order = [
        ((c["indicator"], dimensions_key(c["dimensions"]), c["period"], c["report"]), c["value"])
        for c in changes
    ]
    assert in_order == sorted(
        ((f.indicator, dimensions_key(f.dimensions), f.period, f.report), f.value) for f in FACTS
    )
    users = next(c for c in changes if c["indicator"] == "internet_users")
    assert users == {
        "kind": "added",
        "reason": None,
        "indicator": "internet_users",
        "dimensions": {},
        "period": "2023-12",
        "report": "cnnic-55",
        "value": 1091920000,
        "previous_value": None,
        "previous_report": None,
    }


def test_an_unknown_release_is_a_404_naming_the_closest(client: TestClient) -> None:
    response = client.get("/v1/releases/fixture-9")

    assert response.status_code == 404
    assert response.json()["suggestions"] == ["fixture-1"]


def test_a_forged_cursor_is_refused(client: TestClient) -> None:
    response = client.get("/v1/releases", params={"cursor": "not-ours"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "cursor"


USERS_2025 = ("internet_users", "2025-12")
STATIONS_2024 = ("base_stations_5g", "2024-11")
PENETRATION_2026 = Fact(
    "internet_penetration",
    "2026-06",
    81.0,
    "cnnic-57",
    [("cnnic-57-ecns-en", "pushing the country's internet penetration rate to 80.1%", "80.1%")],
)


def _one(session: Session, indicator: str, period: str) -> Observation:
    return session.scalars(
        select(Observation).where(
            Observation.indicator_code == indicator,
            Observation.period == period,
            Observation.dimensions_key == "{}",
        )
    ).one()


def second_release(session: Session) -> None:
    """A reviewer corrects one value, a reading is added, and one is withdrawn."""
    users = _one(session, *USERS_2025)
    users.value = 1_126_000_000
    users.read_by = "corrected"
    add_observation(session, PENETRATION_2026)
    session.delete(_one(session, *STATIONS_2024))


@pytest.fixture
def released(writable_seeded: Engine) -> Engine:
    """The data set changed by :func:`second_release`, recorded as release 2 (``fixture-2``)."""
    release(writable_seeded, "fixture-2", SECOND_SEEDED_AT, second_release)
    return writable_seeded


def test_releases_are_listed_newest_first_page_by_page(
    released: Engine, writable_client: TestClient
) -> None:
    releases = walk(writable_client, "/v1/releases?limit=1", "data")

    assert [(r["number"], r["data_version"]) for r in releases] == [
        (2, "fixture-2"),
        (1, "fixture-1"),
    ]
    second = releases[0]
    assert (second["previous_version"], second["seeded_at"]) == ("fixture-1", SECOND_SEEDED_AT)
    assert (second["added"], second["revised"], second["withdrawn"]) == (1, 1, 1)
    assert (second["reports_added"], second["sources_removed"]) == ([], [])


def test_a_release_says_what_it_added_revised_and_withdrew(
    released: Engine, writable_client: TestClient
) -> None:
    body = writable_client.get("/v1/releases/fixture-2").json()

    assert body["number"] == 2
    assert [
        (c["kind"], c["reason"], c["indicator"], c["period"], c["value"], c["previous_value"])
        for c in body["changes"]
    ] == [
        ("withdrawn", None, "base_stations_5g", "2024-11", None, 4_191_000),
        ("added", None, "internet_penetration", "2026-06", 81, None),
        ("revised", "correction", "internet_users", "2025-12", 1_126_000_000, 1_125_000_000),
    ]
    withdrawn = writable_client.get("/v1/releases/fixture-2", params={"kind": "withdrawn"})
    assert [c["indicator"] for c in withdrawn.json()["changes"]] == ["base_stations_5g"]
    both = writable_client.get("/v1/releases/fixture-2?kind=added&kind=revised").json()
    assert [c["kind"] for c in both["changes"]] == ["added", "revised"]


def changed(client: TestClient, since: str, **params: str) -> list[tuple[str, str, float]]:
    response = client.get("/v1/observations", params={"changed_since": since, **params})
    assert response.status_code == 200, response.text
    return [(row["indicator"], row["period"], row["value"]) for row in response.json()["data"]]


def test_observations_changed_since_a_data_version(
    released: Engine, writable_client: TestClient
) -> None:
    since_first = [
        ("internet_penetration", "2026-06", 81),
        ("internet_users", "2025-12", 1_126_000_000),
    ]
    assert changed(writable_client, "fixture-1") == since_first
    assert changed(writable_client, "fixture-2") == []
    every = writable_client.get("/v1/observations", params={"vintages": "all", "limit": 1000})
    assert len(changed(writable_client, "2026-01-01", vintages="all", limit="1000")) == len(
        every.json()["data"]
    )


def test_observations_changed_since_a_date_or_a_time(
    released: Engine, writable_client: TestClient
) -> None:
    assert len(changed(writable_client, "2026-02-07")) == 2
    assert len(changed(writable_client, "2026-02-28T23:59:59Z")) == 2
    assert changed(writable_client, "2026-03-01T08:00:00+08:00") == []  # the same instant
    assert changed(writable_client, "2026-03-01T00:00:01") == []  # UTC when it names no zone


def test_observations_changed_since_as_csv_and_by_the_page(
    released: Engine, writable_client: TestClient
) -> None:
    response = writable_client.get(
        "/v1/observations", params={"changed_since": "fixture-1", "format": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(row["indicator"], row["value"]) for row in rows] == [
        ("internet_penetration", "81"),
        ("internet_users", "1126000000"),
    ]
    paged = walk(writable_client, "/v1/observations?changed_since=fixture-1&limit=1", "data")
    assert [row["indicator"] for row in paged] == ["internet_penetration", "internet_users"]


def test_every_answer_names_the_data_version_and_its_seed_time(
    released: Engine, writable_client: TestClient
) -> None:
    index = writable_client.get("/v1")
    body = index.json()

    assert (body["data_version"], body["data_seeded_at"]) == ("fixture-2", SECOND_SEEDED_AT)
    for path in ["/v1", "/v1/releases", "/v1/observations?format=csv"]:
        response = writable_client.get(path)
        assert response.headers["x-data-version"] == "fixture-2", path
        assert response.headers["x-data-seeded-at"] == SECOND_SEEDED_AT, path
    revalidated = writable_client.get("/v1", headers={"If-None-Match": index.headers["etag"]})
    assert revalidated.status_code == 304
    assert revalidated.headers["x-data-seeded-at"] == SECOND_SEEDED_AT


def test_changed_since_an_unknown_version_names_the_known_ones(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"changed_since": "fixture-0"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "changed_since"
    assert problem["allowed"] == ["fixture-1"]
    assert "fixture-1" in problem["detail"]


@pytest.mark.parametrize("value", ["2026-02-30", "2026-02", "2026-02-06T25:00"])
def test_changed_since_a_bad_date_is_a_422(client: TestClient, value: str) -> None:
    response = client.get("/v1/observations", params={"changed_since": value})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "changed_since"
    assert f"'{value}' is not a date" in problem["detail"]
