"""The query plans of the main reads, captured from the application's own statements.

    python -m bench.plans sqlite:////tmp/cnnic-bench/big.db bench/plans/sqlite-10m.txt
    python -m bench.plans postgresql+psycopg://cnnic:cnnic@127.0.0.1/cnnic_big \
        bench/plans/postgresql-10m.txt

Each read is run through the public functions of ``app.queries.observations`` and
``app.queries.metadata``; every statement they send is explained with the parameters it was
sent with (PostgreSQL: ``EXPLAIN (ANALYZE, BUFFERS)`` with parallel workers off, as the service runs
them; SQLite: ``EXPLAIN QUERY PLAN`` and the statement's time).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session

from app.queries import metadata
from app.queries.observations import ObservationFilter, observation_page, series_points
from app.store.models import Indicator, ObservationDimension, Report


def reads(session: Session) -> list[tuple[str, Callable[[], object]]]:
    """The main reads, on an indicator and a dimension value the database has."""
    code = session.scalars(select(Indicator.code).order_by(Indicator.code).offset(7)).first()
    assert code is not None
    pair = session.execute(select(ObservationDimension.name, ObservationDimension.value)).first()
    assert pair is not None
    name, value = pair
    one = ObservationFilter(indicators=[code])
    by_dimension = ObservationFilter(indicators=[code], dimensions={name: [value]})
    ranged = ObservationFilter(
        indicators=[code], start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)
    )
    report = session.scalars(select(Report.id).order_by(Report.edition.desc())).first()
    assert report is not None
    in_report = ObservationFilter(indicators=[code], report=report)
    walk = ObservationFilter()
    _, first_page_end = observation_page(walk, session=session, limit=1000)
    return [
        (f"a page of one indicator ({code}, 100 rows)",
         lambda: observation_page(one, session=session, limit=100)),
        (f"a page of one indicator and dimension ({name}={value})",
         lambda: observation_page(by_dimension, session=session, limit=100)),
        ("a page of one indicator in a year",
         lambda: observation_page(ranged, session=session, limit=100)),
        (f"a page of one indicator in one report ({report})",
         lambda: observation_page(in_report, session=session, limit=100)),
        ("the first page of a walk over everything (1000 rows)",
         lambda: observation_page(walk, session=session, limit=1000)),
        ("the second page of the walk (keyset: after the first page's last key)",
         lambda: observation_page(walk, session=session, limit=1000, after=first_page_end)),
        (f"a chart series ({code}, {name}={value})",
         lambda: series_points(by_dimension, session=session)),
        (f"an indicator's coverage ({code})",
         lambda: metadata.coverage(session=session, codes=[code])),
        ("the dimension names", lambda: metadata.dimension_names(session=session)),
    ]  # fmt: skip


def main() -> None:
    url, output = sys.argv[1], sys.argv[2]
    engine = create_engine(url)
    sent: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    lines = [f"# Query plans on {engine.dialect.name}: {url.rsplit('/', 1)[-1]}", ""]
    with Session(engine) as session:
        for label, read in reads(session):
            sent.clear()
            started = time.perf_counter()
            read()
            took = (time.perf_counter() - started) * 1000
            statements = list(sent)
            lines += [f"## {label}: {took:.1f} ms for {len(statements)} statement(s)", ""]
            for statement, parameters in statements:
                lines += [
                    "```sql",
                    statement.strip(),
                    "```",
                    *explain(session, statement, parameters),
                    "",
                ]
    with open(output, "w") as file:
        file.write("\n".join(lines) + "\n")
    print(f"wrote {output}")


def explain(session: Session, statement: str, parameters: Any) -> list[str]:
    raw = session.connection().connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        return ["```", *(row[0] for row in cursor.fetchall()), "```"]
    cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
    return ["```", *(f"{row[1]:>3} {row[3]}" for row in cursor.fetchall()), "```"]


if __name__ == "__main__":
    main()
