"""The access log and the request metrics: one line and one sample per request."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from app.observability.access import UNMATCHED_ROUTE, ObservedRequestsMiddleware
from app.observability.access_log import AccessLog


def tiny_app(log: AccessLog | None = None) -> FastAPI:
    app = FastAPI()

    @app.get("/items/{item_id}")
    def read_item(item_id: int) -> dict[str, int]:
        return {"id": item_id}

    @app.get("/broken")
    def read_broken() -> None:
        raise RuntimeError("the handler fails")

    app.add_middleware(ObservedRequestsMiddleware, access_log=log or AccessLog(flush_bytes=1))
    return app


def count(route: str, status: str) -> float:
    labels = {"method": "GET", "route": route, "status": status}
    return REGISTRY.get_sample_value("http_requests_total", labels) or 0.0


def access_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return [line for line in lines if line["logger"] == "app.access"]


def test_a_request_is_logged_under_its_route_template(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.access")
    answer = TestClient(tiny_app()).get("/items/7?full=1", headers={"User-Agent": "probe/1"})
    [line] = access_lines(capsys)
    assert line["message"] == "GET /items/7 200"
    assert line["level"] == "INFO"
    assert line["request_id"] == answer.headers["X-Request-ID"]
    assert line["time"].endswith("+00:00")
    assert (
        line.items()
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
    assert line["duration_ms"] > 0


def test_no_line_when_the_access_logger_is_off(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="app.access")
    TestClient(tiny_app()).get("/items/7")
    assert access_lines(capsys) == []


def test_requests_are_counted_by_route_and_status() -> None:
    before = count("/items/{item_id}", "200"), count(UNMATCHED_ROUTE, "404")
    client = TestClient(tiny_app())
    client.get("/items/1")
    client.get("/items/2")
    client.get("/nowhere/3")
    assert count("/items/{item_id}", "200") == before[0] + 2
    assert count(UNMATCHED_ROUTE, "404") == before[1] + 1


def test_a_handler_that_fails_is_recorded_as_a_500(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.access")
    before = count("/broken", "500")
    answer = TestClient(tiny_app(), raise_server_exceptions=False).get("/broken")
    assert answer.status_code == 500
    assert count("/broken", "500") == before + 1
    assert [line["status"] for line in access_lines(capsys)] == [500]
