"""Bounds on what one request may carry: the length of its URL and the size of its headers.

Checked before any routing or database work, and answered as problem details: 414 for a path
and query longer than ``max_url_length`` bytes, 431 for headers larger than
``max_header_bytes`` in all. (The other bounds are the parameters' own: see ``params.py``.)
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.rate_limit import RateLimitMiddleware
from app.config import Settings
from app.errors import problem_response
from app.schemas import Problem

# A refused path is echoed back in the problem's `instance` at most this long.
_INSTANCE_CHARACTERS = 200


class RequestLimitsMiddleware:
    """Refuse a request whose URL or headers are over the configured sizes."""

    def __init__(self, app: ASGIApp, *, max_url_length: int, max_header_bytes: int) -> None:
        self.app = app
        self.max_url_length = max_url_length
        self.max_header_bytes = max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        raw_path: bytes = scope.get("raw_path") or path.encode()
        url_length = len(raw_path) + 1 + len(scope.get("query_string", b""))
        header_bytes = sum(len(name) + len(value) + 4 for name, value in scope["headers"])
        problem = None
        if url_length > self.max_url_length:
            problem = Problem(
                type="about:blank",
                title="URI Too Long",
                status=414,
                detail=f"The path and query string are {url_length} bytes; at most "
                f"{self.max_url_length} are accepted. Ask for fewer indicators or values at once.",
                instance=path[:_INSTANCE_CHARACTERS],
            )
        elif header_bytes > self.max_header_bytes:
            problem = Problem(
                type="about:blank",
                title="Request Header Fields Too Large",
                status=431,
                detail=f"The request's headers are {header_bytes} bytes; at most "
                f"{self.max_header_bytes} are accepted.",
                instance=path[:_INSTANCE_CHARACTERS],
            )
        if problem is None:
            await self.app(scope, receive, send)
            return
        await problem_response(problem)(scope, receive, send)


def install_request_limits(app: FastAPI, settings: Settings) -> None:
    """Add the size limits and, when ``RATE_LIMIT`` is set, the rate limit; inside CORS, so
    that a browser can read their refusals."""
    if settings.rate_limit:
        app.add_middleware(
            RateLimitMiddleware, limit=settings.rate_limit, storage_uri=settings.rate_limit_storage
        )
    app.add_middleware(
        RequestLimitsMiddleware,
        max_url_length=settings.max_url_length,
        max_header_bytes=settings.max_header_bytes,
    )
