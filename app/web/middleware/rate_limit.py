"""An optional limit on the requests one client may make, off unless ``RATE_LIMIT`` is set.

The counting is the ``limits`` package's moving window, kept in memory per process unless
``RATE_LIMIT_STORAGE`` names a shared store. A client is its address as the server sees it
(behind a proxy, run uvicorn with ``--proxy-headers`` so that it is the real client's). Over
the limit: 429 problem details with ``Retry-After``. The probes are never limited.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse_many
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Receive, Scope, Send

from app.web.errors import problem_response
from app.web.schemas import Problem

UNLIMITED_PATHS = frozenset({"/healthz", "/readyz"})


class RateLimitMiddleware:
    """Answer 429 to a client over any of the limits in ``limit`` (``"120/minute"``)."""

    def __init__(self, app: ASGIApp, *, limit: str, storage_uri: str) -> None:
        self.app = app
        self.items: list[RateLimitItem] = parse_many(limit)
        storage = storage_from_string(f"async+{storage_uri.removeprefix('async+')}")
        self.limiter = MovingWindowRateLimiter(storage)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        for item in self.items:
            if not await self.limiter.hit(item, key):
                await self._refuse(item, key, scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _refuse(
        self, item: RateLimitItem, key: str, scope: Scope, receive: Receive, send: Send
    ) -> None:
        stats = await self.limiter.get_window_stats(item, key)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        problem = Problem(
            type="about:blank",
            title="Too Many Requests",
            status=429,
            detail=f"More than {item} from this client; try again in {retry_after} s.",
            instance=scope["path"],
        )
        response = problem_response(problem, headers={"Retry-After": str(retry_after)})
        await response(scope, receive, send)
