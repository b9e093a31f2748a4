"""The schema revision this code reads and writes, and the check that a database is at it.

A seed into a database that was never migrated, or migrated by an older release, would fail on
its first statement with the database's own words about a missing table or column. The seed
asks first, and says what to run.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine

# The newest migration in migrations/versions (a test keeps the two equal).
SCHEMA_REVISION = "0006"


class SchemaRevisionError(Exception):
    """The database's schema is not the one this code was written for."""


def require_schema_revision(connection: Connection) -> None:
    """Refuse a database whose Alembic revision is not :data:`SCHEMA_REVISION`."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current == SCHEMA_REVISION:
        return
    found = f"at revision {current}" if current else "not migrated (it has no alembic_version)"
    raise SchemaRevisionError(
        f"the database is {found}; this code needs revision {SCHEMA_REVISION}: "
        "run `alembic upgrade head` first"
    )


def upgrade_to_head(engine: Engine, alembic_ini: Path) -> None:
    """Run the migrations of ``alembic_ini`` on ``engine``'s database, up to the newest."""
    config = Config(str(alembic_ini))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
