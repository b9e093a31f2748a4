"""Sources: the documents figures were read from, and their texts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import PlainTextResponse

from app.queries import metadata
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.errors import problem_responses
from app.web.lookup import require_report, require_source, unknown
from app.web.params import NoParameters, SourceQuery

router = APIRouter(
    prefix="/v1/sources", tags=["sources"], dependencies=V1_DEPENDENCIES, responses=V1_RESPONSES
)

SourceId = Annotated[
    str, Path(max_length=64, description="The source's slug.", examples=["cnnic-57-xinhua-en"])
]


@router.get("", summary="List sources", responses=problem_responses(404))
def list_sources(
    session: SessionDep, params: Annotated[SourceQuery, Query()]
) -> schemas.SourceList:
    """Every source (or one report's), by report edition and id. Texts are not included: each
    is at `/v1/sources/{id}/text`.

    Example: `GET /v1/sources?report=cnnic-57`
    """
    if params.report is not None:
        require_report(params.report, session=session, parameter="report")
    sources = metadata.list_sources(session=session, report=params.report)
    return schemas.SourceList(data=[schemas.Source.from_row(source) for source in sources])


@router.get("/{source_id}", summary="Read a source", responses=problem_responses(404))
def read_source(
    source_id: SourceId, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> schemas.Source:
    """One source's description; an unknown id is a 404 naming the closest ones.

    Example: `GET /v1/sources/cnnic-55-en`
    """
    return schemas.Source.from_row(require_source(source_id, session=session))


@router.get(
    "/{source_id}/text",
    summary="Read a source's text",
    response_class=PlainTextResponse,
    responses={
        200: {
            "description": "The text exactly as seeded (UTF-8); its SHA-256 is the source's "
            "`sha256`, and every citation's `quote` is `text[start:end]` of it.",
            "content": {"text/plain": {"example": "By December 2024, China had 1,108 million"}},
        },
        **problem_responses(404),
    },
)
def read_source_text(
    source_id: SourceId, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> PlainTextResponse:
    """The document itself, byte for byte as seeded, so any citation's offsets can be checked:
    offsets count Unicode characters, so decode the body as UTF-8 before slicing.

    Example: `GET /v1/sources/cnnic-57-cctv-zh/text`
    """
    text = metadata.source_text(source_id, session=session)
    if text is None:
        raise unknown("source", source_id, session=session)
    return PlainTextResponse(text)
