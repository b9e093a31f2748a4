"""Observations: filtered, paged, as JSON or CSV; and an indicator's data shaped for a chart."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from app.queries import metadata
from app.queries.computed import computed_observations, computed_series, series_lines
from app.queries.labels import breakdown_labels, labels_of
from app.queries.observations import (
    NO_BREAKDOWN,
    ObservationBody,
    ObservationFilter,
    ObservationKey,
    breakdown_of,
    observation_page,
    series_points,
    series_vintages,
)
from app.queries.transforms import transformed_unit
from app.web import schemas
from app.web.choices import Choices
from app.web.common import V1_LANGUAGE_DEPENDENCIES, V1_RESPONSES
from app.web.csv_export import (
    csv_header,
    csv_line,
    csv_rows,
    observations_csv,
    series_csv,
    series_vintages_csv,
)
from app.web.deps import ChoicesDep, SessionDep
from app.web.errors import (
    InvalidParameterError,
    UnknownParameterError,
    closest,
    problem_responses,
)
from app.web.language import Language, answer_language
from app.web.lookup import changed_after, require_indicator, require_indicators, require_report
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
    dimensions: dict[str, list[str]], values_of: dict[str, list[str]], choices: Choices
) -> dict[str, list[str]]:
    """Each filter's values as the data or the catalogue spells them, whatever their case
    (`area=Rural` is `rural`), or `_total` for no breakdown on that dimension. A value of a
    catalogue dimension that neither has is a 422 naming the closest ones: an empty answer
    would look like no data. A value of an open dimension (`compared_with`) is kept as given."""
    named: dict[str, list[str]] = {}
    for name, wanted in dimensions.items():
        catalogued = choices.dimensions.get(name)
        spelled = {
            value.casefold(): value for value in (*(catalogued or ()), *values_of.get(name, []))
        }
        named[name] = []
        for value in wanted:
            if value.casefold() == NO_BREAKDOWN:
                named[name].append(NO_BREAKDOWN)
            elif value.casefold() in spelled:
                named[name].append(spelled[value.casefold()])
            elif name in choices.dimensions and catalogued is None:
                named[name].append(value)
            else:
                choices_named = [*closest(value, spelled.values()), NO_BREAKDOWN]
                raise InvalidParameterError(
                    f"{name}={value!r} matches no {name} of any observation. Closest: "
                    f"{', '.join(choices_named)} ({NO_BREAKDOWN} asks for the figures not broken "
                    f"down by {name}). Values: {', '.join(spelled.values())}.",
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
    choices: Choices,
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
        known = sorted({*metadata.dimension_names(session=session), *choices.dimensions})
        for name in dimensions:
            if name not in known:
                raise UnknownParameterError(
                    f"Unknown parameter {name!r}: neither a parameter of this operation nor a "
                    f"dimension of any observation. Dimensions: {', '.join(known)}.",
                    parameter=name,
                    allowed=[*params.parameter_names(), *known],
                )
        dimensions = _named_values(
            dimensions, metadata.all_dimension_values(session=session), choices
        )
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


def _refuse_with_transform(params: ObservationQuery) -> None:
    """What a transform cannot be combined with, refused by name: computed values come from
    the preferred vintage of each period of whole lines and are answered whole, in one page."""
    if params.changed_since is not None:
        raise InvalidParameterError(
            "transform is computed from whole lines, not from what changed since a release: "
            "leave out changed_since, or leave out transform to sync the values themselves.",
            parameter="changed_since",
        )
    if params.vintages == "all":
        raise InvalidParameterError(
            "transform is computed from the preferred value of each period: leave out "
            "vintages=all, or leave out transform to read every report's value.",
            parameter="vintages",
        )
    for name in ("limit", "cursor"):
        if name in params.model_fields_set:
            raise InvalidParameterError(
                f"A transform's answer is one page holding every computed value: leave out "
                f"{name} (use start, end or last to ask for fewer).",
                parameter=name,
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
    choices: ChoicesDep,
    language: AnswerLanguage,
    params: Annotated[ObservationQuery, Query()],
) -> Response:
    """Observations with their citations and notes, ordered by indicator, dimensions, period
    and report, 100 a page by default. Filters combine freely; an unknown indicator or report
    is a 404 naming the closest.

    Examples: `GET /v1/observations?indicator=internet_users`,
    `GET /v1/observations?indicator=internet_penetration&area=rural&start=2024&lang=zh`,
    `GET /v1/observations?indicator=internet_users&vintages=all&format=csv`,
    `GET /v1/observations?changed_since=2d8e852a52179316f985a4da4a29b941` (what changed since
    that data version)
    """
    codes = params.indicator_codes
    require_indicators(codes, session=session, parameter="indicator")
    filters = _observation_filter(
        params,
        session=session,
        choices=choices,
        indicators=codes,
        all_vintages=params.vintages == "all",
    )
    if params.changed_since is not None:
        since = changed_after(params.changed_since, session=session, parameter="changed_since")
        filters = replace(filters, changed_after=since)
    csv_wanted = wants_csv(params.format, request.headers.get("accept"))
    if params.transform is not None:
        _refuse_with_transform(params)
        labels = None if csv_wanted else breakdown_labels(session=session, language=language)
        rows = computed_observations(filters, params.transform, session=session, labels=labels)
        if csv_wanted:
            names = metadata.dimension_names(session=session, indicators=codes)
            return Response(observations_csv(rows, names), media_type=CSV_MEDIA_TYPE)
        return Response(observation_page_json(rows, None), media_type=JSON_MEDIA_TYPE)
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
    response_model_exclude_none=True,
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
    choices: ChoicesDep,
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
    filters = _observation_filter(params, session=session, choices=choices, indicators=[code])
    csv_wanted = wants_csv(params.format, request.headers.get("accept"))
    if params.transform is not None:
        if params.vintages == "all":
            raise InvalidParameterError(
                "transform is computed from the preferred value of each period: ask for "
                "vintages=all without it.",
                parameter="vintages",
            )
        computed = computed_series(filters, params.transform, session=session)
        if csv_wanted:
            return Response(series_csv(series_lines(computed)), media_type=CSV_MEDIA_TYPE)
        return schemas.Series(
            indicator=code,
            unit=transformed_unit(indicator.unit, params.transform),
            transform=params.transform,
            series=[
                schemas.SeriesLine(
                    dimensions=line.dimensions,
                    labels=labels_of(line.dimensions, language, session=session),
                    points=[(step.period, step.value) for step in line.steps],
                    computed_from=[(step.earlier, step.later) for step in line.steps],
                )
                for line in computed
            ],
        )
    lines = series_points(filters, session=session)
    vintages = series_vintages(filters, session=session) if params.vintages == "all" else None
    if csv_wanted and vintages is not None:
        each_line = [vintages[breakdown_of(dimensions)] for dimensions, _ in lines]
        return Response(series_vintages_csv(lines, each_line), media_type=CSV_MEDIA_TYPE)
    if csv_wanted:
        return Response(series_csv(lines), media_type=CSV_MEDIA_TYPE)
    return schemas.Series(
        indicator=code,
        unit=indicator.unit,
        series=[
            schemas.SeriesLine(
                dimensions=dimensions,
                labels=labels_of(dimensions, language, session=session),
                points=points,
                vintages=None if vintages is None else vintages[breakdown_of(dimensions)],
            )
            for dimensions, points in lines
        ],
    )
