"""How long a check of a figure takes: a handful of claims through ``GET /v1/check``.

    python -m bench.check                          # in process, over DATABASE_URL (make db)
    python -m bench.check --url http://127.0.0.1:8000   # against a running server

In process, the app runs with its response cache off, so that every request reads and
compares the claim again; the first request of all loads the catalogue for the data version
and is reported apart. Against a server, each request gets a query of its own (a space added
per round, which the check collapses), so its response cache cannot answer it either. For each
claim: its verdict, and the median and the 90th percentile of ``--rounds`` requests, in
milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.parse
import urllib.request
from collections.abc import Callable

from fastapi.testclient import TestClient

from app.config import get_settings
from app.web.application import create_app

CLAIMS = [
    "10.92亿网民 2023年12月",
    "China had 1.079 billion internet users in June 2023",
    "penetration 76.4%",
    "5G基站 337.7万个",
    "10.9亿网民",
    "农村网民 3.26亿",
    "10.92亿网民 2024年12月",
    "more than 1.1 billion netizens by the end of 2025",
    "lots of people online",
]

Get = Callable[[str], tuple[int, dict[str, object]]]


def _in_process() -> tuple[Get, Callable[[], None]]:
    settings = get_settings().model_copy(update={"response_cache": False})
    client = TestClient(create_app(settings))
    client.__enter__()

    def get(claim: str) -> tuple[int, dict[str, object]]:
        response = client.get("/v1/check", params={"claim": claim})
        return response.status_code, response.json()

    return get, lambda: client.__exit__(None, None, None)


def _server(base: str) -> Get:
    def get(claim: str) -> tuple[int, dict[str, object]]:
        query = urllib.parse.urlencode({"claim": claim})
        with urllib.request.urlopen(f"{base}/v1/check?{query}", timeout=30) as response:
            return response.status, json.loads(response.read())

    return get


def _nothing() -> None:
    """Nothing to close: the server is someone else's."""


def _timed(get: Get, claim: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    status, body = get(claim)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit(f"{claim!r}: HTTP {status}")
    return elapsed, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server's base URL (default: in process)")
    parser.add_argument("--rounds", type=int, default=50, help="requests per claim")
    args = parser.parse_args()
    if args.url:
        get, close = _server(args.url.rstrip("/")), _nothing
    else:
        get, close = _in_process()
    try:
        first, _ = _timed(get, CLAIMS[0])
        print(f"first request (loads the catalogue for the data version): {first:.1f} ms")
        print(f"{'claim':<52} {'verdict':<11} {'median':>7} {'p90':>7}")
        medians = []
        for claim in CLAIMS:
            times = []
            verdict = ""
            for round_ in range(args.rounds):
                # Spaces the check strips: a query of its own, which a server's cache lacks.
                elapsed, body = _timed(get, claim + " " * round_ if args.url else claim)
                times.append(elapsed)
                verdict = str(body["verdict"])
            times.sort()
            median = statistics.median(times)
            medians.append(median)
            p90 = times[int(0.9 * (len(times) - 1))]
            print(f"{claim:<52} {verdict:<11} {median:7.2f} {p90:7.2f}")
        print(f"median of the claims' medians: {statistics.median(medians):.2f} ms")
    finally:
        close()


if __name__ == "__main__":
    main()
