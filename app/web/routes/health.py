"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.store.sessions import get_engine

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def read_health() -> dict[str, str]:
    """Answers as long as the process runs; touches nothing else."""
    return {"status": "ok"}


@router.get("/readyz", summary="The database answers")
def read_readiness(response: Response) -> dict[str, str]:
    """503 while the database cannot be reached, 200 once it answers."""
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "unavailable"}
    return {"status": "ok"}
