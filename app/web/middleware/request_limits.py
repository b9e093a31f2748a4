"""Bounds on what one request may carry: the length of its URL and the size of its headers.

Checked before any routing or database work, and answered as problem details: 414 for a path
and query longer than ``max_url_length`` bytes, 431 for headers larger than
``max_header_bytes`` in all. (The other bounds are the parameters' own: see ``params.py``.)
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings
from app.web.errors import problem_response
from app.web.schemas import Problem

# What each header adds beside its name and value: ": " and the line's end.
HEADER_OVERHEAD = 4
# A refused path is echoed back in the problem's `instance` at most this long.
_INSTANCE_CHARACTERS = 200


@dataclass(frozen=True, slots=True)
class RequestLimits:
    """The largest URL (path and query) and headers a request may have, in bytes."""

    max_url_length: int
    max_header_bytes: int

    def allow(self, scope: Scope, header_bytes: int) -> bool:
        """Whether ``scope``, whose headers are ``header_bytes`` long, is within the limits."""
        return header_bytes <= self.max_header_bytes and _url_length(scope) <= self.max_url_length

    def refusal(self, scope: Scope) -> Problem | None:
        """Why ``scope`` is refused, or ``None`` when it is within the limits."""
        path: str = scope["path"]
        url_length = _url_length(scope)
        if url_length > self.max_url_length:
            return Problem(
                type="about:blank",
                title="URI Too Long",
                status=414,
                detail=f"The path and query string are {url_length} bytes; at most "
                f"{self.max_url_length} are accepted. Ask for fewer indicators or values at once.",
                instance=path[:_INSTANCE_CHARACTERS],
            )
        header_bytes = sum(
            HEADER_OVERHEAD + len(name) + len(value) for name, value in scope["headers"]
        )
        if header_bytes > self.max_header_bytes:
            return Problem(
                type="about:blank",
                title="Request Header Fields Too Large",
                status=431,
                detail=f"The request's headers are {header_bytes} bytes; at most "
                f"{self.max_header_bytes} are accepted.",
                instance=path[:_INSTANCE_CHARACTERS],
            )
        return None


def _url_length(scope: Scope) -> int:
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
    return len(raw_path) + 1 + len(scope.get("query_string", b""))


class RequestLimitsMiddleware:
    """Refuse a request whose URL or headers are over ``limits``."""

    def __init__(self, app: ASGIApp, *, limits: RequestLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = self.limits.refusal(scope) if scope["type"] == "http" else None
        if problem is None:
            await self.app(scope, receive, send)
            return
        await problem_response(problem)(scope, receive, send)


def request_limits(settings: Settings) -> RequestLimits:
    """The limits the settings give."""
    return RequestLimits(
        max_url_length=settings.max_url_length, max_header_bytes=settings.max_header_bytes
    )
