"""Engines and sessions built from the settings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings, get_settings
from app.db_engines import Timeouts, postgres_engine, sqlite_engine


def make_engine(
    url: str, *, pool_size: int = 5, read_only: bool = False, timeouts: Timeouts | None = None
) -> Engine:
    """An engine for ``url``: read-write (SQLite with foreign keys on, in WAL mode) unless
    ``read_only``, and bounded in every wait (see :mod:`app.db_engines`)."""
    parsed = make_url(url)
    timeouts = timeouts or Timeouts()
    if parsed.get_backend_name() == "sqlite":
        return sqlite_engine(parsed, read_only=read_only, timeouts=timeouts, pool_size=pool_size)
    return postgres_engine(parsed, read_only=read_only, pool_size=pool_size, timeouts=timeouts)


def settings_timeouts(settings: Settings) -> Timeouts:
    """The database timeouts the settings give."""
    return Timeouts(
        connect=settings.db_connect_timeout,
        statement=settings.db_statement_timeout,
        busy=settings.db_busy_timeout,
    )


@lru_cache
def get_engine() -> Engine:
    """The service's engine: the configured database, read-only."""
    settings = get_settings()
    return make_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        read_only=True,
        timeouts=settings_timeouts(settings),
    )


def dispose_engine() -> None:
    """Close the service engine's pooled connections and forget it, so the next call to
    :func:`get_engine` builds one from the settings as they are now."""
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()


def make_writer_engine() -> Engine:
    """An engine that may write, for the CLI and migrations only (``SEED_DATABASE_URL``)."""
    settings = get_settings()
    return make_engine(settings.writer_database_url, timeouts=settings_timeouts(settings))


def get_session() -> Iterator[Session]:
    """A session per request (FastAPI dependency)."""
    with sessionmaker(get_engine(), expire_on_commit=False)() as session:
        yield session
