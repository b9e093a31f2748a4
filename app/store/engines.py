"""How each database is opened: read-only for the service, read-write for the CLI, and never
waiting without a bound.

The service reads through an engine that cannot write: SQLite opened with ``mode=ro``,
PostgreSQL with every transaction read-only (on top of a role that may only SELECT, see
docs/operations.md). Waits are bounded: connecting, queueing for a pooled connection, a lock,
and the database work of one request.

SQLite runs in WAL mode, which the writer sets: readers keep the last committed data while a
seed writes, and a seed that is killed leaves nothing a read-only connection must roll back.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection, QueuePool

# How often, in SQLite virtual-machine steps, a reader checks its deadline.
_DEADLINE_CHECK_STEPS = 10_000


def stored_json(value: Any) -> str:
    """JSON columns as the API sends them: compact, and UTF-8 rather than ``\\u`` escapes.

    A derivation is sent as it is stored (see :mod:`app.web.wire`), so its formula reads
    "54.4% − 20.6 percentage points" in the raw answer too."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds before a database wait gives up (see the settings of the same names)."""

    connect: int = 3
    statement: float = 5.0
    busy: float = 5.0


def sqlite_engine(url: URL, *, read_only: bool, timeouts: Timeouts, pool_size: int = 5) -> Engine:
    """A SQLite engine. A read-only one keeps up to ``pool_size`` connections, each checked
    at checkout against the file it opened (a file moved away or replaced is noticed at once)
    and given the request's deadline; it never creates a file."""
    database = url.database
    if not read_only:
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": timeouts.busy}, json_serializer=stored_json
        )
        event.listen(engine, "connect", _writer_pragmas)
        return engine
    if not database or database == ":memory:":
        raise ValueError("a read-only SQLite database must be a file")
    path = Path(database).resolve()
    location = f"{path.as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(location, uri=True, timeout=timeouts.busy, check_same_thread=False)

    engine = create_engine(
        "sqlite://",
        creator=connect,
        poolclass=QueuePool,
        pool_size=pool_size,
        # No more: a worker's reads share one core, and each connection keeps a page cache.
        max_overflow=0,
        pool_timeout=timeouts.connect,
    )
    event.listen(engine, "connect", _remember_file(path))
    event.listen(engine, "checkout", _still_the_file_and_bounded(path, timeouts.statement))
    return engine


def _file_identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _remember_file(path: Path) -> Callable[[Any, ConnectionPoolEntry], None]:
    def remember(_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["file"] = _file_identity(path)

    return remember


def _still_the_file_and_bounded(
    path: Path, seconds: float
) -> Callable[[Any, ConnectionPoolEntry, PoolProxiedConnection], None]:
    """At checkout: a connection to a file that is gone or replaced is dropped (the pool then
    opens the file anew, or fails to); a live one may work ``seconds`` from now on."""

    def check(
        connection: sqlite3.Connection, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
    ) -> None:
        try:
            current: tuple[int, int] | None = _file_identity(path)
        except OSError:
            current = None
        if current != record.info.get("file"):
            raise DisconnectionError("the database file was moved or replaced")
        _bound_work(connection, seconds)

    return check


def _writer_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _bound_work(connection: sqlite3.Connection, seconds: float) -> None:
    """Interrupt any statement once ``seconds`` have passed since the connection was checked
    out for a request: this bounds the database work of a request."""
    deadline = time.monotonic() + seconds
    connection.set_progress_handler(lambda: time.monotonic() > deadline, _DEADLINE_CHECK_STEPS)


def postgres_engine(url: URL, *, read_only: bool, pool_size: int, timeouts: Timeouts) -> Engine:
    """A PostgreSQL engine whose connections give up on a server that does not answer: at
    connect, on a dead peer (TCP keepalives), and for the service, on any statement longer
    than ``timeouts.statement``."""
    connect_args: dict[str, Any] = {
        "connect_timeout": timeouts.connect,
        "keepalives": 1,
        "keepalives_idle": timeouts.connect,
        "keepalives_interval": 1,
        "keepalives_count": 3,
    }
    options: dict[str, Any] = {}
    if read_only:
        milliseconds = round(timeouts.statement * 1000)
        connect_args["options"] = (
            f"-c default_transaction_read_only=on -c statement_timeout={milliseconds}"
        )
        # Each statement of a read in its own transaction: at READ COMMITTED, the default,
        # each sees a snapshot of its own anyway, and a request is spared the round trips of
        # BEGIN and of the ROLLBACK that gives its connection back.
        options["isolation_level"] = "AUTOCOMMIT"
    return create_engine(
        url,
        pool_size=pool_size,
        pool_pre_ping=True,
        json_serializer=stored_json,
        pool_timeout=timeouts.connect,
        connect_args=connect_args,
        **options,
    )
