"""What a seed changed: a release, recorded in the seed's transaction, observation by observation.

A seed replaces the whole data set, so what it changed is found by comparing the data before it
with the data after it, both read from the database: a :func:`snapshot` is taken before the old
rows go, and :func:`record_release` compares it with the new rows. Observations are compared by
their natural key (indicator, dimensions key, period, report): the database's ids are given
again by every seed.

Each observation of the new data is *added* (its key is new), *revised* (something it says
changed), or unchanged; each key gone is *withdrawn*. A revision says why (:data:`Reason`):

- ``preferred_report``: the value served by default for its indicator, dimensions and period
  (the preferred vintage, see :mod:`app.seed.vintages`) is now this report's, ranked above the
  one served before: a later edition's, or a reported value where a derived one was served.
  The one before is kept, and ``vintages=all`` still gives it.
- ``preferred_withdrawn``: the value served before was withdrawn, so this one, next in rank, is
  served again.
- ``correction``: the reviewed readings read it otherwise: its value, qualifier, attribution or
  status (its ``read_by`` says whether a reviewer corrected or added the reading).
- ``derivation``: a derived value computed again (other inputs, another value or formula).
- ``citation``: the same reading, proved otherwise: its citations or notes changed.

A release also names the reports and sources that came or went. A seed that changes nothing
records nothing; the first seed of a database records everything as added. Every observation
keeps the number of the release that last added or revised it (``changed_in``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Text, cast, select, update
from sqlalchemy.orm import Session

from app.store.models import (
    Citation,
    DimensionLabel,
    Indicator,
    Note,
    Observation,
    Release,
    ReleaseChange,
    Report,
    SearchWord,
    Source,
)

Kind = Literal["added", "revised", "withdrawn"]
Reason = Literal["preferred_report", "preferred_withdrawn", "correction", "derivation", "citation"]
# indicator, dimensions key, period, report
Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class Held:
    """What one observation says, as a release compares it."""

    id: int
    value: float
    preferred: bool
    derived: bool
    # value, qualifier, attributed_to, status: what a reviewer reads
    reading: tuple[Any, ...]
    derivation: str | None
    # as_reported, read_by, then every citation and note
    evidence: tuple[Any, ...]
    changed_in: int | None


@dataclass(frozen=True)
class Snapshot:
    """The data as a release compares it: observations by key, report and source ids; and the
    last release recorded (its number, data version and time), which the data is as of."""

    observations: dict[Key, Held] = field(default_factory=dict)
    reports: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    # Each indicator's catalogue entry, by code; the dimension labels and the search words.
    indicators: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    vocabulary: tuple[Any, ...] = ()
    last_release: int | None = None
    version: str | None = None
    seeded_at: str | None = None


@dataclass(frozen=True)
class Change:
    """One observation a release added, revised or withdrew."""

    kind: Kind
    key: Key
    value: float | None
    previous_value: float | None = None
    reason: Reason | None = None
    previous_report: str | None = None


@dataclass(frozen=True)
class ReleaseSummary:
    """What :func:`record_release` recorded."""

    number: int
    data_version: str
    seeded_at: str
    added: int
    revised: int
    withdrawn: int
    reports_added: list[str]
    reports_removed: list[str]
    sources_added: list[str]
    sources_removed: list[str]
    indicators_changed: list[str]
    vocabulary_changed: bool


def snapshot(session: Session) -> Snapshot:
    """The data in ``session``'s database now."""
    citations: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for owner, *fields in session.execute(
        select(
            Citation.observation_id,
            Citation.source_id,
            Citation.start,
            Citation.end,
            Citation.quote,
            Citation.as_reported,
            Citation.read_by,
            Citation.corrected,
        ).order_by(Citation.observation_id, Citation.source_id, Citation.start)
    ):
        citations[owner].append(("citation", *fields[:-1], tuple(fields[-1] or ())))
    for owner, *fields in session.execute(
        select(Note.observation_id, Note.kind, Note.source_id, Note.start, Note.end).order_by(
            Note.observation_id, Note.source_id, Note.start, Note.kind
        )
    ):
        citations[owner].append(("note", *fields))
    observations: dict[Key, Held] = {}
    for row in session.execute(
        select(
            Observation.id,
            Observation.indicator_code,
            Observation.dimensions_key,
            Observation.period,
            Observation.report_id,
            Observation.value,
            Observation.preferred,
            Observation.status,
            Observation.qualifier,
            Observation.attributed_to,
            cast(Observation.derivation, Text).label("derivation_text"),
            Observation.as_reported,
            Observation.read_by,
            Observation.changed_in,
        )
    ):
        key = (row.indicator_code, row.dimensions_key, row.period, row.report_id)
        observations[key] = Held(
            id=row.id,
            value=row.value,
            preferred=row.preferred,
            derived=row.status == "derived",
            reading=(row.value, row.qualifier, row.attributed_to, row.status),
            derivation=row.derivation_text,
            evidence=(row.as_reported, row.read_by, *citations.get(row.id, ())),
            changed_in=row.changed_in,
        )
    last = session.execute(
        select(Release.number, Release.data_version, Release.seeded_at)
        .order_by(Release.number.desc())
        .limit(1)
    ).first()
    return Snapshot(
        observations=observations,
        reports=frozenset(session.scalars(select(Report.id))),
        sources=frozenset(session.scalars(select(Source.id))),
        indicators=_catalogue_entries(session),
        vocabulary=_vocabulary(session),
        last_release=None if last is None else last.number,
        version=None if last is None else last.data_version,
        seeded_at=None if last is None else last.seeded_at,
    )


