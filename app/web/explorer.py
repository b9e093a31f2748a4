"""The explorer: a page for people at ``GET /``, built only on the public ``/v1`` API.

The page is one HTML file, a few ES modules and a style sheet in ``app/web/static``,
served from the package so it works offline. It has no inline script or style and evaluates
no strings, so it runs under a Content-Security-Policy that allows only its own assets, and
images from ``blob:`` URLs: a chart is saved as PNG by drawing an image of its SVG, made in
the page as a blob, onto a canvas.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from app.web.middleware.security_headers import PAGE_POLICY

ASSETS_PATH = "/explorer"
STATIC_DIR = Path(__file__).resolve().parent / "static"
EXPLORER_POLICY = f"{PAGE_POLICY}; img-src 'self' blob:"


def install_explorer(app: FastAPI) -> None:
    """Serve the explorer page at ``/`` and its assets under ``ASSETS_PATH``."""
    app.mount(ASSETS_PATH, StaticFiles(directory=STATIC_DIR), name="explorer-assets")
    page = STATIC_DIR / "index.html"

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def read_explorer() -> FileResponse:
        return FileResponse(
            page,
            media_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": EXPLORER_POLICY},
        )
