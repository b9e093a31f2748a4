"""Reads of the releases: what each seed changed (see :mod:`app.seed.releases`), newest first,
and which release a data version or a time stands for. Nothing here knows HTTP.

A data version is a fingerprint of the data, so data that returns to an earlier state (a change
undone) has an earlier version again: a version stands for the latest release that had it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Release, ReleaseChange


def list_releases(
    *, session: Session, limit: int, before: int | None = None
) -> tuple[Sequence[Release], int | None]:
    """Up to ``limit`` releases numbered below ``before`` (all when None), newest first, and the
    number the next page starts below (None on the last page)."""
    statement = select(Release).order_by(Release.number.desc()).limit(limit + 1)
    if before is not None:
        statement = statement.where(Release.number < before)
    releases = session.scalars(statement).all()
    if len(releases) <= limit:
        return releases, None
    return releases[:limit], releases[limit - 1].number


def get_release(version: str, *, session: Session) -> Release | None:
    """The latest release whose data version is ``version``."""
    statement = (
        select(Release)
        .where(Release.data_version == version)
        .order_by(Release.number.desc())
        .limit(1)
    )
    return session.scalar(statement)


def release_changes(
    number: int,
    *,
    session: Session,
    limit: int,
    after: int | None = None,
    kinds: Sequence[str] = (),
) -> tuple[Sequence[ReleaseChange], int | None]:
    """Up to ``limit`` changes of release ``number`` (only of ``kinds``, when given) after the
    change ``after``, in natural-key order, and the change the next page starts after (None on
    the last page)."""
    statement = (
        select(ReleaseChange)
        .where(ReleaseChange.release_number == number)
        .order_by(ReleaseChange.id)
        .limit(limit + 1)
    )
    if after is not None:
        statement = statement.where(ReleaseChange.id > after)
    if kinds:
        statement = statement.where(ReleaseChange.kind.in_(kinds))
    changes = session.scalars(statement).all()
    if len(changes) <= limit:
        return changes, None
    return changes[:limit], changes[limit - 1].id


def data_versions(*, session: Session) -> list[str]:
    """Every release's data version, newest first, each once."""
    statement = select(Release.data_version).order_by(Release.number.desc())
    return list(dict.fromkeys(session.scalars(statement)))


def release_of_version(version: str, *, session: Session) -> int | None:
    """The number of the latest release whose data version is ``version``."""
    release = get_release(version, session=session)
    return None if release is None else release.number


def release_at(moment: dt.datetime, *, session: Session) -> int:
    """The number of the last release seeded at or before ``moment`` (timezone-aware), or 0
    when every release is later."""
    seeded = session.execute(select(Release.number, Release.seeded_at)).all()
    return max((number for number, at in seeded if _utc(at) <= moment), default=0)


def _utc(seeded_at: str) -> dt.datetime:
    """A release's time (ISO 8601, as the seed writes it), naive ones taken as UTC."""
    moment = dt.datetime.fromisoformat(seeded_at)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
