"""The application factory: routers, middleware and error handlers are wired here."""

from __future__ import annotations

from fastapi import FastAPI

from app.api import health


def create_app() -> FastAPI:
    """Build the ASGI application."""
    app = FastAPI(
        title="China Internet Statistics API",
        version="1.0.0",
        summary="CNNIC's figures on China's internet development, each cited to its source text.",
    )
    app.include_router(health.router)
    return app


app = create_app()
