"""Identifiers to rows, or a 404 that names the closest identifiers that exist (a 422 for one
given as a parameter's value, where the parameter is at fault)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from sqlalchemy.orm import Session

from app.queries import metadata, releases
from app.store import models
from app.web.errors import InvalidParameterError, NotFoundError, closest
from app.web.params import ChangedSince

Kind = Literal["indicator", "report", "source"]

_KNOWN: dict[Kind, tuple[Callable[..., list[str]], str]] = {
    "indicator": (metadata.indicator_codes, "/v1/indicators"),
    "report": (metadata.report_ids, "/v1/reports"),
    "source": (metadata.source_ids, "/v1/sources"),
}


def unknown(
    kind: Kind, wanted: str, *, session: Session, parameter: str | None = None
) -> NotFoundError:
    """The 404 for an identifier of ``kind`` that does not exist, with the closest that do."""
    known_ids, listing = _KNOWN[kind]
    suggestions = closest(wanted, known_ids(session=session))
    hint = f" Closest: {', '.join(suggestions)}." if suggestions else ""
    return NotFoundError(
        f"No {kind} {wanted!r}.{hint} {listing} lists them all.",
        parameter=parameter,
        suggestions=suggestions,
    )


def require_indicator(code: str, *, session: Session) -> models.Indicator:
    """The indicator ``code``, or a 404."""
    indicator = metadata.get_indicator(code, session=session)
    if indicator is None:
        raise unknown("indicator", code, session=session)
    return indicator


def require_indicators(codes: list[str], *, session: Session, parameter: str) -> None:
    """A 404 for the first of ``codes`` that is no indicator's."""
    known = set(metadata.indicator_codes(session=session))
    for code in codes:
        if code not in known:
            raise unknown("indicator", code, session=session, parameter=parameter)


def require_report(
    report_id: str, *, session: Session, parameter: str | None = None
) -> models.Report:
    """The report ``report_id`` with its sources, or a 404."""
    report = metadata.get_report(report_id, session=session)
    if report is None:
        raise unknown("report", report_id, session=session, parameter=parameter)
    return report


def require_source(source_id: str, *, session: Session) -> models.Source:
    """The source ``source_id`` (without its text), or a 404."""
    source = metadata.get_source(source_id, session=session)
    if source is None:
        raise unknown("source", source_id, session=session)
    return source


# The most data versions a refusal lists.
_VERSIONS_LISTED = 10


def _versions_closest_first(wanted: str, *, session: Session) -> list[str]:
    """The data versions of the releases, the closest to ``wanted`` first, then the newest."""
    known = releases.data_versions(session=session)
    return list(dict.fromkeys([*closest(wanted, known), *known]))


def require_release(version: str, *, session: Session) -> models.Release:
    """The latest release of data version ``version``, or a 404."""
    release = releases.get_release(version, session=session)
    if release is None:
        suggestions = _versions_closest_first(version, session=session)[:5]
        hint = f" Closest: {', '.join(suggestions)}." if suggestions else ""
        raise NotFoundError(
            f"No release of data version {version!r}.{hint} /v1/releases lists them all.",
            suggestions=suggestions,
        )
    return release


def changed_after(since: ChangedSince, *, session: Session, parameter: str) -> int:
    """The number of the release after which changes count: the latest of the data version
    ``since`` names, or the last seeded at or before its moment; a 422 for a version no
    release has."""
    if since.moment is not None:
        return releases.release_at(since.moment, session=session)
    number = releases.release_of_version(since.text, session=session)
    if number is None:
        versions = _versions_closest_first(since.text, session=session)[:_VERSIONS_LISTED]
        listed = ", ".join(versions) if versions else "none yet"
        raise InvalidParameterError(
            f"{parameter}={since.text!r} is neither the data version of a release nor a date "
            f"(YYYY-MM-DD) or date-time (ISO 8601). Data versions, closest first: {listed}. "
            "/v1/releases lists every release.",
            parameter=parameter,
            allowed=versions,
        )
    return number
