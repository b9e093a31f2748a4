"""Read-only to the world: no method but GET (and HEAD where the framework serves it) reaches
anything; every other is a 405 problem that says what is allowed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.web.application import create_app

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]
SAMPLE_IDS = {
    "{code}": "internet_users",
    "{report_id}": "cnnic-55",
    "{source_id}": "cnnic-55-en",
}
PAGES = ["/", "/docs", "/docs/assets/swagger-ui.css", "/openapi.json"]


def every_path() -> list[str]:
    """Every documented path, with real identifiers, and the pages and assets."""
    paths = list(create_app().openapi()["paths"])
    for placeholder, value in SAMPLE_IDS.items():
        paths = [path.replace(placeholder, value) for path in paths]
    return [*paths, *PAGES]


@pytest.fixture(scope="module")
def app_client() -> Iterator[TestClient]:
    """A client of an app with no database behind it: a refused method never reaches one."""
    with TestClient(create_app()) as client:
        yield client


def test_every_documented_operation_is_a_get() -> None:
    operations = create_app().openapi()["paths"].values()

    assert {method for operation in operations for method in operation} == {"get"}


@pytest.mark.parametrize("method", WRITE_METHODS)
@pytest.mark.parametrize("path", every_path())
def test_other_methods_get_405(app_client: TestClient, method: str, path: str) -> None:
    response = app_client.request(method, path)

    assert response.status_code == 405, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 405
    allowed = {name.strip() for name in response.headers["allow"].split(",")}
    assert "GET" in allowed
    assert method not in allowed
