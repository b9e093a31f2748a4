"""Security headers on every response, suited to a JSON API that also serves a page.

Every response: ``X-Content-Type-Options: nosniff`` (a browser never runs a JSON or CSV body
as something else), ``Referrer-Policy: no-referrer`` and ``X-Frame-Options: DENY``. A
Content-Security-Policy: an HTML page may load only its own assets (``'self'``, no inline
script or style); anything else may load nothing. A route that needs more sets its own policy,
which is kept (the Swagger UI page at /docs does, see ``docs.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'"
)
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"

_ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
_POLICY = b"content-security-policy"


class SecurityHeadersMiddleware:
    """Add the headers above to every HTTP response that does not set them itself.

    Written against the raw header list: it runs for every answer, a cached one included.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(message.get("headers", ()))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_security_headers(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` and, after them, each security header they do not set."""
    kept = list(headers)
    present = {name.lower() for name, _ in kept}
    kept.extend(header for header in _ALWAYS if header[0] not in present)
    if _POLICY not in present:
        is_page = any(
            name.lower() == b"content-type" and value.startswith(b"text/html")
            for name, value in kept
        )
        kept.append((_POLICY, (PAGE_POLICY if is_page else DATA_POLICY).encode()))
    return kept
