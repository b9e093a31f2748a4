"""One seed at a time: the lock a seed takes before its first write.

PostgreSQL: a transaction-scoped advisory lock, released when the seed commits, fails or is
killed. SQLite: the database's one write lock, taken by the seed's first write. Either way a
second seed waits at most ``wait`` seconds, then is refused with a message saying why; it has
written nothing.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.store.models import DatasetVersion

# The advisory-lock key every seed of this project takes: "cnnic" in ASCII.
SEED_LOCK_KEY = 0x636E6E6963
_POSTGRES_LOCK_NOT_AVAILABLE = "55P03"


class SeedLockError(Exception):
    """Another seed is writing to the same database."""


def take_seed_lock(session: Session, *, wait: float) -> None:
    """Make the seed in ``session``'s transaction the only one writing, or refuse."""
    milliseconds = max(round(wait * 1000), 1)
    dialect = session.get_bind().dialect.name
    try:
        if dialect == "postgresql":
            session.execute(select(func.set_config("lock_timeout", f"{milliseconds}ms", True)))
            session.execute(select(func.pg_advisory_xact_lock(SEED_LOCK_KEY)))
        else:
            session.execute(text(f"PRAGMA busy_timeout = {milliseconds}"))
            # The seed clears this table anyway; writing to it first takes the write lock.
            session.execute(delete(DatasetVersion))
    except OperationalError as error:
        if not _is_lock_wait(error):
            raise
        raise SeedLockError(
            f"another seed is writing to this database and did not finish within {wait:g} s; "
            "run this one again when it has"
        ) from error


def _is_lock_wait(error: OperationalError) -> bool:
    """Whether the statement gave up waiting for a lock (and not failed for another reason)."""
    reason = error.orig
    if isinstance(reason, sqlite3.Error):
        primary = reason.sqlite_errorcode & 0xFF  # extended codes keep the primary in the low byte
        return primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return getattr(reason, "sqlstate", None) == _POSTGRES_LOCK_NOT_AVAILABLE
