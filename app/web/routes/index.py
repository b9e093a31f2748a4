"""GET /v1: the API's index, and the version of the data it serves."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.queries import metadata
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.params import NoParameters

router = APIRouter(
    prefix="/v1", tags=["index"], dependencies=V1_DEPENDENCIES, responses=V1_RESPONSES
)

_LINKS = [
    schemas.Link(rel="reports", href="/v1/reports", title="The report editions"),
    schemas.Link(rel="sources", href="/v1/sources", title="The texts, byte for byte"),
    schemas.Link(rel="indicators", href="/v1/indicators", title="The catalogue"),
    schemas.Link(rel="observations", href="/v1/observations", title="Values with their citations"),
    schemas.Link(
        rel="series",
        href="/v1/indicators/{code}/series",
        title="An indicator's lines over time, for a chart or a spreadsheet",
    ),
    schemas.Link(rel="releases", href="/v1/releases", title="What each seed changed, newest first"),
    schemas.Link(
        rel="datapackage",
        href="/v1/downloads/datapackage.zip",
        title="Everything as a data package: CSV tables and the texts, zipped",
    ),
    schemas.Link(
        rel="database",
        href="/v1/downloads/database.sqlite",
        title="Everything as a SQLite database",
    ),
    schemas.Link(
        rel="check",
        href="/v1/check?claim={claim}",
        title="A figure from a news story checked against the data",
    ),
    schemas.Link(rel="openapi", href="/openapi.json", title="This API's OpenAPI document"),
    schemas.Link(rel="docs", href="/docs", title="The API's documentation, to try it"),
]


@router.get("", summary="The API's index")
def read_index(session: SessionDep, _: Annotated[NoParameters, Query()]) -> schemas.ApiIndex:
    """What the API serves, the version of the data it serves now and when that was seeded
    (also in every answer's `X-Data-Version` and `X-Data-Seeded-At` headers).

    Example: `GET /v1`
    """
    version = metadata.dataset_version(session=session)
    return schemas.ApiIndex(
        data_version=None if version is None else version.version,
        data_seeded_at=None if version is None else version.seeded_at,
        links=_LINKS,
    )
