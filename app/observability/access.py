"""The access log and the request metrics: one JSON line and one sample per HTTP request."""

from __future__ import annotations

import logging
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.metrics import IN_PROGRESS, observe_request

logger = logging.getLogger("app.access")

# Methods outside this set share one label, so a client cannot mint new time series.
_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
UNMATCHED_ROUTE = "unmatched"


def route_label(scope: Scope) -> str:
    """The template of the route that answered (``/v1/indicators/{code}``), not the raw path.

    Starlette records the matched route in the scope; a path no route matched shares one label.
    """
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class AccessLogMiddleware:
    """Times every HTTP request, then logs it and records it in the metrics.

    A request whose handler raised is recorded as a 500, which is what the server then sends.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        IN_PROGRESS.inc()
        try:
            await self.app(scope, receive, send_observed)
        finally:
            IN_PROGRESS.dec()
            self._record(scope, status, time.perf_counter() - started)

    @staticmethod
    def _record(scope: Scope, status: int, seconds: float) -> None:
        method = scope["method"] if scope["method"] in _METHODS else "other"
        route = route_label(scope)
        observe_request(method, route, status, seconds)
        client = scope.get("client")
        logger.info(
            "%s %s %d",
            method,
            scope["path"],
            status,
            extra={
                "method": scope["method"],
                "path": scope["path"],
                "query": scope["query_string"].decode("latin-1"),
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 3),
                "client": client[0] if client else None,
                "user_agent": Headers(scope=scope).get("user-agent"),
            },
        )
