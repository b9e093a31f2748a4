"""Reports: the editions the figures come from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.queries import metadata
from app.web import schemas
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.errors import problem_responses
from app.web.lookup import require_report
from app.web.params import NoParameters

router = APIRouter(
    prefix="/v1/reports", tags=["reports"], dependencies=V1_DEPENDENCIES, responses=V1_RESPONSES
)

ReportId = Annotated[
    str, Path(max_length=64, description="The report's slug.", examples=["cnnic-55"])
]


@router.get("", summary="List reports")
def list_reports(session: SessionDep, _: Annotated[NoParameters, Query()]) -> schemas.ReportList:
    """Every report, oldest edition first, with the ids of its sources.

    Example: `GET /v1/reports`
    """
    reports = metadata.list_reports(session=session)
    return schemas.ReportList(data=[schemas.Report.from_row(report) for report in reports])


@router.get("/{report_id}", summary="Read a report", responses=problem_responses(404))
def read_report(
    report_id: ReportId, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> schemas.Report:
    """One report; an unknown id is a 404 naming the closest ones.

    Example: `GET /v1/reports/cnnic-57`
    """
    return schemas.Report.from_row(require_report(report_id, session=session))
