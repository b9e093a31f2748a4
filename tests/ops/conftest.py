"""Fixtures: scratch databases seeded by the entry point, and a server started on them.

Seeding and starting a server take seconds, so each backend's database and server are made
once per module. PostgreSQL runs in a scratch database of its own (see
:mod:`tests.postgres_scratch`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import make_url

from tests.ops.processes import Server, entrypoint_env, run_entrypoint, start_server
from tests.postgres_scratch import scratch_database


@dataclass(frozen=True)
class Seeded:
    """A database the entry point's ``migrate-and-seed`` filled, and what that printed."""

    backend: str
    url: str
    result: subprocess.CompletedProcess[str]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def scratch_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database of each backend, for this module alone."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('ops') / 'cnnic.db'}"
        return
    with scratch_database() as url:
        yield url


@pytest.fixture(scope="module")
def seeded(scratch_url: str) -> Seeded:
    """The scratch database after the container's one-off ``migrate-and-seed``."""
    result = run_entrypoint("migrate-and-seed", env=entrypoint_env(DATABASE_URL=scratch_url))
    assert result.returncode == 0, result.stdout + result.stderr
    return Seeded(make_url(scratch_url).get_backend_name(), scratch_url, result)


@pytest.fixture(scope="module")
def server(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``docker-entrypoint.sh serve`` with two workers on the seeded database, its metrics in a
    directory named beforehand (not yet made), as the image's PROMETHEUS_MULTIPROC_DIR is."""
    folder = tmp_path_factory.mktemp("server")
    env = entrypoint_env(DATABASE_URL=seeded.url, PROMETHEUS_MULTIPROC_DIR=str(folder / "metrics"))
    running = start_server(env, folder)
    try:
        running.wait_until_answering()
        yield running
    finally:
        running.terminate()
