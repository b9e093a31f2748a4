"""The ceilings the API is measured against, served by the same uvicorn as the API.

``raw``: a bare ASGI callable answering a constant body of ``BENCH_BODY_BYTES`` bytes (what no
Python web service can beat); ``fastapi``: a FastAPI endpoint returning a constant object;
``fastapi_bytes``: the same endpoint returning pre-encoded bytes; ``replay``: an answer captured
from the API (the file ``BENCH_REPLAY`` names, see :func:`capture`), sent as it is, so that what
the server alone charges for that answer's headers and body is measured apart from the
application's own work. The FastAPI endpoints are coroutines,
as a fast FastAPI endpoint is: a plain function would be run in the thread pool, which costs
more than the rest of the request, and make the ceiling a low one.

    uvicorn bench.ceilings:raw --port 8101
    BENCH_REPLAY=/tmp/answer.json uvicorn bench.ceilings:replay --port 8102
"""

from __future__ import annotations

import base64
import json
import os
import urllib.request
from pathlib import Path
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


# Headers the server adds to every answer itself, and those of the capturing connection alone
# (urllib asks to close it).
_NOT_REPLAYED = frozenset({"date", "server", "connection", "keep-alive"})


def capture(url: str, headers: dict[str, str], file: Path) -> None:
    """Save the answer to a GET of ``url`` (status, headers as sent, body as sent) to ``file``."""
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = {
            "status": response.status,
            "headers": [
                [name.lower(), value]
                for name, value in response.headers.items()
                if name.lower() not in _NOT_REPLAYED
            ],
            "body": base64.b64encode(response.read()).decode(),
        }
    file.write_text(json.dumps(answer))


def _replayed() -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    path = os.environ.get("BENCH_REPLAY")
    if not path:
        return 200, _HEADERS, _BODY
    answer = json.loads(Path(path).read_text())
    headers = [
        (name.encode("latin-1"), value.encode("latin-1")) for name, value in answer["headers"]
    ]
    return answer["status"], headers, base64.b64decode(answer["body"])


_REPLAY_STATUS, _REPLAY_HEADERS, _REPLAY_BODY = _replayed()


async def replay(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The captured answer, with no framework at all."""
    if scope["type"] != "http":
        return
    start = {"type": "http.response.start", "status": _REPLAY_STATUS, "headers": _REPLAY_HEADERS}
    await send(start)
    await send({"type": "http.response.body", "body": _REPLAY_BODY})


fastapi = FastAPI()


@fastapi.get("/constant")
async def read_constant() -> dict[str, Any]:
    """The constant as an object FastAPI encodes."""
    return _OBJECT


@fastapi.get("/bytes")
async def read_bytes() -> Response:
    """The constant already encoded."""
    return Response(_BODY, media_type="application/json")
