"""The preferred vintage of each value: reported before derived, then the latest edition."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.store.models import Observation
from tests.dataset import Fact, add_observation, seed


def preferred(engine: Engine, indicator: str, period: str) -> list[str]:
    with Session(engine) as session:
        statement = select(Observation.report_id).where(
            Observation.indicator_code == indicator,
            Observation.period == period,
            Observation.dimensions_key == "{}",
            Observation.preferred,
        )
        return list(session.scalars(statement))


def revision(report: str, *, status: str = "reported") -> Fact:
    derivation = {"method": "m", "formula": "f", "inputs": []} if status == "derived" else None
    return Fact(
        "internet_users",
        "2021-12",
        1,
        report,
        [("cnnic-57-chinadaily-en", "internet users in China had reached", "reached")],
        status=status,
        derivation=derivation,
    )


def test_a_later_edition_takes_over_and_an_earlier_one_does_not(engine: Engine) -> None:
    seed(engine)
    with Session(engine) as session, session.begin():
        add_observation(session, revision("cnnic-55"))
    assert preferred(engine, "internet_users", "2021-12") == ["cnnic-55"]

    with Session(engine) as session, session.begin():
        add_observation(session, revision("cnnic-57"))
    assert preferred(engine, "internet_users", "2021-12") == ["cnnic-57"]


def test_a_reported_value_beats_a_derived_one_of_a_later_edition(engine: Engine) -> None:
    seed(engine)
    with Session(engine) as session, session.begin():
        add_observation(session, revision("cnnic-57", status="derived"))
        add_observation(session, revision("cnnic-55"))
    assert preferred(engine, "internet_users", "2021-12") == ["cnnic-55"]
