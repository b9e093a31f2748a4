"""The response cache: what it keeps, how it answers, and when it lets go."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import get_settings
from app.observability.access import SHARED_ACCESS_LOG, ObservedRequestsMiddleware
from app.queries.data_version import DataVersionTracker, SQLiteDataVersion
from app.store.models import Observation
from app.store.sessions import get_session, make_engine
from app.web.application import create_app
from app.web.middleware.request_limits import RequestLimits
from app.web.middleware.response_cache import (
    CachedResponse,
    ResponseCacheMiddleware,
    ResponseStore,
    keep_out,
    normalised_query,
)
from tests.conftest import migrate
from tests.dataset import seed, set_version

URL = "/v1/observations?indicator=internet_users"


class FixedVersion:
    """A data version (and its seed time) a test sets by hand."""

    def __init__(self, version: str | None = "v1") -> None:
        self.version = version
        self.seeded_at: str | None = None

    async def current(self) -> str | None:
        return self.version


class CountingApp:
    """An application that says how many times it was called, with an ETag and a route."""

    def __init__(self, *, status: int = 200, etag: bool = True, size: int = 10) -> None:
        self.calls = 0
        self.status = status
        self.etag = etag
        self.size = size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        scope["route"] = "the-route"
        body = f"{self.calls}:{scope['query_string'].decode()}".ljust(self.size).encode()
        headers = [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]
        if self.etag:
            headers.append((b"etag", f'W/"{self.calls}"'.encode()))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def cached(
    app: ASGIApp,
    *,
    versions: FixedVersion | None = None,
    max_bytes: int = 1 << 20,
    allow_origins: tuple[str, ...] = ("*",),
    limits: RequestLimits | None = None,
) -> TestClient:
    middleware = ResponseCacheMiddleware(
        app,
        max_bytes=max_bytes,
        allow_origins=allow_origins,
        limits=limits,
        version_ttl=0,
        versions=versions or FixedVersion(),
    )
    return TestClient(middleware)


def test_a_repeated_get_is_answered_from_memory() -> None:
    app = CountingApp()
    client = cached(app)

    first = client.get("/v1/x?a=1")
    second = client.get("/v1/x?a=1")

    assert app.calls == 1
    assert second.content == first.content
    assert second.headers["etag"] == first.headers["etag"]


def test_different_queries_are_different_entries() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x?a=1")
    client.get("/v1/x?a=2")
    client.get("/v1/x?a=1&b=2")

    assert app.calls == 3


def test_equal_queries_spelled_differently_share_an_entry() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x?indicator=a,b&q=x y")
    client.get("/v1/x?indicator=a%2Cb&q=x+y")
    client.get("/v1/x?indicator=a%2cb&q=x%20y")

    assert app.calls == 1


def test_the_normal_form_keeps_the_order_of_parameters() -> None:
    assert normalised_query(b"b=%31&a=2") == b"b=1&a=2"
    assert normalised_query(b"q=caf%C3%A9") == b"q=caf%C3%A9"


def test_if_none_match_gets_304_from_memory() -> None:
    app = CountingApp()
    client = cached(app)
    etag = client.get("/v1/x").headers["etag"]

    again = client.get("/v1/x", headers={"If-None-Match": etag})
    other = client.get("/v1/x", headers={"If-None-Match": '"other"'})

    assert app.calls == 1
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert "content-type" not in again.headers
    assert other.status_code == 200


def test_accept_preferring_csv_is_its_own_variant() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x")
    client.get("/v1/x", headers={"Accept": "application/json"})
    client.get("/v1/x", headers={"Accept": "text/csv"})
    client.get("/v1/x", headers={"Accept": "text/csv;q=0.9, application/json"})

    assert app.calls == 2


def test_accept_encoding_gzip_is_its_own_variant() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x", headers={"Accept-Encoding": "identity"})
    client.get("/v1/x", headers={"Accept-Encoding": "gzip, deflate"})
    client.get("/v1/x", headers={"Accept-Encoding": "gzip"})

    assert app.calls == 2


def test_the_language_accept_language_asks_for_is_its_own_variant() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x")
    client.get("/v1/x", headers={"Accept-Language": "en-GB"})
    client.get("/v1/x", headers={"Accept-Language": "zh-CN"})
    client.get("/v1/x", headers={"Accept-Language": "zh;q=0.9, fr"})

    assert app.calls == 2


def test_a_cached_answer_keeps_its_language(seeded: Engine) -> None:
    url = "/v1/indicators/internet_penetration"
    with app_client(seeded) as client:
        english = client.get(url)
        chinese = client.get(url, headers={"Accept-Language": "zh-CN"})
        english_again = client.get(url)
        chinese_again = client.get(url, headers={"Accept-Language": "zh"})

    assert english.json()["name"] == english_again.json()["name"] == "Internet penetration rate"
    assert chinese.json()["name"] == chinese_again.json()["name"] == "互联网普及率"
    assert chinese_again.headers["content-language"] == "zh"
    assert "Accept-Language" in chinese_again.headers["vary"]


def test_host_is_part_of_the_key() -> None:
    app = CountingApp()
    client = cached(app)

    client.get("/v1/x", headers={"Host": "a.example"})
    client.get("/v1/x", headers={"Host": "b.example"})

    assert app.calls == 2


def test_every_origin_shares_an_entry_when_all_are_allowed() -> None:
    app = CountingApp()
    client = cached(app, allow_origins=("*",))

    client.get("/v1/x")
    client.get("/v1/x", headers={"Origin": "https://a.example"})
    client.get("/v1/x", headers={"Origin": "https://b.example"})

    assert app.calls == 2  # without an Origin, and with any


def test_each_allowed_origin_is_its_own_variant_and_the_others_share_one() -> None:
    app = CountingApp()
    client = cached(app, allow_origins=("https://a.example", "https://b.example"))

    for origin in ("https://a.example", "https://b.example", "https://c.example", "https://d"):
        client.get("/v1/x", headers={"Origin": origin})
        client.get("/v1/x", headers={"Origin": origin})

    assert app.calls == 3


def test_a_request_over_the_limits_is_passed_on_to_be_refused() -> None:
    app = CountingApp()
    client = cached(app, limits=RequestLimits(max_url_length=100, max_header_bytes=400))
    client.get("/v1/x")

    client.get("/v1/x", headers={"X-Padding": "p" * 400})
    client.get("/v1/x?" + "a=1&" * 30)

    assert app.calls == 3


def test_a_new_data_version_empties_the_cache() -> None:
    app = CountingApp()
    versions = FixedVersion("v1")
    client = cached(app, versions=versions)
    before = client.get("/v1/x")

    versions.version = "v2"
    after = client.get("/v1/x")
    client.get("/v1/x")

    assert app.calls == 2
    assert after.content != before.content


def test_data_seeded_again_empties_the_cache_though_its_version_returns() -> None:
    """A change undone gives the data its earlier version again, but not its history."""
    app = CountingApp()
    versions = FixedVersion("v1")
    client = cached(app, versions=versions)
    client.get("/v1/x")

    versions.seeded_at = "2026-03-01T00:00:00+00:00"
    client.get("/v1/x")
    client.get("/v1/x")

    assert app.calls == 2


def test_the_version_is_asked_at_most_every_ttl_seconds() -> None:
    versions = FixedVersion("v1")
    tracker = DataVersionTracker(versions, ttl=3600)
    assert asyncio.run(tracker.current()) == "v1"

    versions.version = "v2"

    assert asyncio.run(tracker.current()) == "v1"  # seen within the hour, not at once
    assert asyncio.run(DataVersionTracker(versions, ttl=0).current()) == "v2"


def test_with_no_interval_every_call_asks(sqlite_file: Engine, tmp_path: Path) -> None:
    tracker = DataVersionTracker(SQLiteDataVersion(str(tmp_path / "watched.db")), ttl=0)
    before = asyncio.run(tracker.current())
    set_version(sqlite_file, "another", "2026-03-01T00:00:00+00:00")
    assert asyncio.run(tracker.current()) == "another" != before
    assert tracker.seeded_at == "2026-03-01T00:00:00+00:00"


def test_an_unknown_version_bypasses_the_cache() -> None:
    app = CountingApp()
    client = cached(app, versions=FixedVersion(None))

    client.get("/v1/x")
    client.get("/v1/x")

    assert app.calls == 2


@pytest.mark.parametrize(
    ("app", "url"),
    [
        (CountingApp(status=404), "/v1/x"),
        (CountingApp(etag=False), "/v1/x"),
        (CountingApp(), "/docs"),
    ],
    ids=["an error", "no etag", "outside /v1"],
)
def test_what_is_never_kept(app: CountingApp, url: str) -> None:
    client = cached(app)

    client.get(url)
    client.get(url)

    assert app.calls == 2


def test_an_answer_its_route_keeps_out_is_not_kept() -> None:
    app = CountingApp()

    async def keeping_out(scope: Scope, receive: Receive, send: Send) -> None:
        keep_out(Request(scope))
        await app(scope, receive, send)

    client = cached(keeping_out)
    client.get("/v1/x")
    client.get("/v1/x")

    assert app.calls == 2


def test_other_methods_pass_through() -> None:
    app = CountingApp()
    client = cached(app)

    client.head("/v1/x")
    client.head("/v1/x")

    assert app.calls == 2


def test_the_store_stays_within_its_bytes() -> None:
    app = CountingApp(size=1000)
    middleware = ResponseCacheMiddleware(app, max_bytes=16_000, versions=FixedVersion())
    client = TestClient(middleware)

    for number in range(40):
        client.get(f"/v1/x?n={number}")
    client.get("/v1/x?n=39")
    client.get("/v1/x?n=0")

    assert app.calls == 41  # the newest is still there, the oldest is gone
    assert 0 < middleware.store.bytes <= 16_000


def test_the_store_drops_the_least_recently_used() -> None:
    store = ResponseStore(max_bytes=800)

    def entry(size: int) -> CachedResponse:
        return CachedResponse(200, [], b"", 'W/"x"', [], None, size)

    for key in "abcdefgh":
        store.put(key, entry(100))
    store.get("a")
    store.put("i", entry(100))

    assert store.get("a") is not None
    assert store.get("b") is None
    assert store.bytes <= 800
    assert len(store) == 8


def test_an_answer_over_an_eighth_of_the_budget_is_not_kept() -> None:
    app = CountingApp(size=5000)
    client = cached(app, max_bytes=16_000)

    client.get("/v1/x")
    client.get("/v1/x")

    assert app.calls == 2


# --- through the whole application ---------------------------------------------------------------


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    seed(engine)
    return engine


def requests_counted(status: str) -> float:
    labels = {"method": "GET", "route": "/v1/observations", "status": status}
    return REGISTRY.get_sample_value("http_requests_total", labels) or 0.0


def app_client(engine: Engine, **settings: object) -> TestClient:
    app = create_app(get_settings().model_copy(update=settings))

    def session_override() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    return TestClient(app)


def test_a_hit_does_not_read_the_rows(seeded: Engine) -> None:
    with app_client(seeded) as client:
        first = client.get(URL)
        with Session(seeded) as session, session.begin():
            session.execute(delete(Observation))
        again = client.get(URL)

    assert first.json()["data"]
    assert again.content == first.content


def test_turned_off_by_the_setting(seeded: Engine) -> None:
    with app_client(seeded, response_cache=False) as client:
        first = client.get(URL)
        with Session(seeded) as session, session.begin():
            session.execute(delete(Observation))
        again = client.get(URL)

    assert first.json()["data"]
    assert again.json()["data"] == []


def test_a_new_seed_is_seen_at_once(seeded: Engine) -> None:
    with app_client(seeded, response_cache_version_ttl=0) as client:
        first = client.get(URL)
        with Session(seeded) as session, session.begin():
            session.execute(delete(Observation))
        set_version(seeded, "fixture-2")
        again = client.get(URL)

    assert again.json()["data"] == []
    assert again.headers["etag"] != first.headers["etag"]


def test_every_header_is_right_on_a_hit(seeded: Engine) -> None:
    headers = {"Origin": "https://dashboard.example", "Accept-Encoding": "gzip"}
    counted = requests_counted("200")
    with app_client(seeded) as client:
        miss = client.get(URL, headers=headers)
        hit = client.get(URL, headers=headers)

    assert hit.content == miss.content
    for name in ("etag", "cache-control", "vary", "content-encoding", "content-type"):
        assert hit.headers[name] == miss.headers[name]
    assert hit.headers["access-control-allow-origin"] == "*"
    assert hit.headers["x-content-type-options"] == "nosniff"
    assert hit.headers["x-request-id"] != miss.headers["x-request-id"]
    assert requests_counted("200") == counted + 2


def test_the_cache_answers_in_front_of_the_framework_unless_a_rate_limit_must_count() -> None:
    entry = create_app(get_settings()).build_entry()
    assert isinstance(entry, ResponseCacheMiddleware)
    assert entry.records_hits
    assert isinstance(entry.app, ObservedRequestsMiddleware)

    limited = create_app(get_settings().model_copy(update={"rate_limit": "5/second"}))
    assert isinstance(limited.build_entry(), ObservedRequestsMiddleware)


def access_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    SHARED_ACCESS_LOG.flush()
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return [line for line in lines if line["logger"] == "app.access"]


@pytest.mark.parametrize("rate_limit", [None, "1000/minute"], ids=["in front", "inside"])
def test_a_hit_is_logged_and_counted_as_a_miss_is(
    seeded: Engine,
    rate_limit: str | None,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """In front of the observing layer (the default) or inside it (with a rate limit), a hit
    gets one id of its own, or the caller's, and one access line and sample under its route."""
    caplog.set_level(logging.INFO, logger="app.access")
    counted = requests_counted("200"), requests_counted("304")
    with app_client(seeded, rate_limit=rate_limit) as client:
        miss = client.get(URL)
        hit = client.get(URL, headers={"X-Request-ID": "the-callers-id", "User-Agent": "probe/2"})
        revalidated = client.get(URL, headers={"If-None-Match": miss.headers["etag"]})

    assert [answer.headers.get_list("x-request-id") for answer in (miss, hit)] == [
        [miss.headers["x-request-id"]],
        ["the-callers-id"],
    ]
    assert revalidated.status_code == 304
    assert revalidated.headers["x-request-id"] not in {
        miss.headers["x-request-id"],
        "the-callers-id",
    }
    lines = access_lines(capsys)
    assert [(line["request_id"], line["status"], line["route"]) for line in lines] == [
        (miss.headers["x-request-id"], 200, "/v1/observations"),
        ("the-callers-id", 200, "/v1/observations"),
        (revalidated.headers["x-request-id"], 304, "/v1/observations"),
    ]
    assert lines[1]["user_agent"] == "probe/2"
    assert lines[1]["query"] == "indicator=internet_users"
    assert (requests_counted("200"), requests_counted("304")) == (counted[0] + 2, counted[1] + 1)


