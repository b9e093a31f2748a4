"""A walk over every page of the default observation query, timing each page."""

from __future__ import annotations

import json
import statistics
import time
import urllib.request


def first_and_last_pages(
    base: str, *, seconds: float, limit: int = 1000
) -> tuple[float, float, int]:
    """Follow ``next`` from the first page until the last, or for at most ``seconds``; the
    median milliseconds of the first ten pages and of the last ten, and the pages walked."""
    url: str | None = f"{base}/v1/observations?limit={limit}"
    times: list[float] = []
    deadline = time.monotonic() + seconds
    while url and time.monotonic() < deadline:
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            page = json.loads(response.read())
        times.append((time.perf_counter() - started) * 1000)
        url = page["next"]
    return statistics.median(times[:10]), statistics.median(times[-10:]), len(times)