def _catalogue_entries(session: Session) -> dict[str, tuple[Any, ...]]:
    return {
        row.code: (
            row.name,
            row.name_zh,
            row.description,
            row.description_zh,
            row.unit,
            row.category,
            tuple(row.terms),
        )
        for row in session.execute(select(Indicator)).scalars()
    }


def _vocabulary(session: Session) -> tuple[Any, ...]:
    labels = session.execute(
        select(
            DimensionLabel.dimension,
            DimensionLabel.value,
            DimensionLabel.label_zh,
            DimensionLabel.names,
        ).order_by(DimensionLabel.dimension, DimensionLabel.value)
    )
    words = session.execute(
        select(SearchWord.kind, SearchWord.phrase, SearchWord.means).order_by(
            SearchWord.kind, SearchWord.phrase
        )
    )
    return (
        tuple((*row[:3], tuple(row[3])) for row in labels),
        tuple((*row[:2], tuple(row[2] or ())) for row in words),
    )


def changes(before: dict[Key, Held], after: dict[Key, Held]) -> list[Change]:
    """What changed from ``before`` to ``after``, one change per key, in key order."""
    found: dict[Key, Change] = {}
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            found[key] = Change("added", key, now.value)
            continue
        reason = _revision(was, now)
        if reason is not None:
            found[key] = Change("revised", key, now.value, was.value, reason)
    for key, was in before.items():
        if key not in after:
            found[key] = Change("withdrawn", key, None, was.value)
    served_before = _served(before)
    for value_of, key in _served(after).items():
        old = served_before.get(value_of)
        if old is None or old == key:
            continue
        why: Reason = "preferred_report" if old in after else "preferred_withdrawn"
        found[key] = Change(
            "revised", key, after[key].value, before[old].value, why, previous_report=old[3]
        )
    return [found[key] for key in sorted(found)]


def _revision(was: Held, now: Held) -> Reason | None:
    if was.reading != now.reading:
        return "derivation" if now.derived else "correction"
    if was.derivation != now.derivation:
        return "derivation"
    if was.evidence != now.evidence:
        return "citation"
    return None


def _served(observations: dict[Key, Held]) -> dict[tuple[str, str, str], Key]:
    """The key of the preferred vintage of each indicator, dimensions and period."""
    return {key[:3]: key for key, held in observations.items() if held.preferred}


def record_release(
    session: Session, before: Snapshot, *, version: str, seeded_at: str
) -> ReleaseSummary | None:
    """Compare the data now in ``session`` with ``before`` and record what changed as the next
    release, served as ``version`` from ``seeded_at``; None, and nothing recorded, when nothing
    did. With no release recorded yet, everything is added. Either way every observation is
    given the release it last changed in."""
    first = before.last_release is None
    if first:
        before = Snapshot()
    after = snapshot(session)
    found = changes(before.observations, after.observations)
    reports_added, reports_removed = _came_and_went(before.reports, after.reports)
    sources_added, sources_removed = _came_and_went(before.sources, after.sources)
    indicators_changed = sorted(
        code
        for code in {*before.indicators, *after.indicators}
        if before.indicators.get(code) != after.indicators.get(code)
    )
    vocabulary_changed = before.vocabulary != after.vocabulary
    moved = reports_added or reports_removed or sources_added or sources_removed
    catalogue = indicators_changed or vocabulary_changed
    if not (first or found or moved or catalogue or version != before.version):
        _keep_changed_in(session, before, after, number=None, found=[])
        return None
    number = (before.last_release or 0) + 1
    counts = {kind: sum(1 for change in found if change.kind == kind) for kind in _KINDS}
    session.add(
        Release(
            number=number,
            data_version=version,
            previous_version=before.version,
            seeded_at=seeded_at,
            reports_added=reports_added,
            reports_removed=reports_removed,
            sources_added=sources_added,
            sources_removed=sources_removed,
            indicators_changed=indicators_changed,
            vocabulary_changed=vocabulary_changed,
            **counts,
        )
    )
    session.flush()
    session.add_all(_row(number, change) for change in found)
    session.flush()
    _keep_changed_in(session, before, after, number=number, found=found)
    return ReleaseSummary(
        number=number,
        data_version=version,
        seeded_at=seeded_at,
        reports_added=reports_added,
        reports_removed=reports_removed,
        sources_added=sources_added,
        sources_removed=sources_removed,
        indicators_changed=indicators_changed,
        vocabulary_changed=vocabulary_changed,
        **counts,
    )


_KINDS: tuple[Kind, ...] = ("added", "revised", "withdrawn")


def _came_and_went(before: frozenset[str], after: frozenset[str]) -> tuple[list[str], list[str]]:
    return sorted(after - before), sorted(before - after)


def _row(number: int, change: Change) -> ReleaseChange:
    indicator, dimensions_key, period, report = change.key
    return ReleaseChange(
        release_number=number,
        kind=change.kind,
        reason=change.reason,
        indicator_code=indicator,
        dimensions_key=dimensions_key,
        period=period,
        report_id=report,
        value=change.value,
        previous_value=change.previous_value,
        previous_report_id=change.previous_report,
    )


def _keep_changed_in(
    session: Session,
    before: Snapshot,
    after: Snapshot,
    *,
    number: int | None,
    found: Iterable[Change],
) -> None:
    """Give each observation the release it last changed in: ``number`` for those ``found``
    added or revised, else what it had before."""
    changed = {change.key for change in found if change.kind != "withdrawn"}
    rows = []
    for key, held in after.observations.items():
        was = before.observations.get(key)
        changed_in = number if key in changed else (was.changed_in if was else None)
        if changed_in != held.changed_in:
            rows.append({"id": held.id, "changed_in": changed_in})
    if rows:
        session.execute(update(Observation), rows)
