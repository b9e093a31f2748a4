"""Alembic environment: it writes through the same URL as the seed (``SEED_DATABASE_URL``,
or ``DATABASE_URL`` when unset)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.store.models import Base
from app.store.sessions import make_writer_engine

target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = make_writer_engine()
    with engine.connect() as connection:
        run_migrations(connection)
    engine.dispose()


main()
