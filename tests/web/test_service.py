"""Layers outside the framework's own: their order, and what they see of a failing route."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.service import Service


class Tagging:
    """Adds ``x-layers: <name>`` to every answer and notes the status it saw."""

    def __init__(self, app: ASGIApp, *, name: str, seen: list[tuple[str, int]]) -> None:
        self.app = app
        self.name = name
        self.seen = seen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def tag(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.seen.append((self.name, message["status"]))
                message["headers"] = [*message["headers"], (b"x-layers", self.name.encode())]
            await send(message)

        await self.app(scope, receive, tag)


def service(seen: list[tuple[str, int]]) -> Service:
    app = Service()

    @app.get("/fine")
    def read_fine() -> dict[str, bool]:
        return {"fine": True}

    @app.get("/broken")
    def read_broken() -> None:
        raise RuntimeError("the route fails")

    app.add_outer_middleware(Tagging, name="inner", seen=seen)
    app.add_outer_middleware(Tagging, name="outer", seen=seen)
    return app


def test_the_last_outer_layer_added_runs_first() -> None:
    seen: list[tuple[str, int]] = []
    answer = TestClient(service(seen)).get("/fine")
    assert answer.headers.get_list("x-layers") == ["inner", "outer"]
    assert seen == [("inner", 200), ("outer", 200)]


def test_outer_layers_see_the_500_of_a_failing_route() -> None:
    seen: list[tuple[str, int]] = []
    answer = TestClient(service(seen), raise_server_exceptions=False).get("/broken")
    assert answer.status_code == 500
    assert seen == [("inner", 500), ("outer", 500)]


def test_outer_layers_run_before_the_framework_and_see_the_application() -> None:
    seen: list[object] = []
    app = Service()

    class Answering:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            seen.append(scope.get("app"))
            if scope["type"] != "http" or scope["path"] != "/answered":
                await self.app(scope, receive, send)
                return
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})

    app.add_outer_middleware(Answering)
    client = TestClient(app)
    answered = client.get("/answered")
    framework_built_by_the_first = app.middleware_stack is not None
    unknown = client.get("/unknown")

    assert (answered.status_code, unknown.status_code) == (204, 404)
    assert not framework_built_by_the_first
    assert app.middleware_stack is not None
    assert seen == [app, app]


def test_no_outer_layer_once_started() -> None:
    seen: list[tuple[str, int]] = []
    app = service(seen)
    TestClient(app).get("/fine")
    with pytest.raises(RuntimeError, match="after an application has started"):
        app.add_outer_middleware(Tagging, name="late", seen=seen)
