"""The server as the container starts it: two workers on a seeded database, real queries,
request ids, JSON logs, Prometheus metrics, readiness and a graceful stop."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from sqlalchemy import make_url

from tests.live_server import free_port
from tests.ops.conftest import Seeded
from tests.ops.processes import Server, entrypoint_env, run_entrypoint, start_server

INTERNET_USERS = "/v1/observations?indicator=internet_users&report=cnnic-55"


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def access_record(server: Server, request_id: str) -> dict[str, Any]:
    """The access-log line of the request with ``request_id`` (logs may trail the answer)."""
    found: list[dict[str, Any]] = []

    def logged() -> bool:
        found[:] = [
            record
            for record in server.log_records()
            if record.get("logger") == "app.access" and record.get("request_id") == request_id
        ]
        return bool(found)

    wait_for(logged, f"the access log of {request_id}")
    return found[0]


def samples(server: Server, family: str) -> list[Sample]:
    text = httpx.get(f"{server.base_url}/metrics", timeout=10).text
    for metrics in text_string_to_metric_families(text):
        if metrics.name == family:
            return list(metrics.samples)
    raise AssertionError(f"/metrics has no {family}:\n{text}")


def test_the_server_runs_several_workers(server: Server) -> None:
    messages = [record["message"] for record in server.log_records()]
    assert sum(message.startswith("Started server process") for message in messages) == 2


def test_the_server_answers_real_queries(server: Server) -> None:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        users = client.get(INTERNET_USERS)
        assert users.status_code == 200
        headline = [row for row in users.json()["data"] if row["dimensions"] == {}]
        assert ("2024-12", 1108000000) in [(row["period"], row["value"]) for row in headline]
        again = client.get(INTERNET_USERS, headers={"If-None-Match": users.headers["ETag"]})
        assert again.status_code == 304
        series = client.get("/v1/indicators/internet_penetration/series")
        assert series.status_code == 200
        assert ["2024-12", 78.6] in series.json()["series"][0]["points"]
        csv = client.get(INTERNET_USERS, params={"format": "csv"})
        assert csv.headers["content-type"].startswith("text/csv")
        assert client.get("/v1/indicators/no_such_thing").status_code == 404


def test_a_request_id_is_returned_as_sent(server: Server) -> None:
    sent = f"ops-{uuid.uuid4()}"
    response = httpx.get(f"{server.base_url}/v1/reports", headers={"X-Request-ID": sent})
    assert response.headers["X-Request-ID"] == sent


def test_a_request_id_is_made_when_none_or_an_unusable_one_is_sent(server: Server) -> None:
    made = httpx.get(f"{server.base_url}/v1/reports").headers["X-Request-ID"]
    replaced = httpx.get(
        f"{server.base_url}/v1/reports", headers={"X-Request-ID": "x" * 500}
    ).headers["X-Request-ID"]
    assert len(made) == len(replaced) == 32
    assert made != replaced


def test_logs_are_json_lines_carrying_the_request_id(server: Server) -> None:
    sent = f"ops-{uuid.uuid4()}"
    httpx.get(f"{server.base_url}/v1/reports/cnnic-55", headers={"X-Request-ID": sent})
    record = access_record(server, sent)
    assert record["route"] == "/v1/reports/{report_id}"
    assert record["path"] == "/v1/reports/cnnic-55"
    assert record["status"] == 200
    assert record["method"] == "GET"
    assert record["duration_ms"] > 0
    assert record["level"] == "INFO"
    assert "time" in record


def test_metrics_count_requests_by_route_and_status(server: Server) -> None:
    def count(route: str, status: str) -> float:
        return sum(
            sample.value
            for sample in samples(server, "http_request_duration_seconds")
            if sample.name.endswith("_count")
            and sample.labels["route"] == route
            and sample.labels["status"] == status
        )

    route = "/v1/indicators/{code}"
    before_ok, before_missing = count(route, "200"), count(route, "404")
    for _ in range(4):
        httpx.get(f"{server.base_url}/v1/indicators/internet_users")
    httpx.get(f"{server.base_url}/v1/indicators/no_such_thing")
    assert count(route, "200") == before_ok + 4
    assert count(route, "404") == before_missing + 1
    buckets = [
        sample
        for sample in samples(server, "http_request_duration_seconds")
        if sample.name.endswith("_bucket") and sample.labels["route"] == route
    ]
    assert {sample.labels["le"] for sample in buckets} >= {"0.005", "1.0", "+Inf"}
    totals = samples(server, "http_requests")
    assert any(sample.labels["route"] == route for sample in totals)


def test_metrics_show_the_database_pool(server: Server, seeded: Seeded) -> None:
    httpx.get(f"{server.base_url}/v1/reports")
    in_use = samples(server, "db_pool_connections_in_use")
    opened = samples(server, "db_pool_connections_open")
    assert [sample.value for sample in in_use] == [0]
    if seeded.backend == "postgresql":  # SQLite opens a connection per request, pools none
        assert opened[0].value >= 1


def test_not_ready_until_the_database_is_there(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'later.db'}"
    env = entrypoint_env(DATABASE_URL=database)
    server = start_server(env, tmp_path)
    try:
        server.wait_until_answering("/healthz")
        assert httpx.get(f"{server.base_url}/readyz").status_code == 503
        seeded = run_entrypoint("migrate-and-seed", env=env)
        assert seeded.returncode == 0, seeded.stderr
        assert httpx.get(f"{server.base_url}/readyz").status_code == 200
    finally:
        assert server.terminate() == 0


def test_not_ready_while_postgresql_does_not_answer(tmp_path: Path) -> None:
    nobody = f"postgresql+psycopg://cnnic:cnnic@127.0.0.1:{free_port()}/cnnic"
    server = start_server(entrypoint_env(DATABASE_URL=nobody), tmp_path)
    try:
        server.wait_until_answering("/healthz")
        assert httpx.get(f"{server.base_url}/readyz", timeout=30).status_code == 503
    finally:
        assert server.terminate() == 0


@contextmanager
def database_locked(seeded: Seeded, tmp_path: Path) -> Iterator[str]:
    """A copy of the seeded database (SQLite) or the database itself (PostgreSQL), which no
    reader can read until the block ends."""
    if seeded.backend == "sqlite":
        source = make_url(seeded.url).database
        assert source
        copy = tmp_path / "locked.db"
        shutil.copyfile(source, copy)
        writer = sqlite3.connect(copy, isolation_level=None)
        # In WAL mode readers never wait for a writer; with a rollback journal they do.
        writer.execute("PRAGMA journal_mode=DELETE")
        writer.execute("BEGIN EXCLUSIVE")
        try:
            yield f"sqlite:///{copy}"
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        return
    conninfo = make_url(seeded.url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo) as locker:
        locker.execute("LOCK TABLE observations IN ACCESS EXCLUSIVE MODE")
        try:
            yield seeded.url
        finally:
            locker.rollback()


def requests_in_progress(server: Server) -> float:
    """What the server's gauge says, the scrape that asks included."""
    return sum(sample.value for sample in samples(server, "http_requests_in_progress"))


def test_sigterm_lets_a_request_in_flight_finish(seeded: Seeded, tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        with database_locked(seeded, tmp_path) as url:
            server = start_server(entrypoint_env(DATABASE_URL=url), tmp_path)
            server.wait_until_answering("/healthz")
            pending = pool.submit(httpx.get, f"{server.base_url}{INTERNET_USERS}", timeout=60)
            wait_for(lambda: requests_in_progress(server) >= 2, "the request to reach the server")
            stopping = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            wait_for(
                lambda: "Waiting for connections to close" in server.output(),
                "the server to wait for the request in flight",
            )
            assert not pending.done()
        response = pending.result(timeout=60)
    assert response.status_code == 200
    assert response.json()["data"]
    assert server.terminate() == 0
    assert time.monotonic() - stopping < 20
