"""Conditional GETs: an ETag on every successful GET, a 304 when the client's copy is current.

Data under /v1 changes only when a seed changes ``dataset_version``, so its ETag is computed from
that version (and its seed time) and the normalised request, before any row is read: a
revalidation reads nothing.
Anything else (the docs, the health probes, the OpenAPI document) is hashed after it is
rendered.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version as package_version

from fastapi import Request
from sqlalchemy import Engine
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.queries.data_version import tracker_for
from app.queries.memo import adopt_version
from app.web.deps import SessionDep
from app.web.errors import NotModified
from app.web.negotiation import wants_csv

_STATE_KEY = "etag"
_CODE_VERSION = package_version("cnnic-stats")


def _weak_tag(material: bytes) -> str:
    # Weak, because gzip may change the bytes but never what they mean.
    return f'W/"{hashlib.sha256(material).hexdigest()[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, RFC 9110)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in if_none_match.split(","))


async def conditional_get(request: Request, session: SessionDep) -> None:
    """Router dependency: tag the response with the data's ETag, or answer 304 straight away.

    The version is the tracked one (see :mod:`app.queries.data_version`), at most
    ``RESPONSE_CACHE_VERSION_TTL`` seconds old, which the session's per-version reads then take
    as theirs (see :mod:`app.queries.memo`): nothing here waits on the database. Its seed time
    is part of the ETag too, for data that returns to an earlier version.
    """
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    settings: Settings = request.app.state.settings
    tracker = await tracker_for(engine, settings.response_cache_version_ttl)
    version = await tracker.current()
    seeded_at = tracker.seeded_at
    adopt_version(session, version)
    tag_with_version(request, version, seeded_at)
    if matches(request.headers.get("if-none-match"), request.state.etag):
        raise NotModified


def tag_with_version(request: Request, version: str | None, seeded_at: str | None) -> None:
    """Make ``version``, seeded at ``seeded_at``, the data the answer to ``request`` names, in
    its ETag, its ``X-Data-Version`` and its ``X-Data-Seeded-At``: the tracked one, or the one
    a route found it read (a seed may land in between)."""
    material = [
        _CODE_VERSION,
        version,
        seeded_at,
        request.url.path,
        sorted(request.query_params.multi_items()),
        wants_csv(request.query_params.get("format"), request.headers.get("accept")),
        # The language an answer names things in, for the routes that choose one.
        getattr(request.state, "language", None),
    ]
    request.state.etag = _weak_tag(json.dumps(material, ensure_ascii=False).encode())
    request.state.data_version = version
    request.state.data_seeded_at = seeded_at


class ETagMiddleware:
    """Puts ``ETag`` and ``Cache-Control`` on successful GETs.

    A response whose route set an ETag (see :func:`conditional_get`) gets ``data_cache_control``,
    ``Vary: Accept``, and the data's version and seed time (``X-Data-Version``,
    ``X-Data-Seeded-At``); one whose route chose a language (see :mod:`app.web.language`), its
    ``Content-Language``, and ``Vary: Accept-Language`` when the header chose it. One with an
    ETag of its own (static files) passes through. Any other is buffered and hashed, and
    becomes a 304 when ``If-None-Match`` names the hash.
    """

    def __init__(self, app: ASGIApp, *, data_cache_control: str) -> None:
        self.app = app
        self.data_cache_control = data_cache_control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        if_none_match = Headers(scope=scope).get("if-none-match")
        held: Message | None = None
        chunks: list[bytes] = []

        async def send_tagged(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                status = message["status"]
                data_etag = state.get(_STATE_KEY)
                if data_etag is not None and status in (200, 304):
                    headers["ETag"] = data_etag
                    headers["Cache-Control"] = self.data_cache_control
                    headers.add_vary_header("Accept")
                    if state.get("data_version"):
                        headers["X-Data-Version"] = state["data_version"]
                    if state.get("data_seeded_at"):
                        headers["X-Data-Seeded-At"] = state["data_seeded_at"]
                    if state.get("language"):
                        headers["Content-Language"] = state["language"]
                        if state.get("language_negotiated"):
                            headers.add_vary_header("Accept-Language")
                elif status == 200 and "etag" not in headers:
                    held = message
                    return
                elif status in (200, 304) and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-cache"
                await send(message)
                return
            if held is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._send_hashed(held, b"".join(chunks), if_none_match, send)

        await self.app(scope, receive, send_tagged)

    @staticmethod
    async def _send_hashed(
        start: Message, body: bytes, if_none_match: str | None, send: Send
    ) -> None:
        headers = MutableHeaders(scope=start)
        etag = _weak_tag(body)
        headers["ETag"] = etag
        if "cache-control" not in headers:
            headers["Cache-Control"] = "no-cache"
        if matches(if_none_match, etag):
            start["status"] = 304
            del headers["content-length"]
            body = b""
        await send(start)
        await send({"type": "http.response.body", "body": body})
