"""Request ids: kept when sane, made otherwise, returned and exposed to browsers."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient

from app.observability.request_id import HEADER, choose_request_id
from app.web.application import create_app


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize(
    "sent",
    ["4bf92f3577b34da6a3ce929d0e0e4736", "req-42", "Root=1-67891233-abcdef012345678912345678"],
)
def test_choose_request_id_keeps_a_sane_one(sent: str) -> None:
    assert choose_request_id(sent) == sent


@pytest.mark.parametrize("sent", [None, "", "x" * 129, "two words", "new\nline", 'quote"d'])
def test_choose_request_id_makes_one_for_anything_else(sent: str | None) -> None:
    made = choose_request_id(sent)
    assert made != sent
    assert len(made) == 32
    assert int(made, 16) >= 0


def test_a_forked_worker_makes_other_ids_than_its_parent() -> None:
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: send its first id, then leave, whatever happened, at once
        try:
            os.write(writing, choose_request_id(None).encode())
        finally:
            os._exit(0)
    os.close(writing)
    parents = choose_request_id(None)
    with os.fdopen(reading, "rb") as pipe:
        childs = pipe.read().decode()
    os.waitpid(child, 0)
    assert len(childs) == 32
    assert childs != parents


def test_the_request_id_sent_is_returned(client: TestClient) -> None:
    assert client.get("/healthz", headers={HEADER: "req-42"}).headers[HEADER] == "req-42"


def test_every_answer_gets_a_new_id_when_none_is_sent(client: TestClient) -> None:
    first = client.get("/healthz").headers[HEADER]
    missing = client.get("/no/such/page")
    assert missing.status_code == 404
    assert missing.headers[HEADER] != first


def test_browsers_may_read_and_send_the_request_id(client: TestClient) -> None:
    origin = {"Origin": "https://example.org"}
    answer = client.get("/healthz", headers=origin)
    assert HEADER.lower() in answer.headers["access-control-expose-headers"].lower()
    preflight = client.options(
        "/v1/reports",
        headers={
            **origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": HEADER,
        },
    )
    assert preflight.status_code == 200
    assert HEADER.lower() in preflight.headers["access-control-allow-headers"].lower()
    assert preflight.headers[HEADER]
