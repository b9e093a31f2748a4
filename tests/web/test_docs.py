"""/docs: Swagger UI served from the installed package, so it works offline."""

from __future__ import annotations

import re
from importlib.metadata import version

from fastapi.testclient import TestClient

from app.web.application import create_app


def test_docs_page_loads_only_local_assets() -> None:
    with TestClient(create_app()) as client:
        page = client.get("/docs")
        assets = re.findall(r'(?:href|src)="([^"]+)"', page.text)
        fetched = {asset: client.get(asset) for asset in assets}

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "http" not in page.text.split("<body>")[1].split("</script>")[0]
    assert len(assets) == 3
    for asset, response in fetched.items():
        assert asset.startswith("/docs/assets/"), asset
        assert response.status_code == 200, asset
    assert "'/openapi.json'" in page.text or '"/openapi.json"' in page.text


def test_docs_use_a_swagger_ui_that_renders_openapi_3_1() -> None:
    # FastAPI writes OpenAPI 3.1, which Swagger UI renders from version 5 on.
    assert int(version("swagger-ui-bundle-v2").split(".")[0]) >= 5


def test_redoc_is_not_served_from_a_cdn() -> None:
    with TestClient(create_app()) as client:
        assert client.get("/redoc").status_code == 404
