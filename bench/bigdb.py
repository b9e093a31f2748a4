"""A big database shaped like the real one: indicators x provinces x monthly periods x editions.

    python -m bench.bigdb postgresql+psycopg://cnnic:cnnic@127.0.0.1/cnnic_big
    python -m bench.bigdb sqlite:////tmp/cnnic-bench/big.db --indicators 40   # 1 million

The defaults make 400 indicators x 35 breakdowns (the headline total, 31 provinces, urban,
rural and the rest) x 240 months (2006-01 to 2025-12) x 3 editions reporting each month (the
first report after it and two revisions) = 10,080,000 observations, each with a citation and
its dimension row: about 30 million rows. The schema is the migrations' (run first), so every
index is the real one; the secondary indexes are dropped while loading and built again after.

PostgreSQL is loaded with COPY (psycopg), SQLite with executemany in one transaction with
journalling off. It prints observations per second for the load and for the whole build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.seed.summaries import summarise

PROVINCES = [
    "Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin",
    "Heilongjiang", "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong",
    "Henan", "Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan",
    "Guizhou", "Yunnan", "Tibet", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
]  # fmt: skip
BREAKDOWNS: list[dict[str, str]] = [
    {},
    *({"province": name} for name in PROVINCES),
    {"area": "urban"},
    {"area": "rural"},
    {"device": "mobile phone"},
]
FIRST_EDITION = 20  # reports the first half of 2006 (editions are half-yearly)
VINTAGES = 3
QUOTE = "The figures of this edition are given in its statistical annex, by month and province."
SOURCE_TEXT = f"Statistical annex.\n\n{QUOTE}\n"
QUOTE_START = SOURCE_TEXT.index(QUOTE)


@dataclass(frozen=True)
class Shape:
    indicators: int
    months: int
    first_year: int = 2006

    @property
    def editions(self) -> range:
        last = FIRST_EDITION + (self.months - 1) // 6 + VINTAGES - 1
        return range(FIRST_EDITION, last + 1)

    @property
    def observations(self) -> int:
        return self.indicators * len(BREAKDOWNS) * self.months * VINTAGES


def _key(dimensions: dict[str, str]) -> str:
    return json.dumps(dimensions, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _month(shape: Shape, index: int) -> tuple[str, dt.date, dt.date]:
    year, month = shape.first_year + index // 12, index % 12 + 1
    start = dt.date(year, month, 1)
    end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    return f"{year}-{month:02d}", start, end


def observations(shape: Shape) -> Iterator[tuple[tuple[Any, ...], tuple[str, str] | None]]:
    """Every observation row (in the table's column order, dates as ISO text) and its
    dimension, if any."""
    number = 0
    keyed = [(json.dumps(dims, ensure_ascii=False), _key(dims), next(iter(dims.items()), None))
             for dims in BREAKDOWNS]  # fmt: skip
    months = [
        (period, start.isoformat(), end.isoformat(), FIRST_EDITION + index // 6)
        for index, (period, start, end) in enumerate(_month(shape, i) for i in range(shape.months))
    ]
    reports = [f"cnnic-{edition}" for edition in range(FIRST_EDITION + shape.months // 6 + 3)]
    for indicator in range(shape.indicators):
        code = f"indicator_{indicator:03d}"
        percent = indicator % 4 == 0
        for breakdown, (dims_text, key, pair) in enumerate(keyed):
            for index, (period, start, end, first) in enumerate(months):
                for vintage in range(VINTAGES):
                    number += 1
                    if percent:
                        value: float = 40 + (index + breakdown) % 50 + vintage / 10
                        as_reported = f"{value}%"
                    else:
                        value = 1_000_000 * (indicator + 1) + 1000 * breakdown + index + vintage
                        as_reported = f"{value:,}"
                    # Every vintage is reported, so the latest edition's is preferred.
                    row = (number, code, dims_text, key, period, start, end, value,
                           reports[first + vintage], "reported", as_reported, first + vintage,
                           vintage == VINTAGES - 1)  # fmt: skip
                    yield row, pair


OBSERVATION_COLUMNS = (
    "id, indicator_code, dimensions, dimensions_key, period, period_start, period_end, value, "
    "report_id, status, as_reported, edition, preferred"
)


def catalogue_rows(shape: Shape) -> dict[str, list[tuple[object, ...]]]:
    editions = list(shape.editions)
    return {
        "reports": [
            (
                f"cnnic-{e}",
                f"The {e}th Statistical Report on China's Internet Development",
                "China Internet Network Information Center (CNNIC)",
                e,
                f"{2006 + (e - FIRST_EDITION + 1) // 2}-{'07' if e % 2 else '01'}",
            )
            for e in editions
        ],
        "sources": [
            (
                f"cnnic-{e}-annex",
                f"cnnic-{e}",
                f"annex-{e}.txt",
                f"Statistical annex {e}",
                "CNNIC",
                "2026-01",
                "en",
                "0" * 64,
                SOURCE_TEXT,
            )
            for e in editions
        ],
        "indicators": [
            (
                f"indicator_{n:03d}",
                f"Indicator {n}",
                f"指标{n}",
                f"Synthetic indicator {n}.",
                "percent" if n % 4 == 0 else "persons",
                f"category_{n % 12}",
            )
            for n in range(shape.indicators)
        ],
        "dataset_version": [(1, f"big-{shape.indicators}-{shape.months}", "2026-01-01T00:00:00Z")],
    }


# Every table the build fills, each before the tables it refers to are emptied; and the
# releases, which it leaves empty (a database built so has no history).
LOADED_TABLES = (
    "release_changes", "releases",
    "indicator_summaries", "citations", "notes", "observation_dimensions", "observations",
    "sources", "indicators", "reports", "dataset_version",
)  # fmt: skip

CATALOGUE_COLUMNS = {
    "reports": "id, title, publisher, edition, published",
    "sources": "id, report_id, file, title, publisher, published, language, sha256, text",
    "indicators": "code, name, name_zh, description, unit, category",
    "dataset_version": "id, version, seeded_at",
}


def summarise_indicators(url: str) -> None:
    """Write the catalogue's summaries, as the seed does (see app.seed.summaries)."""
    engine = create_engine(url)
    with Session(engine) as session, session.begin():
        summarise(session)
    engine.dispose()


def migrate(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "SEED_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], env=env, check=True)


# --- PostgreSQL ------------------------------------------------------------------------------


def load_postgres(url: str, shape: Shape) -> float:
    import psycopg

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as connection, connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(f"TRUNCATE {', '.join(LOADED_TABLES)}")
        saved = _drop_secondary_postgres(cursor)
        for table, rows in catalogue_rows(shape).items():
            with cursor.copy(f"COPY {table} ({CATALOGUE_COLUMNS[table]}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        connection.commit()  # the parallel COPYs below must not wait on these locks
        started = time.perf_counter()
        _copy_observations(conninfo, cursor, shape)
        loaded = time.perf_counter() - started
        print(f"COPY: {shape.observations:,} observations in {loaded:.1f} s "
              f"= {shape.observations / loaded:,.0f} observations/s", flush=True)  # fmt: skip
        for statement in saved:
            cursor.execute(statement)
        for sequence_table in ("observations", "citations"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{sequence_table}', 'id'), "
                f"(SELECT max(id) FROM {sequence_table}))"
            )
        connection.commit()
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return loaded


def _copy_observations(conninfo: str, cursor: Any, shape: Shape) -> None:
    """One pass over the observations, written as COPY text in chunks, with their dimension
    rows and citations through two more connections at once (the foreign keys are dropped
    while loading)."""
    import psycopg

    cite_tail = f"\t{QUOTE}\t{QUOTE_START}\t{QUOTE_START + len(QUOTE)}\t{QUOTE}\n"
    with (
        psycopg.connect(conninfo) as for_dims,
        psycopg.connect(conninfo) as for_cites,
        for_dims.cursor() as dims_cursor,
        for_cites.cursor() as cites_cursor,
        cursor.copy(f"COPY observations ({OBSERVATION_COLUMNS}) FROM STDIN") as obs,
        dims_cursor.copy(
            "COPY observation_dimensions (observation_id, name, value) FROM STDIN"
        ) as dims,
        cites_cursor.copy(
            "COPY citations (id, observation_id, source_id, quote, start_offset, end_offset, "
            "as_reported) FROM STDIN"
        ) as cites,
    ):
        lines: list[str] = []
        dim_lines: list[str] = []
        cite_lines: list[str] = []
        for row, pair in observations(shape):
            number = row[0]
            lines.append("\t".join(map(str, row)) + "\n")
            if pair:
                dim_lines.append(f"{number}\t{pair[0]}\t{pair[1]}\n")
            cite_lines.append(f"{number}\t{number}\t{row[8]}-annex{cite_tail}")
            if len(lines) >= 20_000:
                obs.write("".join(lines))
                dims.write("".join(dim_lines))
                cites.write("".join(cite_lines))
                lines, dim_lines, cite_lines = [], [], []
        obs.write("".join(lines))
        dims.write("".join(dim_lines))
        cites.write("".join(cite_lines))


def _drop_secondary_postgres(cursor: object) -> list[str]:
    """Drop the foreign keys, unique constraints and secondary indexes of the data tables;
    the statements that make them again."""
    tables = "('observations', 'observation_dimensions', 'citations', 'notes')"
    cursor.execute(  # type: ignore[attr-defined]
        f"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        f"WHERE conrelid::regclass::text IN {tables} AND contype IN ('f', 'u')"
    )
    constraints = cursor.fetchall()  # type: ignore[attr-defined]
    for table, name, _ in constraints:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")  # type: ignore[attr-defined]
    cursor.execute(  # type: ignore[attr-defined]
        f"SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN {tables} "
        "AND indexname NOT LIKE '%pkey'"
    )
    indexes = cursor.fetchall()  # type: ignore[attr-defined]
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")  # type: ignore[attr-defined]
    return [definition for _, definition in indexes] + [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"
        for table, name, definition in constraints
    ]


# --- SQLite ----------------------------------------------------------------------------------


def load_sqlite(path: str, shape: Shape) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-1000000")
    connection.execute("BEGIN")
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        "tbl_name IN ('observations', 'observation_dimensions', 'citations', 'notes')"
    ).fetchall()
    for name, _ in indexes:
        connection.execute(f"DROP INDEX {name}")
    for table in LOADED_TABLES:
        connection.execute(f"DELETE FROM {table}")
    for table, rows in catalogue_rows(shape).items():
        marks = ", ".join("?" * len(rows[0]))
        connection.executemany(
            f"INSERT INTO {table} ({CATALOGUE_COLUMNS[table]}) VALUES ({marks})", rows
        )
    started = time.perf_counter()
    end = QUOTE_START + len(QUOTE)
    connection.executemany(
        f"INSERT INTO observations ({OBSERVATION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (row for row, _ in observations(shape)),
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO observation_dimensions (observation_id, name, value) VALUES (?, ?, ?)",
        ((row[0], *pair) for row, pair in observations(shape) if pair),
    )
    connection.executemany(
        "INSERT INTO citations (id, observation_id, source_id, quote, start_offset, end_offset, "
        "as_reported) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((row[0], row[0], f"{row[8]}-annex", QUOTE, QUOTE_START, end, QUOTE)
         for row, _ in observations(shape)),
    )  # fmt: skip
    loaded = time.perf_counter() - started
    print(f"executemany: {shape.observations:,} observations in {loaded:.1f} s "
          f"= {shape.observations / loaded:,.0f} observations/s", flush=True)  # fmt: skip
    for _, sql in indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    return loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="SQLAlchemy URL of the database to fill (it is emptied)")
    parser.add_argument("--indicators", type=int, default=400)
    parser.add_argument("--months", type=int, default=240)
    args = parser.parse_args()
    shape = Shape(indicators=args.indicators, months=args.months)
    print(f"{shape.observations:,} observations, {len(shape.editions)} editions", flush=True)
    migrate(args.url)
    started = time.perf_counter()
    parsed = make_url(args.url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database
        load_sqlite(parsed.database, shape)
    else:
        load_postgres(args.url, shape)
    summarised = time.perf_counter()
    summarise_indicators(args.url)
    print(f"indicator summaries in {time.perf_counter() - summarised:.1f} s", flush=True)
    total = time.perf_counter() - started
    print(f"built with indexes in {total:.1f} s = {shape.observations / total:,.0f} "
          "observations/s overall")  # fmt: skip


if __name__ == "__main__":
    main()
