"""Wiring the request ids, the access log and the metrics into the application."""

from __future__ import annotations

from app.observability.access import ObservedRequestsMiddleware
from app.observability.metrics import forget_process_at_exit, instrument_pools, router
from app.service import Service


def install_observability(app: Service) -> None:
    """Serve ``/metrics`` and wrap ``app`` in the layer that gives every request an id, an
    access line and a sample.

    Call it before any other layer is added in front of the framework: the last added runs
    first, so every answer the framework's layers give (a CORS preflight, a refusal by another
    middleware, a server error) gets an id, a log line and a sample. Only the response cache
    goes in front of it, and gives its own answers the same (see :mod:`app.cache`).
    """
    app.include_router(router)
    instrument_pools()
    forget_process_at_exit()
    app.add_outer_middleware(ObservedRequestsMiddleware)
