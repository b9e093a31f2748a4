"""The FastAPI application class, with room for layers in front of the framework.

Before a request reaches any user middleware it passes FastAPI's and Starlette's own entry
points, then three layers of Starlette's: the server-error handler, FastAPI's exception
telemetry and its body limit. A cached answer costs less than all of that, so the layer that
answers from memory, and the one that every other answer must pass to be logged and counted,
go in front of the framework (see :mod:`app.web.middleware.response_cache` and
:mod:`app.observability`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send


class Service(FastAPI):
    """FastAPI with :meth:`add_outer_middleware`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.outer_middleware: list[Middleware] = []
        self.entry: ASGIApp | None = None

    def add_outer_middleware(self, middleware_class: Any, **options: Any) -> None:
        """Like ``add_middleware``, but in front of the framework: the last added runs first,
        and an exception it lets through is the server's to answer (with a 500)."""
        if self.entry is not None:
            raise RuntimeError("Cannot add middleware after an application has started")
        self.outer_middleware.insert(0, Middleware(middleware_class, **options))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.entry is None:
            self.entry = self.build_entry()
        scope["app"] = self
        await self.entry(scope, receive, send)

    def build_entry(self) -> ASGIApp:
        """The outer layers around the framework's own entry point."""
        app: ASGIApp = super().__call__
        for cls, args, kwargs in reversed(self.outer_middleware):
            app = cls(app, *args, **kwargs)
        return app
