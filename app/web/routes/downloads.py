"""Downloads: the whole data set in one request, as a data package or as a SQLite database.

Each file is built on the first request for a data version and served from disk after that
(see :mod:`app.exports.cache`); the response cache does not hold it in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from sqlalchemy import Engine

from app.config import Settings
from app.exports.cache import Build, Built, NoDataError, download_cache
from app.exports.datapackage import FILE_NAME as DATAPACKAGE_FILE
from app.exports.datapackage import write_datapackage
from app.exports.snapshot import DataChangedError, Snapshot
from app.exports.sqlite_copy import FILE_NAME as SQLITE_FILE
from app.exports.sqlite_copy import write_sqlite
from app.web.common import V1_DEPENDENCIES, V1_RESPONSES
from app.web.deps import SessionDep
from app.web.errors import DataUnavailableError
from app.web.middleware.etag import tag_with_version
from app.web.middleware.response_cache import keep_out
from app.web.params import NoParameters
from app.web.schemas import Problem

router = APIRouter(
    prefix="/v1/downloads",
    tags=["downloads"],
    dependencies=V1_DEPENDENCIES,
    responses=V1_RESPONSES,
)

ZIP_MEDIA_TYPE = "application/zip"
SQLITE_MEDIA_TYPE = "application/vnd.sqlite3"
# What the saved file is called: the data version in its name, so two downloads never clash.
_SAVED_AS = "cnnic-stats-{version}.{suffix}"


def _file_response(description: str, media_type: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": description,
            "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
        },
        503: {
            "model": Problem,
            "description": "The database did not answer in time, holds no data yet, or seeds "
            "kept landing while the file was built; `Retry-After` says when to try again.",
        },
    }


@router.get(
    "/datapackage.zip",
    summary="Download everything as a data package",
    response_class=FileResponse,
    responses=_file_response(
        "A zip: `datapackage.json` (a Frictionless data package: every table's fields, types, "
        "keys, the licence and the data version), the tables as CSV under `data/`, and every "
        "source's text under `texts/`, byte for byte.",
        ZIP_MEDIA_TYPE,
    ),
)
def download_datapackage(
    request: Request, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> FileResponse:
    """The whole data set as a [Frictionless data package](https://datapackage.org/) in one
    zip: reports, sources, indicators (with each one's unit), observations (every vintage),
    citations and notes as CSV, and the source texts, so that any quote can be checked with
    nothing but the zip: `quote == text[start:end]` of `texts/<source>.txt`. It is built once
    per data version; its file name carries the version.

    Example: `GET /v1/downloads/datapackage.zip`
    """
    built = _built(request, session, DATAPACKAGE_FILE, _datapackage)
    return _send(request, built, ZIP_MEDIA_TYPE, "zip")


@router.get(
    "/database.sqlite",
    summary="Download everything as a SQLite database",
    response_class=FileResponse,
    responses=_file_response(
        "A SQLite 3 database file: every table of the service's database, with its schema, "
        "constraints and indexes.",
        SQLITE_MEDIA_TYPE,
    ),
)
def download_sqlite(
    request: Request, session: SessionDep, _: Annotated[NoParameters, Query()]
) -> FileResponse:
    """The whole database as one SQLite file, for SQL: every table (`observations`,
    `citations`, `notes`, `sources` with their texts, `reports`, `indicators`, ...), copied from
    the database the service reads, whatever it is. Any SQLite client opens it, read-only if
    you like (`sqlite3 -readonly cnnic-stats-<version>.sqlite`). It is built once per data
    version; its file name carries the version.

    Example: `GET /v1/downloads/database.sqlite`
    """
    built = _built(request, session, SQLITE_FILE, _sqlite)
    return _send(request, built, SQLITE_MEDIA_TYPE, "sqlite")


def _datapackage(target: Path, engine: Engine, snapshot: Snapshot) -> None:
    write_datapackage(target, engine=engine, snapshot=snapshot)


def _sqlite(target: Path, engine: Engine, _snapshot: Snapshot) -> None:
    write_sqlite(target, engine=engine)


def _built(request: Request, session: SessionDep, name: str, build: Build) -> Built:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    settings: Settings = request.app.state.settings
    try:
        return download_cache(settings.download_cache_dir).file(name, build, engine=engine)
    except (NoDataError, DataChangedError) as error:
        raise DataUnavailableError(f"The download cannot be built now: {error}.") from error


def _send(request: Request, built: Built, media_type: str, suffix: str) -> FileResponse:
    if (built.version, built.seeded_at) != (
        request.state.data_version,
        request.state.data_seeded_at,
    ):
        tag_with_version(request, built.version, built.seeded_at)
    keep_out(request)
    return FileResponse(
        built.path,
        media_type=media_type,
        filename=_SAVED_AS.format(version=built.version, suffix=suffix),
    )
