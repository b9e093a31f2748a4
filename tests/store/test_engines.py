"""The service's engine cannot write and never waits without a bound; the CLI's can write."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.store.engines import Timeouts
from app.store.models import Report
from app.store.sessions import get_engine, make_engine
from tests.conftest import IN_CI, empty_engine, migrate, postgres_url
from tests.dataset import seed

INSERT_REPORT = text(
    "INSERT INTO reports (id, title, publisher, edition, published) "
    "VALUES ('forged', 'x', 'x', 1, '2024')"
)


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    """A migrated SQLite file holding the fixture's data set."""
    path = tmp_path / "served.db"
    writer = make_engine(f"sqlite:///{path}")
    migrate(writer)
    seed(writer)
    writer.dispose()
    return path


def reports(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(select(Report.id).order_by(Report.id)))


def test_the_sqlite_reader_reads_but_refuses_every_write(sqlite_file: Path) -> None:
    reader = make_engine(f"sqlite:///{sqlite_file}", read_only=True)
    before = reports(reader)

    for statement in (INSERT_REPORT, text("DELETE FROM reports"), text("CREATE TABLE t (x)")):
        with pytest.raises(OperationalError, match="readonly"), reader.begin() as connection:
            connection.execute(statement)

    assert before == ["cnnic-55", "cnnic-57"]
    assert reports(reader) == before


def test_the_sqlite_reader_never_creates_a_database(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    reader = make_engine(f"sqlite:///{path}", read_only=True)

    with pytest.raises(OperationalError, match="unable to open"), reader.connect():
        pass
    assert not path.exists()


def test_the_sqlite_reader_notices_the_file_gone_and_back(sqlite_file: Path) -> None:
    reader = make_engine(f"sqlite:///{sqlite_file}", read_only=True)
    assert reports(reader)
    aside = sqlite_file.with_suffix(".aside")

    sqlite_file.rename(aside)
    with pytest.raises(OperationalError):
        reports(reader)
    aside.rename(sqlite_file)

    assert reports(reader) == ["cnnic-55", "cnnic-57"]


def test_the_sqlite_reader_bounds_the_work_of_a_request(sqlite_file: Path) -> None:
    reader = make_engine(
        f"sqlite:///{sqlite_file}", read_only=True, timeouts=Timeouts(statement=0.3)
    )
    endless = text(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    )
    started = time.monotonic()

    with pytest.raises(OperationalError, match="interrupted"), reader.connect() as connection:
        connection.execute(endless)

    assert time.monotonic() - started < 2


def test_the_sqlite_reader_keeps_its_connections_and_follows_a_replaced_file(
    sqlite_file: Path, tmp_path: Path
) -> None:
    reader = make_engine(f"sqlite:///{sqlite_file}", read_only=True, pool_size=1)
    with reader.connect() as connection:
        first = connection.connection.dbapi_connection
    with reader.connect() as connection:
        assert connection.connection.dbapi_connection is first  # pooled, not opened anew

    replacement = tmp_path / "replacement.db"
    writer = make_engine(f"sqlite:///{replacement}")
    migrate(writer)
    writer.dispose()
    replacement.replace(sqlite_file)

    assert reports(reader) == []  # the new file's (empty) data, not the old one's


def test_each_sqlite_checkout_gets_a_deadline_of_its_own(sqlite_file: Path) -> None:
    reader = make_engine(
        f"sqlite:///{sqlite_file}", read_only=True, pool_size=1, timeouts=Timeouts(statement=0.3)
    )
    assert reports(reader)
    time.sleep(0.5)  # longer than the deadline of the first checkout

    assert reports(reader) == ["cnnic-55", "cnnic-57"]


@pytest.mark.service_database
def test_the_service_engine_of_the_configured_database_cannot_write() -> None:
    """Whatever DATABASE_URL says (SQLite in `make test`, the SELECT-only role in CI's
    PostgreSQL run), the service's own engine refuses a write and changes nothing."""
    engine = get_engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        if IN_CI:
            raise
        pytest.skip(f"the configured database is not there: {error.orig}")
    with pytest.raises(DBAPIError), engine.begin() as connection:
        connection.execute(INSERT_REPORT)
    with engine.connect() as connection:
        assert connection.scalar(select(Report.id).where(Report.id == "forged")) is None


# --- PostgreSQL ------------------------------------------------------------------------------


@pytest.mark.postgres
def test_the_postgres_reader_refuses_every_write(tmp_path: Path) -> None:
    writer = empty_engine("postgresql", tmp_path)
    seed(writer)
    writer.dispose()
    reader = make_engine(postgres_url(), read_only=True, pool_size=1)
    writes = (INSERT_REPORT, text("DELETE FROM reports"), text("CREATE TABLE t (x int)"))
    try:
        for statement in writes:
            with pytest.raises(DBAPIError, match="read-only transaction"), reader.begin() as c:
                c.execute(statement)
        assert reports(reader) == ["cnnic-55", "cnnic-57"]
    finally:
        reader.dispose()


@pytest.mark.postgres
def test_the_postgres_reader_bounds_a_statement() -> None:
    reader = make_engine(postgres_url(), read_only=True, timeouts=Timeouts(statement=0.3))
    started = time.monotonic()
    try:
        with pytest.raises(OperationalError, match="statement timeout"), reader.connect() as c:
            c.execute(text("SELECT pg_sleep(5)"))
    finally:
        reader.dispose()
    assert time.monotonic() - started < 2


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port of 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_postgres_server_that_never_answers_is_given_up_on(silent_server: int) -> None:
    url = f"postgresql+psycopg://nobody:secret@127.0.0.1:{silent_server}/none"
    reader = make_engine(url, read_only=True, timeouts=Timeouts(connect=2))
    started = time.monotonic()

    with pytest.raises(OperationalError), reader.connect():
        pass

    assert time.monotonic() - started < 5
    reader.dispose()
