"""Engines and sessions built from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import lru_cache
from pathlib import Path

import anyio
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import PROJECT_ROOT, Settings, get_settings
from app.store.engines import Timeouts, postgres_engine, sqlite_engine
from app.store.schema_revision import upgrade_to_head


def make_engine(
    url: str, *, pool_size: int = 5, read_only: bool = False, timeouts: Timeouts | None = None
) -> Engine:
    """An engine for ``url``: read-write (SQLite with foreign keys on, in WAL mode) unless
    ``read_only``, and bounded in every wait (see :mod:`app.store.engines`)."""
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


def make_preview_engine() -> Engine:
    """A migrated database for a seed with the pending readings (``PREVIEW_DATABASE_URL``);
    ``ValueError`` if it names the service's database."""
    settings = get_settings()
    url = settings.preview_database_url
    if make_url(url) in {make_url(settings.database_url), make_url(settings.writer_database_url)}:
        raise ValueError("PREVIEW_DATABASE_URL names the service's database: give it its own")
    if url.startswith("sqlite:///"):
        Path(make_url(url).database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, timeouts=settings_timeouts(settings))
    upgrade_to_head(engine, PROJECT_ROOT / "alembic.ini")
    return engine


def make_writer_engine() -> Engine:
    """An engine that may write, for the CLI and migrations only (``SEED_DATABASE_URL``)."""
    settings = get_settings()
    return make_engine(settings.writer_database_url, timeouts=settings_timeouts(settings))


async def get_session() -> AsyncIterator[Session]:
    """A session per request (FastAPI dependency).

    Opening it does no I/O (a connection is taken at its first query), so it is opened in the
    event loop, sparing the request a trip to the thread pool; so is closing it on SQLite,
    where giving a read's connection back is a local call. Elsewhere closing may wait on the
    network, so it happens in a worker thread.
    """
    engine = get_engine()
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
    finally:
        if engine.dialect.name == "sqlite":
            session.close()
        else:
            await anyio.to_thread.run_sync(session.close)
