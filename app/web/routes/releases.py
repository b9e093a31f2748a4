"""Releases: what each seed changed in the data, newest first, and each one's changes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.queries import releases
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.errors import problem_responses
from app.web.lookup import require_release
from app.web.pagination import encode_position
from app.web.params import MAX_VERSION_LENGTH, ReleaseChangesQuery, ReleaseQuery

router = APIRouter(
    prefix="/v1/releases", tags=["releases"], dependencies=V1_DEPENDENCIES, responses=V1_RESPONSES
)

DataVersion = Annotated[
    str,
    Path(
        max_length=MAX_VERSION_LENGTH,
        description="A data version (as `X-Data-Version` gives it): its latest release.",
        examples=["2d8e852a52179316f985a4da4a29b941"],
    ),
]


def _next_page(request: Request, response: Response, position: int | None) -> str | None:
    """The URL of the page after this one, also put in the `Link` header; None on the last."""
    if position is None:
        return None
    url = str(request.url.include_query_params(cursor=encode_position(position)))
    response.headers["Link"] = f'<{url}>; rel="next"'
    return url


@router.get("", summary="List releases")
def list_releases(
    request: Request,
    response: Response,
    session: SessionDep,
    params: Annotated[ReleaseQuery, Query()],
) -> schemas.ReleaseList:
    """Every release, newest first: each seed that changed the data, with its data version, when
    it was seeded, the reports and sources it added or removed, and how many observations it
    added, revised and withdrew. The first holds everything seeded then.

    Example: `GET /v1/releases`
    """
    found, position = releases.list_releases(
        session=session, limit=params.limit, before=params.cursor
    )
    return schemas.ReleaseList(
        data=[schemas.Release.from_row(release) for release in found],
        next=_next_page(request, response, position),
    )


@router.get("/{version}", summary="Read a release", responses=problem_responses(404))
def read_release(
    version: DataVersion,
    request: Request,
    response: Response,
    session: SessionDep,
    params: Annotated[ReleaseChangesQuery, Query()],
) -> schemas.ReleaseChanges:
    """One release and a page of its changes, by indicator, dimensions, period and report:
    each observation it added, revised (with the value before, and why) or withdrew. An
    unknown version is a 404 naming the closest ones.

    Examples: `GET /v1/releases/2d8e852a52179316f985a4da4a29b941`,
    `GET /v1/releases/2d8e852a52179316f985a4da4a29b941?kind=withdrawn` (what a copy must delete)
    """
    release = require_release(version, session=session)
    changes, position = releases.release_changes(
        release.number,
        session=session,
        limit=params.limit,
        after=params.cursor,
        kinds=params.kind or (),
    )
    return schemas.ReleaseChanges(
        **schemas.Release.from_row(release).model_dump(),
        changes=[schemas.Change.from_row(change) for change in changes],
        next=_next_page(request, response, position),
    )
