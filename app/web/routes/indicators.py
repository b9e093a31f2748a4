"""The indicator catalogue, with what the data covers of each indicator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy.orm import Session

from app.queries import metadata
from app.store import models
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import ChoicesDep, SessionDep
from app.web.errors import InvalidParameterError, problem_responses
from app.web.lookup import require_indicator
from app.web.params import IndicatorQuery, NoParameters

router = APIRouter(
    prefix="/v1/indicators",
    tags=["indicators"],
    dependencies=V1_DEPENDENCIES,
    responses=V1_RESPONSES,
)

IndicatorCode = Annotated[
    str,
    Path(max_length=96, description="The indicator's code.", examples=["internet_penetration"]),
]


def _with_coverage(
    indicators: Sequence[models.Indicator], *, session: Session
) -> list[schemas.Indicator]:
    covered = metadata.coverage(session=session, codes=[item.code for item in indicators])
    return [
        schemas.Indicator(
            code=item.code,
            name=item.name,
            name_zh=item.name_zh,
            description=item.description,
            unit=item.unit,
            category=item.category,
            dimensions=list(covered[item.code].dimension_values),
            dimension_values=covered[item.code].dimension_values,
            first_period=covered[item.code].first_period,
            last_period=covered[item.code].last_period,
            observations=covered[item.code].observations,
            reports=covered[item.code].reports,
        )
        for item in indicators
    ]


@router.get("", summary="List indicators")
def list_indicators(
    session: SessionDep, choices: ChoicesDep, params: Annotated[IndicatorQuery, Query()]
) -> schemas.IndicatorList:
    """The catalogue by code, each entry with its coverage: first and last period, how many
    observations and which reports gave them. `q` searches codes, English and Chinese names
    and descriptions; `category` keeps one group.

    Examples: `GET /v1/indicators?q=普及率`, `GET /v1/indicators?category=infrastructure`
    """
    if params.category is not None:
        known = list(choices.categories)
        if params.category not in known:
            raise InvalidParameterError(
                f"No category {params.category!r}; the categories are: {', '.join(known)}.",
                parameter="category",
                allowed=known,
            )
    found = metadata.list_indicators(session=session, words=params.words, category=params.category)
    return schemas.IndicatorList(data=_with_coverage(found, session=session))


@router.get("/{code}", summary="Read an indicator", responses=problem_responses(404))
def read_indicator(
    code: IndicatorCode, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> schemas.Indicator:
    """One catalogue entry with its coverage; an unknown code is a 404 naming the closest.

    Example: `GET /v1/indicators/internet_penetration`
    """
    return _with_coverage([require_indicator(code, session=session)], session=session)[0]