def test_csv_and_json_are_answered_each_as_asked(seeded: Engine) -> None:
    with app_client(seeded) as client:
        client.get(URL)
        as_csv = client.get(URL, headers={"Accept": "text/csv"})
        as_json = client.get(URL)
        gzipped = client.get(URL, headers={"Accept-Encoding": "gzip"})
        with client.stream("GET", URL, headers={"Accept-Encoding": "gzip"}) as response:
            raw = b"".join(response.iter_raw())

    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_json.headers["content-type"] == "application/json"
    assert gzipped.headers["content-encoding"] == "gzip"
    assert gzip.decompress(raw) == as_json.content


def test_304_on_a_hit_carries_the_validators(seeded: Engine) -> None:
    with app_client(seeded) as client:
        etag = client.get(URL).headers["etag"]
        revalidated = client.get(URL, headers={"If-None-Match": etag})

    assert revalidated.status_code == 304
    assert revalidated.headers["etag"] == etag
    assert revalidated.headers["cache-control"].startswith("public, max-age=")


# --- the data version of a SQLite file -----------------------------------------------------------


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'watched.db'}")
    migrate(engine)
    seed(engine)
    return engine


def test_sqlite_version_follows_every_commit(sqlite_file: Engine, tmp_path: Path) -> None:
    versions = SQLiteDataVersion(str(tmp_path / "watched.db"))

    before = versions.read()
    set_version(sqlite_file, "fixture-2")
    after = versions.read()

    assert (before, after) == ("fixture-1", "fixture-2")


def test_sqlite_version_is_unknown_when_the_file_goes(tmp_path: Path) -> None:
    versions = SQLiteDataVersion(str(tmp_path / "missing.db"))

    assert versions.read() is None
