"""The tests that read the service database the environment configures, and a guard that keeps
them marked.

``DATABASE_URL`` and ``SEED_DATABASE_URL`` name the service database: the one ``make db`` seeds,
the app's default engine reads (``create_app()`` without a session override, ``/readyz``, the
response cache's data version) and the CLI writes. Most tests use databases of their own (the
``engine`` fixture, scratch databases, files in ``tmp_path``), so their outcome does not depend
on it. Those whose outcome does are marked ``service_database``; CI runs the whole suite with the
service database on SQLite and then only these again with it on PostgreSQL.

The guard: a test that takes a connection to the configured database in this process without
the mark fails at teardown. It sees connections that open, and ``make test`` seeds the database
before the tests, so every read of it opens one. Child processes are not watched: each test
that starts the app in one names its database itself (``tests/live_server.py``,
``tests/web/browser/conftest.py``, ``tests/ops/processes.py``), and must keep doing so or be marked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry, Pool, PoolProxiedConnection

from app.config import Settings

MARK = "service_database"
_CONFIGURED_KEY = "configured service database"

Identity = tuple[str, ...]


def _url_identity(url: str) -> Identity:
    """What names a database: its file for SQLite; its port and name for PostgreSQL (any host,
    any role: the tests have one server, and the reader and the owner see the same data)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return ("sqlite", str(Path(parsed.database or "").resolve()))
    return ("postgresql", str(parsed.port or 5432), parsed.database or "")


def _connection_identity(dbapi_connection: Any) -> Identity | None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        for _seq, name, file in dbapi_connection.execute("PRAGMA database_list"):
            if name == "main" and file:
                return ("sqlite", str(Path(file).resolve()))
        return None
    info = getattr(dbapi_connection, "info", None)  # psycopg's ConnectionInfo
    if info is None:
        return None
    return ("postgresql", str(info.port), str(info.dbname))


_settings = Settings()
CONFIGURED = {_url_identity(_settings.database_url), _url_identity(_settings.writer_database_url)}
_used: list[Identity] = []


@event.listens_for(Pool, "connect")
def _remember_configured(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    identity = _connection_identity(dbapi_connection)
    record.info[_CONFIGURED_KEY] = identity if identity in CONFIGURED else None


@event.listens_for(Pool, "checkout")
def _note_use(_dbapi: Any, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection) -> None:
    identity = record.info.get(_CONFIGURED_KEY)
    if identity:
        _used.append(identity)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    _used.clear()
    return (yield)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    result = yield
    if _used and item.get_closest_marker(MARK) is None:
        used = ", ".join(sorted({":".join(identity) for identity in _used}))
        _used.clear()
        pytest.fail(
            f"{item.nodeid} reads the configured service database ({used}) but is not marked "
            f"@pytest.mark.{MARK}: mark it, or give it a database of its own"
        )
    return result
