"""The whole database as one SQLite file, whatever database the service reads.

A fresh file gets the schema of :mod:`app.store.models` (every table, constraint and index) and
every row of every table, copied a batch at a time (:mod:`app.queries.bulk`) in one
transaction; the indexes are built after the rows are in, each in one pass. Each column is read
in the form SQLite stores it (JSON as its text, exactly as the seed wrote it; a date as ISO 8601
text), so rows go from the driver that reads them to the one that writes them as they are. The
file is left in rollback-journal mode and analysed: a reader needs no write access, no ``-wal``
or ``-shm`` file, and the query planner knows the tables' sizes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Connection,
    Date,
    Engine,
    String,
    Table,
    Text,
    cast,
    create_engine,
)
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateTable

from app.queries import bulk
from app.store.models import Base

FILE_NAME = "database.sqlite"


def write_sqlite(target: Path, *, engine: Engine) -> None:
    """Copy every table of ``engine``'s database into a new SQLite file at ``target``
    (replaced if it exists)."""
    target.unlink(missing_ok=True)
    copy = create_engine(make_url("sqlite://").set(database=str(target)))
    try:
        with copy.connect() as connection:
            # The file is no one else's until it is complete (see app.exports.cache): nothing to
            # journal or to sync on the way.
            connection.exec_driver_sql("PRAGMA journal_mode=OFF")
            connection.exec_driver_sql("PRAGMA synchronous=OFF")
            tables = Base.metadata.sorted_tables
            for table in tables:
                connection.execute(CreateTable(table))
            for table in tables:
                _copy_table(table, engine, connection)
            for table in tables:
                for index in table.indexes:
                    index.create(connection)
            connection.commit()
            for statement in ("ANALYZE", "PRAGMA journal_mode=DELETE"):
                connection.exec_driver_sql(statement)
                connection.commit()
    finally:
        copy.dispose()


def _copy_table(table: Table, engine: Engine, connection: Connection) -> None:
    columns = {column.key: _as_stored(column) for column in table.columns}
    rows = bulk.read_all(
        columns,
        select_from=table,
        key=[column.key for column in table.primary_key],
        engine=engine,
    )
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column.name) for column in table.columns)
    places = ", ".join("?" for _ in table.columns)
    insert = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({places})"
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) == bulk.BATCH_ROWS:
            connection.exec_driver_sql(insert, batch)
            batch = []
    if batch:
        connection.exec_driver_sql(insert, batch)


def _as_stored(column: Column[Any]) -> ColumnElement[Any]:
    """``column`` read as SQLite stores it: JSON as its text, a date as ISO 8601 text."""
    if isinstance(column.type, JSON):
        return cast(column, Text)
    if isinstance(column.type, Date):
        return cast(column, String)
    return column
