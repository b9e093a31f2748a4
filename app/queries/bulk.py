"""Whole tables read in order, for the bulk downloads, a batch at a time.

A download reads every row of the data set: far more than one request's database work may be
(``DB_STATEMENT_TIMEOUT`` bounds each statement on PostgreSQL, and on SQLite each use of a
pooled connection). So each batch is a query of its own, on a connection of its own, and starts
strictly after the primary key the last one ended at: every batch costs the same wherever it is,
and memory holds one batch. The batches are read at different moments: a caller that needs them
to agree checks that the data version did not change meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, FromClause, Row, Select, select, tuple_

BATCH_ROWS = 5000


def keyset_select(
    columns: Mapping[str, ColumnElement[Any]],
    *,
    select_from: FromClause,
    key: Sequence[str],
    after: Sequence[Any] | None,
    limit: int,
) -> Select[Any]:
    """``columns`` (labelled by their names) of ``select_from``, in the order of the ``key``
    columns (among ``columns``), the first ``limit`` after ``after``."""
    key_columns = [columns[name] for name in key]
    statement = (
        select(*(column.label(name) for name, column in columns.items()))
        .select_from(select_from)
        .order_by(*key_columns)
        .limit(limit)
    )
    if after is None:
        return statement
    if len(key_columns) == 1:
        return statement.where(key_columns[0] > after[0])
    return statement.where(tuple_(*key_columns) > tuple_(*after))


def read_all(
    columns: Mapping[str, ColumnElement[Any]],
    *,
    select_from: FromClause,
    key: Sequence[str],
    engine: Engine,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[Row[Any]]:
    """Every row of ``columns`` from ``select_from``, in ``key`` order (a unique key: the
    primary key), read ``batch_rows`` at a time, each batch on a connection of its own."""
    positions = [list(columns).index(name) for name in key]
    after: list[Any] | None = None
    while True:
        statement = keyset_select(
            columns, select_from=select_from, key=key, after=after, limit=batch_rows
        )
        with engine.connect() as connection:
            rows = connection.execute(statement).all()
        yield from rows
        if len(rows) < batch_rows:
            return
        after = [rows[-1][position] for position in positions]
