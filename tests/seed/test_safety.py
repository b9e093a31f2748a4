"""Seeding cannot hurt what is served: one seed at a time, and a seed that fails, or is killed,
halfway leaves the previous data serving. Each test works on a database of its own (a SQLite
file, or a scratch PostgreSQL database) that holds the small fixture data set to begin with."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.seed import writer as seed_module
from app.seed.inputs import Prepared, prepare
from app.seed.lock import SeedLockError, take_seed_lock
from app.seed.writer import SeedResult, seed_database
from app.store.models import DatasetVersion, Observation
from app.store.sessions import make_engine
from tests.conftest import PROJECT_ROOT, migrate
from tests.dataset import seed as seed_fixture_data
from tests.postgres_scratch import scratch_database

SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    """The real seeds read and checked once for the module (it takes seconds)."""
    return prepare(SEEDS)


@pytest.fixture
def fast_prepare(prepared: Prepared, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seed_module, "prepare", lambda _seeds_dir, **_options: prepared)


@pytest.fixture
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A migrated database of its own holding the fixture data set: its URL."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'seeded.db'}"
        yield from _with_fixture_data(url)
    else:
        with scratch_database() as url:
            yield from _with_fixture_data(url)


def _with_fixture_data(url: str) -> Iterator[str]:
    engine = make_engine(url)
    migrate(engine)
    seed_fixture_data(engine)
    engine.dispose()
    yield url


def served(url: str) -> tuple[str | None, int]:
    """What the service's read-only engine sees: the data version and the observations."""
    reader = make_engine(url, read_only=True, pool_size=1)
    try:
        with reader.connect() as connection:
            version = connection.scalar(select(DatasetVersion.version))
            count = connection.scalar(select(func.count()).select_from(Observation))
            return version, int(count or 0)
    finally:
        reader.dispose()


@pytest.fixture
def writer(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def second_writer(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.mark.usefixtures("fast_prepare")
def test_a_second_seed_is_refused_while_one_writes(
    database_url: str, writer: Engine, second_writer: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    holding, release = threading.Event(), threading.Event()
    real_write = seed_module._write_observations

    def write_and_hold(*args: Any) -> int:
        written = real_write(*args)
        holding.set()
        release.wait(timeout=60)
        return written

    monkeypatch.setattr(seed_module, "_write_observations", write_and_hold)
    before = served(database_url)
    results: list[SeedResult] = []
    first = threading.Thread(target=lambda: results.append(seed_database(writer, SEEDS)))
    first.start()
    try:
        assert holding.wait(timeout=60)
        started = time.monotonic()
        with pytest.raises(SeedLockError, match="another seed is writing to this database"):
            seed_database(second_writer, SEEDS, lock_wait=0.5)
        waited = time.monotonic() - started
        assert served(database_url) == before
    finally:
        release.set()
        first.join(timeout=60)

    assert 0.4 < waited < 5
    assert served(database_url) == (results[0].version, results[0].observations)
    monkeypatch.setattr(seed_module, "_write_observations", real_write)
    again = seed_database(second_writer, SEEDS)  # the lock is free again
    assert again.version == results[0].version


@pytest.mark.usefixtures("fast_prepare")
def test_a_seed_that_fails_halfway_leaves_the_previous_data(
    database_url: str, writer: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = seed_module._write_observations

    def write_then_fail(*args: Any) -> int:
        real_write(*args)
        raise OSError("No space left on device")

    monkeypatch.setattr(seed_module, "_write_observations", write_then_fail)
    before = served(database_url)
    with pytest.raises(OSError, match="No space left"):
        seed_database(writer, SEEDS)

    assert served(database_url) == before


KILLED_SEED = """
import sys, time
from pathlib import Path
from app.seed import writer as seed
from app.store.sessions import make_engine

real_write = seed._write_observations

def write_and_stall(*args):
    real_write(*args)
    args[0].flush()
    print("written", flush=True)
    time.sleep(120)

seed._write_observations = write_and_stall
seed.seed_database(make_engine(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_killed_seed_leaves_the_previous_data(database_url: str, writer: Engine) -> None:
    before = served(database_url)
    victim = subprocess.Popen(
        [sys.executable, "-c", KILLED_SEED, database_url, str(SEEDS)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert victim.stdout is not None
        assert victim.stdout.readline().strip() == "written"
        assert served(database_url) == before
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        victim.stdout.close()

    assert served(database_url) == before
    result = seed_database(writer, SEEDS)  # and the next seed is not locked out
    assert served(database_url) == (result.version, result.observations)


def test_only_a_lock_wait_is_reported_as_another_seed(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'bare.db'}")  # no tables at all
    try:
        with Session(engine) as session, pytest.raises(OperationalError, match="no such table"):
            take_seed_lock(session, wait=0.1)
    finally:
        engine.dispose()
