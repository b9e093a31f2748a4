"""The access log and the request metrics: one line and one sample per request."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from app.observability.access import UNMATCHED_ROUTE, AccessLogMiddleware


def tiny_app() -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    def read_item(item_id: int) -> dict[str, int]:
        return {"id": item_id}

    @app.get("/broken")
    def read_broken() -> None:
        raise RuntimeError("the handler fails")

    app.add_middleware(AccessLogMiddleware)
    return app


def count(route: str, status: str) -> float:
    labels = {"method": "GET", "route": route, "status": status}
    return REGISTRY.get_sample_value("http_requests_total", labels) or 0.0


def access_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "app.access"]


def test_a_request_is_logged_under_its_route_template(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app.access")
    TestClient(tiny_app()).get("/items/7?full=1", headers={"User-Agent": "probe/1"})
    [line] = access_lines(caplog)
    assert line.getMessage() == "GET /items/7 200"
    assert (
        line.__dict__.items()
        >= {
            "method": "GET",
            "path": "/items/7",
            "query": "full=1",
            "route": "/items/{item_id}",
            "status": 200,
            "user_agent": "probe/1",
            "client": "testclient",
        }.items()
    )
    assert line.__dict__["duration_ms"] > 0


def test_requests_are_counted_by_route_and_status() -> None:
    before = count("/items/{item_id}", "200"), count(UNMATCHED_ROUTE, "404")
    client = TestClient(tiny_app())
    client.get("/items/1")
    client.get("/items/2")
    client.get("/nowhere/3")
    assert count("/items/{item_id}", "200") == before[0] + 2
    assert count(UNMATCHED_ROUTE, "404") == before[1] + 1


def test_a_handler_that_fails_is_recorded_as_a_500(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app.access")
    before = count("/broken", "500")
    answer = TestClient(tiny_app(), raise_server_exceptions=False).get("/broken")
    assert answer.status_code == 500
    assert count("/broken", "500") == before + 1
    assert [line.__dict__["status"] for line in access_lines(caplog)] == [500]
