"""The data version as the service sees it: read cheaply, and never wrong for long.

The version (``dataset_version.version``, a fingerprint the seed writes) changes exactly when a
seed changes the data, so an answer is good for as long as the version it was computed under is
current: the response cache keys its entries by it, the ETags are derived from it, and the
catalogue's aggregates are kept per version. How it is read depends on the database:

- SQLite: in about ten microseconds, without leaving the event loop. One connection of our own
  asks ``PRAGMA data_version``, which changes whenever another connection (any process)
  commits; only then is the version re-read. The file's identity is checked too, so a database
  file that is replaced or removed is noticed.
- anything else (PostgreSQL): one query through the service's engine, in a worker thread.

Either is asked at most every ``RESPONSE_CACHE_VERSION_TTL`` seconds (0: on every request; ten
microseconds are as much as a cached answer costs in all, so the default is one second).

``None`` means "unknown" (the database cannot be read, or holds no seed): the cache then stays
out of the way and the application answers as it would without it.

When the version was seeded (``dataset_version.seeded_at``, the time of its release) is read
with it, as ``seeded_at``. Data that returns to an earlier state has that state's version again,
but not its seed time, and what the API says of the releases differs: what depends on the
history (the ETags, the response cache) is keyed by both.
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Protocol

import anyio
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from app.store.models import DatasetVersion

_VERSION_SQL = "SELECT version, seeded_at FROM dataset_version ORDER BY id LIMIT 1"


class DataVersionSource(Protocol):
    """Tells the current data version, cheaply enough to ask on every request, and when the
    version it told last was seeded."""

    seeded_at: str | None

    async def current(self) -> str | None:
        """The version now, or None when it cannot be known."""
        ...


class SQLiteDataVersion:
    """The version of one SQLite file, exact at every call (see the module doc)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._counter: int | None = None
        self._version: str | None = None
        self.seeded_at: str | None = None

    async def current(self) -> str | None:
        return self.read()

    def read(self) -> str | None:
        """The version now (synchronous: it costs a stat and one pragma)."""
        try:
            stat = os.stat(self.path)
            identity = (stat.st_dev, stat.st_ino)
            if self._connection is None or identity != self._identity:
                self._open(identity)
            assert self._connection is not None
            counter = self._connection.execute("PRAGMA data_version").fetchone()[0]
            if counter != self._counter:
                row = self._connection.execute(_VERSION_SQL).fetchone()
                self._version, self.seeded_at = row if row else (None, None)
                self._counter = counter
        except (OSError, sqlite3.Error):
            self.close()
            return None
        return self._version

    def _open(self, identity: tuple[int, int]) -> None:
        self.close()
        # Read-only, never waiting on a lock: a reader in WAL mode is never blocked, and in any
        # other mode a locked database is "unknown" for this one request.
        self._connection = sqlite3.connect(
            f"{Path(self.path).resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=0,
            check_same_thread=False,
        )
        self._identity = identity

    def close(self) -> None:
        """Let the connection go (it is opened again when next asked)."""
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._identity = None
        self._counter = None
        self._version = None
        self.seeded_at = None


class PolledDataVersion:
    """The version read through ``engine``, in a worker thread, one read at a time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = anyio.Lock()
        self.seeded_at: str | None = None

    async def current(self) -> str | None:
        async with self._lock:
            version, self.seeded_at = await anyio.to_thread.run_sync(self._read)
            return version

    def _read(self) -> tuple[str | None, str | None]:
        try:
            with self.engine.connect() as connection:
                statement = (
                    select(DatasetVersion.version, DatasetVersion.seeded_at)
                    .order_by(DatasetVersion.id)
                    .limit(1)
                )
                row = connection.execute(statement).first()
        except SQLAlchemyError:
            return None, None
        return (row.version, row.seeded_at) if row else (None, None)


def version_source(engine: Engine) -> DataVersionSource:
    """The cheapest exact source for ``engine``'s database: a SQLite file is watched by
    :class:`SQLiteDataVersion`; anything else is polled."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            files = {row[1]: row[2] for row in connection.exec_driver_sql("PRAGMA database_list")}
        if files.get("main"):
            return SQLiteDataVersion(files["main"])
    return PolledDataVersion(engine)


class DataVersionTracker:
    """One database's version, asked of ``source`` at most every ``ttl`` seconds."""

    def __init__(self, source: DataVersionSource, ttl: float) -> None:
        self.source = source
        self.ttl = ttl
        self._version: str | None = None
        self.seeded_at: str | None = None
        self._checked_at = float("-inf")

    async def current(self) -> str | None:
        """The version now, or None when it cannot be known; ``seeded_at`` is its seed time
        until the next call."""
        if time.monotonic() - self._checked_at >= self.ttl:
            self._version = await self.source.current()
            self.seeded_at = self.source.seeded_at
            self._checked_at = time.monotonic()
        return self._version


# One tracker per engine and interval, for the engine's life.
_trackers: weakref.WeakKeyDictionary[Engine, dict[float, DataVersionTracker]] = (
    weakref.WeakKeyDictionary()
)


async def tracker_for(engine: Engine, ttl: float) -> DataVersionTracker:
    """The tracker of ``engine``'s data version (made on first use, in a worker thread: finding
    a SQLite file asks the database)."""
    by_ttl = _trackers.setdefault(engine, {})
    tracker = by_ttl.get(ttl)
    if tracker is None:
        source = await anyio.to_thread.run_sync(version_source, engine)
        tracker = by_ttl.setdefault(ttl, DataVersionTracker(source, ttl))
    return tracker
