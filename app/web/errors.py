"""The project's exceptions and the one place that renders them as RFC 9457 problem details."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.web.schemas import ParameterProblem, Problem

PROBLEM_TYPE_PREFIX = "urn:cnnic-stats:problem:"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class ApiError(Exception):
    """A request the API refuses, with what the client can do about it."""

    status = 400
    slug = "bad-request"
    title = "Bad request"
    # Seconds after which the client may try again, sent as Retry-After; None: no header.
    retry_after: int | None = None

    def __init__(
        self,
        detail: str,
        *,
        parameter: str | None = None,
        allowed: Sequence[str] | None = None,
        suggestions: Sequence[str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.parameter = parameter
        self.allowed = list(allowed) if allowed is not None else None
        self.suggestions = list(suggestions) if suggestions is not None else None


class NotFoundError(ApiError):
    """No report, source or indicator has that identifier."""

    status = 404
    slug = "not-found"
    title = "Not found"


class InvalidParameterError(ApiError):
    """A parameter's value cannot be used: malformed, out of range, or contradicting another."""

    status = 422
    slug = "invalid-parameter"
    title = "Invalid parameter"


class UnknownParameterError(InvalidParameterError):
    """A parameter that is neither documented nor, where that applies, a known dimension."""

    slug = "unknown-parameter"
    title = "Unknown parameter"


class DataUnavailableError(ApiError):
    """The data cannot be served whole now: none is seeded yet, or seeds kept landing while it
    was read."""

    status = 503
    slug = "data-unavailable"
    title = "Data unavailable"
    retry_after = 30


class NotModified(Exception):  # noqa: N818 - it is a status, not a failure
    """The client's copy (its ``If-None-Match``) is still current: answer 304."""


def closest(wanted: str, candidates: Iterable[str], *, limit: int = 5) -> list[str]:
    """The candidates most like ``wanted``: the closest in spelling, then those that contain it
    or that it contains (``users`` finds ``internet_users``)."""
    pool = sorted(set(candidates))
    needle = wanted.lower()
    containing = [c for c in pool if needle and (needle in c.lower() or c.lower() in needle)]
    similar = difflib.get_close_matches(wanted, pool, n=limit, cutoff=0.6)
    return list(dict.fromkeys([*similar, *containing]))[:limit]


def problem_response(problem: Problem, *, headers: dict[str, str] | None = None) -> JSONResponse:
    """``problem`` as ``application/problem+json``, leaving out members it does not use."""
    return JSONResponse(
        problem.model_dump(mode="json", exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _from_api_error(
    error: ApiError, request: Request, *, errors: list[ParameterProblem] | None = None
) -> Problem:
    return Problem(
        type=PROBLEM_TYPE_PREFIX + error.slug,
        title=error.title,
        status=error.status,
        detail=error.detail,
        instance=str(request.url.path),
        parameter=error.parameter,
        allowed=error.allowed,
        suggestions=error.suggestions,
        errors=errors,
    )


def _parameter_problem(error: dict[str, Any]) -> tuple[ParameterProblem, bool]:
    """One of pydantic's errors as the parameter it concerns and what is wrong with it, and
    whether the parameter is an unknown one."""
    location = [str(part) for part in error.get("loc", ())]
    context = error.get("ctx") or {}
    parameter = str(context.get("parameter") or (location[1] if len(location) > 1 else ""))
    allowed = context.get("allowed")
    problem = ParameterProblem(
        parameter=parameter or None,
        # Our own errors name their parameter in the message already; pydantic's do not.
        detail=str(error["msg"])
        if "parameter" in context or not parameter
        else f"{parameter}: {error['msg']}",
        allowed=[str(item) for item in allowed] if isinstance(allowed, list) else None,
    )
    return problem, error.get("type") in {"unknown_parameter", "extra_forbidden"}


async def _handle_api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    headers = None if error.retry_after is None else {"Retry-After": str(error.retry_after)}
    return problem_response(_from_api_error(error, request), headers=headers)


async def _handle_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    found = [_parameter_problem(dict(item)) for item in error.errors()]
    first, unknown = found[0]
    kind: type[ApiError] = UnknownParameterError if unknown else InvalidParameterError
    error_of_first = kind(first.detail, parameter=first.parameter, allowed=first.allowed)
    problems = [item for item, _ in found]
    return problem_response(_from_api_error(error_of_first, request, errors=problems))


async def _handle_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    problem = Problem(
        type="about:blank",
        title=_reason(error.status_code),
        status=error.status_code,
        detail=str(error.detail),
        instance=str(request.url.path),
    )
    return problem_response(problem, headers=dict(error.headers or {}))


async def _handle_not_modified(_request: Request, _error: Exception) -> Response:
    return Response(status_code=304)


async def _handle_database_down(request: Request, _error: Exception) -> Response:
    problem = Problem(
        type="about:blank",
        title="Service Unavailable",
        status=503,
        detail="The database did not answer in time; try again shortly.",
        instance=str(request.url.path),
    )
    return problem_response(problem, headers={"Retry-After": "30"})


async def _handle_unexpected(request: Request, _error: Exception) -> Response:
    problem = Problem(
        type="about:blank",
        title="Internal Server Error",
        status=500,
        detail="The server failed to answer this request; it has been logged.",
        instance=str(request.url.path),
    )
    return problem_response(problem)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def install_error_handlers(app: FastAPI) -> None:
    """Render every refusal, the framework's included, as problem details."""
    app.add_exception_handler(ApiError, _handle_api_error)
    app.add_exception_handler(RequestValidationError, _handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, _handle_http_error)
    app.add_exception_handler(NotModified, _handle_not_modified)
    # The database refused, dropped or timed out a connection or a statement, or every pooled
    # connection stayed busy: the service is unavailable, not broken.
    app.add_exception_handler(OperationalError, _handle_database_down)
    app.add_exception_handler(PoolTimeoutError, _handle_database_down)
    app.add_exception_handler(Exception, _handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation may answer with."""
    descriptions = {
        404: "No such report, source or indicator; `suggestions` lists the closest identifiers.",
        414: "The path and query are longer than the service accepts (`MAX_URL_LENGTH`).",
        422: "A parameter is unknown, malformed or out of range; `parameter` names it.",
        429: "Too many requests from this client (only when a rate limit is configured); "
        "`Retry-After` says when to try again.",
        431: "The request's headers are larger than the service accepts (`MAX_HEADER_BYTES`).",
        503: "The database did not answer in time; `Retry-After` says when to try again.",
    }
    return {status: {"model": Problem, "description": descriptions[status]} for status in statuses}
