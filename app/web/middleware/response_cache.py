"""An in-process cache of whole responses: a repeated GET is answered before the framework runs.

The data changes only when a seed changes the data version, so the answer to a GET under /v1 is
a function of the request and that version. This middleware keeps the final encoded answer
(status, headers and body, exactly as the layers inside it produced them: ETag, Cache-Control,
gzip) keyed by

- the data version and its seed time (:mod:`app.queries.data_version`): a new seed makes every
  entry unreachable and empties the cache;
- the scheme, ``Host`` and root path (a page's ``next`` link is an absolute URL);
- the path and the query, normalised so that equal parameters spelled differently (``%2C`` or
  ``,``, ``+`` or ``%20``) share an entry; their order is kept, since ``next`` repeats it;
- the representation negotiated: whether ``Accept`` prefers CSV to JSON, whether
  ``Accept-Encoding`` allows gzip, and the language ``Accept-Language`` asks for (the very
  tests the negotiation, gzip and language layers make);
- what CORS answers the ``Origin``: nothing without one, ``*`` when every origin is allowed,
  else the origin itself if it is allowed, and one shared variant for every other origin.

A hit is answered at once: ``304`` when ``If-None-Match`` names its ETag, else the stored
answer. Only ``200`` answers that carry an ETag are stored, unless their route keeps them out
(:func:`keep_out`: a file served from disk is cheap to send again, and would only take the
memory); entries are dropped least recently
used first past ``max_bytes``, and one answer larger than an eighth of it is never stored.

It sits in front of everything else, FastAPI included, so that a hit costs little more than
the server's own work: outside the security headers (the same for every answer of a route),
CORS (its headers follow from the variant above), the size limits (a request over them is
passed on, to be refused there), gzip, ETag and the routes, so that their work is stored with
the answer; and outside the layer that gives every request an id, an access line and a
metrics sample (:mod:`app.observability.access`). With ``records_hits`` it gives its hits
those three itself, exactly as that layer would: a fresh id (or the caller's), and the line
and sample under the route that answered the miss, which is stored with the entry. The id is
the request's own, so it is never stored. A configured rate limit must count every request,
and its refusals need the security and CORS headers, so then the cache goes inside the rate
limit, inside those two and the observing layer, and leaves its hits to that layer (see
:func:`app.web.application.install_middleware`).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote

import anyio
from fastapi import FastAPI, Request
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.observability.access import HEADER_NAME as REQUEST_ID_HEADER
from app.observability.access import record_request
from app.observability.metrics import IN_PROGRESS
from app.observability.request_id import choose_request_id
from app.queries.data_version import DataVersionSource, tracker_for
from app.store.sessions import get_engine, get_session
from app.web.language import ENGLISH, header_language
from app.web.middleware.etag import matches
from app.web.middleware.request_limits import HEADER_OVERHEAD, RequestLimits
from app.web.negotiation import wants_csv

CACHED_PATH_PREFIX = "/v1/"
# Characters a query may carry unescaped, other than the separators & = + and the escape %.
_QUERY_SAFE = "-._~!$'()*,;:@/?"
# Headers a 304 leaves out: they describe a body it does not have.
_BODY_HEADERS = frozenset({b"content-type", b"content-length", b"content-encoding"})
_ENTRY_OVERHEAD = 512
_MAX_REMEMBERED_VALUES = 256
_OTHER_ORIGIN = b"\x00"
_KEPT_OUT = "kept_out_of_response_cache"


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """One stored answer, with what a 304 for it sends."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    not_modified_headers: list[tuple[bytes, bytes]]
    route: Any
    size: int


def keep_out(request: Request) -> None:
    """Tell the response cache not to keep the answer to ``request``."""
    setattr(request.state, _KEPT_OUT, True)


