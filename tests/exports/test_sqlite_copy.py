"""The SQLite copy: every table of the schema, every row, readable without write access."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, select

from app.exports.sqlite_copy import write_sqlite
from app.store.models import Base
from app.store.sessions import make_engine


def test_every_table_and_row_is_copied(seeded: Engine, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"

    write_sqlite(target, engine=seeded)

    copy = make_engine(f"sqlite:///{target}", read_only=True)
    try:
        assert set(inspect(copy).get_table_names()) == set(Base.metadata.tables)
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key)
            with seeded.connect() as source, copy.connect() as copied:
                expected = source.execute(select(table).order_by(*order)).all()
                assert copied.execute(select(table).order_by(*order)).all() == expected, table
        assert {index["name"] for index in inspect(copy).get_indexes("observations")} >= {
            "ix_observation_order",
            "uq_observation_preferred",
        }
    finally:
        copy.dispose()


def test_the_file_answers_sql_read_only_and_needs_no_side_files(
    seeded: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    target = folder / "copy.sqlite"
    write_sqlite(target, engine=seeded)

    # Rollback-journal mode: a reader opens no -wal or -shm file, so a read-only folder will do.
    with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()
        (value,) = connection.execute(
            "SELECT value FROM observations JOIN reports ON reports.id = report_id "
            "WHERE indicator_code = 'internet_users' AND period = '2024-12' "
            "AND reports.edition = 55"
        ).fetchone()
        assert [path.name for path in folder.iterdir()] == ["copy.sqlite"]

    assert mode == ("delete",)
    assert value == 1108000000


def test_an_old_file_at_the_target_is_replaced(seeded: Engine, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"not a database")

    write_sqlite(target, engine=seeded)

    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM reports").fetchone() == (2,)
