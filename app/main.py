"""The application factory: routers, middleware and error handlers are wired here."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from app.api import health, indicators, observations, reports, sources
from app.api.deps import refuse_nul_characters
from app.api.docs import install_docs
from app.api.etag import ETagMiddleware
from app.api.explorer import install_explorer
from app.api.openapi import TAGS, install_openapi
from app.api.rate_limit import RateLimitMiddleware
from app.api.request_limits import RequestLimitsMiddleware, request_limits
from app.api.security_headers import SecurityHeadersMiddleware
from app.cache import ResponseCacheMiddleware, response_cache_options
from app.config import Settings, get_settings
from app.errors import install_error_handlers
from app.observability.install import install_observability
from app.observability.request_id import HEADER as REQUEST_ID_HEADER
from app.service import Service

GZIP_MINIMUM_BYTES = 1000

DESCRIPTION = """
Figures from CNNIC's *Statistical Reports on China's Internet Development*, each value with the
quotes that prove it: every citation's `quote` is exactly `text[start:end]` of its source's text,
which `/v1/sources/{id}/text` serves as it was seeded.

Start with the catalogue (`GET /v1/indicators?q=users`), then ask for values:
`GET /v1/observations?indicator=internet_users` gives 1,108,000,000 persons for 2024-12 (the 55th
report) and 1,125,000,000 for 2025-12 (the 57th). `format=csv` gives the same rows as CSV;
`GET /v1/indicators/internet_penetration/series` gives chart-ready lines.

Every successful GET carries an `ETag`; send it back as `If-None-Match` for a `304`. The data
changes only when a report is added. Refusals are RFC 9457 problem details naming the parameter
at fault and what would be valid.
"""


def create_app(settings: Settings | None = None) -> Service:
    """Build the ASGI application."""
    settings = settings or get_settings()
    app = Service(
        title="China Internet Statistics API",
        version="1.0.0",
        summary="CNNIC's figures on China's internet development, each cited to its source text.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(refuse_nul_characters)],
        # Metrics are Prometheus's (app.observability); FastAPI's own OpenTelemetry hooks would
        # cost every request a look at the global providers.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(observations.router)
    app.include_router(indicators.router)
    app.include_router(reports.router)
    app.include_router(sources.router)
    install_docs(app)
    install_openapi(app)
    install_explorer(app)
    install_observability(app)
    install_middleware(app, settings)
    return app


def install_middleware(app: Service, settings: Settings) -> None:
    """The layers around the routes, besides the request id, access log and metrics.

    The last added runs first. From the outside in: the response cache (see :mod:`app.cache`),
    in front of the framework and of the observing layer, so it observes its hits itself; then,
    inside the framework, the security headers; CORS; the size limits, whose refusals CORS lets
    a browser read; gzip; ETag. With ``RATE_LIMIT`` set, the rate limit must count every
    request, cached or not, and its refusals need the security and CORS headers, so the order
    is: security headers, CORS, rate limit, response cache, size limits, gzip, ETag, all inside
    the observing layer.
    """
    app.add_middleware(
        ETagMiddleware,
        data_cache_control=(
            f"public, max-age={settings.cache_max_age}, "
            f"stale-while-revalidate={settings.cache_stale_while_revalidate}"
        ),
    )
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES)
    limits = request_limits(settings)
    app.add_middleware(RequestLimitsMiddleware, limits=limits)
    cache = response_cache_options(settings, limits)
    if settings.rate_limit:
        if cache is not None:
            app.add_middleware(ResponseCacheMiddleware, **cache)
        app.add_middleware(
            RateLimitMiddleware, limit=settings.rate_limit, storage_uri=settings.rate_limit_storage
        )
        add_cors(app, settings)
        app.add_middleware(SecurityHeadersMiddleware)
        return
    add_cors(app, settings)
    app.add_middleware(SecurityHeadersMiddleware)
    if cache is not None:
        app.add_outer_middleware(ResponseCacheMiddleware, **cache, records_hits=True)


def add_cors(app: FastAPI, settings: Settings) -> None:
    """Any origin the settings allow may read every answer (GET only) and its ids and links."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET"],
        allow_headers=["Accept", "If-None-Match", REQUEST_ID_HEADER],
        expose_headers=["ETag", "Link", REQUEST_ID_HEADER],
        max_age=86400,
    )


app = create_app()
