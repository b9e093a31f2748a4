"""Wiring the request ids, the access log and the metrics into the application."""

from __future__ import annotations

from fastapi import FastAPI

from app.observability.access import AccessLogMiddleware
from app.observability.metrics import forget_process_at_exit, instrument_pools, router
from app.observability.request_id import RequestIdMiddleware


def install_observability(app: FastAPI) -> None:
    """Serve ``/metrics`` and wrap ``app`` in the request-id and access-log middleware.

    Call it after every other middleware is added: the last added runs first, so every answer
    (a CORS preflight, a refusal by another middleware) gets an id, a log line and a sample.
    """
    app.include_router(router)
    instrument_pools()
    forget_process_at_exit()
    app.add_middleware(AccessLogMiddleware)
    app.add_middleware(RequestIdMiddleware)
