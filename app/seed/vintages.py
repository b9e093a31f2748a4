"""Which vintage of a value is served by default.

Several reports may give a value for the same indicator, dimensions and period. The preferred
one is a reported value before a derived one, then the latest edition's (then the greatest
report id, so that there is always exactly one). It is marked once, when data is written, in
``observations.preferred``, which the database keeps unique per indicator, dimensions and
period; reads then filter on the flag instead of comparing every vintage with the others.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, exists, false, literal, select, true, tuple_, update
from sqlalchemy.orm import Session, aliased

from app.store.models import Observation


def _rank(observation: type[Observation]) -> ColumnElement[int]:
    return case((observation.status == "reported", 1), else_=0)


def _is_best() -> ColumnElement[bool]:
    """No other vintage of the same indicator, dimensions and period is better."""
    other = aliased(Observation, name="other")
    better = (
        select(literal(1))
        .select_from(other)
        .where(
            other.indicator_code == Observation.indicator_code,
            other.dimensions_key == Observation.dimensions_key,
            other.period == Observation.period,
            tuple_(_rank(other), other.edition, other.report_id)
            > tuple_(_rank(Observation), Observation.edition, Observation.report_id),
        )
    )
    return ~exists(better)


def mark_preferred(session: Session) -> None:
    """Set ``preferred`` on exactly the preferred vintage of every value (after any write).

    The flags that must go are cleared before the new ones are set, so that no moment holds
    two preferred vintages of one value."""
    best = _is_best()
    session.execute(
        update(Observation)
        .where(Observation.preferred == true(), ~best)
        .values(preferred=False)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Observation)
        .where(Observation.preferred == false(), best)
        .values(preferred=True)
        .execution_options(synchronize_session=False)
    )
