"""How each database is opened: read-only for the service, read-write for the CLI, and never
waiting without a bound.

The service reads through an engine that cannot write: SQLite opened with ``mode=ro``,
PostgreSQL with every transaction read-only (on top of a role that may only SELECT, see the
README). Waits are bounded: connecting, queueing for a pooled connection, a lock, and the
database work of one request.

SQLite runs in WAL mode, which the writer sets: readers keep the last committed data while a
seed writes, and a seed that is killed leaves nothing a read-only connection must roll back.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

# How often, in SQLite virtual-machine steps, a reader checks its deadline.
_DEADLINE_CHECK_STEPS = 10_000


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds before a database wait gives up (see the settings of the same names)."""

    connect: int = 3
    statement: float = 5.0
    busy: float = 5.0


def sqlite_engine(url: URL, *, read_only: bool, timeouts: Timeouts) -> Engine:
    """A SQLite engine; a read-only one opens the file anew for every session, so a file that
    disappears is noticed at once, and refuses to create one."""
    database = url.database
    if not read_only:
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": timeouts.busy})
        event.listen(engine, "connect", _writer_pragmas)
        return engine
    if not database or database == ":memory:":
        raise ValueError("a read-only SQLite database must be a file")
    location = f"{Path(database).resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(
            location, uri=True, timeout=timeouts.busy, check_same_thread=False
        )
        _bound_work(connection, timeouts.statement)
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def _writer_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _bound_work(connection: sqlite3.Connection, seconds: float) -> None:
    """Interrupt any statement once the connection is ``seconds`` old. A read-only connection
    lives for one request (no pool), so this bounds the database work of a request."""
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
    if read_only:
        milliseconds = round(timeouts.statement * 1000)
        connect_args["options"] = (
            f"-c default_transaction_read_only=on -c statement_timeout={milliseconds}"
        )
    return create_engine(
        url,
        pool_size=pool_size,
        pool_pre_ping=True,
        pool_timeout=timeouts.connect,
        connect_args=connect_args,
    )
