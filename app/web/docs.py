"""The interactive docs, served with Swagger UI from an installed package: no CDN, works offline."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

from app.web.middleware.security_headers import PAGE_POLICY

ASSETS_PATH = "/docs/assets"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_ASSETS_DIR = Path(str(swagger_ui_path))


def install_docs(app: FastAPI, *, docs_path: str = "/docs") -> None:
    """Serve Swagger UI at ``docs_path`` and its assets under ``ASSETS_PATH``."""
    app.mount(ASSETS_PATH, StaticFiles(directory=_ASSETS_DIR), name="docs-assets")
    title = f"{app.title} — docs"
    openapi_url = app.openapi_url or "/openapi.json"

    page = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=title,
        swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_PATH}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    ).body
    headers = {"Content-Security-Policy": docs_policy(bytes(page).decode())}

    @app.get(docs_path, include_in_schema=False)
    def read_docs() -> HTMLResponse:
        return HTMLResponse(page, headers=headers)


def docs_policy(page: str) -> str:
    """The Content-Security-Policy of the docs page: the page policy of every other page
    (``'self'`` only), plus what Swagger UI needs: the one inline script that starts it,
    allowed by its hash, and the ``data:`` images of its style sheet."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
        for script in _INLINE_SCRIPT.findall(page)
    )
    return f"{PAGE_POLICY}; script-src 'self' {hashes}; img-src 'self' data:"
