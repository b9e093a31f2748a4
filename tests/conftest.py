"""Databases for the tests: SQLite always, PostgreSQL where TEST_POSTGRES_URL names one.

In CI (``CI=true``) a PostgreSQL test that cannot reach its server fails; elsewhere it is
skipped with a message that says why.

A test whose outcome depends on the service database (``DATABASE_URL``, ``SEED_DATABASE_URL``)
rather than on a database of its own is marked ``service_database``; :mod:`tests.service_database`
fails one that is not.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.store.sessions import make_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

pytest_plugins = ["tests.service_database"]


# The downloads the tests cause are built in a folder of this run's own, never in the one the
# settings would name. Set on import: the conftests below this one import the app, which reads
# the settings then.
DOWNLOADS = tempfile.mkdtemp(prefix="cnnic-stats-downloads-")
os.environ["DOWNLOAD_CACHE_DIR"] = DOWNLOADS


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(DOWNLOADS, ignore_errors=True)


def migrate(engine: Engine) -> None:
    """Run the whole Alembic chain on ``engine``'s database."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def reset_postgres(engine: Engine) -> None:
    """Drop everything in the public schema so the migration chain starts from nothing."""
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


def postgres_url() -> str:
    url = os.environ.get("TEST_POSTGRES_URL")
    if url:
        return url
    if IN_CI:
        pytest.fail("TEST_POSTGRES_URL is not set: CI must test PostgreSQL")
    pytest.skip("PostgreSQL tests skipped: set TEST_POSTGRES_URL to run them")


def empty_engine(backend: str, tmp_path: Path) -> Engine:
    """A migrated, empty database of the given backend."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        engine = make_engine(postgres_url(), pool_size=2)
        try:
            reset_postgres(engine)
        except OperationalError as error:
            if IN_CI:
                pytest.fail(f"PostgreSQL unreachable in CI: {error}")
            pytest.skip(f"PostgreSQL tests skipped: server unreachable ({error.orig})")
    migrate(engine)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that asks for a database runs once per backend."""
    return str(request.param)


@pytest.fixture
def engine(backend: str, tmp_path: Path) -> Iterator[Engine]:
    """A freshly migrated, empty database."""
    created = empty_engine(backend, tmp_path)
    yield created
    created.dispose()
