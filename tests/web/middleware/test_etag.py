"""ETags, 304s, Cache-Control, gzip and CORS."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from app.config import Settings
from app.store.models import Observation
from app.store.sessions import get_session
from app.web.application import create_app
from tests.dataset import set_version

DATA_URLS = [
    "/v1/reports",
    "/v1/reports/cnnic-55",
    "/v1/sources",
    "/v1/sources/cnnic-55-en",
    "/v1/sources/cnnic-55-en/text",
    "/v1/indicators",
    "/v1/indicators/internet_users",
    "/v1/indicators/internet_users/series",
    "/v1/observations",
    "/v1/observations?indicator=internet_users&format=csv",
]
OTHER_URLS = ["/healthz", "/openapi.json", "/docs", "/docs/assets/swagger-ui.css"]


@pytest.mark.parametrize("url", DATA_URLS)
def test_data_get_has_etag_and_answers_304(client: TestClient, url: str) -> None:
    response = client.get(url)
    etag = response.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert etag.startswith('W/"')
    assert response.headers["cache-control"] == (
        "public, max-age=3600, stale-while-revalidate=86400"
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == response.headers["cache-control"]


@pytest.mark.parametrize("url", OTHER_URLS)
def test_other_get_has_etag_and_answers_304(client: TestClient, url: str) -> None:
    response = client.get(url)
    etag = response.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert again.status_code == 304
    assert again.content == b""


def test_etag_matches_in_a_list_and_as_strong(client: TestClient) -> None:
    etag = client.get("/v1/reports").headers["etag"]

    listed = client.get("/v1/reports", headers={"If-None-Match": f'"other", {etag}'})
    strong = client.get("/v1/reports", headers={"If-None-Match": etag.removeprefix("W/")})
    star = client.get("/v1/reports", headers={"If-None-Match": "*"})
    stale = client.get("/v1/reports", headers={"If-None-Match": '"other"'})

    assert (listed.status_code, strong.status_code, star.status_code) == (304, 304, 304)
    assert stale.status_code == 200


def test_an_answer_in_a_language_says_so_and_varies_by_the_header(client: TestClient) -> None:
    by_header = client.get("/v1/indicators", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    by_parameter = client.get("/v1/indicators?lang=zh", headers={"Accept-Language": "en"})
    english = client.get("/v1/indicators")
    revalidated = client.get(
        "/v1/indicators",
        headers={"Accept-Language": "zh-CN", "If-None-Match": by_header.headers["etag"]},
    )

    assert by_header.headers["content-language"] == by_parameter.headers["content-language"]
    assert by_header.headers["content-language"] == "zh"
    assert english.headers["content-language"] == "en"
    # The header chose the language: a cache must tell the answers apart by it.
    assert "Accept-Language" in by_header.headers["vary"]
    assert "Accept-Language" in english.headers["vary"]
    assert "Accept-Language" not in by_parameter.headers["vary"]
    assert english.headers["etag"] != by_header.headers["etag"]
    assert revalidated.status_code == 304
    assert "Accept-Language" in revalidated.headers["vary"]
    assert revalidated.headers["content-language"] == "zh"


def test_an_answer_that_names_nothing_has_no_language(client: TestClient) -> None:
    response = client.get("/v1/reports", headers={"Accept-Language": "zh"})

    assert "content-language" not in response.headers
    assert "Accept-Language" not in response.headers["vary"]
    assert response.headers["etag"] == client.get("/v1/reports").headers["etag"]


def test_etag_differs_by_query_and_representation(client: TestClient) -> None:
    def etag(url: str, **headers: str) -> str:
        return client.get(url, headers=headers).headers["etag"]

    plain = etag("/v1/observations?indicator=internet_users")
    assert plain != etag("/v1/observations?indicator=internet_penetration")
    assert plain != etag("/v1/observations?indicator=internet_users&format=csv")
    assert plain != etag("/v1/observations?indicator=internet_users", Accept="text/csv")
    assert etag("/v1/observations?area=rural&last=1") == etag("/v1/observations?last=1&area=rural")


def test_etag_changes_with_the_dataset_version(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    before = writable_client.get("/v1/reports").headers["etag"]
    set_version(writable_seeded, "fixture-2")
    after = writable_client.get("/v1/reports", headers={"If-None-Match": before})

    assert after.status_code == 200
    assert after.headers["etag"] != before


def test_etag_changes_when_the_data_returns_to_an_earlier_version(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    """A change undone brings the earlier version back, with a later seed time: the releases
    are not what they were."""
    before = writable_client.get("/v1/releases").headers["etag"]
    set_version(writable_seeded, "fixture-1", "2026-03-01T00:00:00+00:00")
    after = writable_client.get("/v1/releases", headers={"If-None-Match": before})

    assert after.status_code == 200
    assert after.headers["etag"] != before
    assert after.headers["x-data-version"] == "fixture-1"


def test_etag_comes_from_the_version_not_the_rows(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    etag = writable_client.get("/v1/observations").headers["etag"]
    with Session(writable_seeded) as session, session.begin():
        session.execute(delete(Observation))

    assert (
        writable_client.get("/v1/observations", headers={"If-None-Match": etag}).status_code == 304
    )


def test_errors_carry_no_etag(client: TestClient) -> None:
    response = client.get("/v1/indicators/nope")

    assert response.status_code == 404
    assert "etag" not in response.headers


def test_large_responses_are_gzipped(client: TestClient) -> None:
    large = client.get("/v1/observations", headers={"Accept-Encoding": "gzip"})
    small = client.get("/v1/reports/cnnic-55", headers={"Accept-Encoding": "gzip"})

    assert large.headers["content-encoding"] == "gzip"
    assert int(large.headers["content-length"]) < len(large.content)
    assert "accept-encoding" in large.headers["vary"].lower()
    assert "content-encoding" not in small.headers


def test_gzip_body_is_the_json(client: TestClient) -> None:
    with client.stream("GET", "/v1/observations", headers={"Accept-Encoding": "gzip"}) as response:
        raw = b"".join(response.iter_raw())

    assert gzip.decompress(raw) == client.get("/v1/observations").content


def test_cors_open_for_get_from_any_origin(client: TestClient) -> None:
    response = client.get("/v1/reports", headers={"Origin": "https://dashboard.example"})

    assert response.headers["access-control-allow-origin"] == "*"
    exposed = response.headers["access-control-expose-headers"].split(", ")
    assert {"ETag", "Link", "X-Data-Version", "X-Data-Seeded-At"} <= set(exposed)


def test_cors_preflight_allows_conditional_get(client: TestClient) -> None:
    response = client.options(
        "/v1/observations",
        headers={
            "Origin": "https://dashboard.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]


def test_cors_origins_and_cache_age_are_configurable(seeded: Engine) -> None:
    settings = Settings(
        cors_origins=["https://dashboard.example"], cache_max_age=60, cache_stale_while_revalidate=0
    )
    app = create_app(settings)

    def session_override() -> Iterator[Session]:
        with Session(seeded) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    with TestClient(app) as client:
        for _ in range(2):  # computed, then from the response cache
            allowed = client.get("/v1/reports", headers={"Origin": "https://dashboard.example"})
            other = client.get("/v1/reports", headers={"Origin": "https://elsewhere.example"})
            without = client.get("/v1/reports")
            assert "access-control-allow-origin" not in without.headers

    assert allowed.headers["access-control-allow-origin"] == "https://dashboard.example"
    assert "access-control-allow-origin" not in other.headers
    assert allowed.headers["cache-control"] == "public, max-age=60, stale-while-revalidate=0"
