"""Identifiers to rows, or a 404 that names the closest identifiers that exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from sqlalchemy.orm import Session

from app.queries import metadata
from app.store import models
from app.web.errors import NotFoundError, closest

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
