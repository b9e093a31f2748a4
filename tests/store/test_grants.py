"""A role given ``grant-reader`` serves the API and can change nothing (PostgreSQL).

The role must exist (``.ci/run`` creates it); ``TEST_POSTGRES_READER_URL`` names it. The test
works on a scratch database of its own.
"""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.store.sessions import dispose_engine, make_engine
from app.web.application import create_app
from tests.conftest import IN_CI, migrate
from tests.dataset import seed
from tests.postgres_scratch import scratch_database

WRITES = [
    "INSERT INTO reports (id, title, publisher, edition, published) "
    "VALUES ('forged', 'x', 'x', 1, '2024')",
    "UPDATE observations SET value = 0",
    "DELETE FROM citations",
    "TRUNCATE sources CASCADE",
    "DROP TABLE notes",
    "CREATE TABLE forged (x int)",
    "ALTER TABLE reports ADD COLUMN forged int",
]


def reader_url() -> str:
    url = os.environ.get("TEST_POSTGRES_READER_URL")
    if url:
        return url
    if IN_CI:
        pytest.fail("TEST_POSTGRES_READER_URL is not set: CI must test the SELECT-only role")
    pytest.skip("set TEST_POSTGRES_READER_URL (a login role with no privileges) to run this")


@pytest.mark.postgres
def test_a_reader_role_can_serve_and_cannot_write(monkeypatch: pytest.MonkeyPatch) -> None:
    role_url = make_url(reader_url())
    with scratch_database() as owner_url:
        owner = make_engine(owner_url)
        migrate(owner)
        seed(owner)
        monkeypatch.setenv("SEED_DATABASE_URL", owner_url)
        served_url = role_url.set(database=make_url(owner_url).database)
        monkeypatch.setenv("DATABASE_URL", served_url.render_as_string(hide_password=False))
        get_settings.cache_clear()
        dispose_engine()
        try:
            granted = CliRunner().invoke(cli, ["grant-reader", str(role_url.username)])
            assert granted.exit_code == 0, granted.output
            with owner.begin() as connection:  # a table a later migration adds
                connection.execute(text("CREATE TABLE later (x int)"))
            # Connected as the role with no read-only transaction: the privileges alone refuse.
            as_role = make_engine(served_url.render_as_string(hide_password=False))
            with as_role.connect() as connection:
                assert connection.scalar(text("SELECT count(*) FROM later")) == 0
            for statement in WRITES:
                with (
                    pytest.raises(ProgrammingError, match=r"permission denied|must be owner"),
                    as_role.begin() as connection,
                ):
                    connection.execute(text(statement))
            as_role.dispose()
            with TestClient(create_app()) as client:
                assert client.get("/v1/reports").json()["data"][0]["id"] == "cnnic-55"
                assert client.get("/readyz").status_code == 200
        finally:
            dispose_engine()
            get_settings.cache_clear()
            owner.dispose()