class ResponseStore:
    """Answers by key, least recently used first, within ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 8
        self.bytes = 0
        self._entries: OrderedDict[Hashable, CachedResponse] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> CachedResponse | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Hashable, entry: CachedResponse) -> None:
        if entry.size > self.max_entry_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= dropped.size

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


def normalised_query(raw: bytes) -> bytes:
    """The query with every parameter percent-encoded one way, in the order given.

    >>> normalised_query(b"indicator=internet_users%2Cinternet_penetration&q=a+b")
    b'indicator=internet_users,internet_penetration&q=a%20b'
    """
    if b"%" not in raw and b"+" not in raw:
        return raw  # already in normal form, or harmlessly not merged with its equals
    pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    return "&".join(
        f"{quote(name, safe=_QUERY_SAFE)}={quote(value, safe=_QUERY_SAFE)}" for name, value in pairs
    ).encode("ascii")


class ResponseCacheMiddleware:
    """Answer repeated GETs under /v1 from memory (see the module doc).

    ``versions`` tells the data version; by default it is the tracker (see
    :mod:`app.queries.data_version`, with ``version_ttl``) of the engine behind the application's
    session dependency (a test's override included), found on the first request.
    ``allow_origins`` is the CORS setting; ``limits`` the size limits a request must be within
    to be answered here; ``records_hits`` says that this layer is in front of the observing one,
    so it gives its hits their id, access line and sample.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        allow_origins: Sequence[str] = (),
        limits: RequestLimits | None = None,
        version_ttl: float = 1.0,
        versions: DataVersionSource | None = None,
        records_hits: bool = False,
    ) -> None:
        self.app = app
        self.records_hits = records_hits
        self.store = ResponseStore(max_bytes)
        self.allow_origins = frozenset(origin.encode("latin-1") for origin in allow_origins)
        self.limits = limits
        self.version_ttl = version_ttl
        self.versions = versions
        # The data version and its seed time the entries belong to.
        self._data: tuple[str, str | None] | None = None
        self._prefers_csv: dict[bytes, bool] = {}
        self._languages: dict[bytes, str] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PATH_PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        data = await self._current_data(scope)
        if data is None:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        host = accept = encoding = if_none_match = origin = languages = b""
        incoming = user_agent = None
        header_bytes = 0
        for name, value in scope["headers"]:
            header_bytes += HEADER_OVERHEAD + len(name) + len(value)
            if name == b"host":
                host = value
            elif name == b"accept":
                accept = value
            elif name == b"accept-encoding" and not encoding:
                encoding = value
            elif name == b"accept-language" and not languages:
                languages = value
            elif name == b"if-none-match":
                if_none_match = value
            elif name == b"origin":
                origin = value
            elif name == REQUEST_ID_HEADER:
                incoming = value.decode("latin-1")
            elif name == b"user-agent":
                user_agent = value.decode("latin-1")
        if self.limits is not None and not self.limits.allow(scope, header_bytes):
            await self.app(scope, receive, send)  # to be refused there
            return
        key = (
            data,
            scope["scheme"],
            host,
            scope.get("root_path", ""),
            scope["path"],
            normalised_query(scope["query_string"]),
            self._prefers_csv_for(accept),
            b"gzip" in encoding,
            self._language_for(languages),
            self._cors_variant(origin),
        )
        entry = self.store.get(key)
        if entry is None:
            await self._fill(key, scope, receive, send)
            return
        scope["route"] = entry.route
        if if_none_match and matches(if_none_match.decode("latin-1"), entry.etag):
            status, headers, body = 304, entry.not_modified_headers, b""
        else:
            status, headers, body = entry.status, entry.headers, entry.body
        if not self.records_hits:
            await _answer(send, status, [*headers], body)
            return
        chosen = choose_request_id(incoming)
        IN_PROGRESS.inc()
        try:
            await _answer(send, status, [*headers, (REQUEST_ID_HEADER, chosen.encode())], body)
        finally:
            IN_PROGRESS.dec()
            record_request(scope, chosen, user_agent, status, time.perf_counter() - started)

    async def _current_data(self, scope: Scope) -> tuple[str, str | None] | None:
        if self.versions is None:
            app = scope.get("app")
            if not isinstance(app, FastAPI):
                return None
            try:
                engine = await anyio.to_thread.run_sync(_session_engine, app)
                self.versions = await tracker_for(engine, self.version_ttl)
            except Exception:  # the database is not there yet: try again next time
                return None
        version = await self.versions.current()
        data = None if version is None else (version, self.versions.seeded_at)
        if data != self._data:
            self.store.clear()
            self._data = data
        return data

    def _prefers_csv_for(self, accept: bytes) -> bool:
        if not accept:
            return False
        known = self._prefers_csv.get(accept)
        if known is None:
            known = wants_csv(None, accept.decode("latin-1"))
            if len(self._prefers_csv) < _MAX_REMEMBERED_VALUES:
                self._prefers_csv[accept] = known
        return known

    def _language_for(self, accept_language: bytes) -> str:
        if not accept_language:
            return ENGLISH
        known = self._languages.get(accept_language)
        if known is None:
            known = header_language(accept_language.decode("latin-1"))
            if len(self._languages) < _MAX_REMEMBERED_VALUES:
                self._languages[accept_language] = known
        return known

    def _cors_variant(self, origin: bytes) -> bytes:
        if not origin:
            return b""
        if b"*" in self.allow_origins:
            return b"*"
        return origin if origin in self.allow_origins else _OTHER_ORIGIN

    async def _fill(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send) -> None:
        """Answer through the application, keeping the answer if it may be reused."""
        start: Message | None = None
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        size = 0
        storable = True

        async def send_and_keep(message: Message) -> None:
            nonlocal start, headers, size, storable
            if message["type"] == "http.response.start":
                start = message
                # A copy (the layers outside change the message's headers as it passes), without
                # the request's own id, which the layer inside adds when it is the one that
                # observes requests.
                headers = [
                    header
                    for header in message.get("headers", [])
                    if header[0] != REQUEST_ID_HEADER
                ]
                storable = (
                    message["status"] == 200
                    and _reusable(headers)
                    and not scope.get("state", {}).get(_KEPT_OUT, False)
                )
            elif message["type"] == "http.response.body" and storable:
                body = message.get("body", b"")
                size += len(body)
                storable = size <= self.store.max_entry_bytes
                chunks.append(body)
            await send(message)

        await self.app(scope, receive, send_and_keep)
        if not storable or start is None or key[0] != self._data:
            return
        etag = next(value for name, value in headers if name == b"etag").decode("latin-1")
        body = b"".join(chunks)
        kept = [(name, value) for name, value in headers if name not in _BODY_HEADERS]
        self.store.put(
            key,
            CachedResponse(
                status=start["status"],
                headers=headers,
                body=body,
                etag=etag,
                not_modified_headers=kept,
                route=scope.get("route"),
                size=len(body) + 2 * sum(len(n) + len(v) for n, v in headers) + _ENTRY_OVERHEAD,
            ),
        )


async def _answer(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _reusable(headers: list[tuple[bytes, bytes]]) -> bool:
    """An answer tagged with an ETag, that sets no cookie and does not forbid storing."""
    names = {name for name, _ in headers}
    if b"etag" not in names or b"set-cookie" in names:
        return False
    control = b",".join(value for name, value in headers if name == b"cache-control").lower()
    return b"no-store" not in control and b"private" not in control


def _session_engine(app: FastAPI) -> Engine:
    """The engine behind the application's session dependency (or a test's override of it)."""
    provide = app.dependency_overrides.get(get_session)
    if provide is None:
        return get_engine()
    sessions = provide()
    try:
        session = next(sessions)
        bind = session.get_bind()
    finally:
        sessions.close()
    assert isinstance(bind, Engine)
    return bind


def response_cache_options(settings: Settings, limits: RequestLimits) -> dict[str, Any] | None:
    """The cache's options, or ``None`` when ``RESPONSE_CACHE`` turns it off."""
    if not settings.response_cache or settings.response_cache_max_bytes <= 0:
        return None
    return {
        "max_bytes": settings.response_cache_max_bytes,
        "allow_origins": settings.cors_origins,
        "limits": limits,
        "version_ttl": settings.response_cache_version_ttl,
    }
