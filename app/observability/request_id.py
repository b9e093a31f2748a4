"""Request ids: taken from ``X-Request-ID`` when the caller sent a sane one, made otherwise.

The id is returned on the response and held in a context variable for the request's life, so
every log line written while answering it (see :mod:`app.observability.logs`) carries it, even
from the thread pool that runs synchronous routes.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-ID"
# What a proxy or a client library is likely to send (UUIDs, hex, base64, trace ids), bounded
# so that an id cannot smuggle anything into a log line or grow it without limit.
_ACCEPTED = re.compile(r"[A-Za-z0-9._:+/=-]{1,128}")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def choose_request_id(incoming: str | None) -> str:
    """The caller's id when it is acceptable, else a new random one."""
    if incoming is not None and _ACCEPTED.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Gives every HTTP request an id and puts it on the response's ``X-Request-ID``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chosen = choose_request_id(Headers(scope=scope).get(HEADER))

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = chosen
            await send(message)

        token = request_id.set(chosen)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
