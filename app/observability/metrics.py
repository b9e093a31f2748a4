"""Prometheus metrics: requests by route and status, their latency, and database pool use.

With several uvicorn workers each process keeps its own numbers, so prometheus-client's
multiprocess mode is used whenever ``PROMETHEUS_MULTIPROC_DIR`` is set (``python -m app.serve``
sets it for more than one worker): every worker writes its samples to files there and
``/metrics``, whichever worker answers it, adds them all up. The variable must be set, and the
directory exist, before this module is imported.
"""

from __future__ import annotations

import atexit
import os
from typing import Any

from fastapi import APIRouter, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy import event
from sqlalchemy.pool import Pool

from app.observability import MULTIPROC_DIR_VARIABLE

_LABELS = ("method", "route", "status")

REQUESTS = Counter("http_requests_total", "HTTP requests answered.", _LABELS)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Seconds from a request's arrival to the end of its response.",
    _LABELS,
)
IN_PROGRESS = Gauge(
    "http_requests_in_progress", "HTTP requests being answered.", multiprocess_mode="livesum"
)
POOL_OPEN = Gauge(
    "db_pool_connections_open",
    "Database connections the pools hold open.",
    multiprocess_mode="livesum",
)
POOL_IN_USE = Gauge(
    "db_pool_connections_in_use",
    "Database connections checked out of the pools by a request.",
    multiprocess_mode="livesum",
)

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def read_metrics() -> Response:
    """The Prometheus text exposition of every metric, summed over the workers."""
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)


def _registry() -> CollectorRegistry:
    if os.environ.get(MULTIPROC_DIR_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


# Each (method, route, status) resolved to its two samples once: ``labels()`` costs more than
# the increment itself. Routes are templates and methods a fixed set, so this stays small.
_SAMPLES: dict[tuple[str, str, int], tuple[Any, Any]] = {}


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Count one answered request and its latency."""
    samples = _SAMPLES.get((method, route, status))
    if samples is None:
        labels = (method, route, str(status))
        samples = _SAMPLES[method, route, status] = (
            REQUESTS.labels(*labels),
            LATENCY.labels(*labels),
        )
    count, latency = samples
    count.inc()
    latency.observe(seconds)


def _opened(*_: object) -> None:
    POOL_OPEN.inc()


def _closed(*_: object) -> None:
    POOL_OPEN.dec()


def _checked_out(*_: object) -> None:
    POOL_IN_USE.inc()


def _checked_in(*_: object) -> None:
    POOL_IN_USE.dec()


# A detached connection leaves its pool's care, so it no longer counts as the pool's.
_POOL_LISTENERS = (
    ("connect", _opened),
    ("close", _closed),
    ("detach", _closed),
    ("checkout", _checked_out),
    ("checkin", _checked_in),
)


def instrument_pools() -> None:
    """Follow the connections of every SQLAlchemy pool in this process (idempotent)."""
    for name, listener in _POOL_LISTENERS:
        if not event.contains(Pool, name, listener):
            event.listen(Pool, name, listener)


def forget_process_at_exit() -> None:
    """In multiprocess mode, drop this worker's live gauges when it exits.

    Counters and histograms of a finished worker still count; its requests in progress and pool
    connections do not. A worker killed outright leaves its files until the next start wipes
    the directory (see :mod:`app.serve`).
    """
    directory = os.environ.get(MULTIPROC_DIR_VARIABLE)
    if directory:
        atexit.register(multiprocess.mark_process_dead, os.getpid(), directory)
