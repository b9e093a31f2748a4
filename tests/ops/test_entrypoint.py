"""The container's one-off commands, and its refusal to start on a bad setting."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.store.models import DatasetVersion, Observation
from tests.conftest import PROJECT_ROOT
from tests.live_server import free_port
from tests.ops.conftest import Seeded
from tests.ops.processes import entrypoint_env, run_entrypoint


def contents(url: str) -> tuple[str | None, int]:
    """The database's data version and how many observations it holds."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            version = session.scalar(select(DatasetVersion.version))
            observations = session.scalar(select(func.count()).select_from(Observation))
            return version, observations or 0
    finally:
        engine.dispose()


def test_migrate_and_seed_fills_an_empty_database(seeded: Seeded) -> None:
    printed = " ".join(seeded.result.stdout.split())
    reported = re.search(r"Seeded (\d+) observations", printed)
    assert reported, printed[-2000:]
    version, observations = contents(seeded.url)
    assert version is not None
    assert observations == int(reported.group(1)) > 500


def test_migrate_and_seed_again_changes_nothing(seeded: Seeded) -> None:
    before = contents(seeded.url)
    again = run_entrypoint("migrate-and-seed", env=entrypoint_env(DATABASE_URL=seeded.url))
    assert again.returncode == 0, again.stdout + again.stderr
    assert contents(seeded.url) == before


BAD_SETTINGS = [
    ("LOG_LEVEL", "loud"),
    ("WEB_CONCURRENCY", "0"),
    ("PORT", "http"),
    ("GRACEFUL_SHUTDOWN_TIMEOUT", "-1"),
    ("DATABASE_URL", "postgres://cnnic:s3cret@db/cnnic"),
    ("CORS_ORIGINS", "not json"),
]


@pytest.mark.parametrize(("variable", "value"), BAD_SETTINGS)
def test_serve_refuses_a_bad_setting_naming_it(variable: str, value: str) -> None:
    env = entrypoint_env(**{"PORT": str(free_port()), variable: value})
    result = run_entrypoint("serve", env=env, timeout=60)
    assert result.returncode != 0
    assert variable.lower() in result.stderr.lower(), result.stderr
    assert "s3cret" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_migrate_refuses_a_bad_database_url_naming_it() -> None:
    env = entrypoint_env(DATABASE_URL="mysql://cnnic:s3cret@db/cnnic")
    result = run_entrypoint("migrate-and-seed", env=env, timeout=60)
    assert result.returncode != 0
    assert "database_url" in result.stderr.lower()
    assert "s3cret" not in result.stdout + result.stderr


def test_importing_the_app_with_a_bad_setting_names_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from app.web.application import app"],
        cwd=PROJECT_ROOT,
        env=entrypoint_env(LOG_LEVEL="loud"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "log_level" in result.stderr
