"""Fixtures: the API over the small data set of ``dataset``, on each test backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db import get_session
from app.main import create_app
from tests.api.dataset import seed


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    """The migrated test database holding the fixture's data set."""
    seed(engine)
    return engine


@pytest.fixture
def client(seeded: Engine) -> Iterator[TestClient]:
    """A client of the app, its sessions bound to the seeded test database. The response
    cache reads the data version on every request, so a test that changes the data sees the
    change at once on PostgreSQL too."""
    app = create_app(get_settings().model_copy(update={"response_cache_version_ttl": 0}))

    def session_override() -> Iterator[Session]:
        with Session(seeded) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    with TestClient(app) as test_client:
        yield test_client
