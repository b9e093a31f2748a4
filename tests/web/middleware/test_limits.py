"""Abuse limits: URL and header sizes always, a per-client rate limit when configured."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.config import Settings
from app.web.application import create_app


def client_of(settings: Settings, address: str = "192.0.2.1") -> TestClient:
    """A client of an app built with ``settings``, seen as coming from ``address``."""
    return TestClient(create_app(settings), client=(address, 40000))


def test_the_rate_limit_is_off_by_default() -> None:
    assert Settings().rate_limit is None
    with client_of(Settings()) as client:
        statuses = {client.get("/openapi.json").status_code for _ in range(200)}

    assert statuses == {200}


def test_over_the_rate_limit_is_a_429_with_retry_after() -> None:
    with client_of(Settings(rate_limit="3/minute")) as client:
        statuses = [client.get("/openapi.json").status_code for _ in range(3)]
        refused = client.get("/openapi.json")

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["status"] == 429
    assert "3 per 1 minute" in refused.json()["detail"]


def test_the_rate_limit_counts_each_client_apart_and_spares_the_probes() -> None:
    settings = Settings(rate_limit="2/minute")
    app = create_app(settings)
    with (
        TestClient(app, client=("192.0.2.1", 1)) as first,
        TestClient(app, client=("192.0.2.2", 1)) as second,
    ):
        first_statuses = [first.get("/openapi.json").status_code for _ in range(3)]
        second_statuses = [second.get("/openapi.json").status_code for _ in range(2)]
        probes = {first.get("/healthz").status_code for _ in range(10)}

    assert first_statuses == [200, 200, 429]
    assert second_statuses == [200, 200]
    assert probes == {200}


@pytest.mark.parametrize(
    ("settings", "length", "status"),
    [
        (Settings(), 4096, 200),
        (Settings(), 4097, 414),
        (Settings(max_url_length=300), 300, 200),
        (Settings(max_url_length=300), 301, 414),
    ],
)
def test_the_url_length_is_bounded(settings: Settings, length: int, status: int) -> None:
    base = "/openapi.json?pad="
    with client_of(settings) as client:
        response = client.get(base + "x" * (length - len(base)))

    assert response.status_code == status
    if status == 414:
        assert response.headers["content-type"] == "application/problem+json"
        assert f"at most {settings.max_url_length}" in response.json()["detail"]


def test_the_size_of_the_headers_is_bounded() -> None:
    with client_of(Settings(max_header_bytes=2048)) as client:
        small = client.get("/openapi.json", headers={"X-Pad": "x" * 1000})
        large = client.get("/openapi.json", headers={"X-Pad": "x" * 3000})

    assert small.status_code == 200
    assert large.status_code == 431
    assert "at most 2048" in large.json()["detail"]


def test_a_rate_limit_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a rate limit"):
        Settings(rate_limit="lots")
