"""One layer around every HTTP request: its id, its access line and its metrics sample.

One layer rather than three, and written against the raw ASGI messages, because it runs for
every request. The response cache, which answers in front of it, gives its hits the same
through :func:`record_request` (see :mod:`app.web.middleware.response_cache`).
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.access_log import AccessLog
from app.observability.metrics import IN_PROGRESS, observe_request
from app.observability.request_id import HEADER, choose_request_id, request_id

# Methods outside this set share one label, so a client cannot mint new time series.
_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
HEADER_NAME = HEADER.lower().encode()
UNMATCHED_ROUTE = "unmatched"

SHARED_ACCESS_LOG = AccessLog()


def route_label(scope: Scope) -> str:
    """The template of the route that answered (``/v1/indicators/{code}``), not the raw path.

    Starlette records the matched route in the scope; a path no route matched shares one label.
    """
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class ObservedRequestsMiddleware:
    """Gives every HTTP request an id (``X-Request-ID``, kept when the caller sent a sane one),
    times it, then writes its access line and records it in the metrics.

    The id is also held in :data:`app.observability.request_id.request_id` while the request
    is answered, so every log line written meanwhile carries it. A request whose handler raised
    is recorded as a 500, which is what the server then sends.
    """

    def __init__(self, app: ASGIApp, *, access_log: AccessLog = SHARED_ACCESS_LOG) -> None:
        self.app = app
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        incoming = user_agent = None
        for name, value in scope["headers"]:
            if name == HEADER_NAME:
                incoming = value.decode("latin-1")
            elif name == b"user-agent":
                user_agent = value.decode("latin-1")
        chosen = choose_request_id(incoming)
        id_header = (HEADER_NAME, chosen.encode())
        status = 500

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), id_header]
            await send(message)

        token = request_id.set(chosen)
        IN_PROGRESS.inc()
        try:
            await self.app(scope, receive, send_observed)
        finally:
            IN_PROGRESS.dec()
            request_id.reset(token)
            record_request(
                scope, chosen, user_agent, status, time.perf_counter() - started, self.access_log
            )


def record_request(
    scope: Scope,
    chosen: str,
    user_agent: str | None,
    status: int,
    seconds: float,
    access_log: AccessLog = SHARED_ACCESS_LOG,
) -> None:
    """Count an answered request in the metrics and write its access line (when wanted)."""
    method = scope["method"] if scope["method"] in _METHODS else "other"
    route = route_label(scope)
    observe_request(method, route, status, seconds)
    if not access_log.enabled():
        return
    client = scope.get("client")
    access_log.write(
        f"{method} {scope['path']} {status}",
        chosen,
        {
            "method": scope["method"],
            "path": scope["path"],
            "query": scope["query_string"].decode("latin-1"),
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 3),
            "client": client[0] if client else None,
            "user_agent": user_agent,
        },
    )
