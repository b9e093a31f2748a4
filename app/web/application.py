"""The application factory: routers, middleware and error handlers are wired here."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from app.config import Settings, get_settings
from app.observability.access import ObservedRequestsMiddleware
from app.observability.metrics import forget_process_at_exit, instrument_pools
from app.observability.metrics import router as metrics_router
from app.observability.request_id import HEADER as REQUEST_ID_HEADER
from app.web.choices import load_choices
from app.web.deps import refuse_nul_characters
from app.web.docs import install_docs
from app.web.errors import install_error_handlers
from app.web.explorer import install_explorer
from app.web.middleware.etag import ETagMiddleware
from app.web.middleware.rate_limit import RateLimitMiddleware
from app.web.middleware.request_limits import RequestLimitsMiddleware, request_limits
from app.web.middleware.response_cache import ResponseCacheMiddleware, response_cache_options
from app.web.middleware.security_headers import SecurityHeadersMiddleware
from app.web.openapi import TAGS, install_openapi
from app.web.routes import (
    check,
    downloads,
    health,
    index,
    indicators,
    observations,
    releases,
    reports,
    sources,
)
from app.web.service import Service

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
changes only when a seed changes it: each such seed is a release (`GET /v1/releases`), and
`GET /v1/observations?changed_since=<data version>` gives what changed since. Refusals are
RFC 9457 problem details naming the parameter at fault and what would be valid.
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
    app.state.choices = load_choices(settings.seeds_dir)
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(index.router)
    app.include_router(observations.router)
    app.include_router(indicators.router)
    app.include_router(reports.router)
    app.include_router(sources.router)
    app.include_router(releases.router)
    app.include_router(downloads.router)
    app.include_router(check.router)
    install_docs(app)
    install_openapi(app, app.state.choices)
    install_explorer(app)
    install_observability(app)
    install_middleware(app, settings)
    return app


def install_observability(app: Service) -> None:
    """Serve ``/metrics`` and wrap ``app`` in the layer that gives every request an id, an
    access line and a sample.

    Call it before any other layer is added in front of the framework: the last added runs
    first, so every answer the framework's layers give (a CORS preflight, a refusal by another
    middleware, a server error) gets an id, a log line and a sample. Only the response cache
    goes in front of it, and gives its own answers the same (see
    :mod:`app.web.middleware.response_cache`).
    """
    app.include_router(metrics_router)
    instrument_pools()
    forget_process_at_exit()
    app.add_outer_middleware(ObservedRequestsMiddleware)


def install_middleware(app: Service, settings: Settings) -> None:
    """The layers around the routes, besides the request id, access log and metrics.

    The last added runs first. From the outside in: the response cache (see
    :mod:`app.web.middleware.response_cache`), in front of the framework and of the observing
    layer, so it observes its hits itself; then, inside the framework, the security headers;
    CORS; the size limits, whose refusals CORS lets a browser read; gzip; ETag. With
    ``RATE_LIMIT`` set, the rate limit must count every request, cached or not, and its refusals
    need the security and CORS headers, so the order is: security headers, CORS, rate limit,
    response cache, size limits, gzip, ETag, all inside the observing layer.
    """
    app.add_middleware(
        ETagMiddleware,
        data_cache_control=(
            f"public, max-age={settings.cache_max_age}, "
            f"stale-while-revalidate={settings.cache_stale_while_revalidate}"
        ),
    )
    # A database download is sent as it is: compressing it anew for every request would cost a
    # core for seconds (the data package is the compressed download; a zip is never gzipped).
    app.add_middleware(
        GZipMiddleware,
        minimum_size=GZIP_MINIMUM_BYTES,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, downloads.SQLITE_MEDIA_TYPE),
    )
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
        expose_headers=["ETag", "Link", "X-Data-Version", "X-Data-Seeded-At", REQUEST_ID_HEADER],
        max_age=86400,
    )


app = create_app()
