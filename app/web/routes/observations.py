"""Observations: filtered, paged, as JSON or CSV; and an indicator's data shaped for a chart."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from app.queries import metadata
from app.queries.labels import breakdown_labels, labels_of
from app.queries.observations import (
    NO_BREAKDOWN,
    ObservationBody,
    ObservationFilter,
    ObservationKey,
    observation_page,
    series_points,
)
from app.web import schemas
from app.web.common import V1_LANGUAGE_DEPENDENCIES, V1_RESPONSES
from app.web.csv_export import csv_header, csv_line, csv_rows, observations_csv, series_csv
from app.web.deps import SessionDep
from app.web.errors import (
    InvalidParameterError,
    UnknownParameterError,
    closest,
    problem_responses,
)
from app.web.language import Language, answer_language
from app.web.lookup import require_indicator, require_indicators, require_report
from app.web.negotiation import CSV_MEDIA_TYPE, JSON_MEDIA_TYPE, wants_csv
from app.web.pagination import encode_cursor
from app.web.params import ObservationQuery, SeriesQuery
from app.web.wire import observation_page_json

router = APIRouter(
    tags=["observations"], dependencies=V1_LANGUAGE_DEPENDENCIES, responses=V1_RESPONSES
)
AnswerLanguage = Annotated[Language, Depends(answer_language)]

_CSV_EXAMPLE = (
    "indicator,area,period,period_start,period_end,value,unit,report,status,as_reported,"
    "qualifier,attributed_to,sources\n"
    "internet_penetration,rural,2024-12,2024-12-01,2024-12-31,65.6,percent,cnnic-55,reported,"
    "65.6%,,,cnnic-55-en\n"
)

# A free-form object parameter, exploded into one query parameter per dimension: how OpenAPI
# describes `area=rural&tld=.CN`, which no declared field can. Its schema comes from the type;
# its default is empty because Swagger UI would send an example with every "Try it out".
_DIMENSION_PARAMETER: dict[str, Any] = {
    "name": "dimensions",
    "in": "query",
    "style": "form",
    "explode": True,
    "required": False,
    "description": "Any dimension name as a parameter, such as `area` or `tld` (repeat it for "
    "several values), matched whatever its case. `_total` asks for the figures not broken down "
    "by that dimension: `area=_total` is the headline total, not one area's. A parameter that "
    "is neither documented nor a dimension some observation has, or a value no observation has, "
    "is a 422 naming it with the closest values. Example: `area=rural`, `area=_total`.",
    "schema": {**TypeAdapter(dict[str, str]).json_schema(), "default": {}},
}


def _named_values(
    dimensions: dict[str, list[str]], values_of: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Each filter's values as the data spells them, whatever their case (`area=Rural` is
    `rural`), or `_total` for no breakdown on that dimension. A value the data does not have is
    a 422 naming the closest ones: an empty answer would look like no data."""
    named: dict[str, list[str]] = {}
    for name, wanted in dimensions.items():
        spelled = {value.casefold(): value for value in values_of.get(name, [])}
        named[name] = []
        for value in wanted:
            if value.casefold() == NO_BREAKDOWN:
                named[name].append(NO_BREAKDOWN)
            elif value.casefold() in spelled:
                named[name].append(spelled[value.casefold()])
            else:
                choices = [*closest(value, spelled.values()), NO_BREAKDOWN]
                raise InvalidParameterError(
                    f"{name}={value!r} matches no {name} of any observation. Closest: "
                    f"{', '.join(choices)} ({NO_BREAKDOWN} asks for the figures not broken down "
                    f"by {name}). Values: {', '.join(spelled.values())}.",
                    parameter=name,
                )
    return named


async def _whole_csv(
    filters: ObservationFilter, bind: Engine | Connection, names: Sequence[str]
) -> AsyncIterator[str]:
    """Every matching observation as CSV, a page of the database at a time: what
    `pd.read_csv` on a `format=csv` URL gets when it asks for no page. Each page is read in a
    worker thread with a session of its own, so the stream outlives the request's session and
    no connection crosses threads."""
    yield csv_line(csv_header(names))
    after: ObservationKey | None = None
    while True:
        rows, after = await anyio.to_thread.run_sync(_csv_page, filters, bind, after)
        yield csv_rows(rows, names)
        if after is None:
            return


def _csv_page(
    filters: ObservationFilter, bind: Engine | Connection, after: ObservationKey | None
) -> tuple[list[ObservationBody], ObservationKey | None]:
    with Session(bind) as session:
        return observation_page(filters, session=session, limit=1000, after=after)


