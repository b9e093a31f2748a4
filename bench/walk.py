"""A walk over every page of the default observation query, timing each page."""

from __future__ import annotations

import json
import statistics
import time
import urllib.error
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class Walk:
    """Milliseconds of the first pages and of the last pages walked, and how it ended."""

    first_ms: float
    last_ms: float
    pages: int
    stopped: str  # "done", "time", or the refusal that stopped it


def first_and_last_pages(base: str, *, seconds: float, limit: int = 1000) -> Walk:
    """Follow ``next`` from the first page until the last, or for at most ``seconds``; the
    median milliseconds of the first ten pages and of the last ten."""
    url: str | None = f"{base}/v1/observations?limit={limit}"
    times: list[float] = []
    deadline = time.monotonic() + seconds
    stopped = "done"
    while url:
        if time.monotonic() > deadline:
            stopped = "time"
            break
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                page = json.loads(response.read())
        except urllib.error.HTTPError as error:
            stopped = f"HTTP {error.code} after {(time.perf_counter() - started) * 1000:.0f} ms"
            break
        times.append((time.perf_counter() - started) * 1000)
        url = page["next"]
    if not times:
        return Walk(float("nan"), float("nan"), 0, stopped)
    return Walk(statistics.median(times[:10]), statistics.median(times[-10:]), len(times), stopped)
