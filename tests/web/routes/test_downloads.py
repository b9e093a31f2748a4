"""GET /v1/downloads/*: the whole data set in one request, as a data package or a database."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from frictionless import validate
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from app.store.models import DatasetVersion
from app.web.middleware.response_cache import ResponseCacheMiddleware
from tests.web.conftest import client_of

DATAPACKAGE = "/v1/downloads/datapackage.zip"
DATABASE = "/v1/downloads/database.sqlite"


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    return tmp_path / "downloads"


@pytest.fixture
def client(seeded: Engine, downloads: Path) -> Iterator[TestClient]:
    """A client of the app over the shared data set, building downloads in a folder of this
    test's own (a file another backend built for the same data version is not reused)."""
    yield from client_of(seeded, download_cache_dir=downloads)


def every_observation(client: TestClient) -> list[dict[str, Any]]:
    """Every vintage of every observation, page by page, as the API gives them."""
    found: list[dict[str, Any]] = []
    url: str | None = "/v1/observations?vintages=all&limit=1000"
    while url:
        page = client.get(url).json()
        found += page["data"]
        url = page["next"]
    return found


def unpacked(client: TestClient, folder: Path) -> Path:
    response = client.get(DATAPACKAGE)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(folder)
    return folder


def table(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_data_package_is_a_zip_named_for_its_data_version(client: TestClient) -> None:
    version = client.get("/v1").json()["data_version"]

    response = client.get(DATAPACKAGE)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["x-data-version"] == version
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="cnnic-stats-{version}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
    assert {
        "datapackage.json",
        "data/observations.csv",
        "data/citations.csv",
        "data/notes.csv",
        "data/sources.csv",
        "data/indicators.csv",
        "data/reports.csv",
        "texts/cnnic-55-en.txt",
    } <= names


def test_the_downloaded_package_is_valid(client: TestClient, tmp_path: Path) -> None:
    folder = unpacked(client, tmp_path / "package")

    report = validate(folder / "datapackage.json")

    assert report.valid, report.flatten(["rowNumber", "type", "note"])


def test_the_package_holds_what_the_api_serves(client: TestClient, tmp_path: Path) -> None:
    folder = unpacked(client, tmp_path / "package")
    observations = every_observation(client)

    assert len(table(folder, "observations")) == len(observations)
    citations = sum(len(observation["citations"]) for observation in observations)
    assert len(table(folder, "citations")) == citations
    assert len(table(folder, "notes")) == sum(len(item["notes"]) for item in observations)
    for name in ("reports", "sources", "indicators"):
        assert len(table(folder, name)) == len(client.get(f"/v1/{name}").json()["data"]), name
    values = {
        (row["indicator"], row["dimensions"], row["period"], row["report"], row["value"])
        for row in table(folder, "observations")
    }
    users = next(item for item in observations if item["indicator"] == "internet_users")
    assert ("internet_users", "{}", users["period"], users["report"], str(users["value"])) in values


def test_a_quote_is_its_source_text_sliced(client: TestClient, tmp_path: Path) -> None:
    folder = unpacked(client, tmp_path / "package")
    sources = {row["id"]: row for row in table(folder, "sources")}

    for citation in table(folder, "citations"):
        path = folder / sources[citation["source"]]["path"]
        text = path.read_bytes().decode("utf-8")
        assert text[int(citation["start"]) : int(citation["end"])] == citation["quote"]
        served = client.get(f"/v1/sources/{citation['source']}/text").text
        assert text == served


def test_the_database_opens_and_answers_sql(client: TestClient, tmp_path: Path) -> None:
    response = client.get(DATABASE)
    version = response.headers["x-data-version"]
    path = tmp_path / "cnnic.sqlite"
    path.write_bytes(response.content)

    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        (count,) = connection.execute("SELECT count(*) FROM observations").fetchone()
        (stored,) = connection.execute("SELECT version FROM dataset_version").fetchone()
        (value,) = connection.execute(
            "SELECT value FROM observations WHERE indicator_code = 'internet_users' "
            "AND period = '2024-12' AND report_id = 'cnnic-55' AND dimensions_key = '{}'"
        ).fetchone()

    assert response.headers["content-type"] == "application/vnd.sqlite3"
    assert "content-encoding" not in response.headers
    assert response.headers["content-disposition"].endswith(f'cnnic-stats-{version}.sqlite"')
    assert count == len(every_observation(client))
    assert stored == version
    assert value == 1108000000


@pytest.mark.parametrize("url", [DATAPACKAGE, DATABASE])
def test_an_etag_from_the_data_version_gets_a_304(client: TestClient, url: str) -> None:
    first = client.get(url)

    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})

    assert first.headers["etag"].startswith('W/"')
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


@pytest.mark.parametrize(("url", "name"), [(DATAPACKAGE, "*.zip"), (DATABASE, "*.sqlite")])
def test_the_file_is_built_once_and_then_served_from_disk(
    client: TestClient, downloads: Path, url: str, name: str
) -> None:
    first = client.get(url)
    (built,) = downloads.glob(f"*/{name}")
    identity = (built.stat().st_ino, built.stat().st_mtime_ns)

    again = client.get(url)

    assert again.content == first.content
    assert (built.stat().st_ino, built.stat().st_mtime_ns) == identity
    assert list(downloads.glob(f"*/{name}")) == [built]


def test_the_response_cache_keeps_no_download(client: TestClient) -> None:
    client.get("/v1/reports")
    cache = client.app.entry  # type: ignore[attr-defined]
    assert isinstance(cache, ResponseCacheMiddleware)
    assert len(cache.store) == 1

    for url in (DATAPACKAGE, DATABASE, DATAPACKAGE):
        assert client.get(url).status_code == 200

    assert len(cache.store) == 1


@pytest.mark.parametrize("url", [DATAPACKAGE, DATABASE])
def test_a_download_takes_no_parameters(client: TestClient, url: str) -> None:
    response = client.get(url, params={"format": "csv"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "format"


def test_no_seeded_data_is_a_503(writable_seeded: Engine, tmp_path: Path) -> None:
    with Session(writable_seeded) as session, session.begin():
        session.execute(delete(DatasetVersion))

    for client in client_of(writable_seeded, download_cache_dir=tmp_path / "downloads"):
        response = client.get(DATABASE)

    assert response.status_code == 503
    assert response.headers["retry-after"] == "30"
    assert response.json()["type"] == "urn:cnnic-stats:problem:data-unavailable"
