"""The database goes away and comes back while the real server runs: /readyz and the data
endpoints answer 503 problem details within a bounded time, the process keeps answering, and
it serves again by itself once the database is back, with no restart.

SQLite: the file is moved away and back. PostgreSQL: the cluster is really stopped and started
(``pg_ctlcluster``, as root), only where ``TEST_POSTGRES_CLUSTER`` names it (``15/main``, set
by ``.ci/run``); it is restarted whatever happens. The timings are printed at the end.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app.store.sessions import make_engine
from tests.conftest import IN_CI, migrate
from tests.dataset import seed
from tests.live_server import live_server
from tests.postgres_scratch import scratch_database
from tests.reporting import say

DATA = "/v1/observations?indicator=internet_users"
CONNECT_TIMEOUT = 2
BOUND = CONNECT_TIMEOUT + 1.0  # seconds any answer may take while the database is away
CACHE_TTL = 1.0  # seconds the response cache may go on trusting the last data version
CONCURRENT = 20

timings: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def report_timings(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if timings:
        say(request.config, ["database outage timings:", *timings])


def timed(client: httpx.Client, path: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


def until(condition: Callable[[], bool], *, within: float) -> float:
    """Seconds until ``condition()`` holds, polling; fails after ``within`` seconds."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < within, f"not within {within} s"
        time.sleep(0.05)
    return time.monotonic() - started


def answers_ok(client: httpx.Client, path: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return client.get(path).status_code == 200
        except httpx.TransportError:
            return False

    return check


def check_outage(client: httpx.Client, label: str) -> None:
    """While the database is away: bounded 503s, and the process still answering.

    Each data request asks for something new (``limit`` varies), so that none can be answered
    from the response cache; the one asked before the outage may be, until the cache notices
    (at most ``CACHE_TTL`` seconds), then it is a 503 too.
    """
    ready, ready_seconds = timed(client, "/readyz")
    data, data_seconds = timed(client, f"{DATA}&limit=2")
    with ThreadPoolExecutor(CONCURRENT) as pool:
        burst = list(pool.map(lambda n: timed(client, f"{DATA}&limit={n + 3}"), range(CONCURRENT)))
    alive, alive_seconds = timed(client, "/healthz")
    cached = until(lambda: client.get(DATA).status_code == 503, within=CACHE_TTL + BOUND)

    assert ready.status_code == 503
    assert data.status_code == 503
    assert data.headers["content-type"] == "application/problem+json"
    assert data.json()["status"] == 503
    assert not re.search(r"Traceback|sqlalchemy|psycopg|sqlite3|SELECT |\.py\b", data.text, re.I)
    assert "retry-after" in data.headers
    assert {response.status_code for response, _ in burst} == {503}
    assert alive.status_code == 200
    slowest = max([ready_seconds, data_seconds, *(seconds for _, seconds in burst)])
    assert slowest < BOUND
    timings.append(
        f"  {label}: /readyz 503 in {ready_seconds * 1000:.0f} ms, data 503 in "
        f"{data_seconds * 1000:.0f} ms, {CONCURRENT} concurrent data requests all 503, the "
        f"slowest in {slowest * 1000:.0f} ms; /healthz 200 in {alive_seconds * 1000:.0f} ms; "
        f"a page cached before the outage 503 after {cached * 1000:.0f} ms"
    )


def test_the_service_rides_out_a_missing_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "served.db"
    writer = make_engine(f"sqlite:///{path}")
    migrate(writer)
    seed(writer)
    writer.dispose()
    aside = tmp_path / "aside.db"
    with (
        live_server({"DATABASE_URL": f"sqlite:///{path}"}) as base,
        httpx.Client(base_url=base, timeout=30) as client,
    ):
        assert client.get(DATA).status_code == 200
        path.rename(aside)
        try:
            check_outage(client, "SQLite file moved away")
        finally:
            aside.rename(path)
        recovered = until(answers_ok(client, DATA), within=5)
    timings.append(f"  SQLite file back: data 200 again after {recovered * 1000:.0f} ms")


def cluster() -> tuple[str, str]:
    named = os.environ.get("TEST_POSTGRES_CLUSTER")
    if named:
        version, name = named.split("/")
        return version, name
    if IN_CI:
        pytest.fail("TEST_POSTGRES_CLUSTER is not set: CI must test a PostgreSQL outage")
    pytest.skip("set TEST_POSTGRES_CLUSTER=15/main to stop and start PostgreSQL in a test")


def pg_ctlcluster(action: str, version: str, name: str) -> float:
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", version, name, action, *(["-m", "fast"] if action == "stop" else [])],
        check=True,
    )
    return time.monotonic() - started


@pytest.mark.postgres
def test_the_service_rides_out_a_postgres_outage() -> None:
    version, name = cluster()
    with scratch_database() as url:
        writer = make_engine(url)
        migrate(writer)
        seed(writer)
        writer.dispose()
        environment = {
            "DATABASE_URL": url,
            "DB_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
            "RESPONSE_CACHE_VERSION_TTL": str(CACHE_TTL),
        }
        with live_server(environment) as base, httpx.Client(base_url=base, timeout=30) as client:
            assert client.get(DATA).status_code == 200
            try:
                stopping = pg_ctlcluster("stop", version, name)
                check_outage(client, f"PostgreSQL stopped (stop took {stopping:.1f} s)")
            finally:
                starting = pg_ctlcluster("start", version, name)
            ready = until(answers_ok(client, "/readyz"), within=30)
            data = until(answers_ok(client, DATA), within=30)
    timings.append(
        f"  PostgreSQL started (start took {starting:.1f} s): /readyz 200 after "
        f"{ready * 1000:.0f} ms, data 200 {data * 1000:.0f} ms later, no restart"
    )
