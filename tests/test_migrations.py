"""The one migration chain builds the models' schema on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import IntegrityError

from app.models import Base, Indicator, Observation, Report
from tests.conftest import PROJECT_ROOT


def run(engine: Engine, verb: str, target: str) -> None:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, verb)(config, target)


def test_the_chain_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []


def test_the_chain_goes_down_and_up_again(engine: Engine) -> None:
    run(engine, "downgrade", "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    run(engine, "upgrade", "head")
    assert {"observations", "citations", "sources"} <= set(inspect(engine).get_table_names())


def test_the_database_refuses_a_second_value_for_the_same_key(engine: Engine) -> None:
    from datetime import date

    from sqlalchemy.orm import Session

    with Session(engine) as session:
        session.add(Report(id="r", title="t", publisher="p", edition=1, published="2025"))
        session.add(
            Indicator(code="i", name="n", name_zh="n", description="d", unit="u", category="c")
        )
        session.flush()
        for value in (1.0, 2.0):
            session.add(
                Observation(
                    indicator_code="i",
                    dimensions={},
                    dimensions_key="{}",
                    period="2024-12",
                    period_start=date(2024, 12, 1),
                    period_end=date(2024, 12, 31),
                    value=value,
                    report_id="r",
                    status="reported",
                )
            )
        with pytest.raises(IntegrityError):
            session.flush()


def test_the_database_refuses_an_unknown_indicator(engine: Engine) -> None:
    from datetime import date

    from sqlalchemy.orm import Session

    with Session(engine) as session:
        session.add(Report(id="r", title="t", publisher="p", edition=1, published="2025"))
        session.flush()
        session.add(
            Observation(
                indicator_code="missing",
                dimensions={},
                dimensions_key="{}",
                period="2024-12",
                period_start=date(2024, 12, 1),
                period_end=date(2024, 12, 31),
                value=1.0,
                report_id="r",
                status="reported",
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()