def _observation_filter(
    params: ObservationQuery | SeriesQuery,
    *,
    session: Session,
    indicators: Sequence[str],
    all_vintages: bool = False,
) -> ObservationFilter:
    """Check what the data must confirm (the range, the report, the dimension names) and
    build the filter."""
    first_day = params.start.first if params.start else None
    last_day = params.end.last if params.end else None
    if params.start and params.end and params.start.first > params.end.last:
        raise InvalidParameterError(
            f"start ({params.start.text}) is after end ({params.end.text}): give a start on or "
            "before the end.",
            parameter="start",
        )
    if params.report is not None:
        require_report(params.report, session=session, parameter="report")
    dimensions = params.dimension_filters
    if dimensions:
        known = metadata.dimension_names(session=session)
        for name in dimensions:
            if name not in known:
                raise UnknownParameterError(
                    f"Unknown parameter {name!r}: neither a parameter of this operation nor a "
                    f"dimension of any observation. Dimensions: {', '.join(known)}.",
                    parameter=name,
                    allowed=[*params.parameter_names(), *known],
                )
        dimensions = _named_values(dimensions, metadata.all_dimension_values(session=session))
    return ObservationFilter(
        indicators=indicators,
        start=first_day,
        end=last_day,
        report=params.report,
        dimensions=dimensions,
        all_vintages=all_vintages,
        last=params.last,
        total=params.total,
    )


@router.get(
    "/v1/observations",
    summary="Query observations",
    response_model=schemas.ObservationPage,
    responses={
        200: {
            "description": "A page of observations; the next page's URL is in `next` and in "
            'the `Link` header (`rel="next"`).',
            "content": {
                CSV_MEDIA_TYPE: {"schema": TypeAdapter(str).json_schema(), "example": _CSV_EXAMPLE}
            },
        },
        **problem_responses(404),
    },
    openapi_extra={"parameters": [_DIMENSION_PARAMETER]},
)
def list_observations(
    request: Request,
    session: SessionDep,
    language: AnswerLanguage,
    params: Annotated[ObservationQuery, Query()],
) -> Response:
    """Observations with their citations and notes, ordered by indicator, dimensions, period
    and report, 100 a page by default. Filters combine freely; an unknown indicator or report
    is a 404 naming the closest.

    Examples: `GET /v1/observations?indicator=internet_users`,
    `GET /v1/observations?indicator=internet_penetration&area=rural&start=2024&lang=zh`,
    `GET /v1/observations?indicator=internet_users&vintages=all&format=csv`
    """
    codes = params.indicator_codes
    require_indicators(codes, session=session, parameter="indicator")
    filters = _observation_filter(
        params, session=session, indicators=codes, all_vintages=params.vintages == "all"
    )
    csv_wanted = wants_csv(params.format, request.headers.get("accept"))
    if csv_wanted and params.cursor is None and "limit" not in params.model_fields_set:
        names = metadata.dimension_names(session=session, indicators=codes)
        return StreamingResponse(
            _whole_csv(filters, session.get_bind(), names), media_type=CSV_MEDIA_TYPE
        )
    labels = None if csv_wanted else breakdown_labels(session=session, language=language)
    rows, last_key = observation_page(
        filters, session=session, limit=params.limit, after=params.cursor, labels=labels
    )
    next_url = (
        str(request.url.include_query_params(cursor=encode_cursor(last_key)))
        if last_key is not None
        else None
    )
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    if csv_wanted:
        names = metadata.dimension_names(session=session, indicators=codes)
        return Response(observations_csv(rows, names), media_type=CSV_MEDIA_TYPE, headers=headers)
    body = observation_page_json(rows, next_url)
    return Response(body, media_type=JSON_MEDIA_TYPE, headers=headers)


@router.get(
    "/v1/indicators/{code}/series",
    summary="Read an indicator as chart series",
    response_model=schemas.Series,
    responses={
        200: {
            "description": "The indicator's lines; as CSV, one row per period and one column "
            "per line.",
            "content": {
                CSV_MEDIA_TYPE: {
                    "schema": TypeAdapter(str).json_schema(),
                    "example": "period,_total,area=rural\n2024-12,78.6,65.6\n2025-12,80.1,\n",
                }
            },
        },
        **problem_responses(404),
    },
    openapi_extra={"parameters": [_DIMENSION_PARAMETER]},
)
def read_series(
    code: Annotated[
        str,
        Path(max_length=96, description="The indicator's code.", examples=["internet_penetration"]),
    ],
    request: Request,
    session: SessionDep,
    language: AnswerLanguage,
    params: Annotated[SeriesQuery, Query()],
) -> Response | schemas.Series:
    """One line per set of dimensions (the headline total first), each with its `[period,
    value]` points in time order: one value a period, a reported value before a derived one,
    then the latest report's.

    Examples: `GET /v1/indicators/internet_penetration/series?area=rural`,
    `GET /v1/indicators/internet_users/series?format=csv` (one row per period, one column per
    line, for a spreadsheet)
    """
    indicator = require_indicator(code, session=session)
    filters = _observation_filter(params, session=session, indicators=[code])
    lines = series_points(filters, session=session)
    if wants_csv(params.format, request.headers.get("accept")):
        return Response(series_csv(lines), media_type=CSV_MEDIA_TYPE)
    return schemas.Series(
        indicator=code,
        unit=indicator.unit,
        series=[
            schemas.SeriesLine(
                dimensions=dimensions,
                labels=labels_of(dimensions, language, session=session),
                points=points,
            )
            for dimensions, points in lines
        ],
    )
