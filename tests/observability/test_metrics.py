"""The metrics: /metrics in Prometheus text, pool connections followed, multiprocess mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from sqlalchemy import create_engine, text
from sqlalchemy.pool import QueuePool

from app.observability import MULTIPROC_DIR_VARIABLE
from app.observability.metrics import instrument_pools
from app.web.application import create_app


def gauge(name: str) -> float:
    return REGISTRY.get_sample_value(name) or 0.0


def test_metrics_has_the_request_histogram_by_route() -> None:
    client = TestClient(create_app())
    client.get("/healthz")
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    assert 'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/healthz"' in (
        answer.text
    )


def test_metrics_is_not_in_the_openapi_document() -> None:
    assert "/metrics" not in TestClient(create_app()).get("/openapi.json").json()["paths"]


def test_pool_connections_are_followed(tmp_path: Path) -> None:
    instrument_pools()
    instrument_pools()  # a second call adds no second listener
    engine = create_engine(f"sqlite:///{tmp_path / 'pool.db'}", poolclass=QueuePool)
    opened, in_use = gauge("db_pool_connections_open"), gauge("db_pool_connections_in_use")
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        assert gauge("db_pool_connections_in_use") == in_use + 1
        assert gauge("db_pool_connections_open") == opened + 1
    assert gauge("db_pool_connections_in_use") == in_use
    engine.dispose()
    assert gauge("db_pool_connections_open") == opened


def test_metrics_adds_up_the_workers_files_in_multiprocess_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MULTIPROC_DIR_VARIABLE, str(tmp_path))
    answer = TestClient(create_app()).get("/metrics")
    assert answer.status_code == 200
    # This process keeps its samples in memory, so the (empty) folder is all there is.
    assert "http_request_duration_seconds" not in answer.text
