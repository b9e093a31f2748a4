"""GET /v1/sources, /v1/sources/{id} and the texts every citation points into."""

from __future__ import annotations

import hashlib

from fastapi.testclient import TestClient

from tests.dataset import TEXTS


def test_list_sources(client: TestClient) -> None:
    response = client.get("/v1/sources")

    assert response.status_code == 200
    sources = response.json()["data"]
    assert [source["id"] for source in sources] == [
        "cnnic-55-en",
        "cnnic-57-cctv-zh",
        "cnnic-57-chinadaily-en",
        "cnnic-57-ecns-en",
        "cnnic-57-xinhua-en",
    ]
    assert set(sources[0]) == {
        "id",
        "file",
        "title",
        "publisher",
        "published",
        "language",
        "report",
        "address",
        "sha256",
    }


def test_list_sources_of_one_report(client: TestClient) -> None:
    response = client.get("/v1/sources", params={"report": "cnnic-55"})

    assert [source["id"] for source in response.json()["data"]] == ["cnnic-55-en"]


def test_list_sources_of_unknown_report(client: TestClient) -> None:
    response = client.get("/v1/sources", params={"report": "cnnic-5"})

    assert response.status_code == 404
    assert response.json()["parameter"] == "report"


def test_read_source(client: TestClient) -> None:
    response = client.get("/v1/sources/cnnic-57-cctv-zh")

    assert response.status_code == 200
    source = response.json()
    assert source["language"] == "zh"
    assert source["report"] == "cnnic-57"
    assert source["file"] == "003_53fc49c7e80a8e29.txt"


def test_read_source_not_found_suggests_closest(client: TestClient) -> None:
    response = client.get("/v1/sources/cnnic-57-xinhua")

    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "cnnic-57-xinhua-en"


def test_read_source_text_byte_for_byte(client: TestClient) -> None:
    source = client.get("/v1/sources/cnnic-57-cctv-zh").json()
    response = client.get("/v1/sources/cnnic-57-cctv-zh/text")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content == TEXTS["cnnic-57-cctv-zh"].encode()
    assert hashlib.sha256(response.content).hexdigest() == source["sha256"]


def test_read_source_text_not_found(client: TestClient) -> None:
    response = client.get("/v1/sources/nope/text")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_every_citation_and_note_is_its_source_text_sliced(client: TestClient) -> None:
    observations = client.get("/v1/observations", params={"vintages": "all"}).json()["data"]
    texts = {source: client.get(f"/v1/sources/{source}/text").content.decode() for source in TEXTS}

    spans = [span for item in observations for span in (*item["citations"], *item["notes"])]
    assert len(spans) > len(observations)
    for span in spans:
        assert texts[span["source"]][span["start"] : span["end"]] == span["quote"]
    for item in observations:
        for citation in item["citations"]:
            assert citation["as_reported"] in citation["quote"]
