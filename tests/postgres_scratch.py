"""Scratch PostgreSQL databases of their own for the tests that write, lock or break things,
so that they never touch ``cnnic_test`` while other test runs use it.

The role of ``TEST_POSTGRES_URL`` creates them, so it needs CREATEDB (``.ci/run`` gives it).
"""

from __future__ import annotations

import secrets
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from tests.conftest import IN_CI, postgres_url

_END_SESSIONS = text(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
    "WHERE datname = :database AND usename = current_user AND pid <> pg_backend_pid()"
)


@contextmanager
def scratch_database() -> Iterator[str]:
    """Create an empty database on the test server; yield its URL; drop it afterwards."""
    url = make_url(postgres_url())
    name = f"cnnic_scratch_{secrets.token_hex(4)}"
    # No pool: a test may restart the server between the creation and the drop.
    admin = create_engine(
        url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except DBAPIError as error:
        admin.dispose()
        if IN_CI:
            pytest.fail(f"cannot create a scratch database: {error.orig}")
        pytest.skip(f"no scratch database (has the role CREATEDB?): {error.orig}")
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        try:
            with admin.connect() as connection:
                # Bounded: another session stuck in the server can hold a drop up indefinitely.
                connection.execute(text("SET statement_timeout = '30s'"))
                # The sessions a test left (a killed process's among them) are ended first, then
                # the drop waits for them and stops an autovacuum worker itself: WITH (FORCE)
                # would refuse, as this role may not end a worker's session.
                connection.execute(_END_SESSIONS, {"database": name})
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        except DBAPIError as error:
            warnings.warn(f"scratch database {name} left behind: {error.orig}", stacklevel=1)
        finally:
            admin.dispose()
