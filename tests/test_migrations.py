"""The one migration chain builds the models' schema on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store.models import (
    Base,
    Indicator,
    IndicatorSummary,
    Observation,
    Release,
    ReleaseChange,
    Report,
)
from app.store.schema_revision import SCHEMA_REVISION, SchemaRevisionError, require_schema_revision
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


def test_the_code_names_the_head_of_the_chain() -> None:
    scripts = ScriptDirectory.from_config(Config(str(PROJECT_ROOT / "alembic.ini")))
    assert scripts.get_current_head() == SCHEMA_REVISION


def test_a_database_behind_the_chain_is_refused_with_what_to_run(engine: Engine) -> None:
    with engine.connect() as connection:
        require_schema_revision(connection)
    run(engine, "downgrade", "0002")
    with engine.connect() as connection, pytest.raises(SchemaRevisionError) as refused:
        require_schema_revision(connection)
    assert str(refused.value) == (
        f"the database is at revision 0002; this code needs revision {SCHEMA_REVISION}: "
        "run `alembic upgrade head` first"
    )


def _observation(report: str, edition: int, *, indicator: str = "i") -> Observation:
    return Observation(
        indicator_code=indicator,
        dimensions={},
        dimensions_key="{}",
        period="2024-12",
        period_start=date(2024, 12, 1),
        period_end=date(2024, 12, 31),
        value=1.0,
        report_id=report,
        edition=edition,
        preferred=False,
        status="reported",
    )


def _catalogue(session: Session) -> None:
    session.add(Report(id="r1", title="t", publisher="p", edition=1, published="2025"))
    session.add(Report(id="r2", title="t", publisher="p", edition=2, published="2026"))
    session.add(Indicator(code="i", name="n", name_zh="n", description="d", unit="u", category="c"))
    session.flush()


def test_the_database_refuses_a_second_value_for_the_same_key(engine: Engine) -> None:
    with Session(engine) as session:
        _catalogue(session)
        session.add_all([_observation("r1", 1), _observation("r1", 1)])
        with pytest.raises(IntegrityError):
            session.flush()


def test_the_database_refuses_an_unknown_indicator(engine: Engine) -> None:
    with Session(engine) as session:
        _catalogue(session)
        session.add(_observation("r1", 1, indicator="missing"))
        with pytest.raises(IntegrityError):
            session.flush()


def test_the_database_refuses_two_preferred_vintages_of_one_value(engine: Engine) -> None:
    with Session(engine) as session:
        _catalogue(session)
        for report, edition in (("r1", 1), ("r2", 2)):
            row = _observation(report, edition)
            row.preferred = True
            session.add(row)
        with pytest.raises(IntegrityError):
            session.flush()


def _add_two_reports_and_an_indicator(connection: Connection) -> None:
    """Reports r1 and r2 (editions 1 and 2) and indicator i, as any revision has them."""
    connection.execute(
        text(
            "INSERT INTO reports (id, title, publisher, edition, published) VALUES "
            "('r1', 't', 'p', 1, '2025'), ('r2', 't', 'p', 2, '2026')"
        )
    )
    connection.execute(
        text(
            "INSERT INTO indicators (code, name, name_zh, description, unit, category) "
            "VALUES ('i', 'n', 'n', 'd', 'u', 'c')"
        )
    )


def test_the_upgrade_marks_the_edition_and_the_preferred_vintage(engine: Engine) -> None:
    run(engine, "downgrade", "0001")
    with engine.begin() as connection:
        _add_two_reports_and_an_indicator(connection)
        for number, report, status in ((1, "r1", "reported"), (2, "r2", "derived")):
            connection.execute(
                text(
                    "INSERT INTO observations (id, indicator_code, dimensions, dimensions_key, "
                    "period, period_start, period_end, value, report_id, status) VALUES "
                    "(:id, 'i', '{}', '{}', '2024-12', '2024-12-01', '2024-12-31', 1.0, "
                    ":report, :status)"
                ),
                {"id": number, "report": report, "status": status},
            )
    run(engine, "upgrade", "head")

    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, edition, preferred FROM observations ORDER BY id")
        ).all()
    # A reported value is preferred to a derived one, even from an earlier edition.
    assert [(row[0], row[1], bool(row[2])) for row in rows] == [(1, 1, True), (2, 2, False)]
    with Session(engine) as session:
        summary = session.get(IndicatorSummary, "i")
    assert summary is not None
    assert (summary.observations, summary.reports) == (2, ["r1", "r2"])


def test_the_upgrade_records_the_data_already_there_as_the_first_release(engine: Engine) -> None:
    run(engine, "downgrade", "0004")
    with engine.begin() as connection:
        _add_two_reports_and_an_indicator(connection)
        for number, report in ((1, "r1"), (2, "r2")):
            connection.execute(
                text(
                    "INSERT INTO observations (id, indicator_code, dimensions, dimensions_key, "
                    "period, period_start, period_end, value, report_id, edition, preferred, "
                    "status) VALUES (:id, 'i', '{}', '{}', '2024-12', '2024-12-01', "
                    "'2024-12-31', 1.0, :report, :id, :preferred, 'reported')"
                ),
                {"id": number, "report": report, "preferred": number == 2},
            )
        connection.execute(
            text(
                "INSERT INTO dataset_version (id, version, seeded_at) "
                "VALUES (1, 'v1', '2026-02-06T00:00:00+00:00')"
            )
        )
    run(engine, "upgrade", "head")

    with Session(engine) as session:
        (release,) = session.scalars(select(Release)).all()
        changes = session.scalars(select(ReleaseChange).order_by(ReleaseChange.id)).all()
        changed_in = set(session.scalars(select(Observation.changed_in)))
    assert (release.number, release.data_version, release.seeded_at) == (
        1,
        "v1",
        "2026-02-06T00:00:00+00:00",
    )
    assert (release.reports_added, release.added, release.revised) == (["r1", "r2"], 2, 0)
    assert [(c.kind, c.report_id, c.value) for c in changes] == [
        ("added", "r1", 1.0),
        ("added", "r2", 1.0),
    ]
    assert changed_in == {1}


def test_the_upgrade_of_an_empty_database_records_no_release(engine: Engine) -> None:
    run(engine, "downgrade", "0004")
    run(engine, "upgrade", "head")

    with Session(engine) as session:
        assert session.scalars(select(Release)).all() == []
