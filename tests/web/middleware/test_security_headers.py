"""Security headers: every response is nosniff and unframeable; a page may load only its own
assets; the docs page may run exactly its one inline script besides."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app.store.sessions import make_engine
from app.web.application import create_app
from app.web.explorer import EXPLORER_POLICY
from app.web.middleware.security_headers import DATA_POLICY, PAGE_POLICY
from tests.conftest import migrate
from tests.live_server import live_server


@pytest.fixture(scope="module")
def app_client() -> Iterator[TestClient]:
    with TestClient(create_app()) as client:
        yield client


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/openapi.json",
        # The response cache reads the service database's data version for any /v1 path.
        pytest.param("/v1/nothing", marks=pytest.mark.service_database),
        "/docs/assets/swagger-ui.css",
    ],
)
def test_every_response_carries_the_headers(app_client: TestClient, path: str) -> None:
    headers = app_client.get(path).headers

    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-security-policy"] == DATA_POLICY
    assert "server" not in headers


def test_a_page_may_load_only_its_own_assets() -> None:
    directives = dict(part.strip().split(" ", 1) for part in PAGE_POLICY.split(";"))

    assert directives["default-src"] == "'self'"
    assert "unsafe" not in PAGE_POLICY


def test_the_explorer_may_also_show_images_it_makes_itself(app_client: TestClient) -> None:
    """The explorer saves a chart as PNG through an image of a blob: URL it makes: that is
    the one thing its policy adds to the page policy."""
    response = app_client.get("/")
    policy = response.headers["content-security-policy"]

    assert response.headers["content-type"].startswith("text/html")
    assert policy == EXPLORER_POLICY
    assert policy.removeprefix(PAGE_POLICY) == "; img-src 'self' blob:"


def test_the_docs_page_may_run_its_own_inline_script_and_no_other(app_client: TestClient) -> None:
    response = app_client.get("/docs")
    policy = response.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in scripts
    }

    assert policy.startswith(PAGE_POLICY)
    assert len(scripts) == 1
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert set(script_src.split()[2:]) == hashes
    assert "unsafe" not in policy


def test_only_the_docs_page_has_the_docs_policy(app_client: TestClient) -> None:
    docs_policy = app_client.get("/docs").headers["content-security-policy"]

    for path in ["/", "/openapi.json", "/docs/assets/swagger-ui-bundle.js"]:
        assert app_client.get(path).headers["content-security-policy"] != docs_policy


def test_the_real_server_names_no_server_software(tmp_path: Path) -> None:
    """As production runs it (``python -m app.serve``): no ``Server`` banner, on an answer or
    on a refusal the server makes itself (a request line too long for it)."""
    database = tmp_path / "served.db"
    writer = make_engine(f"sqlite:///{database}")
    migrate(writer)
    writer.dispose()
    with live_server({"DATABASE_URL": f"sqlite:///{database}"}) as base:
        answered = httpx.get(f"{base}/healthz")
        refused = httpx.get(f"{base}/v1/indicators/{'x' * 60_000}")

    assert answered.status_code == 200
    assert 400 <= refused.status_code < 500
    for response in (answered, refused):
        assert "server" not in response.headers
        assert "uvicorn" not in response.text.lower()
