"""The FastAPI application class, with room for layers outside the framework's own.

Starlette wraps every request in three layers of its own before any user middleware: the
server-error handler, FastAPI's exception telemetry and its body limit. A cached answer costs
less than those three do, so the layers that answer from memory, and the one that every
answer must pass to be logged and counted, go outside them (see :mod:`app.cache` and
:mod:`app.observability`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.types import ASGIApp


class Service(FastAPI):
    """FastAPI with :meth:`add_outer_middleware`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.outer_middleware: list[Middleware] = []

    def add_outer_middleware(self, middleware_class: Any, **options: Any) -> None:
        """Like ``add_middleware``, but outside the server-error handler: the last added runs
        first, and an exception it lets through is the server's to answer (with a 500)."""
        if self.middleware_stack is not None:
            raise RuntimeError("Cannot add middleware after an application has started")
        self.outer_middleware.insert(0, Middleware(middleware_class, **options))

    def build_middleware_stack(self) -> ASGIApp:
        app = super().build_middleware_stack()
        for cls, args, kwargs in reversed(self.outer_middleware):
            app = cls(app, *args, **kwargs)
        return app
