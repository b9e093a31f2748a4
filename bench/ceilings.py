"""The ceilings the API is measured against, served by the same uvicorn as the API.

``raw``: a bare ASGI callable answering a constant body of ``BENCH_BODY_BYTES`` bytes (what no
Python web service can beat); ``fastapi``: a FastAPI endpoint returning a constant object;
``fastapi_bytes``: the same endpoint returning pre-encoded bytes. The endpoints are coroutines,
as a fast FastAPI endpoint is: a plain function would be run in the thread pool, which costs
more than the rest of the request, and make the ceiling a low one.

    uvicorn bench.ceilings:raw --port 8101
"""

from __future__ import annotations

import json
import os
from typing import Any

from fastapi import FastAPI, Response

_SIZE = int(os.environ.get("BENCH_BODY_BYTES", "2048"))
_OBJECT = {"data": [{"indicator": "internet_users", "value": 1108000000}], "pad": ""}
_OBJECT["pad"] = "x" * max(0, _SIZE - len(json.dumps(_OBJECT)))
_BODY = json.dumps(_OBJECT, separators=(",", ":")).encode()
_HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(_BODY)).encode())]


async def raw(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The constant, with no framework at all."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": _BODY})


fastapi = FastAPI()


@fastapi.get("/constant")
async def read_constant() -> dict[str, Any]:
    """The constant as an object FastAPI encodes."""
    return _OBJECT


@fastapi.get("/bytes")
async def read_bytes() -> Response:
    """The constant already encoded."""
    return Response(_BODY, media_type="application/json")
