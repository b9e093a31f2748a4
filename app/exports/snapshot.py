"""Which data a build reads: the data version, and the seed that wrote it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.queries import metadata


class DataChangedError(Exception):
    """A seed landed while a build read the data: what it read may mix two seeds' data."""


@dataclass(frozen=True)
class Snapshot:
    """The data version and when it was seeded: a seed that lands changes ``seeded_at`` even
    when it leaves the version as it was (and may renumber the rows)."""

    version: str
    seeded_at: str


def current_snapshot(engine: Engine) -> Snapshot | None:
    """The data ``engine``'s database holds now; None before any seed."""
    with Session(engine) as session:
        row = metadata.dataset_version(session=session)
        return None if row is None else Snapshot(row.version, row.seeded_at)
