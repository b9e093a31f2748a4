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
from app.api.request_limits import install_request_limits
from app.api.security_headers import SecurityHeadersMiddleware
from app.cache import install_response_cache
from app.config import Settings, get_settings
from app.errors import install_error_handlers
from app.observability.install import install_observability
from app.observability.request_id import HEADER as REQUEST_ID_HEADER

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


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the ASGI application."""
    settings = settings or get_settings()
    app = FastAPI(
        title="China Internet Statistics API",
        version="1.0.0",
        summary="CNNIC's figures on China's internet development, each cited to its source text.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(refuse_nul_characters)],
    )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(observations.router)
    app.include_router(indicators.router)
    app.include_router(reports.router)
    app.include_router(sources.router)
    install_docs(app)
    install_openapi(app)
    install_explorer(app)
    # The last added runs first: CORS sees every answer, gzip compresses what ETag tagged.
    app.add_middleware(
        ETagMiddleware,
        data_cache_control=(
            f"public, max-age={settings.cache_max_age}, "
            f"stale-while-revalidate={settings.cache_stale_while_revalidate}"
        ),
    )
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES)
    # Repeated GETs are answered here, after the limits and before gzip, ETag and FastAPI.
    install_response_cache(app, settings)
    install_request_limits(app, settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET"],
        allow_headers=["Accept", "If-None-Match", REQUEST_ID_HEADER],
        expose_headers=["ETag", "Link", REQUEST_ID_HEADER],
        max_age=86400,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    install_observability(app)  # last: its middleware wraps all the others
    return app


app = create_app()
