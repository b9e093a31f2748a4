"""Fixtures: the API over the small data set of ``dataset``, on each test backend.

Migrating and seeding take most of a second, so each backend's data set is made once for all
the tests here and shared, read-only: a test that writes through it fails. A test that changes
the data asks for a database of its own (``writable_seeded``, ``writable_client``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.config import get_settings
from app.store.sessions import get_session, make_engine
from app.web.application import create_app
from tests.conftest import migrate
from tests.dataset import seed
from tests.postgres_scratch import scratch_database


@pytest.fixture(scope="package")
def shared_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Engine]]:
    """Gives, per backend, a read-only engine of a database seeded with the data set, made at
    first use (PostgreSQL's in a scratch database of its own) and dropped after these tests."""
    engines: dict[str, Engine] = {}
    with ExitStack() as cleanup:

        def engine_of(backend: str) -> Engine:
            if backend not in engines:
                if backend == "sqlite":
                    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'data.db'}"
                else:
                    url = cleanup.enter_context(scratch_database())
                writer = make_engine(url)
                migrate(writer)
                seed(writer)
                writer.dispose()
                engines[backend] = make_engine(url, read_only=True)
                cleanup.callback(engines[backend].dispose)
            return engines[backend]

        yield engine_of


@pytest.fixture
def seeded(backend: str, shared_data: Callable[[str], Engine]) -> Engine:
    """The data set on this backend, shared by the tests and read-only."""
    return shared_data(backend)


@pytest.fixture
def writable_seeded(engine: Engine) -> Engine:
    """A migrated database of this test's own, holding the data set, to change."""
    seed(engine)
    return engine


def client_of(database: Engine, **settings: object) -> Iterator[TestClient]:
    """A client of the app, its sessions bound to ``database``, on the settings with
    ``settings`` changed. The response cache reads the data version on every request, so a
    test that changes the data sees the change at once on PostgreSQL too."""
    changed = {"response_cache_version_ttl": 0, **settings}
    app = create_app(get_settings().model_copy(update=changed))

    def session_override() -> Iterator[Session]:
        with Session(database) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def client(seeded: Engine) -> Iterator[TestClient]:
    """A client of the app over the shared data set."""
    yield from client_of(seeded)


@pytest.fixture
def writable_client(writable_seeded: Engine) -> Iterator[TestClient]:
    """A client of the app over this test's own copy of the data set."""
    yield from client_of(writable_seeded)
