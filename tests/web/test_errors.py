"""Problem details for everything a client can get wrong, and never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from app.store.sessions import get_session, make_engine
from app.web.application import create_app

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response_status: int, body: dict[str, object], status: int) -> None:
    assert response_status == status
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status


def test_unknown_path_is_a_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing")

    assert response.headers["content-type"] == "application/problem+json"
    assert_problem(response.status_code, response.json(), 404)
    assert response.json()["type"] == "about:blank"


def test_other_methods_are_refused_as_problems(client: TestClient) -> None:
    response = client.post("/v1/observations")

    assert_problem(response.status_code, response.json(), 405)
    assert response.headers["allow"] == "GET"


@pytest.mark.parametrize(
    "url",
    [
        "/v1/indicators/%00",
        "/v1/observations?indicator=%00",
        "/v1/observations?area=%00",
        "/v1/indicators?q=a%00b",
        "/v1/sources/cnnic-55-en%00/text",
    ],
)
def test_nul_characters_are_refused(client: TestClient, url: str) -> None:
    response = client.get(url)

    assert_problem(response.status_code, response.json(), 422)
    assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        f"/v1/indicators/{'x' * 97}",
        f"/v1/reports/{'x' * 65}",
        f"/v1/indicators?q={'x' * 201}",
        f"/v1/observations?report={'x' * 65}",
    ],
)
def test_overlong_identifiers_are_refused(client: TestClient, url: str) -> None:
    response = client.get(url)

    assert_problem(response.status_code, response.json(), 422)


texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=0, max_size=40)
PARAMETERS = "indicator start end report vintages last limit cursor format area tld q category"
names = st.sampled_from(PARAMETERS.split()) | texts
queries = st.lists(st.tuples(names, texts), max_size=5)
paths = st.sampled_from(
    [
        "/v1/observations",
        "/v1/indicators",
        "/v1/sources",
        "/v1/reports",
        "/v1/indicators/{}",
        "/v1/indicators/{}/series",
        "/v1/sources/{}/text",
        "/v1/reports/{}",
    ]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=paths, identifier=texts, query=queries)
def test_nothing_a_client_sends_is_a_500(
    client: TestClient,
    path: str,
    identifier: str,
    query: list[tuple[str, str | int | float | bool | None]],
) -> None:
    response = client.get(path.format(quote(identifier, safe="")), params=query)

    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert_problem(response.status_code, response.json(), response.status_code)


def test_database_down_is_a_503(tmp_path: Path) -> None:
    app = create_app()
    unreachable = make_engine(f"sqlite:///{tmp_path / 'gone' / 'x.db'}")
    (tmp_path / "gone").rmdir()  # SQLite cannot create a file in a folder that is not there

    def session_override() -> Iterator[Session]:
        with Session(unreachable) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    with TestClient(app) as client:
        response = client.get("/v1/reports")

    assert_problem(response.status_code, response.json(), 503)
    assert response.headers["retry-after"] == "30"
