"""The catalogue's summary of each indicator, written with the data."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.queries import metadata
from app.queries.observations import ObservationFilter, breakdowns_matching
from app.store.models import IndicatorSummary
from tests.dataset import FACTS, dimensions_key, seed


def test_each_indicator_is_summarised_from_its_observations(engine: Engine) -> None:
    seed(engine)
    penetration = [fact for fact in FACTS if fact.indicator == "internet_penetration"]
    with Session(engine) as session:
        covered = metadata.coverage(session=session, codes=["internet_penetration", "nothing"])

    summary = covered["internet_penetration"]
    assert summary.observations == len(penetration)
    assert summary.first_period == min(fact.period for fact in penetration)
    assert summary.last_period == max(fact.period for fact in penetration)
    assert summary.reports == ["cnnic-55", "cnnic-57"]  # oldest edition first
    areas = sorted({fact.dimensions["area"] for fact in penetration if fact.dimensions})
    assert summary.dimension_values == {"area": areas}
    assert covered["nothing"].observations == 0


def test_a_dimension_filter_reads_the_breakdowns_that_hold_it(engine: Engine) -> None:
    seed(engine)
    rural = ObservationFilter(indicators=["internet_penetration"], dimensions={"area": ["rural"]})
    nowhere = ObservationFilter(indicators=["internet_users"], dimensions={"area": ["rural"]})
    with Session(engine) as session:
        assert breakdowns_matching(rural, session=session) == ['{"area":"rural"}']
        assert breakdowns_matching(nowhere, session=session) == []
        summary = session.get(IndicatorSummary, "internet_penetration")
    assert summary is not None
    expected = {
        dimensions_key(fact.dimensions)
        for fact in FACTS
        if fact.indicator == "internet_penetration"
    }
    assert summary.breakdowns == sorted(expected)


def test_the_dimension_names_come_from_the_summaries(engine: Engine) -> None:
    seed(engine)
    with Session(engine) as session:
        everything = metadata.dimension_names(session=session)
        of_users = metadata.dimension_names(session=session, indicators=["internet_users"])
    assert "area" in everything
    assert of_users == sorted(
        {name for fact in FACTS if fact.indicator == "internet_users" for name in fact.dimensions}
    )
