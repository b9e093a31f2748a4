"""The interactive docs, served with Swagger UI from an installed package: no CDN, works offline."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

ASSETS_PATH = "/docs/assets"
_ASSETS_DIR = Path(str(swagger_ui_path))


def install_docs(app: FastAPI, *, docs_path: str = "/docs") -> None:
    """Serve Swagger UI at ``docs_path`` and its assets under ``ASSETS_PATH``."""
    app.mount(ASSETS_PATH, StaticFiles(directory=_ASSETS_DIR), name="docs-assets")
    title = f"{app.title} — docs"
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get(docs_path, include_in_schema=False)
    def read_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=title,
            swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_PATH}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        )
