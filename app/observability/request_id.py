"""Request ids: taken from ``X-Request-ID`` when the caller sent a sane one, made otherwise.

The id is returned on the response (see :mod:`app.observability.access`) and held in a context
variable for the request's life, so every log line written while answering it (see
:mod:`app.observability.logs`) carries it, even from the thread pool that runs synchronous
routes.
"""

from __future__ import annotations

import random
import re
from contextvars import ContextVar

HEADER = "X-Request-ID"
# What a proxy or a client library is likely to send (UUIDs, hex, base64, trace ids), bounded
# so that an id cannot smuggle anything into a log line or grow it without limit.
_ACCEPTED = re.compile(r"[A-Za-z0-9._:+/=-]{1,128}")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def choose_request_id(incoming: str | None) -> str:
    """The caller's id when it is acceptable, else a new random one (32 hex digits).

    An id must be unique, not unguessable, so it comes from :mod:`random` (reseeded in every
    forked worker) rather than :mod:`secrets`, which makes a system call per id: under load
    that cost a cached answer several microseconds.
    """
    if incoming is not None and _ACCEPTED.fullmatch(incoming):
        return incoming
    return random.getrandbits(128).to_bytes(16).hex()
