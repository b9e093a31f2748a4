"""Checking a figure: a claim as pasted from a news story, held against the data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.checks.check import Check, check_claim
from app.checks.compare import Compared
from app.checks.explain import reading_notes, summary
from app.checks.reading import ClaimReading
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.params import CheckQuery

router = APIRouter(
    prefix="/v1/check", tags=["checks"], dependencies=V1_DEPENDENCIES, responses=V1_RESPONSES
)


@router.get("", summary="Check a figure")
def check_figure(
    request: Request, session: SessionDep, params: Annotated[CheckQuery, Query()]
) -> schemas.Check:
    """Read a figure as written in a news story, in English or Chinese, with the readers that
    read the reports and the catalogue's words, and hold it against every report's values.
    The answer gives the claim as read, a verdict, and either the observations that agree with
    their quotes, or the closest ones and how each differs (another breakdown, another period,
    a rounded restatement, another value by N%). A claim in which no figure can be found is
    still answered, with the verdict `unreadable` and what was read of it; an empty or
    overlong claim is a 422.

    Examples: `GET /v1/check?claim=10.92亿网民 2023年12月`,
    `GET /v1/check?claim=China had 1.079 billion internet users in June 2023`,
    `GET /v1/check?claim=penetration 76.4%`, `GET /v1/check?claim=农村网民 3.26亿`
    """
    found = check_claim(
        params.claim, session=session, seeds_dir=request.app.state.settings.seeds_dir
    )
    return schemas.Check(
        claim=found.reading.claim,
        verdict=found.outcome.verdict,
        summary=summary(found),
        reading=_reading(found, found.reading),
        matches=[_observation(found, item) for item in found.outcome.matches],
        closest=[_observation(found, item) for item in found.outcome.closest],
    )


def _reading(found: Check, reading: ClaimReading) -> schemas.ClaimReading:
    figure = reading.figure
    period = reading.period
    return schemas.ClaimReading(
        read_as=reading.read_as,
        figure=None
        if figure is None
        else schemas.ClaimFigure(
            as_written=figure.text,
            value=float(figure.value),
            unit=figure.unit,
            precision=float(figure.precision),
            qualifier=figure.qualifier,
        ),
        indicators=[
            schemas.ClaimIndicator(
                code=indicator.code,
                name=found.names.get(indicator.code, (indicator.code, ""))[0],
                name_zh=found.names.get(indicator.code, ("", indicator.code))[1],
                phrase=indicator.phrase,
            )
            for indicator in reading.indicators
        ],
        dimensions=dict(reading.dimensions),
        period=None
        if period is None
        else schemas.ClaimPeriod(as_written=period.text, period=found.period or period.period),
        other_figures=list(reading.others),
        notes=reading_notes(reading),
    )


def _observation(found: Check, item: Compared) -> schemas.CheckedObservation:
    figure = item.figure
    return schemas.CheckedObservation(
        indicator=figure.indicator,
        dimensions=figure.dimensions,
        period=figure.period,
        value=figure.value,
        unit=found.units.get(figure.indicator, ""),
        report=figure.report,
        status="derived" if figure.status == "derived" else "reported",
        as_reported=figure.as_reported,
        qualifier=figure.qualifier,
        attributed_to=figure.attributed_to,
        citations=[schemas.Citation(**citation) for citation in found.citations.get(figure.id, [])],
        differences=[
            schemas.Difference(
                kind=difference.kind,
                claimed=difference.claimed,
                found=difference.found,
                by_percent=difference.by_percent,
                detail=difference.detail,
            )
            for difference in item.differences
        ],
    )
